"""The PC/SC driver against the real pcscd, Debian's vpcd virtual reader and our card emulator."""

import pytest

from drivers.cards.events import CardPresented, CardRemoved, ReaderError, ReaderStatus
from drivers.idcard.profiles import CARDS_DIR, load_profile
from drivers.pcsc.applet import KioskApplet, KioskAppletCard, identity_fields
from drivers.pcsc.config import SmartCardConfig
from drivers.pcsc.driver import SmartCardReader
from drivers.pcsc.factory import open_device
from drivers.pcsc.vpcd_card import VpcdCard
from drivers.simtray import SimTray
from tests.helpers.idcard import EventLog, is_
from tests.helpers.pcsc import missing, start_pcscd, stop_pcscd, vpcd_listening

READER = "Virtual PCD 00 00"  # vpcd's first slot, the one on port 35963


class Pcscd:
    """The daemon for this module: ours (restartable) when none was running, else the running one."""

    def __init__(self) -> None:
        self.proc = None if vpcd_listening() else start_pcscd()

    @property
    def owned(self) -> bool:
        return self.proc is not None

    def stop(self) -> None:
        if self.proc is not None:
            stop_pcscd(self.proc)

    def restart(self) -> None:
        self.proc = start_pcscd()


@pytest.fixture(scope="module")
def pcscd():
    why = missing()
    if why:
        pytest.skip(why)
    daemon = Pcscd()
    yield daemon
    daemon.stop()


@pytest.fixture
def reader(pcscd):
    r = SmartCardReader(KioskApplet(), READER, wait_ms=200, retry_interval=0.2)
    log = EventLog()
    r.subscribe(log)
    r.start()
    log.wait_for(is_(ReaderStatus, connected=True))
    yield r, log
    r.close()


def card_of(profile):
    return VpcdCard(KioskAppletCard(identity_fields(load_profile(CARDS_DIR, profile).fields)))


def test_insert_read_remove_and_insert_again(reader):
    r, log = reader
    card = card_of("zhang_normal")
    card.insert()
    try:
        e = log.wait_for(is_(CardPresented))
        assert e.source == "smartcard" and e.identity.name == "张晓明" and e.identity.nation == "汉"
        assert e.photo is None and e.photo_problem
        assert card.apdus == 2
    finally:
        card.remove()
    log.wait_for(is_(CardRemoved))
    mark = log.mark()
    other = card_of("li_longterm")
    other.insert()
    try:
        e = log.wait_for(is_(CardPresented), start=mark)
        assert e.identity.name == "李秀英" and e.identity.long_term
    finally:
        other.remove()
    log.wait_for(is_(CardRemoved), start=mark)
    assert len(log.of(CardPresented)) == 2 and r.health()["reads"] == 2


class ForeignCard:
    """A card that knows nothing of our applet, like a bank card."""

    def reset(self):
        pass

    def process(self, apdu):
        return b"\x6a\x82"


def test_card_without_the_applet_is_a_clear_error(reader):
    _r, log = reader
    card = VpcdCard(ForeignCard())
    card.insert()
    try:
        e = log.wait_for(is_(ReaderError))
        assert e.code == "apdu" and "6A82" in e.detail and "not found" in e.detail
    finally:
        card.remove()
    log.wait_for(is_(CardRemoved))
    assert not log.of(CardPresented)


def test_factory_sim_url_inserts_from_the_tray(pcscd, tmp_path):
    tray = SimTray()
    dev = open_device(SmartCardConfig(enabled=True, url="sim:", reader="00 00", retry_interval_ms=200), tmp_path, tray)
    log = EventLog()
    dev.subscribe(log)
    dev.start()
    try:
        tray.choose("smartcard", "card", "wang_expired")
        assert log.wait_for(is_(CardPresented)).identity.name == "王建国"
        tray.choose("smartcard", "card", "none")
        log.wait_for(is_(CardRemoved))
    finally:
        dev.close()


def test_virtual_reader_is_ignored_unless_named(pcscd):
    """vpcd takes cards over TCP: a terminal whose configuration names no reader must not read from it."""
    unnamed = SmartCardReader(KioskApplet(), "", wait_ms=200, retry_interval=0.2)
    named = SmartCardReader(KioskApplet(), "Virtual PCD", wait_ms=200, retry_interval=0.2)
    unnamed_log, named_log = EventLog(), EventLog()
    unnamed.subscribe(unnamed_log)
    named.subscribe(named_log)
    unnamed.start()
    named.start()
    card = card_of("zhang_normal")
    try:
        status = unnamed_log.wait_for(is_(ReaderStatus, connected=False))
        assert READER in status.detail and "ignored" in status.detail
        named_log.wait_for(is_(ReaderStatus, connected=True))
        card.insert()
        assert named_log.wait_for(is_(CardPresented)).identity.name == "张晓明"
        assert not unnamed_log.of(CardPresented)
        assert not [e for e in unnamed_log.of(ReaderStatus) if e.connected]
        assert unnamed.health()["reader"] == "" and not unnamed.health()["connected"]
    finally:
        card.remove()
        named_log.wait_for(is_(CardRemoved))
        unnamed.close()
        named.close()


def test_factory_sim_url_uses_the_virtual_reader_without_naming_it(pcscd, tmp_path):
    tray = SimTray()
    dev = open_device(SmartCardConfig(enabled=True, url="sim:", retry_interval_ms=200), tmp_path, tray)
    log = EventLog()
    dev.subscribe(log)
    dev.start()
    try:
        assert "Virtual PCD" in log.wait_for(is_(ReaderStatus, connected=True)).detail
    finally:
        dev.close()


def test_reader_disappears_with_pcscd_and_comes_back(pcscd, reader):
    if not pcscd.owned:
        pytest.skip("pcscd was already running and is not ours to stop")
    r, log = reader
    card = card_of("chen_hk_permit")
    card.insert()
    try:
        log.wait_for(is_(CardPresented))
        mark = log.mark()
        pcscd.stop()
        log.wait_for(is_(ReaderStatus, connected=False), start=mark)
        log.wait_for(is_(CardRemoved), start=mark)
        assert not r.health()["connected"]
    finally:
        card.remove()
        if pcscd.proc is None or pcscd.proc.poll() is not None:
            pcscd.restart()
    mark = log.mark()
    log.wait_for(is_(ReaderStatus, connected=True), start=mark)
    card = card_of("chen_hk_permit")
    card.insert()
    try:
        assert log.wait_for(is_(CardPresented), start=mark).identity.name == "陈嘉欣"
    finally:
        card.remove()
