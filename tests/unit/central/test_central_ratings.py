"""好差评 at central on both engines: reason tags stored, figures per service, site and terminal by day and week,
and the follow-up of every bad rating with its 15-working-day deadline, days left and overdue flag."""

from datetime import date, datetime

import pytest
from sqlalchemy import event

from central.casework import CaseworkError
from central.cli import cli_main
from central.followups import FollowUps
from central.ratings import RatingFigures
from central.storage import CentralStore
from central.workdays import Calendar
from protocol import tracking
from tests.helpers.central import TERMINAL, invented_applicant

OTHER = "SIM-0002"


def _ts(y, m, d, hour=10) -> float:
    return datetime(y, m, d, hour).timestamp()


class Clock:
    def __init__(self) -> None:
        self.now = _ts(2026, 4, 6)

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def store(central_db, clock):
    s = CentralStore(central_db.target, clock=clock, keys_dir=central_db.keys_dir)
    s.add_terminal(TERMINAL, "s" * 64, site="hall-east")
    s.add_terminal(OTHER, "t" * 64, site="village-3")
    yield s
    s.close()


def _case(store, terminal: str, seq: int, service: str) -> str:
    number = tracking.issue(terminal, date(2026, 4, 1), seq)
    body = {"tracking": number, "service_code": service, "applicant": invented_applicant(seq)}
    assert store.accept_batch(terminal, [{"id": f"c-{terminal}-{seq}", "seq": seq, "kind": "submission",
                                          "body": body}])[0]["result"] == "accepted"
    return number


def _rate(store, clock, rid: str, score: int, at: float, terminal: str = TERMINAL, number: str | None = None,
          **body) -> dict:
    clock.now = at
    return store.accept_batch(terminal, [{"id": rid, "seq": None, "kind": "rating",
                                          "body": {"tracking": number, "score": score, **body}}])[0]


def test_reason_tags_are_stored_and_malformed_ones_refused(store, clock):
    assert _rate(store, clock, "r1", 1, _ts(2026, 4, 6), tags=["long_wait", "attitude", "long_wait"],
                 comment="等了一个小时")["result"] == "accepted"
    assert _rate(store, clock, "r2", 2, _ts(2026, 4, 6), tags=["queue_jumping"])["result"] == "accepted"
    for rid, tags in (("r3", "long_wait"), ("r4", ["Long Wait"]), ("r5", [1]), ("r6", ["a"] * 9)):
        answer = _rate(store, clock, rid, 1, _ts(2026, 4, 6), tags=tags)
        assert (answer["result"], answer["reason"]) == ("rejected", "malformed_rating_tags"), tags
    listed = {r["id"]: r for r in FollowUps(store).bad_ratings()["ratings"]}
    assert [t["code"] for t in listed["r1"]["tags"]] == ["long_wait", "attitude"]
    assert listed["r1"]["tags"][0] == {"code": "long_wait", "zh": "等候时间长", "en": "Long wait"}
    assert listed["r1"]["comment"] == "等了一个小时"
    # a tag a newer kiosk knows and this central does not: kept, shown as its code
    assert listed["r2"]["tags"] == [{"code": "queue_jumping", "zh": "queue_jumping", "en": "queue_jumping"}]


def test_distribution_per_service_site_and_terminal(store, clock):
    hj = _case(store, TERMINAL, 1, "HJ-001")
    sb = _case(store, OTHER, 2, "SB-002")
    day = _ts(2026, 4, 6)
    for rid, score, terminal, number in (("a", 5, TERMINAL, hj), ("b", 4, TERMINAL, hj), ("c", 1, TERMINAL, hj),
                                         ("d", 5, OTHER, sb), ("e", 3, OTHER, None)):
        _rate(store, clock, rid, score, day, terminal=terminal, number=number)
    figures = RatingFigures(store)
    window = dict(since=_ts(2026, 4, 1), until=_ts(2026, 5, 1))
    by_service = {row["key"]: row for row in figures.distribution(by="service", **window)}
    assert set(by_service) == {"HJ-001", "SB-002", None}  # a rating without a case is counted, under no service
    assert by_service["HJ-001"]["counts"] == {5: 1, 4: 1, 3: 0, 2: 0, 1: 1}
    assert (by_service["HJ-001"]["total"], by_service["HJ-001"]["bad"]) == (3, 1)
    assert by_service["HJ-001"]["average"] == 3.33 and by_service["HJ-001"]["satisfied_share"] == 0.6667
    by_site = {row["key"]: row["total"] for row in figures.distribution(by="site", **window)}
    assert by_site == {"hall-east": 3, "village-3": 2}
    assert figures.distribution(by="terminal", **window)[0]["key"] == TERMINAL  # most rated first
    (overall,) = figures.distribution(**window)
    assert overall["key"] is None and overall["total"] == 5
    assert [r["key"] for r in figures.distribution(by="service", site="village-3", **window)] == ["SB-002", None]
    assert figures.distribution(since=_ts(2027, 1, 1), until=_ts(2027, 2, 1))[0]["total"] == 0
    with pytest.raises(ValueError):
        figures.distribution(by="colour", **window)


def test_trend_by_day_and_week_has_every_period(store, clock):
    for rid, score, at in (("a", 5, _ts(2026, 4, 6)), ("b", 1, _ts(2026, 4, 6, 15)), ("c", 4, _ts(2026, 4, 8)),
                           ("d", 2, _ts(2026, 4, 14))):
        _rate(store, clock, rid, score, at)
    figures = RatingFigures(store)
    daily = figures.trend(since=_ts(2026, 4, 6, 0), until=_ts(2026, 4, 9, 0), period="day")
    assert daily["periods"] == ["2026-04-06", "2026-04-07", "2026-04-08"]
    (series,) = daily["series"]
    assert [p["total"] for p in series["points"]] == [2, 0, 1]
    assert series["points"][0]["counts"][1] == 1 and series["points"][1]["average"] is None
    weekly = figures.trend(since=_ts(2026, 4, 6, 0), until=_ts(2026, 4, 20, 0), period="week", by="site")
    assert weekly["periods"] == ["2026-04-06", "2026-04-13"]  # each week's Monday
    assert [(s["key"], [p["total"] for p in s["points"]]) for s in weekly["series"]] == [("hall-east", [3, 1])]
    with pytest.raises(ValueError):
        figures.trend(since=_ts(2020, 1, 1), until=_ts(2026, 1, 1), period="day")  # too many points to draw


def test_bad_ratings_are_due_in_15_working_days_and_flagged_when_overdue(store, clock):
    Calendar(store).set_day(date(2026, 4, 10), "holiday", "清明节（示例）")
    _rate(store, clock, "bad-1", 1, _ts(2026, 4, 6), tags=["long_wait"])  # Monday
    _rate(store, clock, "bad-2", 2, _ts(2026, 4, 20))
    _rate(store, clock, "fine", 4, _ts(2026, 4, 6))
    follow = FollowUps(store)
    listed = follow.bad_ratings(today=date(2026, 4, 27))
    assert [r["id"] for r in listed["ratings"]] == ["bad-1", "bad-2"]  # the most urgent first; 4 is not bad
    first = listed["ratings"][0]
    # 15 working days from Monday 6 April with Friday 10 April off: Tuesday 28 April
    assert (first["deadline"], first["days_left"], first["overdue"]) == ("2026-04-28", 1, False)
    assert (first["state"], first["state_text"]["zh"], first["next"]) == ("verifying", "待核实",
                                                                        ["followed_up", "rectifying"])
    late = follow.bad_ratings(today=date(2026, 4, 30))
    assert (late["ratings"][0]["days_left"], late["ratings"][0]["overdue"]) == (-2, True)
    assert late["counts"] == {"verifying": 2, "rectifying": 0, "followed_up": 0, "open": 2, "overdue": 1}
    assert [r["id"] for r in follow.bad_ratings(show="overdue", today=date(2026, 4, 30))["ratings"]] == ["bad-1"]
    # a holiday added later moves deadlines already running: they are computed, not stored
    Calendar(store).set_day(date(2026, 4, 28), "holiday")
    assert follow.rating("bad-1", today=date(2026, 4, 27))["deadline"] == "2026-04-29"
    assert follow.rating("fine") is None and follow.rating("nothing") is None


def test_follow_up_steps_with_actor_and_note(store, clock):
    _rate(store, clock, "bad", 1, _ts(2026, 4, 6), comment="窗口人员态度差")
    follow = FollowUps(store)
    clock.now = _ts(2026, 4, 7)
    step = follow.advance("bad", "rectifying", actor="supervisor-zhao", note="核实属实，已约谈窗口人员")
    assert (step["state"], step["state_text"]["zh"], step["next"]) == ("rectifying", "整改中", ["followed_up"])
    with pytest.raises(CaseworkError) as e:
        follow.advance("bad", "verifying", actor="supervisor-zhao", note="再核实")
    assert e.value.code == "not_allowed" and "整改中" in e.value.text["zh"]
    with pytest.raises(CaseworkError) as e:
        follow.advance("bad", "followed_up", actor="supervisor-zhao", note="  ")
    assert e.value.code == "note_required"
    clock.now = _ts(2026, 5, 8)  # after the deadline (27 April): closed, but late
    done = follow.advance("bad", "followed_up", actor="officer-qian", note="电话回访，申请人表示满意")
    assert (done["state"], done["days_left"], done["overdue"], done["closed_late"]) == ("followed_up", None, False,
                                                                                      True)
    assert [(s["state"], s["actor"], s["note"]) for s in done["steps"]] == [
        ("rectifying", "supervisor-zhao", "核实属实，已约谈窗口人员"),
        ("followed_up", "officer-qian", "电话回访，申请人表示满意")]
    with pytest.raises(CaseworkError):
        follow.advance("bad", "rectifying", actor="a", note="x")  # followed up is the end
    _rate(store, clock, "good", 5, _ts(2026, 5, 8))
    with pytest.raises(LookupError):
        follow.advance("good", "followed_up", actor="a", note="x")
    with pytest.raises(CaseworkError) as e:
        follow.advance("bad", "closed", actor="a", note="x")
    assert e.value.code == "no_such_state"
    assert follow.bad_ratings(show="open", today=date(2026, 5, 8))["total"] == 0
    assert follow.bad_ratings(show="followed_up", today=date(2026, 5, 8))["ratings"][0]["id"] == "bad"


def test_calendar_from_the_command_line(store, central_db, capsys):
    db = central_db.cli()
    assert cli_main(["calendar", "--holiday", "2026-10-01", "--holiday", "2026-10-02", "--workday", "2026-09-27",
                     "--note", "国庆节（示例）", *db]) == 0
    out = capsys.readouterr().out
    assert "2026-10-01  法定节假日 Public holiday  国庆节（示例）" in out and "2026-09-27  调休上班" in out
    assert cli_main(["calendar", "--clear", "2026-10-02", "--year", "2026", *db]) == 0
    assert "2026-10-02" not in capsys.readouterr().out
    cal = Calendar(store).current()
    assert cal.is_working(date(2026, 9, 27)) and not cal.is_working(date(2026, 10, 1))
    assert cli_main(["calendar", "--holiday", "2026-13-01", *db]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_bad_ratings_read_only_their_window_and_page_from_the_database(store, clock):
    today = date(2026, 8, 31)
    for n in range(6):  # bad ratings from before the default 90-day window
        _rate(store, clock, f"old-{n}", 1, _ts(2026, 3, 2 + n))
    for n in range(7):
        _rate(store, clock, f"new-{n}", 2, _ts(2026, 8, 20 + n))
    _rate(store, clock, "fine", 5, _ts(2026, 8, 21))
    follow = FollowUps(store)
    follow.advance("new-0", "followed_up", actor="mgr", note="已电话回访")
    sent: list[tuple[str, object]] = []

    def watch(conn, cursor, statement, parameters, context, executemany):
        sent.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", watch)
    try:
        second = follow.bad_ratings(page=2, per_page=3, today=today)
    finally:
        event.remove(store.engine, "before_cursor_execute", watch)
    assert (second["total"], second["pages"], second["page"]) == (7, 3, 2)
    assert second["earlier"] == {"open": 6, "first": _ts(2026, 3, 2)}  # not listed, but not out of sight either
    assert second["counts"] == {"verifying": 6, "rectifying": 0, "followed_up": 1, "open": 6, "overdue": 0}
    # open ones oldest first, the followed-up one last
    assert [r["id"] for r in second["ratings"]] == ["new-4", "new-5", "new-6"]
    assert [r["id"] for r in follow.bad_ratings(page=3, per_page=3, today=today)["ratings"]] == ["new-0"]
    # the follow-up steps are read for the page's three ratings only; no statement names any other rating
    named = [{p for p in (params.values() if isinstance(params, dict) else params) if str(p)[:4] in ("old-", "new-")}
             for _, params in sent]
    assert set().union(*named) == {"new-4", "new-5", "new-6"}
    # another window, asked for; and every date
    spring = follow.bad_ratings(since=_ts(2026, 3, 3, 0), until=_ts(2026, 3, 5, 0), today=today)
    assert [r["id"] for r in spring["ratings"]] == ["old-1", "old-2"] and spring["counts"]["overdue"] == 2
    everything = follow.bad_ratings(window_days=None, show="overdue", per_page=200, today=today)
    assert [r["id"] for r in everything["ratings"]] == [f"old-{n}" for n in range(6)]
    assert follow.bad_ratings(show="followed_up", today=today)["total"] == 1
