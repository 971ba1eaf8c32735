"""Crashes of the kiosk process: noticed (an unclean end found at the next start, a fatal error), logged and counted."""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from pathlib import Path

log = logging.getLogger(__name__)


def write_atomically(path: Path, data: bytes) -> None:
    """Whole or not at all, mode 0600, surviving a power cut (temp file, fsync, rename, fsync of the folder)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


class Crashes:
    """A counter kept in `<state_dir>/crashes.json` and a marker `<state_dir>/kiosk.running` that exists while the
    kiosk runs: found at start, it means the last run never reached its clean end (SIGKILL, power cut, abort).

    The heartbeat carries `since_last_beat()`; once central took it, `beat_sent(n)` takes those n off."""

    def __init__(self, state_dir: Path, clock=time.time) -> None:
        self.path = state_dir / "crashes.json"
        self.marker = state_dir / "kiosk.running"
        self._clock = clock
        self._lock = threading.Lock()

    def _load(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return {"total": int(data["total"]), "reported": int(data["reported"]), "last": data.get("last")}
        except FileNotFoundError:
            return {"total": 0, "reported": 0, "last": None}
        except (OSError, ValueError, KeyError, TypeError) as e:  # a damaged counter restarts; the log says so
            log.warning("crash counter %s unreadable (%s); starting it again", self.path, type(e).__name__)
            return {"total": 0, "reported": 0, "last": None}

    def _save(self, data: dict) -> None:
        write_atomically(self.path, json.dumps(data).encode())

    def record(self, reason: str) -> int:
        """Counts one crash; `reason` is technical and already free of personal data. Returns the new total."""
        with self._lock:
            data = self._load()
            data["total"] += 1
            data["last"] = {"at": self._clock(), "reason": reason[:200]}
            try:
                self._save(data)
            except OSError as e:
                log.error("crash counter not saved: %s", e)
            return data["total"]

    def since_last_beat(self) -> int:
        with self._lock:
            data = self._load()
        return max(0, data["total"] - data["reported"])

    def beat_sent(self, count: int) -> None:
        """Central acknowledged a heartbeat that carried `count` crashes."""
        if count <= 0:
            return
        with self._lock:
            data = self._load()
            data["reported"] = min(data["total"], data["reported"] + count)
            self._save(data)

    def started(self) -> bool:
        """At start: True (and counted, logged) when the previous run ended uncleanly. Leaves the marker in place."""
        unclean = self.marker.exists()
        if unclean:
            try:
                pid = self.marker.read_text(encoding="ascii").strip()
            except (OSError, UnicodeDecodeError):
                pid = "?"
            self.record("unclean end of the previous run")
            log.error("the previous kiosk run (pid %s) ended without shutting down (killed, crashed or power lost); "
                      "crash counted for the next heartbeat", pid)
        write_atomically(self.marker, str(os.getpid()).encode())
        return unclean

    def stopped(self) -> None:
        """The clean end of a run."""
        self.marker.unlink(missing_ok=True)
