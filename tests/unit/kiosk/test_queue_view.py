"""Staff's queue view with a real queue and a real central: counts, masked quarantine, retry one, reprint data."""

import time

import pytest

from kiosk import queue_view
from kiosk.submissions import Submissions
from offline_queue.client import CentralClient
from offline_queue.worker import SyncWorker
from protocol import receipt_link
from tests.helpers.central import TERMINAL, central, invented_applicant, make_store  # noqa: F401

FACE = {"decision": "match", "distance": 0.38, "threshold": 0.6, "attempts": 1}


class Catalog:
    """Only what the receipt asks of the catalog (the real service is tested in tests/unit/kiosk/catalog)."""

    class _Guide:
        name = "测试事项"

        class promised:
            zh = "5个工作日"

    def guide(self, code):
        return self._Guide()


@pytest.fixture
def subs(tmp_path, central):
    store = make_store(tmp_path)
    client = CentralClient(central.url, TERMINAL, central.secret, timeout=5, allow_plain_http_loopback=True)
    made = Submissions(store, client, SyncWorker(store, client, interval=60))
    yield made
    made.close()


def test_counts_quarantine_masked_and_retry_one(subs):
    person = invented_applicant(4)
    bad = subs.submit("NOT A SERVICE", {}, person, FACE)
    good = subs.submit("HJ-001", {}, invented_applicant(5), FACE)
    before = queue_view.view(subs)
    assert before.depth["pending"] == 2 and before.oldest_pending_age is not None
    subs.worker.sync_once()
    seen = queue_view.view(subs)
    assert seen.depth["rejected"] == 1 and seen.depth["acknowledged"] == 1 and seen.oldest_pending_age is None
    [held] = seen.quarantined
    assert held["reason"] == "unknown_service_code" and held["retryable"]
    assert bad.tracking not in repr(seen.as_dict()) and good.tracking not in repr(seen.as_dict())
    assert held["tracking"].endswith(bad.tracking[-4:]) and "*" in held["tracking"]
    assert person["id_number"] not in repr(seen.as_dict())
    assert [r["seq"] for r in seen.recent] == [2, 1]
    assert queue_view.retry(subs, held["seq"], held["id"])
    assert queue_view.view(subs).depth["pending"] == 1
    assert not queue_view.retry(subs, held["seq"], held["id"])  # no longer in quarantine
    subs.worker.sync_once()
    assert queue_view.view(subs).depth["rejected"] == 1  # central still refuses it: back in quarantine


def test_corrupt_records_are_not_retried(subs):
    subs.submit("HJ-001", {}, invented_applicant(6), FACE)
    subs.store._conn.execute("UPDATE records SET payload=X'00' WHERE seq=1")  # damaged on disk
    subs.worker.sync_once()
    [held] = queue_view.view(subs).quarantined
    assert held["reason"] == "corrupt" and not held["retryable"]
    assert not queue_view.retry(subs, held["seq"], held["id"])


def test_receipt_again_from_the_held_record_and_not_after_purge(subs):
    person = invented_applicant(7)
    made = subs.submit("HJ-001", {"note": "x"}, person, FACE, [b"page one"])
    [recent] = queue_view.view(subs).recent
    data = queue_view.receipt_data(subs, Catalog(), recent["seq"], recent["id"], now=time.time())
    assert data["tracking_number"] == made.tracking and data["service_name"] == "测试事项"
    assert "人脸核验记录" in data["materials"] and "材料照片1张（本机拍摄）" in data["materials"]
    assert "补打" in data["submitted_at"]
    assert data["progress_qr"] == made.tracking and "手机" not in data["progress_hint"]  # no public URL: bare number
    linked = queue_view.receipt_data(subs, Catalog(), recent["seq"], recent["id"], public_url="https://zwfw.example.cn")
    assert linked["progress_qr"] == receipt_link.progress_url("https://zwfw.example.cn", made.tracking, subs.link_secret) and "手机扫描" in linked["progress_hint"]
    with pytest.raises(queue_view.NotHeld):
        queue_view.receipt_data(subs, Catalog(), recent["seq"], "not-the-id")
    subs.worker.sync_once()
    subs.store.retention_seconds = 0
    subs.store.purge()
    with pytest.raises(queue_view.NotHeld):
        queue_view.receipt_data(subs, Catalog(), recent["seq"], recent["id"])
