"""The receipt printer device: status before and after every job, reconnects, never reports paper-out as success."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Callable

from drivers.printer import escpos_codec as esc
from drivers.printer.profile import Profile
from drivers.printer.status import PaperState, PrinterStatus, parse_status
from drivers.printer.transports import Transport, TransportError

log = logging.getLogger(__name__)

STATUS_TIMEOUT = 0.5  # seconds per DLE EOT reply; printers answer within milliseconds even when busy


@dataclass(frozen=True)
class JobOutcome:
    ok: bool
    before: PrinterStatus
    after: PrinterStatus | None  # None when the job was refused up front
    bytes_sent: int
    verified: bool = True  # False when the transport cannot read status (printed "blind")

    @property
    def status(self) -> PrinterStatus:
        """The state that decided the job: after it, or before it when it was refused up front."""
        return self.before if self.after is None else self.after


class ReceiptPrinter:
    """Owns one transport; all blocking calls serialize on a lock and are meant for worker threads."""

    def __init__(self, transport: Transport, profile: Profile, *, url: str, model: str = "ESC/POS printer",
                 settle_seconds: float = 0.0, owned: tuple = ()) -> None:
        self.transport = transport
        self.profile = profile
        self.url = url
        self.model = model
        # real printers may still be printing buffered data when the job's last byte is sent
        self.settle_seconds = settle_seconds
        self._owned = owned  # simulator servers started for this device; stopped by close()
        self._lock = threading.RLock()
        self._listeners: list[Callable[[PrinterStatus], None]] = []
        self._last = PrinterStatus(PaperState.UNKNOWN, "not asked yet")
        self.last_error = ""
        self.jobs_ok = 0
        self.jobs_failed = 0

    # ---- lifecycle ----

    def start(self) -> None:
        """Opens the port; an absent printer is not fatal: it shows as offline and is retried on each use."""
        with self._lock:
            self._connect()
        self.status()

    def close(self) -> None:
        with self._lock:
            self.transport.close()
        for thing in self._owned:
            try:
                thing.stop()
            except Exception:
                log.exception("stopping the printer simulator failed")

    def health(self) -> dict:
        s = self._last
        return {"url": self.url, "model": self.model, "paper_width_mm": self.profile.paper_width_mm,
                "chinese_mode": self.profile.chinese_mode, "state": s.state.value, "status_detail": s.detail,
                "jobs_ok": self.jobs_ok, "jobs_failed": self.jobs_failed, "last_error": self.last_error}

    def subscribe(self, listener: Callable[[PrinterStatus], None]) -> None:
        """Called (on the calling worker thread) whenever the printer's state changes."""
        self._listeners.append(listener)

    @property
    def last_status(self) -> PrinterStatus:
        return self._last

    # ---- blocking operations ----

    def status(self) -> PrinterStatus:
        with self._lock:
            return self._set(self._query())

    def print_job(self, data: bytes) -> JobOutcome:
        """Asks before, sends, asks after. Paper out or a lost printer at any point = failed job."""
        with self._lock:
            before = self._set(self._query())
            if not before.can_print:
                self.jobs_failed += 1
                return JobOutcome(False, before, None, 0)
            sent = 0
            try:
                for i in range(0, len(data), 4096):  # chunks: a disconnect is noticed early, not after 60 KB
                    self.transport.write(data[i : i + 4096])
                    sent = min(len(data), i + 4096)
            except TransportError as e:
                self.last_error = str(e)
                after = self._set(PrinterStatus(PaperState.OFFLINE, f"lost during job: {e}"))
                self.jobs_failed += 1
                return JobOutcome(False, before, after, sent)
            if self.settle_seconds:
                time.sleep(self.settle_seconds)
            after = self._set(self._query())
            if not self.transport.can_read:
                self.jobs_ok += 1
                return JobOutcome(True, before, after, sent, verified=False)
            if not after.can_print:
                self.jobs_failed += 1
                return JobOutcome(False, before, after, sent)
            self.jobs_ok += 1
            return JobOutcome(True, before, after, sent)  # near end: ok, kiosk/ words the warning

    # ---- internals ----

    def _connect(self) -> bool:
        if getattr(self.transport, "is_open", False):
            return True
        try:
            self.transport.open()
            self.last_error = ""
            return True
        except (TransportError, OSError) as e:
            self.last_error = str(e)
            log.warning("printer %s: %s", self.url, e)
            return False

    def _query(self) -> PrinterStatus:
        if not self._connect():
            return PrinterStatus(PaperState.OFFLINE, f"cannot open: {self.last_error}")
        if not self.transport.can_read:
            return PrinterStatus(PaperState.UNKNOWN, f"{self.transport.description} cannot report status")
        try:
            online = self.transport.query(esc.STATUS_PRINTER, STATUS_TIMEOUT)
            if online is None:
                return parse_status(None, None, None)
            cause = self.transport.query(esc.STATUS_OFFLINE_CAUSE, STATUS_TIMEOUT)
            paper = self.transport.query(esc.STATUS_PAPER, STATUS_TIMEOUT)
        except TransportError as e:
            self.last_error = str(e)
            return PrinterStatus(PaperState.OFFLINE, str(e))
        return parse_status(online, cause, paper)

    def _set(self, s: PrinterStatus) -> PrinterStatus:
        changed = s.state != self._last.state
        self._last = s
        if changed:
            log.info("printer %s: %s (%s)", self.url, s.state.value, s.detail)
            for listener in list(self._listeners):
                try:
                    listener(s)
                except Exception:
                    log.exception("printer status listener failed")
        return s
