"""The 好差评 pages: how ratings spread and move per service, site and terminal (server-drawn charts), and every bad
rating with its reason tags, comment and follow-up (待核实 / 整改中 / 已回访) against its 15-working-day deadline."""

from __future__ import annotations

from datetime import date, datetime, time as day_time, timedelta
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path as PathParam, Query, Request
from fastapi.responses import HTMLResponse, Response

from central.casework import CaseworkError
from central.console import ratingcharts, services
from central.console.roles import CASES, FOLLOW_UP, RATINGS
from central.console.web import NOTICES, Post, Refused, Staff, allow, allow_post, render, see_other
from central.followups import DEADLINE_WORKING_DAYS, MAX_NOTE, STATES, WINDOW_DAYS, FollowUps
from central.ratings import GROUPS, RatingFigures
from protocol.ratings import SCALE

router = APIRouter(prefix="/console/ratings", include_in_schema=False)
NOTICES.update({"rating_advanced": ("差评处理进度已更新", "the bad rating's follow-up was recorded")})
GROUP_WORDS = {"service": ("按事项", "by service"), "site": ("按站点", "by site"), "terminal": ("按终端", "by terminal")}
WINDOWS = {7: ("近 7 天", "last 7 days"), 30: ("近 30 天", "last 30 days"), 90: ("近 90 天", "last 90 days"),
           365: ("近一年", "last year")}
PERIOD_WORDS = {"day": ("按日", "per day"), "week": ("按周", "per week")}
SHOW = {"open": ("未回访", "open"), "overdue": ("已逾期", "overdue"),
        **{code: words for code, words in STATES.items()}, "all": ("全部", "all")}
PER_PAGE = 50


def _labeller(by: str | None, titles: dict[str, str]):
    def label(key: str | None) -> str:
        if key is None:
            return {"service": "（无办件）no case", "site": "（未设站点）no site"}.get(by or "", "全部 all")
        return f"{titles[key]} ({key})" if by == "service" and key in titles else key

    return label


@router.get("")
def ratings_page(request: Request, staff: Annotated[Staff, Depends(allow(RATINGS))],
                 by: Annotated[str, Query(max_length=16)] = "service",
                 days: Annotated[int, Query(ge=1, le=400)] = 30,
                 period: Annotated[str, Query(max_length=8)] = "day") -> HTMLResponse:
    by = by if by in GROUPS else "service"
    days = days if days in WINDOWS else 30
    period = period if period in PERIOD_WORDS else "day"
    store = staff.console.store
    now = staff.console.clock()
    today = datetime.fromtimestamp(now).date()
    since = datetime.combine(today - timedelta(days=days - 1), day_time()).timestamp()
    until = datetime.combine(today + timedelta(days=1), day_time()).timestamp()
    figures = RatingFigures(store)
    label = _labeller(by, services.titles(request, store))
    rows = figures.distribution(since=since, until=until, by=by)
    overall = figures.distribution(since=since, until=until)[0]
    overall_trend = figures.trend(since=since, until=until, period=period)
    trend = figures.trend(since=since, until=until, period=period, by=by)
    # the headline counts every open and overdue one, however old: an overdue follow-up must never drop out of it
    counts = FollowUps(store).bad_ratings(per_page=1, window_days=None)["counts"]
    query = {"by": by, "days": days, "period": period}
    return render(request, staff, "ratings.html", title=("好差评", "Ratings"), rows=rows, overall=overall,
                  distribution=ratingcharts.distribution_chart(rows, label),
                  trend=ratingcharts.trend_chart(overall_trend), sparks=ratingcharts.sparklines(trend, label),
                  spark_size=(ratingcharts.SPARK_W, ratingcharts.SPARK_H), hidden=len(trend["series"]) - len(
                      trend["series"][:ratingcharts.MAX_SPARKS]), label=label, counts=counts, query=query,
                  groups=GROUP_WORDS, windows=WINDOWS, periods=PERIOD_WORDS, scale=SCALE,
                  link=lambda **changes: "/console/ratings?" + urlencode({**query, **changes}),
                  first=datetime.fromtimestamp(since).date(), last=today)


def _day(typed: str) -> date | None:
    """A YYYY-MM-DD from the form; None when left empty. Raises ValueError when it is not a date."""
    return date.fromisoformat(typed) if typed else None


@router.get("/bad")
def bad_ratings_page(request: Request, staff: Annotated[Staff, Depends(allow(RATINGS))],
                     show: Annotated[str, Query(max_length=16)] = "open",
                     page: Annotated[int, Query(ge=1, le=100_000)] = 1,
                     since: Annotated[str, Query(max_length=10)] = "",
                     until: Annotated[str, Query(max_length=10)] = "") -> HTMLResponse:
    show = show if show in SHOW else "open"
    since, until = since.strip(), until.strip()
    error, status = None, 200
    try:
        first, last = _day(since), _day(until)
        if first is not None and last is not None and first > last:
            raise ValueError("the window ends before it starts")
    except ValueError:
        # the typed dates stay in the form; the list falls back to the default window
        first = last = None
        error, status = ("日期无效：请按 年-月-日 填写，且开始不晚于结束；下面是默认时间范围",
                         "invalid dates: use YYYY-MM-DD with the start no later than the end; below is the default window"), 400
    follow = FollowUps(staff.console.store)
    listed = follow.bad_ratings(show=None if show == "all" else show, page=page, per_page=PER_PAGE,
                                since=datetime.combine(first, day_time()).timestamp() if first else None,
                                until=datetime.combine(last + timedelta(days=1), day_time()).timestamp() if last
                                else None)
    query = {"show": show, **({"since": since, "until": until} if error is None else {})}
    shown_since = datetime.fromtimestamp(listed["since"]).date() if listed["since"] is not None else None
    return render(request, staff, "bad_ratings.html", title=("差评处理", "Bad ratings"), status=status, listed=listed,
                  show=show, shows=SHOW, titles=services.titles(request, staff.console.store),
                  may_open_cases=staff.may(CASES), error=error, typed={"since": since, "until": until},
                  window={"since": shown_since, "until": last, "days": WINDOW_DAYS},
                  earlier_since=datetime.fromtimestamp(listed["earlier"]["first"]).date().isoformat()
                  if listed["earlier"] else None,
                  link=lambda **changes: "/console/ratings/bad?" + urlencode(
                      {k: v for k, v in {**query, **changes}.items() if v != ""}),
                  deadline_days=DEADLINE_WORKING_DAYS)


def _rating_page(request: Request, staff: Staff, rating_id: str, *, status: int = 200, error: dict | None = None,
                 typed: dict | None = None) -> HTMLResponse:
    found = FollowUps(staff.console.store).rating(rating_id)
    if found is None:
        raise Refused(404, "没有这条差评", "no such bad rating", staff)
    title = services.titles(request, staff.console.store).get(found["service_code"] or "")
    return render(request, staff, "bad_rating.html", title=("差评处理", "Bad rating"), status=status, r=found,
                  service_title=title, states=STATES, may_follow_up=staff.may(FOLLOW_UP),
                  may_open_cases=staff.may(CASES), error=error, typed=typed or {}, max_note=MAX_NOTE,
                  deadline_days=DEADLINE_WORKING_DAYS)


@router.get("/bad/{rating_id}")
def bad_rating_page(rating_id: Annotated[str, PathParam(max_length=128)], request: Request,
                    staff: Annotated[Staff, Depends(allow(RATINGS))]) -> HTMLResponse:
    return _rating_page(request, staff, rating_id)


@router.post("/bad/{rating_id}/follow-up")
def follow_up(rating_id: Annotated[str, PathParam(max_length=128)], request: Request,
              post: Annotated[Post, Depends(allow_post(FOLLOW_UP))]) -> Response:
    staff = post.staff
    state, note = post.text("state", 32), post.text("note", 4 * MAX_NOTE)
    try:
        done = FollowUps(staff.console.store).advance(rating_id, state, actor=staff.username, note=note)
    except LookupError:
        raise Refused(404, "没有这条差评", "no such bad rating", staff) from None
    except CaseworkError as exc:
        return _rating_page(request, staff, rating_id, status=409 if exc.code == "not_allowed" else 400,
                            error=exc.text, typed={"state": state, "note": note})
    staff.record("rating.follow_up", f"rating:{rating_id}", state=done["state"], late=done["closed_late"])
    return see_other(f"/console/ratings/bad/{rating_id}", done="rating_advanced")
