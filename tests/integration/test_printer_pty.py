"""The printer over a real pseudo-terminal: our serial transport on one end, the virtual printer on the other."""

import pytest

from drivers.printer.device import ReceiptPrinter
from drivers.printer.layout import Profile, build
from drivers.printer.simulator import PtyServer, VirtualPrinter
from drivers.printer.status import PaperState
from drivers.printer.transports import open_transport
from kiosk.printing import PrintService
from tests.helpers.printer import SAMPLE_DATA, Outcomes, decode_qr

PROFILE = Profile(80, "text")
RECEIPT = SAMPLE_DATA["submission_receipt"]


@pytest.fixture
def rig(tmp_path):
    sim = VirtualPrinter(PROFILE.width_dots, tmp_path / "png")
    server = PtyServer(sim).start()
    dev = ReceiptPrinter(open_transport(f"serial://{server.path}?baudrate=115200"), PROFILE, url="pty")
    dev.start()
    yield sim, server, dev
    dev.close()
    server.stop()


def test_receipt_over_serial_renders_and_decodes(rig):
    sim, _, dev = rig
    out = dev.print_job(build("submission_receipt", RECEIPT, PROFILE))
    assert out.ok and out.after.state is PaperState.OK
    assert sim.last_receipt is not None and sim.last_receipt.exists()
    assert decode_qr(sim.last_image) == RECEIPT["progress_qr"]


def test_raster_job_of_tens_of_kilobytes_over_serial(rig):
    sim, _, dev = rig
    job = build("submission_receipt", RECEIPT, Profile(80, "raster"))
    assert len(job) > 30_000
    assert dev.print_job(job).ok
    assert decode_qr(sim.last_image) == RECEIPT["progress_qr"]


@pytest.mark.parametrize("state", ["ok", "near_end", "out", "cover_open", "offline"])
def test_status_states_over_serial(rig, state):
    sim, _, dev = rig
    sim.set_state(state)
    assert dev.status().state.value == state


def test_paper_out_mid_job_over_serial(rig):
    sim, _, dev = rig
    sim.run_out_after(300)
    out = dev.print_job(build("submission_receipt", RECEIPT, PROFILE))
    assert not out.ok and out.after.state is PaperState.OUT


def test_printer_unplugged_job_kept_then_reprinted_on_a_new_port(rig, tmp_path):
    sim, server, dev = rig
    svc = PrintService(dev)
    try:
        server.stop()  # the cable is pulled
        out = Outcomes()
        svc.print("submission_receipt", RECEIPT, out.on_done, out.on_failed)
        out.wait()
        job, problem = out.failed[0]
        assert problem.code == "printer.offline"
        assert dev.health()["state"] == "offline"
        # plugged back in (a pty gets a new path, so point a new transport at it, as a restart would)
        server2 = PtyServer(sim).start()
        try:
            dev.transport = open_transport(f"serial://{server2.path}")
            svc.reprint(job.id, out.on_done, out.on_failed)
            out.wait()
            assert out.done and decode_qr(sim.last_image) == RECEIPT["progress_qr"]
        finally:
            dev.transport.close()
            server2.stop()
    finally:
        svc.close()


def test_factory_with_a_serial_url_from_configuration(tmp_path):
    from drivers.printer.config import PrinterConfig
    from drivers.printer.factory import open_device
    from drivers.simtray import SimTray

    sim = VirtualPrinter(384, tmp_path / "png")
    server = PtyServer(sim).start()
    tray = SimTray()
    cfg = PrinterConfig(url=f"serial://{server.path}?baudrate=115200", paper_width_mm=58, chinese_mode="text",
                        cut=False)
    dev = open_device(cfg, tmp_path, tray)
    try:
        dev.start()
        assert dev.health()["state"] == "ok" and not tray.active
        assert dev.print_job(build("queue_ticket", SAMPLE_DATA["queue_ticket"], dev.profile)).ok
        dev.close()
        sim.end_of_job()  # no cutter: the ticket is torn off at the bar
        assert sim.last_image is not None
    finally:
        dev.close()
        server.stop()
