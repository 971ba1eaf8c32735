"""Case work reaching terminals over real HTTP on 127.0.0.1 (both engines, answers MAC'd and checked by the kiosk's
client): the reason of a correction request at the terminal that took the case and at any other, never the staff
note; after 办结 the certificate offers, naming the service as the catalog published to the site does."""

import pytest

from central.casework import Casework
from central.catalogs import Catalogs
from kiosk.submissions import Submissions
from offline_queue.client import CentralClient
from offline_queue.worker import SyncWorker
from protocol import signing
from tests.helpers.catalog import signed_bundle, signing_keys
from tests.helpers.central import CentralServer, invented_applicant, make_store, proof_for

REASON = "请补交户口簿本人页复印件一份。"
NOTE = "staff-only remark 4711"


@pytest.fixture
def hall(central_db, tmp_path):
    server = CentralServer(central_db).start()
    kiosks = {}
    for terminal in ("SIM-0001", "SIM-0002"):
        secret = signing.new_secret()
        server.store.add_terminal(terminal, secret, site="hall-east")
        queue = make_store(tmp_path / terminal, terminal=terminal)
        client = CentralClient(server.url, terminal, secret, timeout=10, allow_plain_http_loopback=True)
        kiosks[terminal] = Submissions(queue, client, SyncWorker(queue, client, interval=60))
    yield server, kiosks
    for uc in kiosks.values():
        uc.close()
    server.stop()


def test_the_reason_reaches_every_terminal_and_the_note_none(hall):
    server, kiosks = hall
    here, there = kiosks["SIM-0001"], kiosks["SIM-0002"]
    done = here.submit("HJ-001", {}, invented_applicant(21))
    here.worker.sync_once()
    Casework(server.store).act(done.tracking, "correct", actor="officer-li", reason=REASON, note=NOTE)

    mine = here.progress(done.tracking)
    assert (mine.source, mine.status, mine.text.zh, mine.reason) == ("central", "correction", "待补正", REASON)
    seen_elsewhere = there.progress(done.tracking)  # typed in at another terminal of the hall
    assert (seen_elsewhere.status, seen_elsewhere.reason) == ("correction", REASON)
    for uc in (here, there):
        raw = uc.client._call("GET", f"/v1/cases/{done.tracking}")
        assert NOTE not in raw.text and "officer-li" not in raw.text and REASON in raw.json()["reason"]

    Casework(server.store).act(done.tracking, "accept", actor="officer-li")
    assert here.progress(done.tracking).reason is None


def test_finishing_a_case_brings_its_certificate_offer(hall, tmp_path):
    server, kiosks = hall
    private, public = signing_keys()
    shelf = Catalogs(server.store)
    shelf.upload(signed_bundle(tmp_path, "2099.2.1", private), actor="manager-sun")
    shelf.publish("2099.2.1", sites=["hall-east"], actor="manager-sun")
    uc = kiosks["SIM-0001"]
    person = invented_applicant(22)
    done = uc.submit("HJ-001", {}, person)
    uc.worker.sync_once()
    work = Casework(server.store)
    proof = proof_for(uc.client, person)
    assert [o["kind"] for o in uc.client.citizen_certificates(proof)] == ["case_record"]
    work.act(done.tracking, "accept", actor="officer-li")
    work.act(done.tracking, "finish", actor="officer-wang")
    offers = uc.client.citizen_certificates(proof)
    assert [(o["kind"], o["ref"]) for o in offers] == [("case_record", ""), ("case_completion", done.tracking)]
    assert offers[1]["subject"]["zh"] == f"出生登记 · {done.tracking}"  # the title from the published catalog
    issued = uc.client.issue_certificate(proof, "case_completion", done.tracking)
    assert "出生登记" in issued["body"] and "已于" in issued["body"]
