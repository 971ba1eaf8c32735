"""Central's fleet view through real HTTP: a terminal whose heartbeats stop is flagged stale, one whose printer
reports paper out is flagged paper_out, and `kiosk central fleet --json` (its own process) shows both; `kiosk
central terminal ID` shows a terminal's recent beats and events; terminals still see no fleet over HTTP."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from offline_queue.client import CentralClient
from tests.helpers.central import CentralServer

SILENT, PAPERLESS = "SIM-0101", "SIM-0102"


def _run(central_db, *argv: str) -> dict:
    done = subprocess.run([sys.executable, "-m", "central.cli", *argv, *central_db.cli(), "--json"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _codes(view: dict, terminal: str) -> list[str]:
    [row] = [t for t in view["terminals"] if t["id"] == terminal]
    return [f["code"] for f in row["flags"]]


def _beat(paper: str, pending: int = 0) -> dict:
    return {"at": time.time(), "reason": "interval", "software": "0.test", "depth": {"pending": pending},
            "paper": paper, "clock_offset": 0.2, "crashes": 0,
            "devices": {"idcard": {"state": "ok"}, "printer": {"state": paper}}}


@pytest.fixture
def fleet(central_db):
    server = CentralServer(central_db).start()
    clients = {t: CentralClient(server.url, t, server.add_terminal(t), allow_plain_http_loopback=True)
               for t in (SILENT, PAPERLESS)}
    yield server, clients
    for client in clients.values():
        client.close()
    server.stop()


def test_silent_and_paper_out_terminals_are_flagged(fleet, central_db):
    server, clients = fleet
    clients[SILENT].heartbeat(_beat("ok"))
    clients[PAPERLESS].heartbeat(_beat("ok"))
    clients[PAPERLESS].heartbeat(_beat("out"))
    # with an hour's interval nobody is silent yet: only the paper shows
    view = _run(central_db, "fleet", "--interval", "3600")
    assert _codes(view, SILENT) == [] and _codes(view, PAPERLESS) == ["paper_out"]
    [row] = [t for t in view["terminals"] if t["id"] == PAPERLESS]
    assert row["flags"][0]["zh"] == "缺纸" and row["last_heartbeat_age"] >= 0
    # SILENT beats no more; once its last beat is older than two one-second intervals, central calls it silent
    last = server.store.terminals(SILENT)[0]["last_heartbeat"]["received_at"]
    deadline = time.monotonic() + 60
    while time.time() - last <= 2.5 and time.monotonic() < deadline:
        time.sleep(0.1)
    view = _run(central_db, "fleet", "--interval", "1", "--stale-after", "2")
    assert _codes(view, SILENT) == ["stale"]
    assert "paper_out" in _codes(view, PAPERLESS)
    human = subprocess.run([sys.executable, "-m", "central.cli", "fleet", *central_db.cli()],
                           capture_output=True, text=True, timeout=120)
    assert human.returncode == 0 and "缺纸 out of paper" in human.stdout and SILENT in human.stdout


def test_one_terminal_shows_its_recent_beats_and_events(fleet, central_db):
    server, clients = fleet
    for pending in (1, 3, 6, 10):
        clients[PAPERLESS].heartbeat(_beat("near_end", pending))
    results = clients[PAPERLESS].submit_batch([{"id": "01HFLEETCALL0000000000000A", "seq": 1, "kind": "event",
                                                "body": {"name": "staff.call", "details": {"screen": "home"}}}])
    assert results[0]["result"] == "accepted"
    view = _run(central_db, "terminal", PAPERLESS, "--beats", "3")
    assert [b["depth"]["pending"] for b in view["heartbeats"]] == [3, 6, 10]
    assert [f["code"] for f in view["flags"]] == ["paper_low", "backlog_growing"]
    assert [e["body"]["name"] for e in view["events"]] == ["staff.call"]
    assert _run(central_db, "terminal", SILENT)["heartbeats"] == []
    missing = subprocess.run([sys.executable, "-m", "central.cli", "terminal", "SIM-9999", *central_db.cli()],
                             capture_output=True, text=True, timeout=120)
    assert missing.returncode == 1 and "no terminal SIM-9999" in missing.stderr


def test_heartbeat_history_keeps_the_newest_per_terminal(fleet):
    from central.fleet_records import BEATS_KEPT

    server, clients = fleet
    for i in range(BEATS_KEPT + 5):
        server.store.heartbeat(SILENT, _beat("ok", i))
    server.store.heartbeat(PAPERLESS, _beat("ok", 99))
    kept = server.store.heartbeats(SILENT)
    assert len(kept) == BEATS_KEPT and kept[0]["depth"]["pending"] == 5 and kept[-1]["depth"]["pending"] == BEATS_KEPT + 4
    assert [b["depth"]["pending"] for b in server.store.heartbeats(PAPERLESS)] == [99]


def test_terminals_get_no_fleet_over_http(fleet):
    server, clients = fleet
    clients[PAPERLESS].heartbeat(_beat("out"))
    for path in ("/v1/fleet", "/v1/terminals", f"/v1/terminals/{PAPERLESS}"):
        answer = clients[SILENT]._call("GET", path)
        assert answer.status_code in (404, 405) and PAPERLESS not in answer.text
