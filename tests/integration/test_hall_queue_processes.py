"""One queue per hall with real terminal processes (issue 19's proof): two kiosk processes of one site, each with its
own configuration, disk and connection, take numbers through a real central at the same moment — one sequence, no
number twice; with central gone each numbers in the range central handed it, disjoint from the other's."""

from __future__ import annotations

import json
import subprocess
import sys

from protocol import signing
from tests.conftest import REPO
from tests.helpers.central import CentralServer
from tests.helpers.kiosk import write_config

TAKES = 8


def _terminals(server, tmp_path) -> list:
    configs = []
    for terminal in ("SIM-0101", "SIM-0102"):
        folder = tmp_path / terminal
        folder.mkdir()
        secret = signing.new_secret()
        server.store.add_terminal(terminal, secret, site="HALL-1")
        signing.write_secret(folder / "var" / "terminal.secret", secret)
        configs.append(write_config(folder, terminal={"id": terminal}, central={
            "url": server.url, "credentials_file": str(folder / "var" / "terminal.secret"), "timeout_seconds": 30}))
    return configs


def _race(configs, go, times: int, wait_index: bool) -> list[list[str]]:
    """Both processes open, then both take at once; each one's numbers."""
    procs = [subprocess.Popen([sys.executable, "-m", "tests.helpers.ticket_taker", str(c), str(times), str(go),
                               "index" if wait_index else "-"], cwd=REPO, stdout=subprocess.PIPE, text=True)
             for c in configs]
    try:
        for p in procs:
            line = p.stdout.readline().strip()
            assert line == "ready", line
        go.touch()
        taken = [json.loads(p.stdout.readline()) for p in procs]
        assert [p.wait(120) for p in procs] == [0, 0]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
        go.unlink(missing_ok=True)
    return taken


def test_two_kiosk_processes_of_one_hall_share_one_sequence_then_number_apart_offline(central_db, tmp_path):
    server = CentralServer(central_db).start()
    try:
        configs = _terminals(server, tmp_path)
        first, second = _race(configs, tmp_path / "go", TAKES, wait_index=True)
        assert sorted(first + second) == [f"A{i:03d}" for i in range(1, 2 * TAKES + 1)]
    finally:
        server.stop()
    # central gone: each process numbers in its own range, the index central handed it kept on its disk
    first, second = _race(configs, tmp_path / "go", 3, wait_index=False)
    assert first == ["A1-001", "A1-002", "A1-003"] and second == ["A2-001", "A2-002", "A2-003"]
