"""open_device for "sim:": owned virtual printer, PNGs under base_dir, tray controls; real URLs pick transports."""

from drivers.printer.config import PrinterConfig
from drivers.printer.factory import open_device
from drivers.printer.layout import build
from drivers.printer.transports import NetworkTransport
from drivers.simtray import SimTray
from tests.helpers.printer import SAMPLE_DATA


def test_sim_device_with_tray(tmp_path):
    tray = SimTray()
    dev = open_device(PrinterConfig(paper_width_mm=58, chinese_mode="text"), tmp_path, tray)
    dev.start()
    try:
        assert [(c.section, c.key, c.label) for c in tray.choices] == [("printer", "paper", "打印纸")]
        assert [(p.section, p.key, p.label) for p in tray.pictures] == [("printer", "last_receipt", "最近一张小票")]
        choice, picture = tray.choices[0], tray.pictures[0]
        told = []
        tray.subscribe(lambda: told.append(picture.path()))
        assert {v for v, _ in choice.options()} >= {"ok", "near_end", "out", "cover_open", "offline"}
        assert choice.get() == "ok" and picture.path() is None
        assert dev.print_job(build("queue_ticket", SAMPLE_DATA["queue_ticket"], dev.profile)).ok
        png = picture.path()
        assert png is not None and png.startswith(str(tmp_path / "var" / "receipts"))
        assert told == [png]  # the tray hears about the new receipt and can show it
        tray.choose("printer", "paper", "out")
        assert choice.get() == "out" and dev.status().state.value == "out"
        tray.choose("printer", "paper", "mid_job")
        assert choice.get() == "mid_job"
        told.clear()
        assert not dev.print_job(build("submission_receipt", SAMPLE_DATA["submission_receipt"], dev.profile)).ok
        assert choice.get() == "out" and told  # paper ran out by itself: the tray is told
    finally:
        dev.close()


def test_real_url_gets_a_transport(tmp_path):
    tray = SimTray()
    dev = open_device(PrinterConfig(url="tcp://127.0.0.1:9", model="XP-80C", settle_ms=200), tmp_path, tray)
    assert isinstance(dev.transport, NetworkTransport) and dev.settle_seconds == 0.2
    assert not tray.active  # real devices put nothing in the simulator tray
    assert dev.health()["model"] == "XP-80C"
