"""亲友代办 at central: the helper kept as a keyed hash and a masked name, the principal sealed like any applicant,
the case listed under the principal's card only, old bodies without `agent` unchanged, malformed agents refused."""

from __future__ import annotations

import json
from datetime import date

import pytest

from central.casework import Casework
from central.storage import CentralStore
from protocol import tracking
from tests.helpers.central import TERMINAL, invented_applicant
from tests.helpers.proxy import HELPER, PRINCIPAL, PRINCIPAL_NAME, PRINCIPAL_NUMBER


def _item(seq: int, **body) -> dict:
    base = {"tracking": tracking.issue(TERMINAL, date(2026, 4, 1), seq), "service_code": "YL-002",
            "applicant": PRINCIPAL, "form": {"name": PRINCIPAL_NAME}, "attachments": []}
    base.update(body)
    return {"id": f"P{seq}", "seq": seq, "kind": "submission", "body": base}


@pytest.fixture
def store(central_db):
    s = CentralStore(central_db.target, keys_dir=central_db.keys_dir)
    yield s
    s.close()


def test_both_identities_are_recorded_the_helper_hashed_the_principal_sealed(store):
    assert store.accept_batch(TERMINAL, [_item(1, agent=HELPER)])[0]["result"] == "accepted"
    number = tracking.issue(TERMINAL, date(2026, 4, 1), 1)
    dump = json.dumps(store._q("SELECT * FROM cases"), ensure_ascii=False)
    for clear in (PRINCIPAL_NAME, PRINCIPAL_NUMBER, HELPER["name"], HELPER["id_number"]):
        assert clear not in dump
    body = store.case_body(number)
    assert body["applicant"] == PRINCIPAL
    assert body["agent"] == {"id_hash": store.id_hash(HELPER["id_number"]), "name": "孙**", "relation": "子女",
                             "kind": "resident", "source": "idcard"}
    assert HELPER["id_number"] not in json.dumps(body)  # not even inside the sealed body


def test_the_case_is_listed_for_the_principals_card_not_the_helpers(store):
    store.accept_batch(TERMINAL, [_item(2, agent=HELPER)])
    number = tracking.issue(TERMINAL, date(2026, 4, 1), 2)
    assert [c["tracking"] for c in store.cases_by_id_hash(store.id_hash(PRINCIPAL_NUMBER))] == [number]
    assert store.cases_by_id_hash(store.id_hash(HELPER["id_number"])) == []
    assert store.applicant_cases(store.id_hash(HELPER["id_number"])) == []


def test_a_submission_without_agent_from_an_older_kiosk_stays_as_it_was(store):
    person = invented_applicant(4)
    assert store.accept_batch(TERMINAL, [_item(3, applicant=person)])[0]["result"] == "accepted"
    body = store.case_body(tracking.issue(TERMINAL, date(2026, 4, 1), 3))
    assert "agent" not in body and body["applicant"] == person


@pytest.mark.parametrize("agent", [
    "someone", {**HELPER, "id_number": HELPER["id_number"][:17] + "0"}, {**HELPER, "name": ""},
    {**HELPER, "id_number": PRINCIPAL_NUMBER}, {**HELPER, "relation": "x" * 40},
])
def test_a_malformed_agent_is_rejected_with_a_reason(store, agent):
    [result] = store.accept_batch(TERMINAL, [_item(4, agent=agent)])
    assert (result["result"], result["reason"]) == ("rejected", "malformed_agent")


def test_officers_and_managers_see_who_applied_for_whom_masked_for_managers(store):
    store.accept_batch(TERMINAL, [_item(5, agent=HELPER)])
    number = tracking.issue(TERMINAL, date(2026, 4, 1), 5)
    officer = Casework(store).case(number, reveal=True)
    manager = Casework(store).case(number, reveal=False)
    assert officer["applicant"]["id_number"] == PRINCIPAL_NUMBER
    assert officer["agent"] == {"name": "孙**", "relation": "子女", "kind": "resident", "source": "idcard",
                                "id_hash": store.id_hash(HELPER["id_number"])[:16]}
    assert manager["applicant"]["id_number"] == "110105********0029" and manager["applicant"]["name"] == "钱**"
    assert manager["agent"] == {"name": "孙**", "relation": "子女", "kind": "resident", "source": "idcard"}
    assert Casework(store).case(tracking.issue(TERMINAL, date(2026, 4, 1), 5), reveal=True)["agent"] is not None
