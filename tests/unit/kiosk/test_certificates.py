"""kiosk.certificates against a real central on 127.0.0.1: offers, issuing, and each failure as its Problem."""

from __future__ import annotations

import re
import time

import httpx
import pytest

from kiosk.certificates import GONE, NONE, NOT_IDENTIFIED, OFFLINE, REFUSED, Certificates, Offer
from kiosk.i18n import Text
from kiosk.presence import Citizen
from offline_queue.client import CentralClient
from tests.helpers.central import TERMINAL, central, invented_applicant, make_store  # noqa: F401
from tests.helpers.apply import DEAD_CENTRAL

FACE = {"decision": "match", "score": 0.41, "threshold": 0.6, "attempts": 1,
        "liveness": {"challenge": "blink", "passed": True, "frames": 40}}


def _citizen(person: dict, face: dict | None = FACE) -> Citizen:
    return Citizen(person["id_number"], "idcard", face)


def _client(url: str, secret: str) -> CentralClient:
    return CentralClient(url, TERMINAL, secret, timeout=5,
                         allow_plain_http_loopback=True)


def _completed_case(tmp_path, central, person: dict) -> str:  # noqa: F811
    from offline_queue.worker import SyncWorker

    store = make_store(tmp_path)
    done = store.enqueue_submission("ZJ-002", {"phone": "13800138000"}, person)
    SyncWorker(store, _client(central.url, central.secret)).sync_once()
    store.close()
    central.store.set_status(done.tracking, "completed")
    return done.tracking


def _problem(exc_info) -> object:
    return exc_info.value.args[0]


def test_offers_then_issue_a_completion_certificate(tmp_path, central):  # noqa: F811
    person = invented_applicant(3)
    tracking = _completed_case(tmp_path, central, person)
    service = Certificates(_client(central.url, central.secret))
    citizen = _citizen(person)
    offers = service.offers(citizen)
    assert [o.kind for o in offers] == ["case_record", "case_completion"]
    completion = offers[1]
    assert completion.ref == tracking and completion.title.zh == "办结证明"
    cert = service.issue(citizen, completion)
    fields = cert.receipt_fields()
    assert set(fields) == {"title", "certificate_number", "body", "issuer", "issued_on", "verify_code",
                           "document_hash", "verify_url"}
    assert person["name"] in cert.body and tracking in cert.body  # the holder's own certificate names them
    assert person["id_number"] not in cert.body  # but the ID number only masked
    assert cert.verify_url.endswith("/verify/" + cert.verify_code)
    # the paper and the public page show the same document hash and the same (grouped) code
    page = httpx.get(cert.verify_url, headers={"Accept": "application/json"}, timeout=5).json()
    assert re.fullmatch(r"[0-9a-f]{4}( [0-9a-f]{4}){3}", fields["document_hash"])
    assert page["document_hash"] == fields["document_hash"]
    assert fields["verify_code"].replace("-", "") == cert.verify_code and len(fields["verify_code"]) == 19
    # one proof served the listing and the issue; central recorded the check's figures, not the person
    rows = central.store._q("SELECT terminal, decision, distance, threshold, attempts, liveness FROM presence")
    assert rows == [(TERMINAL, "match", 0.41, 0.6, 1, 1)]


def test_without_a_passed_face_check_central_is_not_asked(central):  # noqa: F811
    service = Certificates(_client(central.url, central.secret))
    for face in (None, {"decision": "no_match", "staff_verification": True}):
        with pytest.raises(LookupError) as e:
            service.offers(_citizen(invented_applicant(3), face))
        assert _problem(e) is NOT_IDENTIFIED
    assert central.store._q("SELECT COUNT(*) FROM presence")[0][0] == 0
    staff = {"decision": "no_card_photo", "staff_verification": True, "staff_verified": True}
    with pytest.raises(LookupError) as e:
        service.offers(_citizen(invented_applicant(3), staff))
    assert _problem(e) is NONE  # asked, with staff's word for it: nothing to certify yet
    assert central.store._q("SELECT decision FROM presence") == [("staff_verified",)]


def test_nobody_known_gets_none(central):  # noqa: F811
    with pytest.raises(LookupError) as e:
        Certificates(_client(central.url, central.secret)).offers(_citizen(invented_applicant(9)))
    assert _problem(e) is NONE


def test_a_record_that_is_not_there_is_gone(central):  # noqa: F811
    fake = Offer("case_completion", f"{TERMINAL}-20261123-000099-0", Text("办结证明", "Certificate"), Text("", ""))
    with pytest.raises(LookupError) as e:
        Certificates(_client(central.url, central.secret)).issue(_citizen(invented_applicant(4)), fake)
    assert _problem(e) is GONE


def test_network_down_is_offline_and_a_wrong_secret_is_refused(central):  # noqa: F811
    with pytest.raises(LookupError) as e:
        Certificates(_client(DEAD_CENTRAL, central.secret)).offers(_citizen(invented_applicant(1)))
    assert _problem(e) is OFFLINE
    with pytest.raises(LookupError) as e:
        Certificates(_client(central.url, "0" * 64)).offers(_citizen(invented_applicant(1)))
    assert _problem(e) is REFUSED


def test_a_proof_central_no_longer_takes_is_dropped_and_asked_anew(tmp_path):
    from tests.helpers.central import CentralServer

    now = [time.time()]
    server = CentralServer(tmp_path / "central.sqlite3", clock=lambda: now[0]).start()
    try:
        secret = server.add_terminal()
        client = CentralClient(server.url, TERMINAL, secret, timeout=5, clock=lambda: now[0],
                               allow_plain_http_loopback=True)
        service, citizen = Certificates(client), _citizen(invented_applicant(5))
        with pytest.raises(LookupError) as e:
            service.offers(citizen)
        assert _problem(e) is NONE
        now[0] += 601  # central's proof has expired while the kiosk's own clock says it has minutes left
        with pytest.raises(LookupError) as e:
            service.offers(citizen)
        assert _problem(e) is REFUSED
        with pytest.raises(LookupError) as e:
            service.offers(citizen)  # the refused proof was dropped: this call asked for a new one
        assert _problem(e) is NONE
        assert server.store._q("SELECT COUNT(*) FROM presence")[0][0] == 2
        client.close()
    finally:
        server.stop()


def test_the_a4_pdf_of_an_issued_certificate(tmp_path, central):  # noqa: F811
    person = invented_applicant(5)
    tracking = _completed_case(tmp_path, central, person)
    certificates = Certificates(_client(central.url, central.secret))
    offer = next(o for o in certificates.offers(_citizen(person)) if o.ref == tracking)
    issued = certificates.issue(_citizen(person), offer)
    assert certificates.pdf(issued).startswith(b"%PDF-")
    for client, problem in ((_client(DEAD_CENTRAL, central.secret), OFFLINE),
                            (_client(central.url, "0" * 64), REFUSED)):
        with pytest.raises(LookupError) as e:
            Certificates(client).pdf(issued)
        assert _problem(e) is problem
    # a number another terminal issued: central says nothing about it
    other = CentralClient(central.url, "SIM-0009", central.add_terminal("SIM-0009"), timeout=5,
                          allow_plain_http_loopback=True)
    with pytest.raises(LookupError) as e:
        Certificates(other).pdf(issued)
    assert _problem(e) is GONE
