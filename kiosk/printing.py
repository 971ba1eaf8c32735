"""Printing use case for the UI: readiness before a paper flow, jobs in a worker, failed jobs kept for reprint."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from drivers.printer.status import PaperState, PrinterStatus
from kiosk.device_messages import printer_problem
from kiosk.i18n import Problem, Text
from kiosk.print_jobs import Done, Failed, JobKeeper, PrintJob

# receipt templates; the layout engine itself (numpy, PIL, fonts) loads with the first job, not at kiosk start
TEMPLATE_DIR = Path(__file__).resolve().parents[1] / "assets" / "receipts"

log = logging.getLogger(__name__)

NO_PRINTER = Problem(
    "printer.absent",
    Text("本机暂时无法打印。您可以扫描屏幕上的二维码保存凭证，或请工作人员帮助。",
         "This terminal cannot print right now. Scan the QR code on screen to keep your receipt, or ask the staff."),
    "no printer device (not configured or failed to open)",
)


@dataclass(frozen=True)
class Readiness:
    """What the UI needs before a flow that ends with paper: go ahead, or offer an on-screen QR instead."""

    ready: bool
    state: PaperState
    problem: Problem | None  # set when not ready, and as a warning when paper is near its end


class PrintService(JobKeeper):
    """Receipts on the ESC/POS printer; callbacks arrive on the print worker thread (the bridge queues them)."""

    def __init__(self, printer, *, defaults: dict[str, Any] | None = None,
                 template_dir: Path = TEMPLATE_DIR) -> None:
        self.defaults = dict(defaults or {})  # site_name, terminal_id, hotline... merged under each job's data
        self.template_dir = template_dir
        self._listeners: list[Callable[[Readiness], None]] = []
        super().__init__("print-worker")
        self.printer = None  # drivers.printer.device.ReceiptPrinter, or None when there is none
        self.attach(printer)

    def attach(self, printer) -> None:
        """Takes a printer opened after this service was made (the kiosk opens devices after its first frame)."""
        if printer is None:
            return
        self.printer = printer
        printer.subscribe(lambda s: self._notify(self._readiness(s)))

    # ---- readiness ----

    def readiness(self) -> Readiness:
        """Asks the printer now (blocking, well under a second); call from a worker or use check()."""
        if self.printer is None:
            return Readiness(False, PaperState.OFFLINE, NO_PRINTER)
        return self._readiness(self.printer.status())

    def check(self, on_result: Callable[[Readiness], None]) -> None:
        """readiness() on the print worker, queued behind running jobs."""
        self._queue.put(lambda: on_result(self.readiness()))

    @property
    def paper_state(self) -> PaperState:
        """Last known state without asking the printer (for the UI's status line)."""
        return self.printer.last_status.state if self.printer is not None else PaperState.OFFLINE

    def subscribe(self, listener: Callable[[Readiness], None]) -> None:
        """Called when the printer's state changes (from whichever thread noticed)."""
        self._listeners.append(listener)

    # ---- jobs ----

    def print(self, layout: str, data: dict[str, Any], on_done: Done, on_failed: Failed) -> int:
        """Build and print a named layout in the worker; returns the job id at once."""
        job_id = next(self._ids)
        merged = {**self.defaults, **data}
        self._queue.put(lambda: self._build_and_print(job_id, layout, merged, on_done, on_failed))
        return job_id

    def print_test_page(self, on_done: Done, on_failed: Failed, *, now: str | None = None) -> int:
        """Maintenance: the diagnostics layout filled with what the printer reports about itself."""
        p = self.printer
        h = p.health() if p is not None else {}
        data = {
            "terminal_id": self.defaults.get("terminal_id", "-"),
            "printer_url": h.get("url", "-"),
            "printer_model": h.get("model", "-"),
            "printer_status": h.get("state", "offline"),
            "paper_width_mm": h.get("paper_width_mm", "-"),
            "chinese_mode": h.get("chinese_mode", "-"),
            "printed_at": now or time.strftime("%Y-%m-%d %H:%M"),
            "qr_data": f"KIOSK-TEST-{self.defaults.get('terminal_id', '-')}",
            "barcode_data": str(self.defaults.get("terminal_id", "TEST")),
        }
        return self.print("diagnostics", data, on_done, on_failed)

    # ---- worker ----

    def _build_and_print(self, job_id: int, layout: str, data: dict, on_done: Done, on_failed: Failed) -> None:
        if self.printer is None:
            on_failed(PrintJob(job_id, layout, layout, b""), NO_PRINTER)
            return
        from drivers.printer.layout import LayoutError, build, load_template

        try:
            title = load_template(layout, self.template_dir).title
            payload = build(layout, data, self.printer.profile, self.template_dir)
        except (LayoutError, OSError) as e:
            problem = Problem("printer.layout", Text("凭条内容有误，暂时无法打印，请联系工作人员。",
                                                     "The receipt could not be prepared; please ask the staff."),
                              str(e))
            log.error("print job %s: %s", job_id, e)
            on_failed(PrintJob(job_id, layout, layout, b"", problem=problem), problem)
            return
        self._send(PrintJob(job_id, layout, title, payload), on_done, on_failed)

    def _deliver(self, job: PrintJob) -> Problem | None:
        outcome = self.printer.print_job(job.data)
        if outcome.ok:
            log.info("print job %s (%s) done, %d bytes", job.id, job.layout, outcome.bytes_sent)
            return None
        return printer_problem(outcome.status) or printer_problem(outcome.before) or NO_PRINTER

    # ---- helpers ----

    def _readiness(self, s: PrinterStatus) -> Readiness:
        return Readiness(s.can_print, s.state, printer_problem(s))

    def _notify(self, r: Readiness) -> None:
        for listener in list(self._listeners):
            try:
                listener(r)
            except Exception:
                log.exception("printing listener failed")
