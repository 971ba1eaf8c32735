"""Staff mode: a one-screen health summary a technician reads in a minute (the PINs: kiosk/staff_access.py)."""

from __future__ import annotations

import json
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.redact import REDACTOR

DEVICE_NAMES = {"idcard": "身份证读卡器", "smartcard": "社保卡读卡器", "camera": "摄像头", "printer": "打印机",
                "a4printer": "A4打印机"}


@dataclass(frozen=True)
class HealthRow:
    """One line of the diagnostics screen: what, whether it works, and the detail a technician acts on."""

    key: str
    title: str
    ok: bool
    detail: str


def _device_detail(kind: str, report: dict) -> str:
    if not report.get("ok"):
        return str(report.get("detail") or report.get("last_error") or "fault")
    skip = {"ok", "simulated"}
    facts = [f"{k}={v}" for k, v in report.items() if k not in skip and v not in ("", None)]
    return ", ".join(facts)[:300]


def device_rows(devices: dict) -> list[HealthRow]:
    """One row per configured device: opened is not enough, it must be connected and able to serve."""
    rows = []
    for kind, report in devices.items():
        ok = bool(report.get("ok")) and not report.get("last_error") and report.get("connected", True) is not False
        state = report.get("state")
        if state and state not in ("ok", "unknown"):
            ok = False  # a printer out of paper "works" but cannot serve the citizen
        rows.append(HealthRow(kind, DEVICE_NAMES.get(kind, kind), ok, _device_detail(kind, report)))
    return rows


def device_faults(devices: dict) -> list[str]:
    """"kind: detail" for every device that cannot serve a citizen now (what `kiosk diagnose` exits 1 on)."""
    return [f"{r.key}: {r.detail}" for r in device_rows(devices) if not r.ok]


def health_rows(health: dict) -> list[HealthRow]:
    """Flattens KioskCore.health() into rows: devices first, then the queue and the link to central."""
    rows = device_rows(health.get("devices", {}))
    queue = health.get("queue")
    if queue is None:
        rows.append(HealthRow("queue", "离线队列", False, "not opened"))
    else:
        depth = queue.get("depth") or {}
        link = queue.get("link", "?")
        detail = f"link={link}, depth={json.dumps(depth, ensure_ascii=False)}"
        if queue.get("oldest_pending_age"):
            detail += f", oldest pending {int(queue['oldest_pending_age'])} s"
        if queue.get("last_error"):
            detail += f", last error: {queue['last_error']}"
        if queue.get("quarantine"):
            detail += f", {len(queue['quarantine'])} rejected in quarantine"
        rows.append(HealthRow("queue", "离线队列", queue.get("ok", True) is not False and link == "online",
                              detail if queue.get("ok", True) is not False else str(queue.get("detail"))))
    return rows


def log_tail(cfg, lines: int = 40) -> list[str]:
    """The staff screen's log tail: the kiosk's journal entries when it logs to journald, else its own file."""
    if cfg.logging.target == "journald":
        from kiosk.journal_tail import journal_tail

        return journal_tail(lines)
    return recent_log(cfg.path(cfg.logging.directory), lines)


def recent_log(log_dir: Path, lines: int = 40) -> list[str]:
    """The last lines of the kiosk log, masked once more: lines written before a rule existed get it now."""
    path = log_dir / "kiosk.log"
    try:
        with path.open(encoding="utf-8", errors="replace") as f:
            return [REDACTOR(line.rstrip("\n")) for line in deque(f, maxlen=lines)]
    except OSError as e:
        return [f"cannot read {path}: {e.strerror}"]


def as_dicts(rows: list[HealthRow]) -> list[dict[str, Any]]:
    return [{"key": r.key, "title": r.title, "ok": r.ok, "detail": r.detail} for r in rows]
