"""The crash counter and marker, the last-resort hooks (masked tracebacks) and the sealed print journal."""

from __future__ import annotations

import faulthandler
import json
import logging
import os
import stat
import sys
import threading

import pytest

from kiosk import crash_hooks
from kiosk.crashes import Crashes
from kiosk.print_journal import PrintJournal
from offline_queue.crypto import make_suite

ID = "11010519850312003" + "9"  # invented


def test_unclean_end_is_counted_once_and_reported_once(tmp_path):
    first = Crashes(tmp_path)
    assert first.started() is False and first.since_last_beat() == 0
    # the process is killed here: stopped() never runs
    second = Crashes(tmp_path)
    assert second.started() is True
    assert second.since_last_beat() == 1
    second.beat_sent(1)
    assert second.since_last_beat() == 0
    second.stopped()
    third = Crashes(tmp_path)
    assert third.started() is False and third.since_last_beat() == 0
    assert stat.S_IMODE(os.stat(tmp_path / "crashes.json").st_mode) == 0o600


def test_a_crash_between_beat_and_acknowledgement_is_not_lost(tmp_path):
    c = Crashes(tmp_path)
    c.record("one")
    sent = c.since_last_beat()
    c.record("two")  # while the heartbeat was on its way
    c.beat_sent(sent)
    assert c.since_last_beat() == 1


def test_damaged_counter_starts_again(tmp_path, caplog):
    (tmp_path / "crashes.json").write_text("{not json")
    c = Crashes(tmp_path)
    assert c.since_last_beat() == 0 and c.record("x") == 1
    assert "unreadable" in caplog.text


@pytest.fixture
def hooks(monkeypatch):
    """The process-wide hooks as they were before the test installs ours."""
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(crash_hooks, "_fault_stream", None)
    yield
    if crash_hooks._fault_stream is not None:
        crash_hooks._fault_stream.close()
    faulthandler.enable(sys.__stderr__)


def test_uncaught_thread_exception_logged_masked_and_counted(tmp_path, caplog, hooks):
    from kiosk.logs import RedactingFilter

    c = Crashes(tmp_path)
    crash_hooks.install(c, tmp_path)
    caplog.handler.addFilter(RedactingFilter())

    def boom() -> None:
        raise ValueError(f"bad card {ID}")

    t = threading.Thread(target=boom, name="reader")
    with caplog.at_level(logging.CRITICAL, logger="kiosk.crash"):
        t.start()
        t.join()
    assert c.since_last_beat() == 1
    text = caplog.text
    assert "uncaught ValueError in thread reader" in text and "Traceback" in text and "boom" in text
    assert ID not in text and "110105********0039" in text


def test_native_fault_file_reported_at_next_start(tmp_path, caplog, hooks):
    (tmp_path / crash_hooks.FAULT_FILE).write_text('Fatal Python error: Segmentation fault\n  File "x.py", line 3')
    crash_hooks.install(Crashes(tmp_path), tmp_path)
    assert "native fault" in caplog.text and "Segmentation fault" in caplog.text
    assert (tmp_path / crash_hooks.FAULT_FILE).read_text() == ""  # emptied for this run


def test_print_journal_seals_the_bytes_and_survives_a_restart(tmp_path):
    suite = make_suite("aes-gcm+hmac-sha256", os.urandom(32))
    data = f"张三 {ID}".encode()
    journal = PrintJournal(tmp_path, suite)
    journal.begin(1, "certificate", "证明", data)
    raw = (tmp_path / "print-inflight.json").read_bytes()
    assert ID.encode() not in raw and "张三".encode() not in raw and b"\\u5f20" not in raw
    assert stat.S_IMODE(os.stat(tmp_path / "print-inflight.json").st_mode) == 0o600
    assert journal.unfinished() is None  # this run's job is not "unfinished" until a run ends without it

    after = PrintJournal(tmp_path, suite)  # the next start
    left = after.unfinished()
    assert left is not None and left.layout == "certificate" and left.title == "证明" and left.data == data
    after.begin(1, "submission_receipt", "回执", b"new")  # the new run's jobs do not touch the old record
    after.finished(1)
    assert after.unfinished().data == data
    after.dismiss()
    assert after.unfinished() is None


def test_print_journal_without_the_key_keeps_kind_and_time_only(tmp_path):
    PrintJournal(tmp_path, make_suite("aes-gcm+hmac-sha256", os.urandom(32))).begin(3, "certificate", "证明", b"x")
    left = PrintJournal(tmp_path, make_suite("aes-gcm+hmac-sha256", os.urandom(32))).unfinished()
    assert left.title == "证明" and left.data == b""  # another key: offered, not resendable
    (tmp_path / "print-unfinished.json").write_text("garbage")
    assert PrintJournal(tmp_path, None).unfinished() is None


def test_finished_job_leaves_nothing(tmp_path):
    journal = PrintJournal(tmp_path, None)
    journal.begin(7, "materials_checklist", "清单", b"bytes")
    assert json.loads((tmp_path / "print-inflight.json").read_text())["data"] == ""  # no key: no bytes kept
    journal.finished(6)
    assert (tmp_path / "print-inflight.json").exists()
    journal.finished(7)
    assert not (tmp_path / "print-inflight.json").exists()
    assert PrintJournal(tmp_path, None).unfinished() is None
