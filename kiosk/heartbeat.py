"""What the kiosk tells central in each heartbeat beyond the queue's figures, and when a state change calls for one."""

from __future__ import annotations

import logging
import shutil
import time
from typing import Any, Callable

from kiosk import __version__
from kiosk.maintenance import device_rows

log = logging.getLogger(__name__)
OFFSET_EVERY = 600.0  # seconds between clock offset measurements


def _error_code(report: dict) -> str | None:
    """A short code, not a sentence: drivers name their problems (code/problem); older ones only have text."""
    for key in ("code", "problem", "last_error", "detail"):
        value = report.get(key)
        if value:
            return str(value)[:64]
    return None


def device_states(devices: dict[str, dict]) -> dict[str, dict]:
    """kind -> {state, error}: 'ok' or 'fault', and the printer's paper state when it is not ok."""
    out = {}
    for row in device_rows(devices):
        report = devices[row.key]
        state = "ok" if row.ok else "fault"
        if row.key == "printer" and report.get("state") not in (None, "ok", "unknown"):
            state = str(report["state"])
        error = None if row.ok else _error_code(report) or (f"printer.{state}" if row.key == "printer" else "fault")
        out[row.key] = {"state": state, "error": error}
    return out


class Beats:
    """The kiosk side of the heartbeat for offline_queue.worker.SyncWorker (content, changed, sent).

    crash_counter: kiosk/crashes.py's Crashes (`since_last_beat()` -> int, `beat_sent(n)`); without one (tests of
    other parts) crashes are left out of the beat rather than reported as zero."""

    def __init__(self, core, crash_counter: Any = None, clock: Callable[[], float] = time.monotonic) -> None:
        self._core = core
        self._crashes = crash_counter
        self._clock = clock
        self._started = clock()
        self._reported: tuple | None = None  # the state signature of the last beat central took
        self._built: tuple | None = None  # the signature of the beat built last (taken once central has it)
        self.clock_offset: float | None = None  # ours minus central's, from the last ping
        self._offset_at: float | None = None

    def _signature(self, devices: dict[str, dict]) -> tuple:
        link = self._core.submissions.worker.status().link if self._core.submissions is not None else "none"
        config = self._config()
        return tuple(sorted((k, v["state"]) for k, v in devices.items())) + (
            ("link", link), ("config", config["state"], config["offered"]) if config else ("config",))

    def _config(self) -> dict | None:
        """The configuration overlay's state (kiosk/overlay): a refusal or an apply is news for central at once."""
        try:
            return self._core.overlay.report()
        except Exception:  # an unreadable state folder must not cost the beat
            log.exception("configuration overlay state unreadable")
            return None

    def changed(self) -> bool:
        """Cheap (last known states, no device is asked): called every sync round."""
        try:
            # a crash central has not heard of is news too: a beat kept from before the crash (sent first, as it
            # was) carries none of it
            unreported = self._crashes is not None and self._crashes.since_last_beat() > 0
            return unreported or self._signature(device_states(self._core.devices.health())) != self._reported
        except Exception:
            log.exception("heartbeat state check failed")
            return False

    def content(self) -> dict:
        cfg = self._core.cfg
        devices = device_states(self._core.devices.health())
        beat: dict[str, Any] = {"software": __version__, "uptime": round(self._clock() - self._started, 1),
                                "devices": devices, "paper": self._core.printing.paper_state.value}
        try:
            beat["catalog"] = self._core.catalog.catalog.version
        except Exception:
            beat["catalog"] = None
        try:
            beat["free_disk"] = shutil.disk_usage(cfg.path(cfg.queue.database).parent).free
        except OSError:
            pass
        self._measure_offset()
        if self.clock_offset is not None:
            beat["clock_offset"] = self.clock_offset
        if self._crashes is not None:
            beat["crashes"] = self._crashes.since_last_beat()
        config = self._config()
        if config is not None:
            beat["config"] = config
        self._built = self._signature(devices)
        return beat

    def measured(self, offset: float | None) -> None:
        self.clock_offset, self._offset_at = offset, self._clock()

    def _measure_offset(self) -> None:
        """A ping now and then: the clock drifts slowly, and each ping is one more request to central."""
        if self._offset_at is not None and self._clock() - self._offset_at < OFFSET_EVERY:
            return
        try:
            answer = self._core.submissions.client.ping()
            self.measured(answer.get("clock_offset"))
            self._core.queue_index_given(answer.get("queue_index"))
        except Exception as exc:  # offline: the beat itself will fail and be kept, the offset can wait
            log.debug("clock offset not measured: %s", exc)

    def sent(self, beat: dict) -> None:
        self._reported = self._built
        if self._crashes is not None and beat.get("crashes"):
            self._crashes.beat_sent(beat["crashes"])
