"""Central storage on a real SQLite file: idempotency, rejections, cases, statuses, nonces."""

from datetime import date

import pytest

from central.storage import CentralStore
from protocol import tracking
from tests.helpers.central import TERMINAL, invented_applicant


def _item(rid, seq, **body):
    base = {"tracking": tracking.issue(TERMINAL, date(2026, 4, 1), seq), "service_code": "gjj.withdraw",
            "applicant": invented_applicant(seq), "attachments": []}
    base.update(body)
    return {"id": rid, "seq": seq, "kind": "submission", "body": base}


@pytest.fixture
def store(central_db):
    s = CentralStore(central_db.target, keys_dir=central_db.keys_dir)
    yield s
    s.close()


def test_accept_then_duplicate_gives_the_same_case(store):
    first = store.accept_batch(TERMINAL, [_item("A", 1)])[0]
    again = store.accept_batch(TERMINAL, [_item("A", 1)])[0]
    assert first["result"] == "accepted" and again["result"] == "duplicate"
    assert again["case_number"] == first["case_number"]
    assert store.counts()["cases"] == 1


def test_rejections_have_reasons_and_are_remembered(store):
    other = tracking.issue("OTHER-1", date(2026, 4, 1), 1)
    results = store.accept_batch(TERMINAL, [
        _item("B", 2, service_code="Bad Code"),
        _item("C", 3, tracking="SIM-0001-20260401-000003-0"),
        _item("D", 4, tracking=other),
        _item("E", 5, attachments=["0" * 64]),
        {"id": "F", "seq": 6, "kind": "rating", "body": {"score": 9}},
    ])
    assert [r["reason"] for r in results] == ["unknown_service_code", "invalid_tracking_number",
                                             "tracking_number_of_another_terminal", "attachment_not_uploaded",
                                             "score_out_of_range"]
    assert store.accept_batch(TERMINAL, [_item("B", 2)])[0]["reason"] == "unknown_service_code"


def test_a_tracking_number_is_taken_once_whether_earlier_in_the_batch_or_before_it(store):
    held = tracking.issue(TERMINAL, date(2026, 4, 1), 11)
    assert store.accept_batch(TERMINAL, [_item("H", 11)])[0]["result"] == "accepted"
    grouped = tracking.grouped(tracking.issue(TERMINAL, date(2026, 4, 1), 12))  # typed in groups: the same number
    results = store.accept_batch(TERMINAL, [
        _item("I", 13, tracking=held),  # central held it before this batch
        _item("J", 12),
        _item("K", 14, tracking=grouped),  # J took it earlier in this batch
        _item("L", 15, tracking="not a number"),
        _item("M", 16),
    ])
    assert [r["result"] for r in results] == ["rejected", "accepted", "rejected", "rejected", "accepted"]
    assert results[0]["reason"] == results[2]["reason"] == "tracking_number_already_used"
    assert results[3]["reason"] == "invalid_tracking_number"
    assert store.counts()["cases"] == 3


def test_status_changes_and_lookup_by_id_hash(store):
    store.accept_batch(TERMINAL, [_item("G", 7)])
    number = tracking.issue(TERMINAL, date(2026, 4, 1), 7)
    case = store.set_status(number, "reviewing")
    assert case["status_text"]["zh"] == "审核中" and [h["status"] for h in case["history"]] == ["received",
                                                                                                  "reviewing"]
    found = store.cases_by_id_hash(store.id_hash(invented_applicant(7)["id_number"]))
    assert [c["tracking"] for c in found] == [number]
    assert store.set_status("SIM-0001-20260401-999999-0", "completed") is None
    with pytest.raises(ValueError):
        store.set_status(number, "lost")


def test_nonces_are_single_use(store):
    store.add_terminal(TERMINAL, "s" * 64)
    assert store.use_nonce(TERMINAL, "n" * 16, 300)
    seen = store.terminals(TERMINAL)[0]["last_seen"]
    assert seen is not None  # spending a nonce marks the terminal seen (one statement on PostgreSQL)
    assert not store.use_nonce(TERMINAL, "n" * 16, 300)
    assert store.use_nonce(TERMINAL, "m" * 16, 300)
    assert store.terminals(TERMINAL)[0]["last_seen"] >= seen


def test_a_nonce_outlives_the_window_on_a_node_whose_clock_runs_ahead(central_db):
    """Two central nodes on one database, node B's clock 120 s ahead of node A's (less than the 300 s window). A
    request stamped near the future edge of A's window is spent on A; B's next request prunes old nonces by B's
    clock; the captured request replayed to A, still inside A's window, must be refused."""
    window, t0 = 300.0, 1_800_000_000.0
    clock_a, clock_b = [t0], [t0 + 120]
    a = CentralStore(central_db.target, keys_dir=central_db.keys_dir, clock=lambda: clock_a[0])
    b = CentralStore(central_db.target, keys_dir=central_db.keys_dir, clock=lambda: clock_b[0])
    try:
        a.add_terminal(TERMINAL, "s" * 64)
        stamped = t0 + window - 10  # the request's own timestamp: the terminal's clock ran ahead of A's
        assert a.use_nonce(TERMINAL, "r" * 16, window)
        clock_a[0], clock_b[0] = t0 + 500, t0 + 620
        assert b.use_nonce(TERMINAL, "b" * 16, window)  # B prunes what it takes to be old
        assert abs(stamped - clock_a[0]) <= window  # A still accepts the request's timestamp ...
        assert not a.use_nonce(TERMINAL, "r" * 16, window)  # ... so only the nonce stops the replay
    finally:
        a.close()
        b.close()


def test_the_fleet_reads_every_terminals_beats_in_one_query_with_the_same_answer(store):
    for n in range(12):
        store.add_terminal(f"SIM-F{n:02d}", "s" * 32, site="A")
        for beat in range(n % 4):
            store.heartbeat(f"SIM-F{n:02d}", {"depth": {"pending": beat}, "crashes": 1})
    batched = store.recent_heartbeats(limit=2)
    assert {t: store.heartbeats(t, limit=2) for t in batched} == batched
    assert "SIM-F00" not in batched and len(batched["SIM-F03"]) == 2


def test_the_fleet_is_flagged_as_beats_arrive_and_filtered_and_paged_in_sql(store):
    """A province's fleet: flags stored per terminal when its beat arrives, one page read in two SELECTs."""
    from sqlalchemy import event

    from central.console import fleetview
    from central.fleet import FleetPolicy

    clock = [1000.0]
    store._clock = lambda: clock[0]
    for n in range(25):
        store.add_terminal(f"SIM-P{n:02d}", "s" * 32, site="A" if n % 2 else "B")
        paper = "out" if n % 5 == 0 else "ok"
        store.heartbeat(f"SIM-P{n:02d}", {"paper": paper, "software": "1.2", "crashes": 3 if n == 7 else 0})
    clock[0] = 1100.0
    store.heartbeat("SIM-P01", {"paper": "near_end"})  # the newest beat decides: SIM-P01 is amber
    statements = []

    def seen(conn, cursor, statement, *rest):
        statements.append(statement)

    policy = FleetPolicy(interval=60, stale_after=3)
    event.listen(store._engine, "before_cursor_execute", seen)
    try:
        first, total = fleetview.rows(store, 1150.0, policy, fleetview.FleetQuery(), size=10)
    finally:
        event.remove(store._engine, "before_cursor_execute", seen)
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 2, statements
    assert total == 25 and len(first) == 10
    # red first (out of paper, crash loop), then amber, then by id
    assert [r["id"] for r in first[:6]] == ["SIM-P00", "SIM-P05", "SIM-P07", "SIM-P10", "SIM-P15", "SIM-P20"]
    assert first[6]["id"] == "SIM-P01" and first[6]["level"] == "warn"
    pages = [fleetview.rows(store, 1150.0, policy, fleetview.FleetQuery(page=p), size=10)[0] for p in (1, 2, 3)]
    ids = [r["id"] for page in pages for r in page]
    assert sorted(ids) == [f"SIM-P{n:02d}" for n in range(25)] and len(set(ids)) == 25
    out, total = fleetview.rows(store, 1150.0, policy, fleetview.FleetQuery(flag="paper_out", site="B"))
    assert [r["id"] for r in out] == ["SIM-P00", "SIM-P10", "SIM-P20"] and total == 3
    ok, total = fleetview.rows(store, 1150.0, policy, fleetview.FleetQuery(flag="ok"))
    assert total == 25 - 5 - 1 - 1 and all(not r["flags"] for r in ok)
    # 200 s later every terminal but SIM-P01 (heard at 1100) is silent: the clock decides, not the stored row
    late, total = fleetview.rows(store, 1201.0, policy, fleetview.FleetQuery(flag="stale"))
    assert total == 24 and "SIM-P01" not in [r["id"] for r in late]
    assert late[0]["flags"][0]["code"] == "stale"
    _, total = fleetview.rows(store, 1150.0, policy, fleetview.FleetQuery(q="p1"))
    assert total == 10
    by_age, _ = fleetview.rows(store, 1150.0, policy, fleetview.FleetQuery(sort="age"))
    assert by_age[0]["id"] == "SIM-P01" and by_age[0]["last_heartbeat_age"] == 50.0


def test_beats_that_orjson_refuses_still_count_for_the_flags(store):
    # the stored beats are parsed again at every beat (fast parser first); what it refuses is read as JSON anyway
    from central.console import fleetview
    from central.fleet import FleetPolicy

    store.add_terminal("SIM-F99", "s" * 32, site="A")
    for pending in range(4):
        odd = {"uptime": float("nan")} if pending == 0 else {}  # NaN: orjson refuses it
        store.heartbeat("SIM-F99", {"depth": {"pending": 10 ** 30 + pending}, "crashes": 1, **odd})
    rows, _ = fleetview.rows(store, store.clock(), FleetPolicy(), fleetview.FleetQuery(q="F99"))
    flags = {f["code"]: f["detail"] for f in rows[0]["flags"]}
    assert "crash_loop" in flags
    assert flags["backlog_growing"] == " -> ".join(str(10 ** 30 + n) for n in range(4))  # integers, as sent
