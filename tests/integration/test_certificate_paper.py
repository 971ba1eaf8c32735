"""An issued certificate on paper: central's sealed PDF through a real cupsd to a cups-pdf queue when the terminal
has an A4 printer (its text read back), the slip on the receipt printer when it has none or the PDF cannot come."""

from __future__ import annotations

import re
import subprocess
import time

from kiosk.app import KioskCore
from kiosk.certificate_paper import A4, RECEIPT
from kiosk.certificates import Certificates
from kiosk.config import load
from protocol.masking import mask_name
from protocol.verification import grouped_code
from tests.helpers.cups import ANONYMOUS_OUT, USER, cups_server, until  # noqa: F401 (fixture)
from tests.helpers.identify import sim_config
from tests.helpers.printer import Outcomes
from tests.unit.kiosk.test_certificates import _citizen, _client, _completed_case
from tests.helpers.central import central, invented_applicant  # noqa: F401 (fixture)

WAIT = 180.0


def _issued(tmp_path, central, seq):  # noqa: F811
    person = invented_applicant(seq)
    tracking = _completed_case(tmp_path, central, person)
    service = Certificates(_client(central.url, central.secret))
    offer = next(o for o in service.offers(_citizen(person)) if o.ref == tracking)
    return service, service.issue(_citizen(person), offer)


def _page_qr(path, folder) -> str:
    """The QR of the printed page, rasterised as a printer would (pdftoppm, 150 dpi) and read with OpenCV."""
    import cv2

    subprocess.run(["pdftoppm", "-png", "-r", "150", "-singlefile", str(path), str(folder / "printed")], check=True,
                   timeout=120)
    decoded, _points, _ = cv2.QRCodeDetectorAruco().detectAndDecode(cv2.imread(str(folder / "printed.png")))
    return decoded


def _pdf_text(data: bytes) -> str:
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, timeout=120,
                          check=True).stdout.decode()


def _squashed(text: str) -> str:
    return re.sub(r"\s+", "", text)  # pdftotext lays out the seal's arc of characters with spaces as it finds them


def _pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, timeout=120, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def test_a_certificate_goes_to_the_a4_printer_as_centrals_pdf(cups_server, tmp_path, shared_faces, central):  # noqa: F811
    queue = cups_server.add_pdf_queue()
    core = KioskCore(load(sim_config(tmp_path, shared_faces, **{"devices.a4printer": {
        "driver": "cups", "port": cups_server.port, "queue": queue, "user": USER, "poll_ms": 100}})))
    try:
        service, issued = _issued(tmp_path, central, 21)
        before = set(ANONYMOUS_OUT.glob("job_*-certificate-case_completion*.pdf"))
        out = Outcomes()
        handle = core.certificate_paper.print(service, issued, out.on_done, out.on_failed)
        assert handle[0] == A4
        out.wait(WAIT)
        assert out.done, out.failed and out.failed[-1][1].technician

        def printed():
            new = set(ANONYMOUS_OUT.glob("job_*-certificate-case_completion*.pdf")) - before
            return next(iter(new), None) if new and next(iter(new)).read_bytes().rstrip().endswith(b"%%EOF") else None

        path = until(printed, 120, "the certificate's PDF from cups-pdf")
        try:
            # what came out of the printer: the page's QR opens this certificate's verify page
            assert _page_qr(path, tmp_path) == issued.verify_url
            # and its text, read from the printed file (the queue's renderer keeps the fonts' map to characters:
            # tests/helpers/cups.py), in Chinese and English, the same as in the PDF central made
            printed_text, pages = _pdf_text(path.read_bytes()), _pages(path)
        finally:
            path.unlink(missing_ok=True)
        assert pages == 1
        for shown in (issued.title, mask_name(invented_applicant(21)["name"]), grouped_code(issued.verify_code),
                      issued.number, issued.issuer, f"第 1 页 共 {pages} 页 / Page 1 of {pages}", "Scan to verify"):
            assert shown in printed_text
        assert _squashed(printed_text) == _squashed(_pdf_text(service.pdf(issued)))
        # a stopped queue is a failed print kept for reprint, on the same printer, with the same bytes
        cups_server.pause(queue)
        handle = core.certificate_paper.print(service, issued, out.on_done, out.on_failed)
        out.wait(WAIT)
        assert out.failed[-1][1].code == "a4printer.stopped"
        cups_server.resume(queue)
        core.certificate_paper.reprint(handle, out.on_done, out.on_failed)
        out.wait(WAIT)
        assert len(out.done) == 2
    finally:
        core.close()
        for left in set(ANONYMOUS_OUT.glob("job_*-certificate-case_completion*.pdf")):
            if left.stat().st_mtime > time.time() - 600:
                left.unlink(missing_ok=True)


def test_without_an_a4_printer_or_a_pdf_the_slip_is_printed(tmp_path, shared_faces, central):  # noqa: F811
    core = KioskCore(load(sim_config(tmp_path, shared_faces)), open_hardware=False)
    try:
        service, issued = _issued(tmp_path, central, 22)
        out = Outcomes()
        assert core.certificate_paper.print(service, issued, out.on_done, out.on_failed)[0] == RECEIPT
    finally:
        core.close()


def test_a_pdf_central_cannot_give_falls_back_to_the_slip(cups_server, tmp_path, shared_faces, central):  # noqa: F811
    queue = cups_server.add_pdf_queue()
    core = KioskCore(load(sim_config(tmp_path, shared_faces, **{"devices.a4printer": {
        "driver": "cups", "port": cups_server.port, "queue": queue, "user": USER}})), open_hardware=False)
    try:
        service, issued = _issued(tmp_path, central, 23)
        core.a4printing.attach(object())  # an A4 printer is there: only the PDF is missing
        dead = Certificates(_client("http://127.0.0.1:9", central.secret))
        out = Outcomes()
        assert core.certificate_paper.print(dead, issued, out.on_done, out.on_failed)[0] == RECEIPT
    finally:
        core.close()
