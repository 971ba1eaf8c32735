"""Sync worker against a real central on 127.0.0.1: drain, results per item, offline, refused credentials."""

import random
import socket
import time

from offline_queue.client import CentralClient
from offline_queue.worker import SyncWorker, full_jitter
from tests.helpers.central import TERMINAL, central, invented_applicant, make_store  # noqa: F401


def _closed_port() -> str:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there any more: connection refused
    return f"http://127.0.0.1:{port}"


def _drain(worker, store, rounds=50):
    for _ in range(rounds):
        worker.sync_once()
        d = store.stats().depth
        if d["pending"] == 0 and d["sending"] == 0:
            return
    raise AssertionError(f"queue not drained: {store.stats()}")


def test_full_jitter_stays_within_bounds():
    rng = random.Random(1)
    for attempts in range(0, 40):
        d = full_jitter(1.0, 300.0, attempts, rng)
        assert 0 <= d <= min(300.0, 2.0 ** attempts)
    assert max(full_jitter(1.0, 300.0, 30, rng) for _ in range(200)) > 150  # spread up to the cap


def test_drain_uploads_blobs_once_then_batches(central, tmp_path):
    store = make_store(tmp_path)
    client = CentralClient(central.url, TERMINAL, central.secret, timeout=5,
                           allow_plain_http_loopback=True)
    worker = SyncWorker(store, client, batch_size=7)
    shared = b"\x89PNG same photo twice"
    made = [store.enqueue_submission("gjj.withdraw", {"i": i}, invented_applicant(i), None,
                                     [shared, bytes([i]) * 100]) for i in range(20)]
    store.enqueue("rating", {"tracking": made[0].tracking, "score": 4, "comment": None})
    _drain(worker, store)
    counts = central.store.counts()
    assert counts == {"cases": 20, "items": 21, "blobs": 21, "ratings": 1}
    assert store.lookup(made[5].tracking).case_number == central.store.case(made[5].tracking)["case_number"]
    st = worker.status()
    assert st.link == "online" and st.last_success and st.depth["acknowledged"] == 21


def test_resending_after_lost_answers_is_idempotent(central, tmp_path):
    store = make_store(tmp_path)
    client = CentralClient(central.url, TERMINAL, central.secret, timeout=5,
                           allow_plain_http_loopback=True)
    made = store.enqueue_submission("gjj.withdraw", {}, invented_applicant(1))
    claimed = store.claim(10)
    items = [{"id": c.id, "seq": c.seq, "kind": c.kind, "body": c.body} for c in claimed]
    first = client.submit_batch(items)  # the answer is "lost": we never settle it
    store.recover()
    worker = SyncWorker(store, client)
    _drain(worker, store)
    again = central.store.case(made.tracking)
    assert first[0]["result"] == "accepted" and again["case_number"] == first[0]["case_number"]
    assert central.store.counts()["cases"] == 1
    assert store.lookup(made.tracking).case_number == first[0]["case_number"]


def test_rejected_items_go_to_quarantine(central, tmp_path):
    store = make_store(tmp_path)
    worker = SyncWorker(store, CentralClient(central.url, TERMINAL, central.secret, timeout=5,
                                             allow_plain_http_loopback=True))
    bad = store.enqueue_submission("NOT A SERVICE", {}, invented_applicant(2))
    good = store.enqueue_submission("gjj.withdraw", {}, invented_applicant(3))
    _drain(worker, store)
    assert store.lookup(bad.tracking).state == "rejected"
    assert store.lookup(good.tracking).state == "acknowledged"
    assert [q["reason"] for q in store.quarantine()] == ["unknown_service_code"]
    assert worker.status().quarantined == 1


def test_offline_postpones_with_backoff_and_reports_offline(tmp_path):
    store = make_store(tmp_path)
    worker = SyncWorker(store, CentralClient(_closed_port(), TERMINAL, "x" * 64, timeout=2,
                                             allow_plain_http_loopback=True),
                        backoff_base=10, backoff_cap=60, rng=random.Random(3))
    made = store.enqueue_submission("gjj.withdraw", {}, invented_applicant(4))
    before = time.time()
    worker.sync_once()
    st = worker.status()
    assert st.link == "offline" and "ConnectError" in st.last_error
    assert st.depth["pending"] == 1 and st.oldest_pending_age is not None
    due = store.next_due()
    assert before <= due <= time.time() + 20  # full jitter on attempt 1: uniform(0, 20)
    assert store.lookup(made.tracking).state == "pending"


def test_wrong_secret_is_degraded_not_offline(central, tmp_path):
    store = make_store(tmp_path)
    worker = SyncWorker(store, CentralClient(central.url, TERMINAL, "y" * 64, timeout=5,
                                             allow_plain_http_loopback=True))
    store.enqueue_submission("gjj.withdraw", {}, invented_applicant(5))
    worker.sync_once()
    st = worker.status()
    assert st.link == "degraded" and "bad_signature" in st.last_error
    assert central.store.counts()["cases"] == 0


def test_thread_drains_after_wake_and_stops(central, tmp_path):
    store = make_store(tmp_path)
    seen = []
    worker = SyncWorker(store, CentralClient(central.url, TERMINAL, central.secret, timeout=5,
                                             allow_plain_http_loopback=True),
                        interval=60, on_status=seen.append)
    worker.start()
    try:
        made = store.enqueue_submission("gjj.withdraw", {}, invented_applicant(6))
        worker.wake()
        deadline = time.monotonic() + 20
        while store.lookup(made.tracking).state != "acknowledged":
            assert time.monotonic() < deadline, store.stats()
            time.sleep(0.02)
    finally:
        worker.close()
    assert any(s.link == "online" for s in seen)


def test_a_draining_backlog_is_not_counted_every_round_but_its_end_is(central, tmp_path):
    store = make_store(tmp_path)
    client = CentralClient(central.url, TERMINAL, central.secret, timeout=5, allow_plain_http_loopback=True)
    worker = SyncWorker(store, client, batch_size=5)
    worker.counts_every = 3600  # however slow this machine: a drain's rounds come within the hour
    for i in range(30):
        store.enqueue_submission("gjj.withdraw", {"i": i}, invented_applicant(i))
    counted = []
    store._conn.set_trace_callback(lambda sql: counted.append(sql) if "GROUP BY" in sql else None)
    rounds = 0
    while worker.sync_once():  # the round that takes the last full batch counts: nothing more is due
        rounds += 1
        assert rounds < 10
    assert rounds == 6
    # the status was counted in the first round (and for its start heartbeat) and once nothing more was due
    assert len(counted) == 4
    st = worker.status()
    assert st.link == "online" and st.depth["acknowledged"] == 30 and st.depth["pending"] == 0


def test_a_purge_that_fails_does_not_stop_sending(central, tmp_path):
    """Personal data kept a round longer is no reason to keep every new submission from central."""
    store = make_store(tmp_path, retention_days=0)
    client = CentralClient(central.url, TERMINAL, central.secret, timeout=5, allow_plain_http_loopback=True)
    worker = SyncWorker(store, client)
    store.enqueue_submission("gjj.withdraw", {"i": 1}, invented_applicant(1))
    _drain(worker, store)
    # from now on the purge's own statement fails in SQLite, as a damaged page or a full disk would fail it
    store._conn.execute("CREATE TRIGGER purge_fails BEFORE UPDATE OF purged_at ON records "
                        "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")
    later = store.enqueue_submission("gjj.withdraw", {"i": 2}, invented_applicant(2))
    for _ in range(5):
        worker.sync_once()
    assert store.lookup(later.tracking).state == "acknowledged"
    assert central.store.counts()["cases"] == 2
    assert "purge" in (worker.status().last_error or "")  # the technician still sees it
