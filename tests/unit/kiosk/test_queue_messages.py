"""Queue failures reported by code, worded for the citizen in both languages."""

import pytest

from kiosk.queue_messages import SaveFailed, TrackingNumberError, queue_problem
from offline_queue.errors import (CorruptDatabaseError, CorruptRecordError, DiskFullError, KeyMissingError,
                                  QueueError, QueueMismatchError)
from protocol import tracking


def test_disk_full_has_its_own_words():
    p = queue_problem(DiskFullError("database or disk is full"))
    assert p.code == "queue.disk_full" and "存储空间已满" in p.citizen.zh and "storage is full" in p.citizen.en
    assert p.technician == "database or disk is full"


@pytest.mark.parametrize("exc", [QueueError("x"), CorruptDatabaseError("x"), KeyMissingError("x"),
                                 QueueMismatchError("x"), CorruptRecordError("bad_tag", "x")])
def test_every_other_queue_failure_says_the_application_cannot_be_saved(exc):
    p = queue_problem(exc)
    assert p.code == exc.code and "无法保存您的申请" in p.citizen.zh and "cannot save" in p.citizen.en
    assert p.technician == "x"


def test_save_failed_carries_the_worded_problem():
    failed = SaveFailed(QueueMismatchError("database replaced"))
    assert failed.problem.code == "queue.mismatch" and failed.problem.citizen.zh
    assert str(failed) == "database replaced"


def test_tracking_number_error_is_worded_and_still_a_protocol_error():
    err = TrackingNumberError("check character wrong")
    assert isinstance(err, tracking.TrackingNumberError)
    assert err.problem.code == "queue.tracking_invalid" and "受理编号有误" in err.problem.citizen.zh
    assert "tracking number" in err.problem.citizen.en
