"""One queue per hall (issue 19): terminals of one site take numbers from central over real HTTP, concurrently,
on SQLite and PostgreSQL, and share one gap-free sequence per series letter and day."""

import time
from datetime import date, timedelta

import httpx

import pytest

from offline_queue.client import CentralClient, CentralError
from protocol import signing
from protocol.offline_tickets import OFFLINE_TICKET_EVENT, OfflineTicket
from tests.helpers.concurrent import take_concurrently
from tests.helpers.central import CentralServer

# central numbers only for its own counting day (one day of slack for clocks around midnight)
TODAY = date.today()
DAY, NEXT_DAY = TODAY.isoformat(), (TODAY + timedelta(days=1)).isoformat()


@pytest.fixture
def hall(central_db):
    server = CentralServer(central_db).start()
    clients = []
    for terminal, site in (("SIM-0101", "HALL-1"), ("SIM-0102", "HALL-1"), ("SIM-0201", "HALL-2"),
                           ("SIM-0301", None)):
        secret = signing.new_secret()
        server.store.add_terminal(terminal, secret, site=site)
        clients.append(CentralClient(server.url, terminal, secret, timeout=30, allow_plain_http_loopback=True))
    yield server, clients
    for c in clients:
        c.close()
    server.stop()


def test_two_terminals_of_one_hall_share_one_sequence(hall):
    _, (first, second, other_hall, _) = hall
    numbers = take_concurrently((first, second), lambda client: client.take_ticket("A", DAY)["number"], 10)
    assert sorted(numbers) == [f"A{i:03d}" for i in range(1, 21)]
    # another hall counts on its own; the priority series is its own and waits only behind priority numbers
    assert other_hall.take_ticket("A", DAY)["number"] == "A001"
    v = first.take_ticket("A", DAY, priority="V")
    assert (v["number"], v["ahead"], v["priority"]) == ("V001", 0, True)
    a = second.take_ticket("A", DAY)
    assert (a["number"], a["ahead"]) == ("A021", 21)
    # a new counting day starts again at 001
    assert first.take_ticket("A", NEXT_DAY)["number"] == "A001"


def test_a_terminal_without_a_site_is_told_so(hall):
    *_, siteless = hall[1]
    with pytest.raises(CentralError):
        siteless.take_ticket("A", DAY)


def test_a_counting_day_far_from_centrals_or_not_a_date_is_refused(hall):
    first = hall[1][0]
    for day in ((TODAY - timedelta(days=30)).isoformat(), (TODAY + timedelta(days=2)).isoformat(), "2026-02-31"):
        with pytest.raises(CentralError) as refused:
            first.take_ticket("A", day)
        assert refused.value.status == 422 and not refused.value.transient, day
    # nothing was numbered for those days: today's sequence starts at 001
    assert first.take_ticket("A", DAY)["number"] == "A001"


def test_the_calling_system_reads_and_calls_with_its_own_token(hall):
    server, (first, second, other_hall, _) = hall
    from central import tickets

    token = tickets.add_calling_token(server.store, "HALL-1")
    other = tickets.add_calling_token(server.store, "HALL-2")
    for client in (first, second, first):
        client.take_ticket("A", DAY)
    other_hall.take_ticket("A", DAY)
    url = f"{server.url}/hall/v1/sites/HALL-1/tickets"
    assert httpx.get(url).status_code == 401
    assert httpx.get(url, headers={"Authorization": f"Bearer {other}"}).status_code == 403
    answer = httpx.get(url, headers={"Authorization": f"Bearer {token}"}).json()
    assert [t["number"] for t in answer["tickets"]] == ["A001", "A002", "A003"]
    first_id = answer["tickets"][0]["id"]
    assert httpx.post(f"{url}/{first_id}/called", headers={"Authorization": f"Bearer {other}"}).status_code == 403
    assert httpx.post(f"{url}/{first_id}/called", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    # one of three called: two wait ahead of the next number
    assert second.take_ticket("A", DAY)["ahead"] == 2
    later = httpx.get(url, params={"since": answer["next"]}, headers={"Authorization": f"Bearer {token}"}).json()
    assert [t["number"] for t in later["tickets"]] == ["A004"]


def test_a_site_token_cannot_call_another_sites_ticket(hall):
    server, (first, _, other_hall, _) = hall
    from central import tickets

    token = tickets.add_calling_token(server.store, "HALL-1")
    theirs = tickets.add_calling_token(server.store, "HALL-2")
    first.take_ticket("A", DAY)
    other_hall.take_ticket("A", DAY)
    hall2 = httpx.get(f"{server.url}/hall/v1/sites/HALL-2/tickets",
                      headers={"Authorization": f"Bearer {theirs}"}).json()["tickets"]
    # HALL-1's token on its own site's path, naming HALL-2's ticket: no such ticket here, and nothing changes there
    answer = httpx.post(f"{server.url}/hall/v1/sites/HALL-1/tickets/{hall2[0]['id']}/called",
                        headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 404
    again = httpx.get(f"{server.url}/hall/v1/sites/HALL-2/tickets",
                      headers={"Authorization": f"Bearer {theirs}"}).json()["tickets"]
    assert again[0]["called_at"] is None
    assert other_hall.take_ticket("A", DAY)["ahead"] == 1


def test_out_of_range_numbers_from_a_calling_system_are_refused_not_crashed(hall):
    server, _ = hall
    from central import tickets

    token = tickets.add_calling_token(server.store, "HALL-1")
    url = f"{server.url}/hall/v1/sites/HALL-1/tickets"
    auth = {"Authorization": f"Bearer {token}"}
    for huge in (2 ** 31, 10 ** 30):  # past PostgreSQL's integer, past any integer
        assert httpx.get(url, params={"since": huge}, headers=auth).status_code == 422
        assert httpx.post(f"{url}/{huge}/called", headers=auth).status_code == 422
    assert httpx.get(url, params={"since": 2 ** 31 - 1}, headers=auth).json()["tickets"] == []
    assert httpx.post(f"{url}/{2 ** 31 - 1}/called", headers=auth).status_code == 404


def _offline_event(ticket_id: str, n: int, *, index: int = 1, series: str = "A", priority: bool = False,
                   issued_at: float | None = None, **changed) -> dict:
    details = OfflineTicket(DAY, series, n, "A", priority, "HJ-001", index,
                            issued_at if issued_at is not None else time.time()).details()
    details.update(changed)
    return {"id": ticket_id, "kind": "event", "body": {"name": OFFLINE_TICKET_EVENT, "details": details}}


def test_tickets_numbered_offline_join_the_halls_queue_when_they_arrive(hall):
    server, (first, second, _, siteless) = hall
    from central import tickets

    assert [t["queue_index"] for t in server.store.terminals()][:2] == [1, 2]  # central handed them out
    token = tickets.add_calling_token(server.store, "HALL-1")
    auth = {"Authorization": f"Bearer {token}"}
    url = f"{server.url}/hall/v1/sites/HALL-1/tickets"
    assert first.take_ticket("A", DAY)["number"] == "A001"
    results = first.submit_batch([_offline_event("01OFFLINE0000000000000001", 1),
                                  _offline_event("01OFFLINE0000000000000002", 2),
                                  _offline_event("01OFFLINE0000000000000003", 1, series="V", priority=True),
                                  # the same number again (a counter reset on the terminal): kept once
                                  _offline_event("01OFFLINE0000000000000004", 2),
                                  # a broken one is still an accepted event, it only does not join the queue
                                  _offline_event("01OFFLINE0000000000000005", 3, seq=0),
                                  _offline_event("01OFFLINE0000000000000006", 4, queue="a"),
                                  # the other terminal's range (a hand-set index): it would shadow that one's numbers
                                  _offline_event("01OFFLINE0000000000000011", 1, index=2)])
    assert {r["result"] for r in results} == {"accepted"}
    second.submit_batch([_offline_event("01OFFLINE0000000000000012", 1, index=2)])
    siteless.submit_batch([_offline_event("01OFFLINE0000000000000007", 1)])
    listed = httpx.get(url, headers=auth).json()["tickets"]
    assert [(t["number"], t["offline"]) for t in listed] == [
        ("A001", False), ("A1-001", True), ("A1-002", True), ("V1-001", True), ("A2-001", True)]
    assert listed[-1]["issued_at"] and server.store._q(
        "SELECT terminal FROM hall_tickets WHERE terminal_index = 2") == [("SIM-0102",)]
    # central's own numbering goes on, and counts the offline numbers waiting ahead
    nxt = second.take_ticket("A", DAY)
    assert (nxt["number"], nxt["ahead"]) == ("A002", 5)
    assert second.take_ticket("A", DAY, priority="V")["ahead"] == 1
    # a ticket dated in the future by a wrong terminal clock counts as issued on arrival
    first.submit_batch([_offline_event("01OFFLINE0000000000000008", 5, issued_at=time.time() + 86_400)])
    late = httpx.get(url, headers=auth).json()["tickets"][-1]
    assert late["number"] == "A1-005" and late["issued_at"] <= time.time()
    # only central's counting day joins: days ahead (a clock gone wrong) or past (a late arrival) stay history
    first.submit_batch([_offline_event("01OFFLINE0000000000000009", 6, day=(TODAY + timedelta(days=3)).isoformat()),
                        _offline_event("01OFFLINE0000000000000010", 7, day=(TODAY - timedelta(days=7)).isoformat())])
    assert httpx.get(url, headers=auth).json()["tickets"][-1]["number"] == "A1-005"


def test_a_terminal_asks_how_many_wait_at_its_halls_windows(hall):
    server, (first, second, other_hall, siteless) = hall
    assert first.tickets_waiting("A", DAY) == 0
    for client in (first, second, first):
        client.take_ticket("A", DAY)
    second.take_ticket("A", DAY, priority="V")  # a priority number waits at the same windows
    first.take_ticket("B", DAY)
    other_hall.take_ticket("A", DAY)
    assert (first.tickets_waiting("A", DAY), second.tickets_waiting("A", DAY)) == (4, 4)
    assert first.tickets_waiting("B", DAY) == 1 and other_hall.tickets_waiting("A", DAY) == 1
    assert first.tickets_waiting("A", NEXT_DAY) == 0
    for refused, status in ((lambda: siteless.tickets_waiting("A", DAY), 409),
                            (lambda: first.tickets_waiting("A", "2026-02-31"), 422),
                            (lambda: first.tickets_waiting("a", DAY), 422)):
        with pytest.raises(CentralError) as answer:
            refused()
        assert answer.value.status == status
