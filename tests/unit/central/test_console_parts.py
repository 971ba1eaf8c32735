"""The console's parts: fleet filtering and sorting (in SQL, SQLite and PostgreSQL), the heartbeat chart's geometry, the per-address login
throttle, the audit chain's MACs, and the small helpers pages use (safe redirects, ages, roles)."""

from __future__ import annotations

import pytest

from central.console import audit, charts, fleetview, nav
from central.console.roles import AUDITOR, FLEET, MANAGER, OFFICER, ROLES, TECHNICIAN
from central.fleet import FleetPolicy
from central.console.throttle import LoginThrottle, ThrottlePolicy
from central.console.web import ago, allow, local_path
from tests.helpers.central import ENGINES


@pytest.fixture
def fleet_store(central_db):
    """Four terminals as the fleet page sees them at t=1000: SIM-3 paper low (heard 5 s ago), SIM-1 fine (50 s),
    SIM-2 silent (900 s), SIM-4 registered but never heard of."""
    from central.storage import CentralStore

    clock = [100.0]
    store = CentralStore(central_db.target, keys_dir=central_db.keys_dir, clock=lambda: clock[0])
    for terminal, site, at, beat in [("SIM-2", "A", 100.0, {}), ("SIM-1", "A", 950.0, {}),
                                     ("SIM-4", None, 990.0, None), ("SIM-3", "B", 995.0, {"paper": "near_end"})]:
        clock[0] = at
        store.add_terminal(terminal, "s" * 32, site=site)
        if beat is not None:
            store.heartbeat(terminal, beat)
    yield store
    store.close()


def _ids(store, query: dict) -> list[str]:
    found, _ = fleetview.rows(store, 1000.0, FleetPolicy(interval=60, stale_after=3), fleetview.FleetQuery.parse(query))
    return [r["id"] for r in found]


def test_fleet_sorts_worst_first_by_default_and_by_any_column_both_ways(fleet_store):
    assert _ids(fleet_store, {}) == ["SIM-2", "SIM-3", "SIM-1", "SIM-4"]
    assert _ids(fleet_store, {"sort": "id"}) == ["SIM-1", "SIM-2", "SIM-3", "SIM-4"]
    assert _ids(fleet_store, {"sort": "id", "order": "desc"}) == ["SIM-4", "SIM-3", "SIM-2", "SIM-1"]
    assert _ids(fleet_store, {"sort": "age"}) == ["SIM-3", "SIM-1", "SIM-2", "SIM-4"]  # never heard of: last
    assert _ids(fleet_store, {"sort": "site"}) == ["SIM-1", "SIM-2", "SIM-3", "SIM-4"]


def test_fleet_filters_by_site_flag_and_id_and_ignores_nonsense(fleet_store):
    assert _ids(fleet_store, {"site": "A"}) == ["SIM-2", "SIM-1"]
    assert _ids(fleet_store, {"flag": "stale"}) == ["SIM-2"]
    assert _ids(fleet_store, {"flag": "ok", "sort": "id"}) == ["SIM-1", "SIM-4"]
    assert _ids(fleet_store, {"q": "sim-3"}) == ["SIM-3"]
    assert _ids(fleet_store, {"q": "%"}) == []  # LIKE's wildcards are matched as themselves
    assert _ids(fleet_store, {"flag": "<script>", "sort": "DROP", "order": "sideways", "page": "x"}) == \
        _ids(fleet_store, {})
    assert _ids(fleet_store, {"page": "2"}) == []
    query = fleetview.FleetQuery.parse({"site": "A", "sort": "age", "order": "desc", "page": "1"})
    assert query.params(order="asc") == {"site": "A", "sort": "age"}
    assert query.params(page=2) == {"site": "A", "sort": "age", "order": "desc", "page": 2}


def test_the_chart_breaks_its_line_where_beats_went_missing_and_marks_bad_beats():
    beats = [{"received_at": 1000.0 + 60 * i, "depth": {"pending": i}} for i in range(5)]
    beats += [{"received_at": 2000.0, "depth": {"pending": 30}, "crashes": 1},
              {"received_at": 2060.0, "depth": {"pending": 2}, "paper": "out"}]
    chart = charts.heartbeat_chart(beats, interval=60)
    assert len(chart.segments) == 2 and len(chart.dots) == 7
    assert [d["bad"] for d in chart.dots] == [False] * 5 + [True, True]
    assert "out of paper" in chart.dots[-1]["label"] and "crashes 1" in chart.dots[-2]["label"]
    assert [label for _, label in chart.y_ticks] == ["0", "25", "50"]  # a round ceiling above 30
    x0, y0, w, h = chart.plot
    assert all(x0 <= d["x"] <= x0 + w and y0 <= d["y"] <= y0 + h for d in chart.dots)
    assert charts.heartbeat_chart([], interval=60).dots == []


@pytest.mark.parametrize("central_engine", ENGINES)
def test_the_throttle_takes_a_try_gives_it_back_refills_and_forgets(central_db):
    from central.storage import CentralStore

    store = CentralStore(central_db.target, keys_dir=central_db.keys_dir)
    now = [1000.0]
    throttle = LoginThrottle(store.engine, store.keys.data, ThrottlePolicy(burst=2, refill_seconds=10),
                             clock=lambda: now[0])
    try:
        assert throttle.take("192.0.2.1") == 0.0
        with store.engine.begin() as c:
            throttle.give_back(c, "192.0.2.1")  # a right password costs nothing
        assert [throttle.take("192.0.2.1") for _ in range(3)] == [0.0, 0.0, pytest.approx(10.0)]
        assert throttle.take("192.0.2.2") == 0.0  # another address has its own tries
        now[0] = 1005.0
        assert throttle.take("192.0.2.1") == pytest.approx(5.0)
        now[0] = 1010.0
        assert throttle.take("192.0.2.1") == 0.0 and throttle.take("192.0.2.1") == pytest.approx(10.0)
        now[0] = 1031.0  # both buckets are full again: their rows go with the next try
        assert throttle.take("192.0.2.3") == 0.0
        rows = store._q("SELECT address FROM console_login_throttle")
        assert rows == [(throttle.address_hash("192.0.2.3"),)] and "192.0.2" not in repr(rows)
    finally:
        store.close()


def test_audit_macs_chain_each_entry_to_the_one_before():
    key = audit.chain_key(b"k" * 32)
    entry = {"id": 1, "at": 1.5, "actor": "a", "role": MANAGER, "action": "x", "target": "", "detail": "{}"}
    first = audit._mac(key, "0" * 64, entry)
    assert audit._mac(key, "0" * 64, dict(entry, actor="b")) != first
    assert audit._mac(key, "f" * 64, entry) != first
    assert audit._mac(audit.chain_key(b"j" * 32), "0" * 64, entry) != first
    assert audit._detail({"reason": "x" * 500, "n": 3, "ok": True}) == (
        '{"n": 3, "ok": true, "reason": "' + "x" * 200 + '"}')


def test_redirects_after_a_post_stay_inside_the_console():
    assert local_path("/console/fleet?site=A", "/console/") == "/console/fleet?site=A"
    for hostile in ("https://evil.example/", "//evil.example/console/", "/console/..//evil", "/\\evil",
                    "/other", "", None):
        assert local_path(hostile, "/console/calls") == "/console/calls"


def test_ages_read_in_both_languages():
    assert str(ago(None)) == '<span class="zh">从未</span> <span class="en" lang="en">never</span>'
    assert "5 秒前" in ago(5.2) and "5 s ago" in ago(5.2)
    assert "3 分钟前" in ago(200) and "2 小时前" in ago(7300) and "3 天前" in ago(3 * 86400 + 5)


def test_roles_and_menus():
    assert set(ROLES) == {MANAGER, OFFICER, TECHNICIAN, AUDITOR}
    assert nav.home(AUDITOR) == "/console/audit" and nav.home(OFFICER) == "/console/cases"
    assert nav.home(MANAGER) == "/console/calls" and nav.home(TECHNICIAN) == "/console/calls"
    assert [i.path for i in nav.menu(OFFICER)] == ["/console/calls", "/console/cases", "/console/account"]
    assert [i.path for i in nav.menu(AUDITOR)] == ["/console/fleet", "/console/ratings", "/console/audit",
                                                 "/console/account"]
    fleet_item = next(i for i in nav.NAV if i.path == "/console/fleet")
    assert nav.current(fleet_item, "/console/terminals/SIM-1") and not nav.current(fleet_item, "/console/fleetx")
    assert all(nav.menu(role)[-1].path == "/console/account" for role in ROLES)
    allow(FLEET, OFFICER)  # role sets and single roles mix
    with pytest.raises(ValueError):
        allow("superuser")


def test_only_staff_call_events_open_calls_and_odd_details_do_no_harm(tmp_path):
    from central import calls
    from central.storage import CentralStore

    store = CentralStore(tmp_path / "central.sqlite3")
    try:
        store.add_terminal("SIM-0901", "s" * 43, site="HALL-Z")
        results = store.accept_batch("SIM-0901", [
            {"id": "E1", "seq": 1, "kind": "event", "body": {"name": "staff.call", "details": {"screen": "x" * 90}}},
            {"id": "E2", "seq": 2, "kind": "event", "body": {"name": "paper.out", "details": {}}},
            {"id": "E3", "seq": 3, "kind": "event", "body": {"name": "staff.call", "details": "not an object"}},
        ])
        resent = store.accept_batch("SIM-0901", [{"id": "E1", "seq": 1, "kind": "event",
                                                  "body": {"name": "staff.call", "details": {}}}])
        assert [r["result"] for r in results + resent] == ["accepted", "accepted", "accepted", "duplicate"]
        with store.engine.connect() as c:
            waiting = calls.waiting(c)
        assert [(w["item_id"], w["site"], w["screen"]) for w in waiting] == [("E1", "HALL-Z", "x" * 64),
                                                                              ("E3", "HALL-Z", None)]
        with store.engine.begin() as c:
            assert calls.acknowledge(c, "E1", "mgr", 5.0) and not calls.acknowledge(c, "E1", "tech", 6.0)
        with store.engine.connect() as c:
            assert [w["item_id"] for w in calls.waiting(c)] == ["E3"]
            assert calls.answered(c)[0]["acked_by"] == "mgr"
    finally:
        store.close()


def test_a_password_reset_ends_the_accounts_sessions_and_a_disabled_account_still_counts_failures(tmp_path):
    from central.console import accounts, sessions
    from central.console.accounts import LoginPolicy
    from central.storage import CentralStore

    store = CentralStore(tmp_path / "central.sqlite3")
    policy = sessions.SessionPolicy()
    try:
        with store.engine.begin() as c:
            accounts.add(c, "wang.li", "officer", "first password 1", 100.0)
            token = sessions.start(c, "wang.li", 100.0, policy)
            assert sessions.find(c, token, 101.0, policy) is not None
            accounts.add(c, "wang.li", "officer", "second password 2", 102.0, reset=True)
            assert sessions.find(c, token, 103.0, policy) is None  # a stolen session goes with the old password
            accounts.disable(c, "wang.li", 104.0)
            checked = accounts.stored_hash(c, "wang.li")
            login = LoginPolicy(failures=2)
            outcomes = [accounts.settle(c, "wang.li", checked, False, 105.0 + n, login) for n in range(2)]
            assert [o.reason for o in outcomes] == ["bad_password", "bad_password"] and outcomes[1].just_locked
            # locked now: even the right password only hears "locked", never "disabled"
            assert accounts.settle(c, "wang.li", checked, True, 108.0, login).reason == "locked"
    finally:
        store.close()
