"""Heartbeats through a real central: the kiosk's fields arrive, a failed beat is kept (the newest only) across a
restart and delivered first, and a state change sends one at once."""

import socket

from offline_queue.client import CentralClient
from offline_queue.worker import SyncWorker
from protocol.wire import Heartbeat
from tests.helpers.central import TERMINAL, central, make_store  # noqa: F401


def _dead_url() -> str:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return f"http://127.0.0.1:{port}"


class Beats:
    def __init__(self):
        self.state, self.reported, self.taken = "ok", "ok", []

    def changed(self):
        return self.state != self.reported

    def content(self):
        return {"software": "9.9", "paper": self.state, "devices": {"printer": {"state": self.state, "error": None}}}

    def sent(self, beat):
        self.reported = beat["paper"]
        self.taken.append(beat)


class Clock:
    t = 1_790_000_000.0

    def __call__(self):
        return self.t


def _last(central):
    return central.store.terminals(TERMINAL)[0]["last_heartbeat"]


def test_fields_arrive_and_a_change_beats_at_once(central, tmp_path):
    store, beats, clock = make_store(tmp_path), Beats(), Clock()
    client = CentralClient(central.url, TERMINAL, central.secret, timeout=5, allow_plain_http_loopback=True)
    worker = SyncWorker(store, client, heartbeat_every=600, beats=beats, clock=clock)
    worker.sync_once()
    first = _last(central)
    assert first["reason"] == "start" and first["software"] == "9.9" and first["paper"] == "ok"
    assert first["devices"] == {"printer": {"state": "ok", "error": None}} and first["quarantined"] == 0
    clock.t += 5
    worker.sync_once()
    assert _last(central)["at"] == first["at"]  # nothing changed, the interval is not over: no beat
    beats.state = "out"
    clock.t += 5
    worker.sync_once()
    assert _last(central)["reason"] == "change" and _last(central)["paper"] == "out"
    clock.t += 600
    worker.sync_once()
    assert _last(central)["reason"] == "interval"
    client.close()
    store.close()


def test_an_offline_beat_is_kept_newest_only_and_sent_after_a_restart(central, tmp_path):
    store, beats, clock = make_store(tmp_path), Beats(), Clock()
    dead = CentralClient(_dead_url(), TERMINAL, central.secret, timeout=2, allow_plain_http_loopback=True)
    worker = SyncWorker(store, dead, heartbeat_every=600, beats=beats, clock=clock)
    worker.sync_once()
    assert worker.status().link == "offline" and store.pending_heartbeat()["reason"] == "start"
    beats.state = "out"
    clock.t += 30
    worker.sync_once()
    kept = store.pending_heartbeat()
    assert kept["paper"] == "out" and kept["at"] == clock.t  # the newer replaced the older
    assert beats.taken == []
    store.close()
    dead.close()

    store = make_store(tmp_path)  # the kiosk restarted
    assert store.pending_heartbeat() == kept
    client = CentralClient(central.url, TERMINAL, central.secret, timeout=5, allow_plain_http_loopback=True)
    worker = SyncWorker(store, client, heartbeat_every=600, clock=clock, beats=beats)
    worker.sync_once()  # central is back: the kept beat goes first, as it was built
    assert _last(central)["at"] == kept["at"] and _last(central)["paper"] == "out"
    clock.t += 1
    worker.sync_once()  # then this process's own first beat
    assert _last(central)["reason"] == "start" and _last(central)["at"] == clock.t
    assert store.pending_heartbeat() is None
    client.close()
    store.close()


def test_an_old_central_or_old_kiosk_still_agree():
    old_kiosk = Heartbeat.model_validate({"at": 1.0, "depth": {"pending": 2}, "oldest_pending_age": 3.0})
    assert old_kiosk.devices == {} and old_kiosk.software is None
    newer = Heartbeat.model_validate({"at": 1.0, "paper": "out", "something_from_the_future": 1})
    assert newer.paper == "out" and "something_from_the_future" not in newer.model_dump()
