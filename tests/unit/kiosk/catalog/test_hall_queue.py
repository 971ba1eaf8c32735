"""One queue per hall (issue 19): two terminals of one hall never print the same number on the same day — central
numbers them while it answers (real HTTP on 127.0.0.1), each terminal its own reserved range while it does not."""

import logging
import socket
import time
from datetime import datetime, timedelta

import pytest

from kiosk.catalog.config import CatalogConfig
from kiosk.catalog.service import CatalogService
from kiosk.config import TerminalConfig
from offline_queue.client import CentralClient
from protocol import signing
from tests.helpers.concurrent import take_concurrently
from tests.helpers.catalog import SHIPPED
from tests.helpers.central import CentralServer, free_port

# today, as central numbers only for its own counting day (a day's slack either side)
NOW = datetime.combine(datetime.now().date(), datetime.min.time()).replace(hour=9, minute=15)


def paper(service, ticket, artifacts_dir, name: str) -> bytes:
    """The ticket as a 58 mm printer puts it out (Chinese drawn as pictures), saved as a PNG to look at; the bytes
    as an 80 mm printer with a Chinese font gets them, to search."""
    from drivers.printer.layout import Profile, build
    from tests.helpers.printer import render_bytes

    data = service.ticket_print(ticket, site_name="示例市政务服务中心")
    narrow = Profile(paper_width_mm=58, chinese_mode="raster")
    [page] = render_bytes(build("queue_ticket", data, narrow), narrow.width_dots)
    (artifacts_dir / "receipts").mkdir(exist_ok=True)
    page.save(artifacts_dir / "receipts" / f"{name}.png")
    assert page.height > 200
    return build("queue_ticket", data, Profile(paper_width_mm=80, chinese_mode="text"))


def terminal(tmp_path, name, client=None, index=None) -> CatalogService:
    """A terminal's catalog service: its own tickets database, as on its own disk."""
    return CatalogService(CatalogConfig(directory=str(SHIPPED)), tmp_path / name, clock=lambda: NOW,
                          central=lambda: client, queue_index=index)


@pytest.fixture
def hall(central_db, tmp_path):
    server = CentralServer(central_db).start()
    clients = []
    for name in ("SIM-0101", "SIM-0102"):
        secret = signing.new_secret()
        server.store.add_terminal(name, secret, site="HALL-1")
        clients.append(CentralClient(server.url, name, secret, timeout=30, allow_plain_http_loopback=True))
    services = [terminal(tmp_path, c._terminal, c, index) for c, index in zip(clients, (1, 2))]
    yield server, services
    for s in services:
        s.stop()
    for c in clients:
        c.close()
    server.stop()


def test_two_terminals_of_one_hall_share_centrals_sequence(hall, artifacts_dir):
    _, (first, second) = hall
    numbers = take_concurrently((first, second), lambda service: service.take_number("HJ-001").number, 8)
    assert sorted(numbers) == [f"A{i:03d}" for i in range(1, 17)]
    # the priority series is central's too, and its count of people ahead is printed as a figure
    v = second.take_number("HJ-001", priority=True)
    assert (v.number, v.priority, v.ahead) == ("V001", True, 0)
    a = first.take_number("ZJ-002")  # same windows as HJ-001
    assert (a.number, a.ahead) == ("A017", 17)
    assert first.ticket_lines(a)[2] == "前面还有 17 人" and first.ticket_lines(a, "en")[2] == "17 people ahead of you"
    assert "前面还有 17 人".encode("gb18030") in paper(first, a, artifacts_dir, "hall_ticket_online")


def test_central_down_terminals_number_apart(tmp_path, artifacts_dir):
    down = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    clients = [CentralClient(down, f"SIM-010{i}", signing.new_secret(), timeout=30, allow_plain_http_loopback=True)
               for i in (1, 2)]
    first, second = (terminal(tmp_path, f"t{i}", c, i) for i, c in zip((1, 9), clients))
    try:
        taken = [s.take_number("HJ-001") for s in (first, second, first, second)]
        v = second.take_number("HJ-001", priority=True)
    finally:
        for c in clients:
            c.close()
    assert [t.number for t in taken] == ["A1-001", "A9-001", "A1-002", "A9-002"]
    assert v.number == "V9-001"
    assert all(t.ahead is None for t in [*taken, v])
    assert first.ticket_lines(taken[0])[2] == "前面人数暂不可知"
    assert first.ticket_lines(taken[0], "en")[2] == "People ahead: not known"
    printed = paper(second, taken[1], artifacts_dir, "hall_ticket_offline")
    assert b"A9-001" in printed and "前面人数暂不可知".encode("gb18030") in printed


def test_a_terminal_refused_by_central_numbers_its_own(hall, tmp_path):
    server, _ = hall
    secret = signing.new_secret()
    server.store.add_terminal("SIM-0103", secret)  # no site: central refuses (409 no_site)
    client = CentralClient(server.url, "SIM-0103", secret, timeout=30, allow_plain_http_loopback=True)
    try:
        t = terminal(tmp_path, "t3", client, 3).take_number("HJ-001")
    finally:
        client.close()
    assert (t.number, t.ahead) == ("A3-001", None)


def test_after_a_failure_central_is_asked_again_only_half_a_minute_later(hall, tmp_path):
    server, _ = hall
    secret = signing.new_secret()
    server.store.add_terminal("SIM-0103", secret)  # no site yet: central refuses
    client = CentralClient(server.url, "SIM-0103", secret, timeout=30, allow_plain_http_loopback=True)
    now = [NOW]
    service = CatalogService(CatalogConfig(directory=str(SHIPPED)), tmp_path / "t3", clock=lambda: now[0],
                             central=lambda: client, queue_index=3)
    try:
        assert service.take_number("HJ-001").number == "A3-001"
        server.store.set_site("SIM-0103", "HALL-1")  # central would answer now, but the next citizen is not kept
        now[0] += timedelta(seconds=20)  # waiting for it: the terminal numbers on its own for a while
        assert service.take_number("HJ-001").number == "A3-002"
        now[0] += timedelta(seconds=11)
        t = service.take_number("HJ-001")
        assert (t.number, t.ahead) == ("A001", 0)
    finally:
        client.close()


def test_without_an_index_numbers_are_plain_and_a_warning_says_why(tmp_path, caplog):
    service = terminal(tmp_path, "solo")  # no central configured, no queue_index
    with caplog.at_level(logging.WARNING, logger="kiosk.catalog.service"):
        numbers = [service.take_number("HJ-001").number for _ in range(2)]
    assert numbers == ["A001", "A002"]
    warnings = [r for r in caplog.records if "may collide" in r.getMessage()]
    assert len(warnings) == 1


def test_a_central_that_never_answers_keeps_a_citizen_seconds_not_minutes(tmp_path):
    silent = socket.socket()  # listens (the kernel accepts the connection) but never answers a request
    silent.bind(("127.0.0.1", 0))
    silent.listen()
    client = CentralClient(f"http://127.0.0.1:{silent.getsockname()[1]}", "SIM-0101", signing.new_secret(),
                           timeout=300, allow_plain_http_loopback=True)
    try:
        started = time.monotonic()
        t = terminal(tmp_path, "t1", client, 1).take_number("HJ-001")
        waited = time.monotonic() - started
    finally:
        client.close()
        silent.close()
    # the client's own 300 s is for uploads; the ticket asks with its short timeout (a generous ceiling here)
    assert t.number == "A1-001" and waited < 120


@pytest.mark.parametrize("index", [0, 100, -1])
def test_a_queue_index_out_of_range_is_refused(index):
    with pytest.raises(ValueError, match="queue_index"):
        TerminalConfig(id="SIM-0101", site_name="示例大厅", site_kind="hall", queue_index=index)


def test_own_range_numbers_are_handed_on_for_central_and_a_failure_there_costs_no_number(tmp_path, caplog):
    kept = []
    service = CatalogService(CatalogConfig(directory=str(SHIPPED)), tmp_path / "t4", clock=lambda: NOW,
                             queue_index=4, offline_ticket=kept.append)
    first = service.take_number("HJ-001")
    assert [(t.number, t.day, t.seq, t.service, t.terminal_index) for t in kept] == [
        ("A4-001", NOW.date().isoformat(), 1, "HJ-001", 4)]
    assert kept[0].issued_at == NOW.timestamp() and first.number == "A4-001"

    def broken(ticket):
        raise OSError("disk full")

    service = CatalogService(CatalogConfig(directory=str(SHIPPED)), tmp_path / "t4", clock=lambda: NOW,
                             queue_index=4, offline_ticket=broken)
    with caplog.at_level(logging.ERROR, logger="kiosk.catalog.service"):
        assert service.take_number("HJ-001").number == "A4-002"
    assert "A4-002 was not kept for central (OSError)" in caplog.text
    # numbers without a reserved range are never handed on: central could not tell them from its own
    plain = []
    CatalogService(CatalogConfig(directory=str(SHIPPED)), tmp_path / "t5", clock=lambda: NOW,
                   offline_ticket=plain.append).take_number("HJ-001")
    assert plain == []


class _OlderCentral(CentralClient):
    """A client of a central from before the waiting count: the route answers 404 (real HTTP)."""

    def tickets_waiting(self, queue, day, *, timeout=None):
        self._expect(self._call("GET", "/v1/tickets/waiting-before-it-existed", params={"queue": queue}), 200)


def test_a_count_central_cannot_give_never_moves_numbering_off_central(hall, tmp_path):
    server, _ = hall
    secret = signing.new_secret()
    server.store.add_terminal("SIM-0104", secret, site="HALL-1")
    client = _OlderCentral(server.url, "SIM-0104", secret, timeout=30, allow_plain_http_loopback=True)
    try:
        service = terminal(tmp_path, "t6", client, 3)
        assert service.waiting_for("HJ-001") is None  # not known, and said so
        assert service.take_number("HJ-001").number == "A001"  # central still numbers at once
        assert service.waiting_for("HJ-001") is None  # not asked again for a while
    finally:
        client.close()
