"""The CUPS client against a real HTTP server on 127.0.0.1 that answers wrongly: every bad answer is a coded
A4Error (and a failed print with a reprint), never a crash."""

import struct
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from drivers.a4printer import cups, ipp
from drivers.a4printer.config import A4PrinterConfig
from drivers.a4printer.cups import A4Error, CupsPrinter
from kiosk.a4_printing import A4Printing
from tests.helpers.pdf import text_pdf
from tests.helpers.printer import Outcomes


def _ipp(request: bytes, *, request_id=None, status=0, attrs=b"") -> bytes:
    rid = struct.unpack(">I", request[4:8])[0] if request_id is None else request_id
    return struct.pack(">BBHI", 2, 0, status, rid) + b"\x01" + attrs + b"\x03"


ANSWERS = {
    "garbage": (200, "application/ipp", lambda req: b"\x07\x07garbage"),
    "truncated": (200, "application/ipp", lambda req: _ipp(req)[:-3]),
    "html": (200, "text/html", lambda req: b"<html>hello</html>"),
    "server_error": (500, "text/plain", lambda req: b"oops"),
    "not_found": (404, "text/plain", lambda req: b"no"),
    "other_request": (200, "application/ipp", lambda req: _ipp(req, request_id=999)),
    "no_state": (200, "application/ipp", lambda req: _ipp(req)),
    "huge": (200, "application/ipp", lambda req: _ipp(req) + b"\x00" * (cups.MAX_ANSWER + 10)),
    "refused": (200, "application/ipp", lambda req: _ipp(req, status=0x0400)),
}
CODES = {"garbage": cups.BAD_ANSWER, "truncated": cups.BAD_ANSWER, "html": cups.BAD_ANSWER,
         "server_error": cups.REFUSED, "not_found": cups.NO_QUEUE, "other_request": cups.BAD_ANSWER,
         "no_state": cups.BAD_ANSWER, "huge": cups.BAD_ANSWER, "refused": cups.REFUSED}


@pytest.fixture
def bad_server():
    mode = {"answer": "garbage"}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's name)
            request = self.rfile.read(int(self.headers["Content-Length"]))
            status, kind, make = mode["answer"] if isinstance(mode["answer"], tuple) else ANSWERS[mode["answer"]]
            body = make(request)
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1], mode
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("answer", sorted(ANSWERS))
def test_a_bad_answer_is_a_coded_error_and_a_failed_print(bad_server, answer):
    port, mode = bad_server
    mode["answer"] = answer
    printer = CupsPrinter(A4PrinterConfig(driver="cups", port=port, queue="hall-a4", timeout_seconds=30))
    with pytest.raises(A4Error) as raised:
        printer.printer_state()
    assert raised.value.code == CODES[answer], raised.value.detail
    assert printer.health()["code"] == CODES[answer]
    svc = A4Printing(printer, job_timeout=30)
    out = Outcomes()
    job_id = svc.print_pdf(text_pdf("x"), "certificate", out.on_done, out.on_failed)
    out.wait(60)
    assert out.failed[0][1].code == CODES[answer] and [j.id for j in svc.failed_jobs()] == [job_id]
    svc.close()


def test_a_job_id_missing_from_the_print_answer_is_a_bad_answer(bad_server):
    port, mode = bad_server
    printer = CupsPrinter(A4PrinterConfig(driver="cups", port=port, queue="hall-a4"))
    job_id = bytes([ipp.INTEGER]) + b"\x00\x06job-id\x00\x04" + struct.pack(">i", -1)
    mode["answer"] = (200, "application/ipp", lambda req: _ipp(req, attrs=job_id))
    with pytest.raises(A4Error) as raised:
        printer.print_pdf(text_pdf("x"), "t")
    assert raised.value.code == cups.BAD_ANSWER and "job-id" in raised.value.detail
