"""One queue per hall (issue 19), whole kiosk cores: two terminals of one site, each with its own configuration and
disk, take numbers through a real central at the same time (one sequence, no duplicates); with central gone each
numbers its own range ([terminal] queue_index)."""


import pytest

from kiosk.app import KioskCore
from kiosk.config import load
from protocol import signing
from tests.helpers.concurrent import take_concurrently
from tests.helpers.central import CentralServer
from tests.helpers.kiosk import write_config


@pytest.fixture
def hall(central_db, tmp_path):
    server = CentralServer(central_db).start()
    cores = []
    for index, terminal in ((1, "SIM-0101"), (2, "SIM-0102")):
        folder = tmp_path / terminal
        folder.mkdir()
        secret = signing.new_secret()
        server.store.add_terminal(terminal, secret, site="HALL-1")
        signing.write_secret(folder / "var" / "terminal.secret", secret)
        cfg = load(write_config(folder, terminal={"id": terminal, "queue_index": index}, central={
            "url": server.url, "credentials_file": str(folder / "var" / "terminal.secret"), "timeout_seconds": 30}))
        core = KioskCore(cfg, open_hardware=False)
        core._open_submissions()  # the queue and its client only: devices are not what this is about
        assert core.submissions is not None, core.queue_fault
        cores.append(core)
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
