"""Call staff through a real queue to a real central: at once when online, later when not, once per visit tap;
taken back by a cancellation that names the calls it drops."""

import json
import sqlite3
import socket
import time

from kiosk.staff_call import REPEAT_AFTER, STAFF_CALL_CANCEL_EVENT, STAFF_CALL_EVENT, StaffCalls
from kiosk.submissions import Submissions
from offline_queue.client import CentralClient
from offline_queue.worker import SyncWorker
from tests.helpers.central import TERMINAL, central, make_store  # noqa: F401


class Clock:
    t = 100.0

    def __call__(self):
        return self.t


def _events(tmp_path, name=STAFF_CALL_EVENT):
    """(central's item id, body) of the terminal's events called `name`, in the order they arrived."""
    with sqlite3.connect(tmp_path / "central.sqlite3") as c:
        rows = [(rid, json.loads(b)) for rid, b in c.execute(
            # rowid: the order central stored them in. Not item_id: two calls within one millisecond have ULIDs
            # that share their time part and sort by the random rest
            "SELECT item_id, body FROM events WHERE terminal=? ORDER BY at, rowid", (TERMINAL,))]
    return [(rid, b) for rid, b in rows if b["name"] == name]


def _calls(tmp_path):
    return [b for _, b in _events(tmp_path)]


def _until(condition, timeout=30.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline
        time.sleep(0.05)


def test_a_call_reaches_central_at_once(central, tmp_path):
    store = make_store(tmp_path)
    client = CentralClient(central.url, TERMINAL, central.secret, timeout=5, allow_plain_http_loopback=True)
    subs = Submissions(store, client, SyncWorker(store, client, interval=3600, heartbeat_every=3600))
    subs.start()  # the worker sleeps an hour between rounds: only the wake brings the call over
    clock = Clock()
    calls = StaffCalls(lambda: subs, clock)
    assert calls.call("Identify", generation=3)
    _until(lambda: len(_calls(tmp_path)) == 1)
    [body] = _calls(tmp_path)
    assert body["details"] == {"screen": "Identify", "session": 3}
    assert calls.call("Identify")  # a second tap is the same call
    clock.t += REPEAT_AFTER + 1
    assert calls.call("FaceCheck")
    _until(lambda: len(_calls(tmp_path)) == 2)
    subs.close()


def _online(central, tmp_path):
    store = make_store(tmp_path)
    client = CentralClient(central.url, TERMINAL, central.secret, timeout=5, allow_plain_http_loopback=True)
    subs = Submissions(store, client, SyncWorker(store, client, interval=3600, heartbeat_every=3600))
    subs.start()
    return subs


def test_a_cancellation_reaches_central_naming_the_calls_it_takes_back(central, tmp_path):
    subs = _online(central, tmp_path)
    clock = Clock()
    calls = StaffCalls(lambda: subs, clock)
    assert calls.call("Ticket", generation=5)
    clock.t += REPEAT_AFTER + 1
    assert calls.call("Ticket", generation=5)  # a reminder after a minute: a second call, open as well
    _until(lambda: len(_events(tmp_path)) == 2)
    assert calls.cancel("Ticket", generation=5)
    _until(lambda: len(_events(tmp_path, STAFF_CALL_CANCEL_EVENT)) == 1)
    [(_, cancel)] = _events(tmp_path, STAFF_CALL_CANCEL_EVENT)
    assert cancel["details"] == {"calls": [rid for rid, _ in _events(tmp_path)], "screen": "Ticket", "session": 5}
    assert not calls.cancel("Ticket")  # nothing open any more: nothing recorded
    assert calls.call("Ticket")  # a tap after the cancellation is a new call at once, not "the same call"
    _until(lambda: len(_events(tmp_path)) == 3)
    subs.close()


def test_offline_the_call_waits_in_the_queue(tmp_path):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    url = f"http://127.0.0.1:{s.getsockname()[1]}"
    s.close()
    store = make_store(tmp_path)
    client = CentralClient(url, TERMINAL, "x" * 64, timeout=2, allow_plain_http_loopback=True)
    subs = Submissions(store, client, SyncWorker(store, client))
    calls = StaffCalls(lambda: subs)
    assert not calls.cancel("Identify")  # no call yet: nothing to take back, nothing recorded
    assert store.stats().depth["pending"] == 0
    assert calls.call("Identify")
    subs.worker.sync_once()
    assert store.stats().depth["pending"] == 1
    assert calls.cancel("Identify")  # kept too, behind its call: central hears both, in order
    assert store.stats().depth["pending"] == 2
    subs.close()


def test_without_a_queue_the_screen_hears_no(tmp_path):
    assert StaffCalls(lambda: None).call("Identify") is False
