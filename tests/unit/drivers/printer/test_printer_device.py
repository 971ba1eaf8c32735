"""Status before and after every job, on the in-process simulator: faults never pass as success."""

import pytest

from drivers.printer.device import ReceiptPrinter
from drivers.printer.layout import Profile, build
from drivers.printer.simulator import VirtualPrinter
from drivers.printer.status import PaperState
from drivers.printer.transports import FileTransport, SimTransport
from tests.helpers.printer import SAMPLE_DATA

PROFILE = Profile(58, "text")
JOB = build("submission_receipt", SAMPLE_DATA["submission_receipt"], PROFILE)


@pytest.fixture
def sim():
    return VirtualPrinter(PROFILE.width_dots)


@pytest.fixture
def printer(sim):
    dev = ReceiptPrinter(SimTransport(sim), PROFILE, url="sim:")
    dev.start()
    yield dev
    dev.close()


def test_prints_and_reports_ok(printer, sim):
    out = printer.print_job(JOB)
    assert out.ok and out.verified and out.bytes_sent == len(JOB)
    assert out.before.state is PaperState.OK and out.after.state is PaperState.OK
    assert sim.last_image is not None
    assert printer.health()["jobs_ok"] == 1


def test_paper_out_refused_up_front(printer, sim):
    sim.set_state("out")
    before = sim.bytes_received
    out = printer.print_job(JOB)
    assert not out.ok and out.after is None and out.bytes_sent == 0
    assert out.status.state is PaperState.OUT
    assert sim.bytes_received - before == 9  # only the status queries went out: DLE EOT 1, 2 and 4


def test_paper_out_mid_job_is_a_failure(printer, sim):
    sim.run_out_after(150)
    out = printer.print_job(JOB)
    assert not out.ok and out.bytes_sent == len(JOB)
    assert out.before.state is PaperState.OK and out.after.state is PaperState.OUT
    assert out.status.state is PaperState.OUT


def test_cover_open_and_offline(printer, sim):
    sim.set_state("cover_open")
    assert printer.print_job(JOB).status.state is PaperState.COVER_OPEN
    sim.set_state("offline")
    assert printer.print_job(JOB).status.state is PaperState.OFFLINE
    assert printer.health()["state"] == "offline"


def test_near_end_prints_with_a_warning(printer, sim):
    sim.set_state("near_end")
    out = printer.print_job(JOB)
    assert out.ok and out.status.state is PaperState.NEAR_END


def test_listeners_hear_state_changes(printer, sim):
    heard = []
    printer.subscribe(lambda s: heard.append(s.state))
    sim.set_state("out")
    printer.status()
    printer.status()  # no change, no second call
    sim.set_state("ok")
    printer.status()
    assert heard == [PaperState.OUT, PaperState.OK]


def test_write_only_transport_prints_unverified(tmp_path):
    dev = ReceiptPrinter(FileTransport(str(tmp_path / "lp0")), PROFILE, url="file://")
    dev.start()
    out = dev.print_job(JOB)
    dev.close()
    assert out.ok and not out.verified and out.before.state is PaperState.UNKNOWN
    assert (tmp_path / "lp0").read_bytes() == JOB


def test_absent_printer_starts_offline_and_reconnects_later(tmp_path):
    path = tmp_path / "later" / "lp0"
    dev = ReceiptPrinter(FileTransport(str(path)), PROFILE, url="file://")
    dev.start()  # no exception: the kiosk runs without its printer
    assert dev.last_status.state is PaperState.OFFLINE and dev.health()["last_error"]
    path.parent.mkdir()
    assert dev.status().state is PaperState.UNKNOWN
    assert dev.print_job(JOB).ok
    dev.close()
