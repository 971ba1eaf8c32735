"""CUPS over IPP/HTTP: print a PDF, read the printer's and a job's state, cancel a job; failures as coded errors."""

from __future__ import annotations

import itertools
import logging
import threading
from dataclasses import dataclass

from drivers.a4printer import ipp
from drivers.a4printer.config import A4PrinterConfig

log = logging.getLogger(__name__)

MAX_ANSWER = 1_000_000  # bytes: an attribute answer is a few kilobytes; more is not CUPS

# codes (kiosk/device_messages.py words them)
UNREACHABLE = "a4printer.unreachable"
BAD_ANSWER = "a4printer.bad_answer"
REFUSED = "a4printer.refused"
NO_QUEUE = "a4printer.no_queue"
STOPPED = "a4printer.stopped"
NOT_ACCEPTING = "a4printer.not_accepting"
PRINTER_ERROR = "a4printer.printer_error"
JOB_HELD = "a4printer.job_held"
JOB_STOPPED = "a4printer.job_stopped"
JOB_CANCELED = "a4printer.job_canceled"
JOB_ABORTED = "a4printer.job_aborted"
JOB_TIMEOUT = "a4printer.job_timeout"


class A4Error(Exception):
    """A coded failure: `code` is stable, `detail` is technician English (no document content)."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(f"{code}: {detail}")
        self.code, self.detail = code, detail


@dataclass(frozen=True)
class PrinterState:
    state: str  # idle, processing, stopped (or "unknown" for an enum CUPS should not send)
    accepting: bool
    reasons: tuple[str, ...]
    message: str = ""

    @property
    def problem(self) -> str | None:
        """The code that keeps a job from printing now, or None."""
        if self.state == "stopped":
            return STOPPED
        if not self.accepting:
            return NOT_ACCEPTING
        # "-error" reasons (media-empty-error, media-jam-error, door-open-error...) stop the printer itself,
        # while CUPS may still say "processing": the citizen would wait for nothing
        if any(r.endswith("-error") for r in self.reasons):
            return PRINTER_ERROR
        return None

    def describe(self) -> str:
        reasons = ",".join(r for r in self.reasons if r != "none") or "none"
        text = f"printer {self.state}, {'accepting' if self.accepting else 'not accepting'} jobs, reasons {reasons}"
        return text + (f" ({self.message})" if self.message else "")


@dataclass(frozen=True)
class JobState:
    job_id: int
    state: str  # pending, held, processing, stopped, canceled, aborted, completed
    reasons: tuple[str, ...]
    message: str = ""

    @property
    def finished(self) -> bool:
        return self.state in ("canceled", "aborted", "completed")

    def describe(self) -> str:
        text = f"job {self.job_id} {self.state}, reasons {','.join(self.reasons) or 'none'}"
        return text + (f" ({self.message})" if self.message else "")


class CupsPrinter:
    """One CUPS queue. Thread-safe: each request opens its own connection (cupsd closes idle ones anyway).
    health() reports the state last seen and asks nothing, so the heartbeat may call it every round."""

    def __init__(self, cfg: A4PrinterConfig) -> None:
        self.cfg = cfg
        self.uri = cfg.printer_uri
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._last: PrinterState | None = None
        self._error: A4Error | None = None

    # ---- Device

    def start(self) -> None:
        """Asks once so diagnostics show the state from the start; an absent cupsd is a state, not a failure."""
        try:
            self.printer_state()
        except A4Error as e:
            log.warning("A4 printer: %s", e)

    def close(self) -> None:
        pass

    def health(self) -> dict:
        with self._lock:
            last, error = self._last, self._error
        h: dict = {"url": self.uri, "connected": error is None or error.code not in (UNREACHABLE, BAD_ANSWER)}
        if last is not None:
            h.update(printer_state=last.state, accepting=last.accepting,
                     reasons=",".join(r for r in last.reasons if r != "none") or "none")
        code = error.code if error is not None else (last.problem if last is not None else None)
        if code:
            h["code"] = code
            h["last_error"] = error.detail if error is not None else last.describe()
        return h

    # ---- operations

    def printer_state(self) -> PrinterState:
        answer = self._call(ipp.GET_PRINTER_ATTRIBUTES, [ipp.Attribute(ipp.KEYWORD, "requested-attributes", (
            "printer-state", "printer-state-reasons", "printer-is-accepting-jobs", "printer-state-message"))])
        state = answer.first("printer-state")
        accepting = answer.first("printer-is-accepting-jobs")
        if not isinstance(state, int) or not isinstance(accepting, bool):
            raise self._failed(A4Error(BAD_ANSWER, f"printer attributes without printer-state/accepting "
                                                   f"({state!r}, {accepting!r})"))
        found = PrinterState(ipp.PRINTER_STATES.get(state, "unknown"), accepting,
                             tuple(str(r) for r in answer.all("printer-state-reasons")),
                             str(answer.first("printer-state-message") or ""))
        with self._lock:
            self._last, self._error = found, None
        return found

    def print_pdf(self, pdf: bytes, title: str) -> int:
        """Print-Job; returns the job id CUPS gave it."""
        # name(MAX) is 255 octets: a long Chinese title is cut on a character boundary, not refused
        name = title.encode("utf-8")[:255].decode("utf-8", errors="ignore") or "document"
        answer = self._call(ipp.PRINT_JOB, [ipp.Attribute(ipp.NAME, "job-name", (name,)),
                                            ipp.Attribute(ipp.MIME_TYPE, "document-format", ("application/pdf",))],
                            data=pdf)
        job_id = answer.first("job-id")
        if not isinstance(job_id, int) or job_id <= 0:
            raise self._failed(A4Error(BAD_ANSWER, f"Print-Job answer without a job-id ({job_id!r})"))
        return job_id

    def job_state(self, job_id: int) -> JobState:
        answer = self._call(ipp.GET_JOB_ATTRIBUTES, [
            ipp.Attribute(ipp.INTEGER, "job-id", (job_id,)),
            ipp.Attribute(ipp.KEYWORD, "requested-attributes", (
                "job-state", "job-state-reasons", "job-printer-state-message"))])
        state = answer.first("job-state")
        if not isinstance(state, int) or state not in ipp.JOB_STATES:
            raise self._failed(A4Error(BAD_ANSWER, f"job {job_id}: job-state {state!r} is not a job state"))
        return JobState(job_id, ipp.JOB_STATES[state], tuple(str(r) for r in answer.all("job-state-reasons")),
                        str(answer.first("job-printer-state-message") or ""))

    def cancel(self, job_id: int) -> None:
        """So a job given up on does not print later, unattended, when someone resumes the queue."""
        self._call(ipp.CANCEL_JOB, [ipp.Attribute(ipp.INTEGER, "job-id", (job_id,))])

    # ---- plumbing

    def _failed(self, error: A4Error) -> A4Error:
        with self._lock:
            self._error = error
        return error

    def _call(self, operation: int, extra: list[ipp.Attribute], data: bytes = b"") -> ipp.Message:
        request_id = next(self._ids)
        attrs = ipp.operation_attributes(self.uri, self.cfg.user) + extra
        body = ipp.encode(ipp.Message(operation, request_id, (2, 0), [(ipp.OPERATION, attrs)], data))
        raw = self._post(body)
        try:
            answer = ipp.decode(raw)
        except ipp.IppDecodeError as e:
            raise self._failed(A4Error(BAD_ANSWER, f"not an IPP answer: {e}")) from None
        if answer.request_id != request_id:
            raise self._failed(A4Error(BAD_ANSWER, f"answer to request {answer.request_id}, asked {request_id}"))
        if not answer.ok:
            message = answer.first("status-message") or ""
            code = NO_QUEUE if answer.code == 0x0406 else NOT_ACCEPTING if answer.code == 0x0506 else REFUSED
            raise self._failed(A4Error(code, f"IPP status 0x{answer.code:04x} {message}".rstrip()))
        return answer

    def _post(self, body: bytes) -> bytes:
        import http.client  # here: the kiosk imports this driver before its first frame, and http.client brings ssl

        conn = http.client.HTTPConnection(self.cfg.host, self.cfg.port, timeout=self.cfg.timeout_seconds)
        where = f"{self.cfg.host}:{self.cfg.port}"
        try:
            conn.request("POST", f"/printers/{self.cfg.queue}", body, {"Content-Type": "application/ipp"})
            resp = conn.getresponse()
            raw = resp.read(MAX_ANSWER + 1)
        except (OSError, http.client.HTTPException) as e:
            raise self._failed(A4Error(UNREACHABLE, f"CUPS at {where}: {type(e).__name__}: {e}")) from None
        finally:
            conn.close()
        if resp.status != 200:
            code = NO_QUEUE if resp.status == 404 else REFUSED
            raise self._failed(A4Error(code, f"CUPS at {where} answered HTTP {resp.status} {resp.reason}"))
        if len(raw) > MAX_ANSWER:
            raise self._failed(A4Error(BAD_ANSWER, f"answer longer than {MAX_ANSWER} bytes"))
        if resp.getheader("Content-Type", "").split(";")[0].strip() != "application/ipp":
            raise self._failed(A4Error(BAD_ANSWER, f"answer is {resp.getheader('Content-Type')!r}, not IPP"))
        return raw
