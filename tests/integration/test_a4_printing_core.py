"""The kiosk core with [devices.a4printer] on a real cupsd: the A4 printer in diagnostics and heartbeat states, a
stopped queue visible there, the visit's end forgetting a failed certificate, a print once the queue is resumed."""

from kiosk.app import KioskCore
from kiosk.config import load
from kiosk.heartbeat import device_states
from kiosk.maintenance import device_faults, device_rows
from tests.helpers.cups import USER, cups_server  # noqa: F401 (fixture)
from tests.helpers.identify import sim_config
from tests.helpers.pdf import text_pdf
from tests.helpers.printer import Outcomes

WAIT = 180.0


def test_the_core_reports_and_prints_on_the_configured_a4_printer(cups_server, tmp_path, shared_faces):
    queue = cups_server.add_pdf_queue()
    core = KioskCore(load(sim_config(tmp_path, shared_faces, **{"devices.a4printer": {
        "driver": "cups", "port": cups_server.port, "queue": queue, "user": USER, "poll_ms": 100}})))
    try:
        assert core.a4printing.available
        devices = core.health()["devices"]
        assert devices["a4printer"]["printer_state"] == "idle"
        assert device_states(devices)["a4printer"] == {"state": "ok", "error": None}
        assert [r.ok for r in device_rows(devices) if r.key == "a4printer"] == [True]

        cups_server.pause(queue)
        devices = core.health()["devices"]
        assert device_states(devices)["a4printer"] == {"state": "fault", "error": "a4printer.stopped"}
        assert any(f.startswith("a4printer: ") for f in device_faults(devices))
        out = Outcomes()
        title = cups_server.title("core")
        core.a4printing.print_pdf(text_pdf("from the core", title), title, out.on_done, out.on_failed)
        out.wait(WAIT)
        assert out.failed[0][1].code == "a4printer.stopped" and len(core.a4printing.failed_jobs()) == 1
        assert core.a4printing.journal.inflight.exists()
        core.session.wipe("idle")  # the visitor left: the certificate is not kept for the next one
        assert core.a4printing.failed_jobs() == [] and not core.a4printing.journal.inflight.exists()

        cups_server.resume(queue)
        core.a4printing.print_pdf(text_pdf("from the core", title), title, out.on_done, out.on_failed)
        out.wait(WAIT)
        assert out.done, out.failed[-1][1].technician
        assert cups_server.output(title).exists()
        assert device_states(core.health()["devices"])["a4printer"]["state"] == "ok"
    finally:
        core.close()


def test_the_shipped_configuration_has_no_a4_printer(tmp_path, shared_faces):
    core = KioskCore(load(sim_config(tmp_path, shared_faces)), open_hardware=False)
    try:
        assert not core.a4printing.available and "a4printer" not in core.health()["devices"]
    finally:
        core.close()
