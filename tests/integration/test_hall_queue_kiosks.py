"""One queue per hall (issue 19), whole kiosk cores: two terminals of one site, each with its own configuration and
disk, take numbers through a real central at the same time (one sequence, no duplicates); with central gone each
numbers its own range ([terminal] queue_index)."""


import time

import httpx
import pytest

from central import tickets

from kiosk.app import KioskCore
from kiosk.config import load
from protocol import signing
from tests.helpers.concurrent import take_concurrently
from tests.helpers.central import CentralServer
from tests.helpers.kiosk import write_config


def _cores(server, tmp_path, configured: bool = True) -> list:
    cores = []
    for index, terminal in ((1, "SIM-0101"), (2, "SIM-0102")):
        folder = tmp_path / terminal
        folder.mkdir()
        secret = signing.new_secret()
        server.store.add_terminal(terminal, secret, site="HALL-1")
        signing.write_secret(folder / "var" / "terminal.secret", secret)
        cfg = load(write_config(folder, terminal={"id": terminal, **({"queue_index": index} if configured else {})},
                                central={
            "url": server.url, "credentials_file": str(folder / "var" / "terminal.secret"), "timeout_seconds": 30,
            "sync_interval_seconds": 0.2, "backoff_base_seconds": 0.2, "backoff_cap_seconds": 1}))
        core = KioskCore(cfg, open_hardware=False)
        core._open_submissions()  # the queue and its client only: devices are not what this is about
        assert core.submissions is not None, core.queue_fault
        cores.append(core)
    return cores


@pytest.fixture
def hall(central_db, tmp_path):
    server = CentralServer(central_db).start()
    cores = _cores(server, tmp_path)
    yield server, cores
    for core in cores:
        core.close()
    if not getattr(server, "stopped", False):
        server.stop()


def test_two_kiosks_of_one_hall_share_one_sequence_then_number_apart_offline(hall):
    server, cores = hall
    numbers = take_concurrently(cores, lambda core: core.catalog.take_number("HJ-001").number, 6)
    assert sorted(numbers) == [f"A{i:03d}" for i in range(1, 13)]
    server.stop()
    server.stopped = True
    offline = [core.catalog.take_number("HJ-001") for core in (*cores, *cores)]
    assert [t.number for t in offline] == ["A1-001", "A2-001", "A1-002", "A2-002"]
    assert {t.ahead for t in offline} == {None}


def test_numbers_given_offline_reach_the_halls_calling_system_when_central_is_back(central_db, tmp_path):
    server = CentralServer(central_db)  # its port is taken but nobody answers yet: the hall is offline
    cores = _cores(server, tmp_path)
    try:
        offline = [core.catalog.take_number("HJ-001").number for core in (*cores, cores[0])]
        assert offline == ["A1-001", "A2-001", "A1-002"]
        server.start()
        token = tickets.add_calling_token(server.store, "HALL-1")
        url = f"{server.url}/hall/v1/sites/HALL-1/tickets"

        def listed() -> list:
            return [t["number"] for t in httpx.get(url, headers={"Authorization": f"Bearer {token}"}).json()["tickets"]
                    if t["offline"]]

        deadline = time.monotonic() + 60
        while sorted(listed()) != sorted(offline):
            assert time.monotonic() < deadline, listed()
            time.sleep(0.2)
    finally:
        for core in cores:
            core.close()
        server.stop()


def test_central_hands_out_the_indexes_and_a_restarted_terminal_keeps_its_own_offline(central_db, tmp_path):
    server = CentralServer(central_db).start()
    cores = _cores(server, tmp_path, configured=False)
    try:
        # the first heartbeat asks central who the terminal is at its site
        deadline = time.monotonic() + 60
        while [core.queue_index.current for core in cores] != [1, 2]:
            assert time.monotonic() < deadline, [core.queue_index.current for core in cores]
            time.sleep(0.2)
        server.stop()
        server.stopped = True
        assert [core.catalog.take_number("HJ-001").number for core in cores] == ["A1-001", "A2-001"]
    finally:
        for core in cores:
            core.close()
        if not getattr(server, "stopped", False):
            server.stop()
    # restarted with the network still down: the index kept on disk, never a plain number that could meet another's
    cfg = load(tmp_path / "SIM-0102" / "kiosk.toml")
    again = KioskCore(cfg, open_hardware=False)
    try:
        assert again.catalog.take_number("HJ-001").number == "A2-002"
    finally:
        again.close()
