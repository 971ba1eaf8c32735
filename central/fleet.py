"""What needs a technician, per terminal, from its heartbeats: flags with a code and a word in Chinese and English."""

from __future__ import annotations

import json
from dataclasses import dataclass

# code -> (zh, en); the code is the stable part (tests, scripts, the operations console)
FLAGS = {
    "stale": ("失联", "silent"),
    "paper_out": ("缺纸", "out of paper"),
    "paper_low": ("纸将尽", "paper low"),
    "device_fault": ("设备故障", "device fault"),
    "backlog_growing": ("积压增长", "backlog growing"),
    "clock_off": ("时钟偏差", "clock off"),
    "crash_loop": ("反复崩溃", "crash loop"),
    "config_refused": ("配置未采用", "configuration refused"),
}
# red: the terminal cannot serve (or nobody knows whether it can); amber: it serves, but needs a visit soon
SEVERE = frozenset({"stale", "paper_out", "device_fault", "crash_loop"})
_PAPER_LOW = frozenset({"near_end", "low"})
# the printer reports its paper state as its device state: the paper flags already say so, it is no fault
_PAPER_STATES = _PAPER_LOW | {"out"}


@dataclass(frozen=True)
class FleetPolicy:
    interval: float = 60.0  # seconds between a kiosk's heartbeats (its central.heartbeat_seconds)
    stale_after: int = 3  # intervals without a beat before a terminal counts as silent
    backlog_beats: int = 3  # the pending count rose at each of this many beats in a row
    clock_limit: float = 60.0  # seconds the terminal's clock may be off central's
    crash_limit: int = 3  # crashes within crash_window
    crash_window: float = 3600.0


@dataclass(frozen=True)
class Flag:
    code: str
    detail: str = ""  # English, for staff: which device, how many seconds, ...

    def view(self) -> dict:
        zh, en = FLAGS[self.code]
        return {"code": self.code, "zh": zh, "en": en, "detail": self.detail}


def flags(last: dict | None, beats: list[dict], now: float, *, since: float | None = None,
          policy: FleetPolicy = FleetPolicy()) -> list[Flag]:
    """Flags of one terminal. last: its last beat (with central's received_at) or None; beats: its recent beats,
    oldest first; since: when it was registered (a terminal that never beat is silent once that is long ago)."""
    out: list[Flag] = []
    heard = last.get("received_at") if last else since
    if heard is not None and now - heard > policy.stale_after * policy.interval:
        out.append(Flag("stale", f"no heartbeat for {now - heard:.0f} s"))
    if not last:
        return out
    paper = last.get("paper")
    if paper == "out":
        out.append(Flag("paper_out"))
    elif paper in _PAPER_LOW:
        out.append(Flag("paper_low", paper))
    faults = sorted(f"{kind}: {d.get('state')}" + (f" ({d['error']})" if d.get("error") else "")
                    for kind, d in (last.get("devices") or {}).items()
                    if d.get("state") != "ok" and not (kind == "printer" and d.get("state") in _PAPER_STATES))
    if faults:
        out.append(Flag("device_fault", "; ".join(faults)))
    pending = [b.get("depth", {}).get("pending", 0) for b in beats[-(policy.backlog_beats + 1):]]
    if len(pending) > policy.backlog_beats and all(a < b for a, b in zip(pending, pending[1:])):
        out.append(Flag("backlog_growing", " -> ".join(map(str, pending))))
    offset = last.get("clock_offset")
    if offset is not None and abs(offset) > policy.clock_limit:
        out.append(Flag("clock_off", f"{offset:+.0f} s"))
    crashes = sum(b.get("crashes") or 0 for b in beats if b.get("received_at", now) > now - policy.crash_window)
    if crashes >= policy.crash_limit:
        out.append(Flag("crash_loop", f"{crashes} crashes in the last hour"))
    config = last.get("config") or {}
    if config.get("state") in ("refused", "rolled_back"):  # the overlay central offers is not what it runs
        out.append(Flag("config_refused", f"version {config.get('offered')} {config['state']}, running version "
                                          f"{config.get('version')}: {config.get('reason') or ''}"))
    return out


def summary(row: dict, beats: list[dict], now: float, policy: FleetPolicy = FleetPolicy()) -> dict:
    """One terminal as staff see it (`kiosk central fleet`, the console): row is storage's terminals() entry."""
    last = row["last_heartbeat"]
    found = flags(last, beats, now, since=row["created_at"], policy=policy)
    return {"id": row["id"], "site": row["site"],
            "last_heartbeat_age": round(now - last["received_at"], 1) if last else None,
            "software": (last or {}).get("software"), "flags": [f.view() for f in found]}


def beat_status(last: dict, beats: list[dict], policy: FleetPolicy = FleetPolicy()) -> dict:
    """A terminal's stored status as of its newest beat `last` (central's terminal_status row): every flag but
    "stale", which only the clock at reading time can tell; the crash window is counted back from that beat."""
    found = [f for f in flags(last, beats, last["received_at"], policy=policy) if f.code != "stale"]
    return {"beat_at": last["received_at"], "codes": "," + "".join(f.code + "," for f in found),
            "flags": json.dumps([{"code": f.code, "detail": f.detail} for f in found]),
            "severe": int(any(f.code in SEVERE for f in found)), "count": len(found),
            "software": str(last.get("software") or "")[:64] or None}
