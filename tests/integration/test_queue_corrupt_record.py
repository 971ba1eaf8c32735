"""One record damaged on disk is quarantined, not contagious: the other 119 reach a real central exactly once."""

import sqlite3
import time

from offline_queue.client import CentralClient
from offline_queue.worker import SyncWorker
from tests.helpers.central import TERMINAL, central, invented_applicant, make_store  # noqa: F401

N = 120
BAD = 37  # in the first batch of 50: before quarantine, its 49 neighbours were stranded with it


def _flip_payload(db, seq):
    """A second connection, as another process (or a failing disk) would: the stored ciphertext, bytes flipped."""
    with sqlite3.connect(db) as c:
        payload = bytearray(c.execute("SELECT payload FROM records WHERE seq=?", (seq,)).fetchone()[0])
        for i in range(20, 28):
            payload[i] ^= 0xFF
        c.execute("UPDATE records SET payload=? WHERE seq=?", (bytes(payload), seq))


def _run_worker(store, central, seen):
    worker = SyncWorker(store, CentralClient(central.url, TERMINAL, central.secret, timeout=5,
                                                allow_plain_http_loopback=True), interval=0.05,
                        batch_size=50, backoff_base=0.01, backoff_cap=0.2, on_status=seen.append)
    worker.start()
    try:
        deadline = time.monotonic() + 120
        while True:
            d = store.stats().depth
            if d["pending"] == 0 and d["sending"] == 0:
                return worker.status()
            assert time.monotonic() < deadline, (d, worker.status())
            time.sleep(0.05)
    finally:
        worker.close()


def test_a_corrupted_record_is_quarantined_and_the_rest_land_once(tmp_path, central):
    store = make_store(tmp_path)
    made = [store.enqueue_submission("gjj.withdraw", {"i": i}, invented_applicant(i), None,
                                     [f"scan-{i}".encode()] if i % 10 == 0 else []) for i in range(N)]
    bad = made[BAD - 1]
    assert bad.seq == BAD
    _flip_payload(tmp_path / "queue.sqlite3", BAD)

    seen = []
    status = _run_worker(store, central, seen)

    cases = central.store._q("SELECT item_id, tracking FROM cases")
    assert sorted(cases) == sorted((m.id, m.tracking) for m in made if m is not bad)
    local = store.lookup(bad.tracking)
    assert (local.state, local.reject_reason) == ("rejected", "corrupt")
    assert [q["reason"] for q in store.quarantine()] == ["corrupt"]
    assert status.link == "online" and status.corrupt == 1 and status.quarantined == 1
    assert any(s.last_error and "corrupt" in s.last_error and str(BAD) in s.last_error for s in seen)
    # central heard of it as an operational event, with nothing personal in it
    [(body,)] = central.store._q("SELECT body FROM events")
    assert '"queue.record_corrupt"' in body and bad.id in body and bad.tracking in body
    person = invented_applicant(BAD - 1)
    assert person["id_number"] not in body and person["name"] not in body
    store.close()

    # a restart changes nothing: the quarantined record stays there, nothing is sent twice, no second event
    again = make_store(tmp_path)
    _run_worker(again, central, [])
    assert len(central.store._q("SELECT item_id FROM cases")) == N - 1
    assert len(central.store._q("SELECT item_id FROM events")) == 1
    assert again.lookup(bad.tracking).state == "rejected"
    d = again.stats().depth
    assert (d["acknowledged"], d["rejected"], d["pending"], d["sending"]) == (N, 1, 0, 0)  # 119 + the event
    again.close()
