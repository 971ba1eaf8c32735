"""The real ID card driver against our simulator on a real pseudo-terminal, paced at 115200 baud."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drivers.cards.events import CardPresented, CardRemoved, ReaderError, ReaderStatus
from drivers.idcard.config import IdCardConfig
from drivers.idcard.driver import IdCardReader
from drivers.idcard.factory import open_device
from drivers.idcard.simulator import IdCardSimulator
from drivers.simtray import SimTray
from tests.helpers.idcard import WAIT, EventLog, is_, sim_reader

REPO = Path(__file__).resolve().parents[2]


def presented(name):
    return lambda e: isinstance(e, CardPresented) and e.identity.name == name


def test_card_placed_read_once_then_removed():
    with sim_reader("zhang_normal") as (sim, reader, log):
        e = log.wait_for(presented("张晓明"))
        assert e.identity.id_number == "110105198503120039" and e.photo is not None
        n = sim.requests
        while sim.requests < n + 10:  # ten more polls with the card still there
            time.sleep(0.05)
        assert len(log.of(CardPresented)) == 1
        sim.set_card(None)
        log.wait_for(is_(CardRemoved))
        sim.set_card("zhang_normal")
        mark = log.mark()
        log.wait_for(presented("张晓明"), start=mark)
        assert reader.health()["reads"] == 2


def test_no_card_means_no_card_events():
    with sim_reader(None) as (sim, reader, log):
        log.wait_for(is_(ReaderStatus, connected=True))
        n = sim.requests
        while sim.requests < n + 10:
            time.sleep(0.05)
        assert not log.of(CardPresented) and not log.of(CardRemoved) and not log.of(ReaderError)


def test_swapping_cards_reports_removal_then_the_new_card():
    with sim_reader("zhang_normal") as (sim, reader, log):
        log.wait_for(presented("张晓明"))
        sim.set_card("miller_foreigner")
        e = log.wait_for(presented("米安娜"))
        assert e.identity.name_en == "MILLER, ANNA JANE"
        kinds = [type(x).__name__ for x in log.events if not isinstance(x, ReaderStatus)]
        assert kinds == ["CardPresented", "CardRemoved", "CardPresented"]


@pytest.mark.parametrize(
    "fault,codes",
    [("checksum", {"checksum"}), ("truncated", {"timeout"}), ("wrong_length", {"checksum", "length"}), ("sam_failure", {"sam_failure"})],
)
def test_faults_are_reported_once_and_recovery_reads_the_card(fault, codes):
    with sim_reader(None) as (sim, reader, log):
        log.wait_for(is_(ReaderStatus, connected=True))
        sim.set_fault(fault)
        sim.set_card("li_longterm")
        err = log.wait_for(lambda e: isinstance(e, ReaderError))
        assert err.code in codes
        assert "李秀英" not in err.detail and "320583" not in err.detail
        n = sim.requests
        while sim.requests < n + 8:  # keep failing for a while: still one report
            time.sleep(0.05)
        assert len(log.of(ReaderError)) == 1
        assert not log.of(CardPresented)
        sim.set_fault("none")
        e = log.wait_for(presented("李秀英"))
        assert e.identity.long_term


def test_card_removed_mid_read():
    with sim_reader(None) as (sim, reader, log):
        log.wait_for(is_(ReaderStatus, connected=True))
        sim.set_fault("remove_mid_read")
        sim.set_card("wang_expired")
        assert log.wait_for(lambda e: isinstance(e, ReaderError)).code == "timeout"
        assert sim.card == "none"
        n = sim.requests
        while sim.requests < n + 5:
            time.sleep(0.05)
        assert not log.of(CardPresented) and not log.of(CardRemoved)
        sim.set_card("wang_expired")
        log.wait_for(presented("王建国"))


def test_unplug_and_replug_reconnects_by_itself():
    with sim_reader("chen_hk_permit") as (sim, reader, log):
        log.wait_for(presented("陈嘉欣"))
        sim.set_fault("unplugged")
        log.wait_for(is_(CardRemoved))
        log.wait_for(is_(ReaderStatus, connected=False))
        assert not reader.health()["connected"]
        mark = log.mark()
        sim.set_fault("none")
        log.wait_for(is_(ReaderStatus, connected=True), start=mark)
        log.wait_for(presented("陈嘉欣"), start=mark)
        assert reader.health()["reconnects"] >= 1


def test_missing_port_is_reported_disconnected(tmp_path):
    reader = IdCardReader(str(tmp_path / "no-such-tty"), reconnect_interval=0.1)
    log = EventLog()
    reader.subscribe(log)
    reader.start()
    try:
        e = log.wait_for(is_(ReaderStatus, connected=False))
        assert "no-such-tty" in e.detail
    finally:
        reader.close()


def test_spy_url_hex_dumps_the_traffic(tmp_path):
    dump = tmp_path / "spy.txt"
    sim = IdCardSimulator()
    sim.start()
    sim.set_card("zhang_normal")
    reader = IdCardReader(f"spy://{sim.path}?file={dump}", poll_interval=0.05)
    log = EventLog()
    reader.subscribe(log)
    reader.start()
    try:
        log.wait_for(presented("张晓明"))
    finally:
        reader.close()
        sim.stop()
    text = dump.read_text()
    assert "AA AA AA 96 69" in text.upper() or "aa aa aa 96 69" in text


def test_factory_sim_url_registers_tray_controls_and_owns_the_simulator(tmp_path):
    tray = SimTray()
    dev = open_device(IdCardConfig(find_interval_ms=50, sim_faces_dir=str(tmp_path)), tmp_path, tray)
    log = EventLog()
    dev.subscribe(log)
    dev.start()
    try:
        card = next(c for c in tray.choices if c.key == "card")
        assert card.label == "身份证" and ("none", "无卡") in card.options()
        assert {v for v, _ in card.options()} >= {"zhang_normal", "li_longterm", "wang_expired", "miller_foreigner", "chen_hk_permit"}
        assert any(c.key == "fault" for c in tray.choices)
        tray.choose("idcard", "card", "li_longterm")
        e = log.wait_for(presented("李秀英"))
        assert e.photo.data[:4] == b"\x89PNG"  # empty faces folder: the silhouette
        assert card.get() == "li_longterm"
        assert dev.health()["simulated"] and dev.health()["card_present"]
        path = dev.simulator.path
    finally:
        dev.close()
    assert not path.exists()


def test_factory_rejects_an_unknown_sim_card(tmp_path):
    with pytest.raises(ValueError):
        open_device(IdCardConfig(sim_card="nobody"), tmp_path, SimTray())


def _cli(*args, **kw):
    code = "import sys; from drivers.idcard.simulator import cli_main; sys.exit(cli_main(sys.argv[1:]))"
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def test_cli_runs_alone_and_a_real_driver_reads_from_it():
    proc = _cli("--card", "zhang_normal")
    try:
        path = proc.stdout.readline().strip()
        assert os.path.exists(path)
        reader = IdCardReader(path, poll_interval=0.05)
        log = EventLog()
        reader.subscribe(log)
        reader.start()
        try:
            log.wait_for(presented("张晓明"))
        finally:
            reader.close()
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=WAIT) == 0


def test_cli_usage_errors_exit_2_without_traceback():
    for args in (["--card", "nobody"], ["--fault", "melted"], ["--baud", "0"]):
        proc = _cli(*args)
        out, err = proc.communicate(timeout=WAIT)
        assert proc.returncode == 2, args
        assert "Traceback" not in out + err
    proc = _cli("--list")
    out, _ = proc.communicate(timeout=WAIT)
    assert proc.returncode == 0 and "zhang_normal" in out and "unplugged" in out


def test_read_with_fingerprint_command():
    with sim_reader("miller_foreigner", read_fingerprint=True) as (_sim, reader, log):
        e = log.wait_for(presented("米安娜"))
        assert e.identity.nationality == "CAN"
        assert reader.health()["reads"] == 1
