"""A4 printing against a real cupsd with a cups-pdf queue: printed PDFs read back, a stopped queue and a held job
give the failed-print path with the reprint, an absent cupsd loses nothing."""

import subprocess

import pytest

from drivers.a4printer.config import A4PrinterConfig
from drivers.a4printer.cups import CupsPrinter
from kiosk import selftests
from kiosk.a4_printing import A4Printing
from kiosk.print_journal import PrintJournal
from offline_queue.crypto import load_key, make_suite
from tests.helpers.cups import USER, CupsServer, cups_server  # noqa: F401 (fixture)
from tests.helpers.pdf import text_pdf
from tests.helpers.printer import Outcomes

WAIT = 180.0  # a whole job through cupsd, pdftops and ghostscript on a busy machine


def _service(server, queue, tmp_path, **cfg) -> A4Printing:
    printer = CupsPrinter(A4PrinterConfig(driver="cups", port=server.port, queue=queue, user=USER, **cfg))
    svc = A4Printing(printer, job_timeout=WAIT, poll=0.2)
    key = load_key(tmp_path / "q.key", create=True)
    svc.journal = PrintJournal(tmp_path, make_suite("aes-gcm+hmac-sha256", key), name="a4-print")
    return svc


def _text(pdf) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_a_pdf_printed_through_cups_comes_out_with_its_text(cups_server, tmp_path, artifacts_dir):
    queue = cups_server.add_pdf_queue()
    svc = _service(cups_server, queue, tmp_path)
    assert svc.readiness().ready and svc.readiness().state == "idle"
    title = cups_server.title("certificate")
    out = Outcomes()
    svc.print_pdf(text_pdf("Hall kiosk A4 test page", "Certificate of no record", title), title,
                  out.on_done, out.on_failed)
    out.wait(WAIT)
    assert out.done and not out.failed, out.failed and out.failed[0][1].technician
    text = _text(cups_server.output(title))
    assert "Hall kiosk A4 test page" in text and "Certificate of no record" in text and title in text
    assert svc.failed_jobs() == [] and not svc.journal.inflight.exists()
    # the page as paper would show it (looked at once by a person: test-artifacts/a4/printed_page.png)
    shots = artifacts_dir / "a4"
    shots.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(cups_server.output(title)),
                    str(shots / "printed_page")], check=True)
    from PIL import Image

    page = Image.open(shots / "printed_page.png").convert("L")
    assert page.size[1] > page.size[0]  # A4 portrait
    assert page.getextrema()[0] < 100  # dark text on it
    assert svc.printer.health()["printer_state"] in ("idle", "processing") and "code" not in svc.printer.health()
    svc.close()


def test_a_stopped_queue_is_a_failed_print_and_the_reprint_works_once_resumed(cups_server, tmp_path):
    queue = cups_server.add_pdf_queue()
    svc = _service(cups_server, queue, tmp_path)
    assert selftests.a4_printer_state(svc).ok
    cups_server.pause(queue)
    assert not svc.readiness().ready and svc.readiness().problem.code == "a4printer.stopped"
    failing = selftests.a4_printer_state(svc)
    assert not failing.ok and failing.facts == {"state": "stopped", "code": "a4printer.stopped"}, failing
    title = cups_server.title("stopped")
    out = Outcomes()
    job_id = svc.print_pdf(text_pdf("printed after resume", title), title, out.on_done, out.on_failed)
    out.wait(WAIT)
    job, problem = out.failed[0]
    assert problem.code == "a4printer.stopped" and problem.citizen.zh and problem.citizen.en
    assert [j.id for j in svc.failed_jobs()] == [job_id]  # offered for reprint
    assert svc.journal.inflight.exists()  # a crash now would leave it for staff mode
    health = svc.printer.health()
    assert health["code"] == "a4printer.stopped" and health["printer_state"] == "stopped"
    assert cups_server.outputs(title) == []
    cups_server.resume(queue)
    svc.reprint(job_id, out.on_done, out.on_failed)
    out.wait(WAIT)
    assert out.done and out.done[0].id == job_id and out.done[0].attempts == 2
    assert "printed after resume" in _text(cups_server.output(title))
    assert svc.failed_jobs() == [] and not svc.journal.inflight.exists()
    assert len(cups_server.outputs(title)) == 1  # nothing left in CUPS to print a second copy
    svc.close()


def test_a_job_cups_holds_is_cancelled_there_and_failed_here(cups_server, tmp_path):
    queue = cups_server.add_pdf_queue(None, "job-hold-until-default=indefinite")
    svc = _service(cups_server, queue, tmp_path)
    title = cups_server.title("held")
    out = Outcomes()
    svc.print_pdf(text_pdf(title), title, out.on_done, out.on_failed)
    out.wait(WAIT)
    job, problem = out.failed[0]
    assert problem.code == "a4printer.job_held", problem.technician
    cups_job = int(problem.technician.split("job ")[1].split()[0])
    assert svc.printer.job_state(cups_job).state == "canceled"  # it cannot print later, unattended
    assert [j.id for j in svc.failed_jobs()] == [job.id]
    svc.close()


def test_an_absent_cupsd_fails_clearly_and_the_job_survives_a_restart_for_staff(tmp_path):
    server = CupsServer()  # its port chosen, nothing listening there yet
    svc = _service(server, "hall-a4", tmp_path, timeout_seconds=5)
    assert svc.readiness().state == "unreachable"
    title = server.title("unreachable")
    out = Outcomes()
    svc.print_pdf(text_pdf("kept for staff", title), title, out.on_done, out.on_failed)
    out.wait(WAIT)
    job, problem = out.failed[0]
    assert problem.code == "a4printer.unreachable" and str(server.port) in problem.technician
    assert svc.printer.health()["connected"] is False
    svc.close()  # the kiosk ends (crash or restart) with the job unprinted
    try:
        server.start()
        server.add_pdf_queue("hall-a4")
        again = _service(server, "hall-a4", tmp_path)
        unfinished = again.journal.unfinished()
        assert unfinished is not None and unfinished.title == title and unfinished.data.startswith(b"%PDF-")
        assert again.reprint_unfinished(out.on_done, out.on_failed)
        out.wait(WAIT)
        assert out.done, out.failed and out.failed[-1][1].technician
        assert "kept for staff" in _text(server.output(title))
        assert again.journal.unfinished() is None
        again.close()
    finally:
        server.stop()


def test_a_terminal_without_an_a4_printer_says_so():
    svc = A4Printing()
    assert not svc.available and svc.readiness().problem.code == "a4printer.absent"
    result = selftests.a4_printer_state(svc)
    assert not result.ok and "driver = \"none\"" in result.detail
    out = Outcomes()
    svc.print_pdf(text_pdf("x"), "certificate", out.on_done, out.on_failed)
    out.wait()
    assert out.failed[0][1].code == "a4printer.absent" and len(svc.failed_jobs()) == 1
    svc.close()


@pytest.mark.parametrize("pdf", [b"", b"GIF89a not a pdf"])
def test_what_is_not_a_pdf_is_refused_without_reaching_cups(tmp_path, pdf):
    svc = A4Printing(CupsPrinter(A4PrinterConfig(driver="cups", port=1, queue="x")))
    out = Outcomes()
    svc.print_pdf(pdf, "broken", out.on_done, out.on_failed)
    out.wait()
    assert out.failed[0][1].code == "a4printer.not_pdf" and svc.failed_jobs() == []
    svc.close()


def test_a_long_chinese_title_is_cut_to_what_ipp_allows_not_refused(cups_server, tmp_path):
    svc = _service(cups_server, cups_server.add_pdf_queue(), tmp_path)
    token = cups_server.title("zh")
    out = Outcomes()
    svc.print_pdf(text_pdf("long title", token), token + "无犯罪记录证明" * 40, out.on_done, out.on_failed)
    out.wait(WAIT)
    assert out.done, out.failed and out.failed[0][1].technician
    assert token in _text(cups_server.output(token))
    svc.close()
