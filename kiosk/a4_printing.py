"""Certificates on the hall's A4 printer through CUPS: a PDF printed and watched until CUPS says it is done; a
failed job is kept for reprint and journalled exactly like a receipt (kiosk/print_jobs.py)."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Callable

from drivers.a4printer import cups
from drivers.a4printer.cups import A4Error
from kiosk.device_messages import a4_problem
from kiosk.i18n import Problem, Text
from kiosk.print_jobs import Done, Failed, JobKeeper, PrintJob

log = logging.getLogger(__name__)

LAYOUT = "a4-pdf"  # the journal's kind of job: staff see it as the title the caller gave
NO_A4 = Problem("a4printer.absent",
                Text("本机没有可用的A4打印机，请联系工作人员。", "This terminal has no A4 printer available. Please ask the staff."),
                "no A4 printer configured ([devices.a4printer] driver = \"none\") or it failed to open")
NOT_PDF = Problem("a4printer.not_pdf",
                  Text("证明文件有误，暂时无法打印，请联系工作人员。",
                       "The certificate file is damaged and cannot be printed. Please ask the staff."),
                  "the document to print is not a PDF")


@dataclass(frozen=True)
class A4Readiness:
    ready: bool
    state: str  # idle, processing, stopped; "unreachable" or "absent" when CUPS could not be asked
    problem: Problem | None


class A4Printing(JobKeeper):
    """print_pdf() from the UI thread; callbacks on the worker (the bridge queues them). A job CUPS reports held,
    stopped, cancelled or aborted, or one not done within `job_timeout` seconds, is cancelled in CUPS (so it
    cannot print later, unattended, when someone resumes the queue) and reported failed with its Problem."""

    def __init__(self, printer=None, *, job_timeout: float = 180.0, poll: float = 0.5,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__("a4-print-worker")
        self.printer = printer  # drivers.a4printer.cups.CupsPrinter, or None (thermal-only terminal)
        self.job_timeout, self.poll, self._clock = job_timeout, poll, clock
        self._closing = threading.Event()

    def attach(self, printer, *, job_timeout: float | None = None, poll: float | None = None) -> None:
        """Takes the printer opened after this service was made (the kiosk opens devices after its first frame)."""
        if printer is None:
            return
        self.printer = printer
        self.job_timeout = job_timeout if job_timeout is not None else self.job_timeout
        self.poll = poll if poll is not None else self.poll

    @property
    def available(self) -> bool:
        """An A4 printer is configured: certificates go there; False: they stay on the receipt printer."""
        return self.printer is not None

    def readiness(self) -> A4Readiness:
        """Asks CUPS now (blocking, at most the request timeout)."""
        if self.printer is None:
            return A4Readiness(False, "absent", NO_A4)
        try:
            state = self.printer.printer_state()
        except A4Error as e:
            return A4Readiness(False, "unreachable", a4_problem(e.code, e.detail))
        code = state.problem
        return A4Readiness(code is None, state.state, a4_problem(code, state.describe()) if code else None)

    def check(self, on_result: Callable[[A4Readiness], None]) -> None:
        """readiness() on the worker, queued behind running jobs."""
        self._queue.put(lambda: on_result(self.readiness()))

    def print_pdf(self, pdf: bytes, title: str, on_done: Done, on_failed: Failed) -> int:
        """Print a PDF (a certificate); returns the job id at once. `title` names the job for staff and in CUPS:
        a kind of document, never the holder's name."""
        job = PrintJob(next(self._ids), LAYOUT, title, bytes(pdf))
        if not job.data.startswith(b"%PDF-"):
            self._queue.put(lambda: on_failed(job, NOT_PDF))
            return job.id
        self._queue.put(lambda: self._send(job, on_done, on_failed))
        return job.id

    def close(self, timeout: float = 5.0) -> None:
        self._closing.set()  # a job being watched is left to CUPS; the journal offers it at the next start
        super().close(timeout)

    # ---- worker

    def _deliver(self, job: PrintJob) -> Problem | None:
        if self.printer is None:
            return NO_A4
        try:
            state = self.printer.printer_state()
            if state.problem:
                return a4_problem(state.problem, state.describe())
            cups_id = self.printer.print_pdf(job.data, job.title)
        except A4Error as e:
            return a4_problem(e.code, e.detail)
        log.info("A4 job %s (%s): CUPS job %s, %d bytes", job.id, job.layout, cups_id, len(job.data))
        return self._watch(cups_id)

    def _watch(self, cups_id: int) -> Problem | None:
        deadline = self._clock() + self.job_timeout
        seen = "nothing yet"
        while not self._closing.is_set():
            try:
                js = self.printer.job_state(cups_id)
                seen = js.describe()
                if js.state == "completed":
                    log.info("A4 %s", seen)
                    return None
                if js.state in ("canceled", "aborted"):
                    return a4_problem(f"a4printer.job_{js.state}", seen)
                if js.state in ("held", "stopped"):
                    return self._give_up(cups_id, f"a4printer.job_{js.state}", seen)
                ps = self.printer.printer_state()
                if ps.problem:  # stopped while our job waits: it would print whenever someone resumes the queue
                    return self._give_up(cups_id, ps.problem, f"{seen}; {ps.describe()}")
            except A4Error as e:  # cupsd restarting keeps the job in its spool: keep asking until the deadline
                seen = f"{e.code}: {e.detail}"
            if self._clock() >= deadline:
                return self._give_up(cups_id, cups.JOB_TIMEOUT, f"not done within {self.job_timeout:g} s: {seen}")
            self._closing.wait(self.poll)
        return a4_problem(cups.JOB_TIMEOUT, f"kiosk closing while CUPS job {cups_id} was unfinished ({seen})")

    def _give_up(self, cups_id: int, code: str, detail: str) -> Problem:
        try:
            self.printer.cancel(cups_id)
        except A4Error as e:
            log.warning("A4: CUPS job %s not cancelled: %s", cups_id, e)
            detail += f"; NOT cancelled in CUPS ({e.code}): it may still print"
        return a4_problem(code, detail)
