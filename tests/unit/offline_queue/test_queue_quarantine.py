"""Quarantine on real SQLite files: corrupt records of every kind, stuck 'sending', and the rejected retention."""

import sqlite3

import pytest

from kiosk.submissions import Submissions
from offline_queue.client import CentralClient
from offline_queue.store import Outcome
from offline_queue.worker import SyncWorker
from tests.helpers.central import TERMINAL, central, invented_applicant, make_store  # noqa: F401


class Clock:
    def __init__(self, t=1_790_000_000.0):
        self.t = t

    def __call__(self):
        return self.t


def _submit(store, i, attachments=()):
    return store.enqueue_submission("gjj.withdraw", {"i": i}, invented_applicant(i), None, list(attachments))


def _flip(data, i):
    return data[:i] + bytes([data[i] ^ 0xFF]) + data[i + 1:]


def _tamper(store, sql, params=()):
    """Through a second connection, as another process or a failing disk would; flip(x, i) inverts byte i."""
    with sqlite3.connect(store.path) as c:
        c.create_function("flip", 2, _flip)
        c.execute(sql, params)


def _events(store):
    return [store.read_body(seq) for (seq,) in store._conn.execute("SELECT seq FROM records WHERE kind='event'")]


@pytest.mark.parametrize("damage, what", [
    ("UPDATE records SET payload = flip(payload, 20) WHERE seq=2", "bad_tag"),
    ("UPDATE records SET payload = flip(payload, 0) WHERE seq=2", "bad_tag"),  # the nonce
    ("UPDATE records SET id = '01KAR8Z5Y3XW2V1T0S9R8Q7P6N' WHERE seq=2", "bad_tag"),  # moved to another record
    ("UPDATE records SET payload = NULL WHERE seq=2", "unreadable"),
    ("UPDATE records SET payload = x'0102' WHERE seq=2", "unreadable"),
    ("UPDATE records SET blobs = '[\"trunc' WHERE seq=2", "unreadable"),
    ("DELETE FROM blobs WHERE sha256 = (SELECT json_extract(blobs, '$[0]') FROM records WHERE seq=2)", "missing_blob"),
])
def test_a_record_that_cannot_be_read_back_is_quarantined_and_the_batch_goes_on(tmp_path, damage, what):
    store = make_store(tmp_path)
    made = [_submit(store, i, [f"scan {i}".encode()]) for i in range(4)]
    _tamper(store, damage)
    [(rid,)] = store._conn.execute("SELECT id FROM records WHERE seq=2")  # the damaged one's id as it now reads
    heard = []
    claimed = store.claim(10, on_corrupt=heard.append)
    assert [c.seq for c in claimed] == [1, 3, 4]
    assert [(b.seq, b.id, b.tracking, b.what) for b in heard] == [(2, rid, made[1].tracking, what)]
    assert store.lookup(made[1].tracking).reject_reason == "corrupt"
    [event] = _events(store)
    assert event["name"] == "queue.record_corrupt"
    assert event["details"] == {"record_id": rid, "seq": 2, "kind": "submission", "tracking": made[1].tracking,
                                "problem": what}
    st = store.stats()
    assert (st.corrupt, st.depth["rejected"], st.depth["sending"], st.depth["pending"]) == (1, 1, 3, 1)
    assert [c.kind for c in store.claim(10)] == ["event"]  # the event goes to central like any record
    store.close()
    reopened = make_store(tmp_path)  # a restart neither brings it back nor reports it again
    assert [c.seq for c in reopened.claim(10)] == [1, 3, 4, 5] and len(_events(reopened)) == 1


def test_an_attachment_that_does_not_decrypt_quarantines_its_record_only(tmp_path, central):
    store = make_store(tmp_path)
    good = _submit(store, 1, [b"good scan"])
    bad = _submit(store, 2, [b"bad scan"])
    _tamper(store, "UPDATE blobs SET data = flip(data, 15) WHERE size=8")
    worker = SyncWorker(store, CentralClient(central.url, TERMINAL, central.secret, timeout=5,
                                                allow_plain_http_loopback=True))
    worker.sync_once()
    assert worker.status().last_error.startswith("1 record(s) quarantined as corrupt, seq 2 (blob_bad_tag)")
    while worker.sync_once():
        pass
    worker.sync_once()  # the event
    assert store.lookup(good.tracking).state == "acknowledged"
    assert (store.lookup(bad.tracking).state, store.lookup(bad.tracking).reject_reason) == ("rejected", "corrupt")
    assert central.store.counts()["cases"] == 1
    assert central.store._q("SELECT COUNT(*) FROM events")[0][0] == 1
    assert worker.status().corrupt == 1


def test_records_stuck_in_sending_make_the_status_degraded(tmp_path, central):
    clock = Clock()
    store = make_store(tmp_path, clock=clock)
    client = CentralClient(central.url, TERMINAL, central.secret, timeout=5, allow_plain_http_loopback=True)
    worker = SyncWorker(store, client, clock=clock, stuck_after=15 * 60)
    use_cases = Submissions(store, client, worker)
    worker.sync_once()
    assert worker.status().link == "online"
    _submit(store, 1)
    store.claim(10)  # as a worker hung inside its upload would leave them
    clock.t += 14 * 60
    assert worker.stuck_reason(store.stats()) is None and use_cases.status()["link"] == "online"
    clock.t += 2 * 60
    reason = worker.stuck_reason(store.stats())
    assert reason and "1 record(s) stuck in 'sending' for 16 min" in reason
    # diagnostics ask afresh (a hung worker cannot say so itself), and every round of a live worker says so too
    assert (use_cases.status()["link"], use_cases.status()["last_error"]) == ("degraded", reason)
    worker.sync_once()
    assert (worker.status().link, worker.status().last_error) == ("degraded", reason)


def test_rejected_records_keep_personal_data_only_for_the_retention(tmp_path):
    clock = Clock()
    store = make_store(tmp_path, clock=clock, rejected_retention_days=30, retention_days=7)
    bad = _submit(store, 1, [b"only in the rejected one"])
    good = _submit(store, 2, [b"scan"])
    store.claim(10)
    store.settle([Outcome(bad.seq, bad.id, "rejected", reason="unknown_service_code"),
                  Outcome(good.seq, good.id, "accepted", "C1", "received")])
    clock.t += 29 * 86400
    assert store.purge() == 1  # the acknowledged one, after its 7 days
    assert store.read_body(bad.seq)["applicant"] == invented_applicant(1)  # still there for staff
    [held] = store.quarantine()
    assert held["purged"] is False
    clock.t += 86400
    assert store.purge() == 1
    row = store._conn.execute("SELECT id, kind, tracking, reject_reason, state, payload, id_hash FROM records"
                              " WHERE seq=?", (bad.seq,)).fetchone()
    assert row == (bad.id, "submission", bad.tracking, "unknown_service_code", "rejected", None, None)
    assert store.read_body(bad.seq) is None
    assert store._conn.execute("SELECT COUNT(*) FROM blobs").fetchone()[0] == 0  # its attachment went with it
    [held] = store.quarantine()
    assert (held["id"], held["tracking"], held["reason"], held["purged"]) == (bad.id, bad.tracking,
                                                                           "unknown_service_code", True)
    assert store.lookup(bad.tracking).state == "rejected"  # the citizen's query still gets the true answer
    assert store.lookup_by_id_number(invented_applicant(1)["id_number"]) == []
    assert store.purge() == 0


def test_corrupt_records_are_purged_after_the_rejected_retention_too(tmp_path):
    clock = Clock()
    store = make_store(tmp_path, clock=clock, rejected_retention_days=3)
    made = _submit(store, 1)
    _tamper(store, "UPDATE records SET payload = flip(payload, 30) WHERE seq=1")
    store.claim(10)
    clock.t += 3 * 86400
    assert store.purge() == 1
    assert store._conn.execute("SELECT payload, id_hash FROM records WHERE seq=1").fetchone() == (None, None)
    assert store.lookup(made.tracking).reject_reason == "corrupt"


def test_a_damaged_attachment_list_does_not_stop_the_purge(tmp_path):
    clock = Clock()
    store = make_store(tmp_path, clock=clock, retention_days=0)
    done = _submit(store, 1, [b"scan"])
    _submit(store, 2)
    store.claim(10)
    store.settle([Outcome(done.seq, done.id, "accepted", "C1", "received")])
    _tamper(store, "UPDATE records SET blobs = '[broken' WHERE seq=2")
    assert store.purge() == 1 and store.lookup(done.tracking).state == "purged"
