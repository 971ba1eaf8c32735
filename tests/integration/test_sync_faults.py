"""Network faults between kiosk and central (refused, resets, 5xx, slow, hung, truncated): 1,000 land once."""

import os
import time

import pytest

from offline_queue.client import CentralClient
from offline_queue.worker import SyncWorker
from tests.helpers.central import FAULTS, TERMINAL, FaultProxy, central, invented_applicant, make_store  # noqa: F401

N = int(os.environ.get("KIOSK_FAULT_SUBMISSIONS", "1000"))
WEIGHTS = {"pass": 60, "reset_on_accept": 5, "reset_mid_request": 5, "reset_after_commit": 8, "http500": 5,
           "http503": 5, "slow": 8, "timeout": 2, "truncated_response": 4}


@pytest.mark.slow
def test_thousand_submissions_land_exactly_once_through_faults(tmp_path, central):
    proxy = FaultProxy(central.port, seed=int(os.environ.get("KIOSK_FAULT_SEED", "5")), weights=WEIGHTS,
                       hang_seconds=1.5, forced=[f for f in FAULTS if f != "pass"])
    store = make_store(tmp_path)
    client = CentralClient(proxy.url, TERMINAL, central.secret, timeout=1.0,
                           allow_plain_http_loopback=True)
    worker = SyncWorker(store, client, interval=0.05, batch_size=50, backoff_base=0.01, backoff_cap=0.2)
    worker.start()  # the proxy is not listening yet: the first attempts meet a real "connection refused"
    made = []
    try:
        for i in range(N):
            made.append(store.enqueue_submission("gjj.withdraw", {"i": i}, invented_applicant(i), None,
                                                 [f"scan-{i}".encode()] if i % 20 == 0 else []))
            if i == 100:
                deadline = time.monotonic() + 30
                while worker.status().link != "offline":
                    assert time.monotonic() < deadline, worker.status()
                    time.sleep(0.01)
                proxy.start()
            worker.wake()
        deadline = time.monotonic() + 240
        while True:
            d = store.stats().depth
            if d["pending"] == 0 and d["sending"] == 0:
                break
            assert time.monotonic() < deadline, (d, proxy.counts, worker.status())
            time.sleep(0.05)
    finally:
        worker.close()
        proxy.stop()

    assert store.stats().depth["acknowledged"] == N
    cases = central.store._q("SELECT item_id, tracking, case_number FROM cases")
    assert len(cases) == N
    by_id = {rid: (tr, cn) for rid, tr, cn in cases}
    for m in made:
        tr, cn = by_id[m.id]
        assert tr == m.tracking and store.lookup(m.tracking).case_number == cn
    # every fault kind really happened, some of them on the batch endpoint itself
    assert all(proxy.counts.get(f, 0) > 0 for f in FAULTS), proxy.counts
    print(proxy.counts)
