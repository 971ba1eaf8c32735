"""IdentityService: one event stream, expiry and number checks, bilingual problems, no personal data in details."""

import datetime as dt

from drivers.cards.events import CardPresented, CardRemoved, Emitter, ReaderError, ReaderStatus
from drivers.idcard import textblock
from drivers.idcard.profiles import CARDS_DIR, load_profile
from kiosk.identity import (
    IdentityPresented, IdentityProblem, IdentityRemoved, IdentityService, ReaderState, check_id_number,
)
from tests.helpers.idcard import EventLog

TODAY = dt.date(2026, 6, 1)


class StubDevice:
    """Stands in for a reader: the service only subscribes; tests push the events a driver would."""

    def __init__(self):
        self.emitter = Emitter()
        self.subscribe = self.emitter.subscribe


def identity(profile):
    return textblock.decode(load_profile(CARDS_DIR, profile).card_data().text)


def make():
    idcard, smart = StubDevice(), StubDevice()
    service = IdentityService(idcard, smart, today=lambda: TODAY)
    log = EventLog()
    service.subscribe(log)
    return service, idcard.emitter.emit, smart.emitter.emit, log


def test_valid_card_is_accepted_and_shown_masked():
    service, idcard, _smart, log = make()
    idcard(CardPresented("idcard", identity("zhang_normal")))
    e = log.events[-1]
    assert isinstance(e, IdentityPresented) and e.accepted and e.problem is None
    assert e.display() == {"kind": "resident", "name": "张**", "id_number": "110105********0039", "valid_to": "2036-05-01"}
    assert "张晓明" not in repr(e.identity) and "110105198503120039" not in repr(e.identity)
    assert service.current is e


def test_expired_card_is_reported_expired_not_accepted():
    _service, idcard, _smart, log = make()
    idcard(CardPresented("idcard", identity("wang_expired")))
    e = log.events[-1]
    assert not e.accepted and e.expired
    assert e.problem.code == "idcard.expired"
    assert "2018年1月1日" in e.problem.citizen.zh and "2018-01-01" in e.problem.citizen.en


def test_long_term_and_foreign_and_permit_cards_are_accepted():
    _service, idcard, _smart, log = make()
    for name in ("li_longterm", "miller_foreigner", "chen_hk_permit"):
        idcard(CardPresented("idcard", identity(name)))
        assert log.events[-1].accepted, name


def test_number_failing_its_check_is_not_accepted():
    _service, idcard, _smart, log = make()
    fields = dict(load_profile(CARDS_DIR, "zhang_normal").fields, id_number="110105198503120030")
    idcard(CardPresented("idcard", textblock.decode(textblock.encode(fields))))
    e = log.events[-1]
    assert not e.accepted and e.problem.code == "identity.id_number"
    assert "110105198503120030" not in e.problem.technician


def test_removal_clears_only_the_identity_from_that_source():
    service, idcard, smart, log = make()
    idcard(CardPresented("idcard", identity("zhang_normal")))
    smart(CardRemoved("smartcard"))
    assert service.current is not None
    idcard(CardRemoved("idcard"))
    assert service.current is None and isinstance(log.events[-1], IdentityRemoved)


def test_reader_errors_map_to_citizen_messages_with_technician_detail():
    _service, idcard, smart, log = make()
    idcard(ReaderError("idcard", "checksum", "XOR mismatch in a 1295-byte frame"))
    idcard(ReaderError("idcard", "sam_failure", "SAM self-test failed"))
    smart(ReaderError("smartcard", "apdu", "SELECT: SW 6A82"))
    problems = [e.problem for e in log.events if isinstance(e, IdentityProblem)]
    assert [p.code for p in problems] == ["idcard.checksum", "idcard.sam_failure", "smartcard.apdu"]
    assert "重新放" in problems[0].citizen.zh and "again" in problems[0].citizen.en
    assert "工作人员" in problems[1].citizen.zh and "staff" in problems[1].citizen.en
    assert problems[2].technician == "SELECT: SW 6A82"
    for p in problems:
        assert p.citizen.zh and p.citizen.en


def test_reader_status_is_kept_for_diagnostics():
    service, idcard, smart, log = make()
    idcard(ReaderStatus("idcard", False, "cannot open /dev/ttyUSB0"))
    smart(ReaderStatus("smartcard", True, "Virtual PCD 00 00"))
    states = service.readers()
    assert not states["idcard"].connected and states["idcard"].problem.code == "idcard.disconnected"
    assert states["smartcard"].connected and states["smartcard"].problem is None
    assert isinstance(log.events[-1], ReaderState)


def test_a_failing_listener_does_not_stop_the_others():
    service, idcard, _smart, log = make()
    service.subscribe(lambda e: 1 / 0)
    late = EventLog()
    service.subscribe(late)
    idcard(CardRemoved("idcard"))
    assert late.events and log.events


def test_manual_entry_check():
    assert check_id_number("11010519491231002X") is None
    p = check_id_number("110105194912310021")
    assert p.code == "identity.id_number" and p.technician == "ID number rejected: check"


def test_service_without_a_smart_card_reader():
    service = IdentityService(StubDevice(), None)
    assert service.current is None and service.readers() == {}
