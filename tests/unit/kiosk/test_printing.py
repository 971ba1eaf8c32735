"""The printing use case on the in-process virtual printer: readiness, worker, kept jobs, reprint."""

import threading

import pytest

from drivers.printer.config import PrinterConfig
from drivers.printer.factory import open_device
from drivers.printer.status import PaperState
from drivers.simtray import SimTray
from kiosk.printing import PrintService
from tests.helpers.printer import SAMPLE_DATA, Outcomes, decode_qr

RECEIPT = SAMPLE_DATA["submission_receipt"]


@pytest.fixture
def kiosk_printer(tmp_path):
    tray = SimTray()
    dev = open_device(PrinterConfig(paper_width_mm=80, chinese_mode="raster"), tmp_path, tray)
    dev.start()
    svc = PrintService(dev, defaults={"site_name": "示例市政务服务中心", "terminal_id": "SIM-0001", "hotline": "12345"})
    yield svc, tray, dev
    svc.close()
    dev.close()


def _sim(dev):
    return dev.transport.printer


def test_prints_in_the_worker_and_reports_done(kiosk_printer):
    svc, tray, dev = kiosk_printer
    out = Outcomes()
    main = threading.current_thread()
    threads = []
    job_id = svc.print("submission_receipt", RECEIPT,
                       lambda j: (threads.append(threading.current_thread()), out.on_done(j)), out.on_failed)
    out.wait()
    assert [j.id for j in out.done] == [job_id] and not out.failed
    assert threads[0] is not main  # callbacks come from the print worker, never block the UI
    assert decode_qr(_sim(dev).last_image) == RECEIPT["progress_qr"]
    assert svc.failed_jobs() == []


def test_defaults_fill_terminal_fields(kiosk_printer):
    svc, _, _ = kiosk_printer
    out = Outcomes()
    data = {k: v for k, v in SAMPLE_DATA["queue_ticket"].items() if k != "site_name"}
    svc.print("queue_ticket", data, out.on_done, out.on_failed)
    out.wait()
    assert out.done


def test_readiness_before_a_paper_flow(kiosk_printer):
    svc, tray, _ = kiosk_printer
    assert svc.readiness().ready
    tray.choose("printer", "paper", "out")
    r = svc.readiness()
    assert not r.ready and r.state is PaperState.OUT and "二维码" in r.problem.citizen.zh
    results = []
    done = threading.Event()
    svc.check(lambda r: (results.append(r), done.set()))
    assert done.wait(10) and not results[0].ready
    assert svc.paper_state is PaperState.OUT


def test_paper_out_before_job_is_refused_and_kept(kiosk_printer):
    svc, tray, dev = kiosk_printer
    tray.choose("printer", "paper", "out")
    out = Outcomes()
    svc.print("submission_receipt", RECEIPT, out.on_done, out.on_failed)
    out.wait()
    job, problem = out.failed[0]
    assert problem.code == "printer.paper_out"
    assert [j.id for j in svc.failed_jobs()] == [job.id]
    assert _sim(dev).receipts == []


def test_paper_out_mid_job_then_reprint(kiosk_printer):
    svc, tray, dev = kiosk_printer
    tray.choose("printer", "paper", "mid_job")
    out = Outcomes()
    svc.print("submission_receipt", RECEIPT, out.on_done, out.on_failed)
    out.wait()
    job, problem = out.failed[0]
    assert problem.code == "printer.paper_out" and job.attempts == 1
    stub = _sim(dev).last_image
    assert stub is not None and decode_qr(stub) == ""  # only the top of the receipt came out
    tray.choose("printer", "paper", "ok")  # staff loads a new roll
    svc.reprint(job.id, out.on_done, out.on_failed)
    out.wait()
    assert out.done[0].id == job.id and out.done[0].attempts == 2
    assert decode_qr(_sim(dev).last_image) == RECEIPT["progress_qr"]
    assert svc.failed_jobs() == []


def test_listeners_hear_the_paper_state(kiosk_printer):
    svc, tray, _ = kiosk_printer
    heard = []
    svc.subscribe(heard.append)
    tray.choose("printer", "paper", "cover_open")
    svc.readiness()
    assert heard and heard[-1].state is PaperState.COVER_OPEN and not heard[-1].ready


def test_layout_error_fails_cleanly(kiosk_printer):
    svc, _, _ = kiosk_printer
    out = Outcomes()
    svc.print("queue_ticket", {"ticket_number": "A1"}, out.on_done, out.on_failed)
    out.wait()
    job, problem = out.failed[0]
    assert problem.code == "printer.layout" and "missing data field" in problem.technician
    svc.print("no_such_layout", {}, out.on_done, out.on_failed)
    out.wait()
    assert out.failed[1][1].code == "printer.layout"
    assert svc.failed_jobs() == []  # nothing to reprint: the data was wrong, not the printer


def test_a_raising_callback_does_not_stop_the_worker(kiosk_printer):
    svc, _, _ = kiosk_printer
    svc.print("queue_ticket", SAMPLE_DATA["queue_ticket"], lambda j: 1 / 0, lambda j, p: None)
    out = Outcomes()
    svc.print("queue_ticket", SAMPLE_DATA["queue_ticket"], out.on_done, out.on_failed)
    out.wait()
    assert out.done


def test_kept_jobs_are_bounded_and_can_be_discarded(kiosk_printer, monkeypatch):
    import kiosk.print_jobs as print_jobs

    monkeypatch.setattr(print_jobs, "MAX_KEPT", 2)
    svc, tray, _ = kiosk_printer
    tray.choose("printer", "paper", "offline")
    out = Outcomes()
    for _ in range(3):
        svc.print("queue_ticket", SAMPLE_DATA["queue_ticket"], out.on_done, out.on_failed)
        out.wait()
    kept = svc.failed_jobs()
    assert [j.id for j in kept] == [out.failed[1][0].id, out.failed[2][0].id]
    svc.discard(kept[0].id)
    assert len(svc.failed_jobs()) == 1
    svc.wipe()
    assert svc.failed_jobs() == []
    with pytest.raises(KeyError):
        svc.reprint(12345, out.on_done, out.on_failed)


def test_without_a_printer():
    svc = PrintService(None)
    try:
        r = svc.readiness()
        assert not r.ready and r.problem.code == "printer.absent"
        out = Outcomes()
        svc.print("queue_ticket", SAMPLE_DATA["queue_ticket"], out.on_done, out.on_failed)
        out.wait()
        assert out.failed[0][1].code == "printer.absent"
    finally:
        svc.close()


def test_test_page_shows_what_the_printer_reports(kiosk_printer):
    svc, _, dev = kiosk_printer
    out = Outcomes()
    svc.print_test_page(out.on_done, out.on_failed, now="2026-11-23 08:00")
    out.wait()
    assert out.done and out.done[0].layout == "diagnostics"
    assert decode_qr(_sim(dev).last_image) == "KIOSK-TEST-SIM-0001"
