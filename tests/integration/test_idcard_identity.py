"""The whole identity path as the kiosk opens it: config "sim:" -> factory -> pty -> driver -> IdentityService."""

from drivers.idcard.config import IdCardConfig
from drivers.idcard.factory import open_device
from drivers.simtray import SimTray
from kiosk.identity import IdentityPresented, IdentityProblem, IdentityRemoved, IdentityService, ReaderState
from tests.helpers.idcard import EventLog, is_


def open_service(tmp_path, **cfg):
    tray = SimTray()
    dev = open_device(IdCardConfig(find_interval_ms=50, **cfg), tmp_path, tray)
    service = IdentityService(dev, None)
    log = EventLog()
    service.subscribe(log)
    dev.start()
    return tray, dev, service, log


def test_cards_from_the_tray_reach_the_service(tmp_path):
    tray, dev, service, log = open_service(tmp_path, sim_faces_dir=str(tmp_path / "none"))
    try:
        log.wait_for(is_(ReaderState, connected=True))
        tray.choose("idcard", "card", "zhang_normal")
        e = log.wait_for(is_(IdentityPresented))
        assert e.accepted and e.display()["name"] == "张**" and e.photo is not None
        mark = log.mark()
        tray.choose("idcard", "card", "wang_expired")
        log.wait_for(is_(IdentityRemoved), start=mark)
        e = log.wait_for(is_(IdentityPresented), start=mark)
        assert not e.accepted and e.expired and e.problem.citizen.en.startswith("Your card expired")
        assert service.current is e
    finally:
        dev.close()


def test_reader_fault_reaches_the_service_as_a_citizen_message(tmp_path):
    tray, dev, _service, log = open_service(tmp_path)
    try:
        log.wait_for(is_(ReaderState, connected=True))
        tray.choose("idcard", "fault", "checksum")
        tray.choose("idcard", "card", "li_longterm")
        p = log.wait_for(is_(IdentityProblem)).problem
        assert p.code == "idcard.checksum" and p.citizen.zh and p.citizen.en
        tray.choose("idcard", "fault", "unplugged")
        state = log.wait_for(is_(ReaderState, connected=False))
        assert state.problem.code == "idcard.disconnected"
    finally:
        dev.close()


def test_demo_face_pairs_with_the_card_photo(tmp_path, shared_faces):
    tray, dev, _service, log = open_service(tmp_path, sim_faces_dir=str(shared_faces), sim_card="zhang_normal")
    try:
        e = log.wait_for(is_(IdentityPresented))
        assert e.photo.data == (shared_faces / "obama_1.jpg").read_bytes()
    finally:
        dev.close()


def test_a_broken_photo_library_leaves_identification_working(tmp_path):
    tray, dev, _service, log = open_service(tmp_path, photo_decoder="lib/missing.so", sim_card="li_longterm")
    try:
        e = log.wait_for(is_(IdentityPresented))
        assert e.accepted and e.photo is None and "missing.so" in e.photo_problem
        assert dev.health()["photo_decoder"] == "NoDecoder"
    finally:
        dev.close()
