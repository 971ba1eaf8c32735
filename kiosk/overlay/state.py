"""The overlay files under the state directory and their life: offered, pending, applying, applied or rolled back."""

from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

from kiosk.crashes import write_atomically
from protocol.overlays import OverlayRefused

log = logging.getLogger(__name__)

FOLDER = "overlay"
STATES = ("none", "applied", "pending", "applying", "refused", "rolled_back")
MAX_REASON = 300  # the heartbeat's limit (protocol.wire.ConfigBeat)
# starts allowed to reach the first frame with a new overlay; the next start rolls it back
STARTS_ALLOWED = 1


@dataclass(frozen=True)
class Overlay:
    version: int  # central's number; 0 = no overlay, kiosk.toml as it is
    toml: str
    target: str | None = None  # "terminal:<id>" or "site:<code>", as central addressed it


BASE = Overlay(0, "")


class OverlayFiles:
    """`<state_directory>/overlay/`, each file written whole or not at all (temp file, fsync, rename):

    - active.json: the overlay the kiosk runs, or will run from its next start (absent: none);
    - previous.json: the one it ran before the last apply, which a rollback brings back;
    - pending.json: checked and waiting for a quiet moment;
    - applying.json: the marker of an apply whose first frame has not been seen yet, with the starts it had;
    - status.json: what became of the newest overlay central offered, for the heartbeat.

    One instance is shared by the fetch thread and the GUI thread; `at_start()` runs alone, before either."""

    def __init__(self, folder: Path, clock: Callable[[], float] = time.time) -> None:
        self.folder = Path(folder)
        self._clock = clock
        self._lock = threading.Lock()
        self._told: set[str] = set()  # damaged files already logged: the heartbeat reads them every sync round

    @classmethod
    def for_config(cls, cfg) -> "OverlayFiles":
        return cls(cfg.path(cfg.storage.state_directory) / FOLDER)

    # ---- reading and writing
    def _path(self, name: str) -> Path:
        return self.folder / f"{name}.json"

    def _read(self, name: str) -> dict | None:
        try:
            data = json.loads(self._path(name).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as e:  # a damaged file counts as absent; the log says which, once
            if name not in self._told:
                self._told.add(name)
                log.error("configuration overlay: %s unreadable (%s); ignored", self._path(name), type(e).__name__)
            return None
        return data if isinstance(data, dict) else None

    def _overlay(self, name: str) -> Overlay | None:
        data = self._read(name)
        try:
            return Overlay(int(data["version"]), str(data["toml"]), data.get("target")) if data else None
        except (KeyError, TypeError, ValueError):
            log.error("configuration overlay: %s is not an overlay; ignored", self._path(name))
            return None

    def _write(self, name: str, data: dict) -> None:
        write_atomically(self._path(name), json.dumps(data, ensure_ascii=False).encode("utf-8"))

    def _remove(self, name: str) -> None:
        self._path(name).unlink(missing_ok=True)

    def _set_status(self, state: str, offered: int | None, reason: str | None = None) -> None:
        self._write("status", {"state": state, "offered": offered, "reason": reason[:MAX_REASON] if reason else None,
                               "at": self._clock()})

    # ---- what the kiosk runs and reports
    def running(self) -> Overlay:
        return self._overlay("active") or BASE

    def report(self) -> dict:
        """The heartbeat's `config`: {version, state, offered, reason} (protocol.wire.ConfigBeat)."""
        with self._lock:
            version = self.running().version
            status = self._read("status") or {}
        # whatever the file says, the beat stays one central accepts: a beat it refused would be kept and retried
        state = status.get("state") if status.get("state") in STATES else ("applied" if version else "none")
        offered = status.get("offered", version)
        reason = status.get("reason")
        return {"version": version, "state": state,
                "offered": offered if isinstance(offered, int) and not isinstance(offered, bool) else None,
                "reason": str(reason)[:MAX_REASON] if reason else None}

    def describe(self) -> str:
        """One line for staff mode and the diagnostic bundle."""
        r = self.report()
        line = f"version {r['version']}" if r["version"] else "none (kiosk.toml as it is)"
        if r["offered"] is not None and r["offered"] != r["version"]:
            line += f"; version {r['offered']} {r['state']}" + (f": {r['reason']}" if r["reason"] else "")
        return line

    def known_version(self) -> int:
        """The newest version this kiosk has heard of (running, waiting or refused): central need not send it again."""
        report = self.report()
        return report["offered"] if report["offered"] is not None else report["version"]

    # ---- central offers one (fetch thread)
    def offer(self, offered: Overlay, check: Callable[[str], object]) -> str:
        """Takes central's current overlay; `check(toml)` raises protocol.overlays.OverlayRefused for one the kiosk
        must not run. Returns what happened: running, known, pending or refused."""
        with self._lock:
            running = self.running()
            status = self._read("status") or {}
            if offered.version == running.version:
                self._remove("pending")  # central went back to what runs: nothing to apply
                if self._path("applying").exists():
                    return "running"  # swapped in, not yet proven by a first frame: the start after says
                if status.get("state") not in ("applied", "none") or status.get("offered") != running.version:
                    self._set_status("applied" if running.version else "none", running.version)
                return "running"
            if status.get("offered") == offered.version and status.get("state") in ("pending", "refused",
                                                                                     "rolled_back", "applying"):
                return "known"  # a refused or rolled back version is never tried again; central must publish anew
        try:
            check(offered.toml)
        except OverlayRefused as e:
            with self._lock:
                self._remove("pending")  # an older one waiting is no longer what central wants
                self._set_status("refused", offered.version, str(e))
            log.error("configuration overlay version %d refused: %s", offered.version, e)
            return "refused"
        with self._lock:
            self._write("pending", asdict(offered))
            self._set_status("pending", offered.version)
        log.info("configuration overlay version %d checked; it is applied at the next quiet moment", offered.version)
        return "pending"

    # ---- applying (GUI thread, at a quiet moment)
    def waiting(self) -> bool:
        return self._path("pending").exists()

    def begin_apply(self) -> int | None:
        """Makes the pending overlay the active one, keeping the one before, and marks the apply; the caller then
        ends the process so the service unit starts the kiosk with it. None when nothing waits."""
        with self._lock:
            pending = self._overlay("pending")
            if pending is None:
                return None
            running = self.running()
            self._write("previous", asdict(running))
            self._write("applying", {"version": pending.version, "from": running.version, "starts": 0})
            self._write("active", asdict(pending))
            self._remove("pending")
            self._set_status("applying", pending.version)
        log.warning("configuration overlay version %d replaces version %d: restarting the kiosk", pending.version,
                    running.version)
        return pending.version

    # ---- start and first frame (`kiosk run`)
    def at_start(self) -> tuple[Overlay, tuple[int, str] | None]:
        """The overlay this start runs with, and a line for the log (level, text) when it is not simply the one that
        ran before: an apply whose last start never reached its first frame is rolled back here."""
        with self._lock:
            marker = self._read("applying")
            active = self.running()
            if marker is None:
                return active, None
            try:
                version, starts = int(marker["version"]), int(marker.get("starts", 0))
            except (KeyError, TypeError, ValueError):
                version, starts = -1, 0
            if version != active.version:  # cut short before the swap (or damaged): what ran before runs on
                self._remove("applying")
                return active, (logging.WARNING, f"configuration overlay: an unfinished apply of version {version} "
                                                 "was dropped")
            if starts < STARTS_ALLOWED:
                self._write("applying", {**marker, "starts": starts + 1})
                return active, (logging.WARNING, f"configuration overlay version {version}: first start with it")
            previous = self._overlay("previous") or BASE
            self._restore(previous)
            self._remove("applying")
            reason = (f"the kiosk did not reach its first frame with version {version} after {starts} start(s); "
                      f"rolled back to version {previous.version}")
            self._set_status("rolled_back", version, reason)
        return previous, (logging.ERROR, f"configuration overlay version {version} ROLLED BACK: {reason}")

    def _restore(self, overlay: Overlay) -> None:
        if overlay.version:
            self._write("active", asdict(overlay))
        else:
            self._remove("active")

    def discard_active(self, reason: str) -> None:
        """The active overlay no longer fits kiosk.toml (changed on the terminal since): the kiosk runs without it."""
        with self._lock:
            version = self.running().version
            self._remove("active")
            self._remove("applying")
            self._set_status("refused", version, reason)
        log.error("configuration overlay version %d set aside: %s", version, reason)

    def first_frame(self) -> None:
        """The kiosk is on screen: an apply in progress has proven itself."""
        with self._lock:
            marker = self._read("applying")
            if marker is None:
                return
            self._remove("applying")
            version = self.running().version
            self._set_status("applied" if version else "none", version)
        log.info("configuration overlay version %d applied (first frame shown)", version)
