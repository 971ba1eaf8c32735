"""The follow-up of every bad rating (差评整改): 待核实 -> 整改中 -> 已回访, each step by someone with a note, due
15 working days after the rating; days left and overdue as the console shows them."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, case, func, select

from central import tx
from central.casework import CaseworkError, check_actor, clean_text
from central.ratings import Rated, rated
from central.schema import cases, rating_followups, ratings, terminals
from central.storage import CentralStore
from central.workdays import Calendar, WorkCalendar
from protocol.ratings import BAD_AT_MOST, SCALE, TAGS, is_bad

STATES = {
    "verifying": ("待核实", "Verifying"),
    "rectifying": ("整改中", "Rectifying"),
    "followed_up": ("已回访", "Followed up"),
}
START = "verifying"  # every bad rating stands here until someone takes a step
NEXT = {"verifying": frozenset({"rectifying", "followed_up"}),  # verified as unfounded: called back at once
        "rectifying": frozenset({"followed_up"}),
        "followed_up": frozenset()}
DEADLINE_WORKING_DAYS = 15
MAX_NOTE = 1000
PER_PAGE = 50
MAX_PER_PAGE = 200
WINDOW_DAYS = 90  # the lists show this many days back unless asked for another window
_FILTERS = ("open", "overdue", *STATES)


def _text(table: dict, code: str) -> dict:
    zh, en = table.get(code, (code, code))
    return {"zh": zh, "en": en}


class FollowUps:
    """What the console's bad-rating pages call. `today` parameters default to the store clock's local date."""

    def __init__(self, store: CentralStore) -> None:
        self._store = store
        self._calendar = Calendar(store)

    def _today(self) -> date:
        return datetime.fromtimestamp(self._store.clock()).date()

    def _steps(self, ids: list[str]) -> dict[str, list[dict]]:
        out: dict[str, list[dict]] = {i: [] for i in ids}
        if not ids:
            return out
        with tx.reading(self._store.engine) as c:
            rows = c.execute(select(rating_followups.c.rating, rating_followups.c.state, rating_followups.c.actor,
                                    rating_followups.c.note, rating_followups.c.at)
                             .where(rating_followups.c.rating.in_(ids)).order_by(rating_followups.c.id)).all()
        for rating, state, actor, note, at in rows:
            out[rating].append({"state": state, "state_text": _text(STATES, state), "actor": actor, "note": note,
                                "at": at})
        return out

    def _view(self, r: Rated, steps: list[dict], calendar: WorkCalendar, today: date) -> dict:
        rated_on = datetime.fromtimestamp(r.at).date()
        deadline = calendar.add(rated_on, DEADLINE_WORKING_DAYS)
        state = steps[-1]["state"] if steps else START
        closed = state == "followed_up"
        closed_on = datetime.fromtimestamp(steps[-1]["at"]).date() if closed else None
        return {"id": r.id, "terminal": r.terminal, "site": r.site, "tracking": r.tracking, "service_code": r.service,
                "score": r.score, "score_text": _text(SCALE, r.score),
                "tags": [{"code": t, **_text(TAGS, t)} for t in r.tags], "comment": r.comment, "at": r.at,
                "state": state, "state_text": _text(STATES, state), "next": sorted(NEXT.get(state, ())),
                "deadline": deadline.isoformat(),
                # working days left, 0 on the deadline itself, negative once past; None when followed up
                "days_left": None if closed else calendar.between(today, deadline),
                "overdue": not closed and today > deadline,
                "closed_late": closed and closed_on > deadline,
                "steps": steps}

    def _overdue_before(self, calendar: WorkCalendar, today: date) -> float:
        """The moment before which an open bad rating is overdue today (deadlines only grow with the rating's day,
        so the overdue ones are exactly those rated before the first day whose deadline is not yet past)."""
        day = today
        while calendar.add(day - timedelta(days=1), DEADLINE_WORKING_DAYS) >= today:
            day -= timedelta(days=1)
        return datetime.combine(day, time()).timestamp()

    def bad_ratings(self, *, show: str | None = None, since: float | None = None, until: float | None = None,
                    service: str | None = None, site: str | None = None, terminal: str | None = None,
                    page: int = 1, per_page: int = PER_PAGE, today: date | None = None,
                    window_days: int | None = WINDOW_DAYS) -> dict:
        """Bad ratings (the two lowest steps) received in [since, until), the most urgent first (fewest days left;
        followed-up ones last, newest first). `since` None: the start of the day `window_days` - 1 days before
        today, or before the last day `until` takes in (window_days None: from the first rating). `show`: None (all), "open" (not followed up), "overdue",
        or one state. The window, `show` and the page are read in SQL: only the page's ratings leave the database.

        {ratings: [{id, terminal, site, tracking, service_code, score, score_text{zh,en}, tags[{code,zh,en}],
        comment, at, state, state_text{zh,en}, next[states], deadline (YYYY-MM-DD), days_left, overdue,
        closed_late, steps[{state, state_text, actor, note, at}]}], total, page, per_page, pages, since, until,
        counts{verifying, rectifying, followed_up, open, overdue} (over the window, before `show`),
        earlier: None, or {open, first (at)} of the bad ratings not followed up from before `since`}"""
        if show is not None and show not in _FILTERS:
            raise ValueError(f"show must be one of {', '.join(_FILTERS)} or None, not {show!r}")
        per_page = max(1, min(int(per_page), MAX_PER_PAGE))
        page = max(1, int(page))
        today = today or self._today()
        if since is None and window_days is not None:
            end = (datetime.fromtimestamp(until) - timedelta(microseconds=1)).date() if until is not None else today
            since = datetime.combine(end - timedelta(days=max(1, int(window_days)) - 1), time()).timestamp()
        calendar = self._calendar.current()
        overdue_before = self._overdue_before(calendar, today)
        last = (select(rating_followups.c.rating, func.max(rating_followups.c.id).label("id"))
                .group_by(rating_followups.c.rating).subquery())
        step = rating_followups.alias("step")
        state = func.coalesce(step.c.state, START)
        closed = state == "followed_up"
        joined = (ratings.outerjoin(cases, cases.c.tracking == ratings.c.tracking)
                  .outerjoin(terminals, terminals.c.id == ratings.c.terminal)
                  .outerjoin(last, last.c.rating == ratings.c.item_id).outerjoin(step, step.c.id == last.c.id))
        narrow = [ratings.c.score <= BAD_AT_MOST]
        for column, value in ((cases.c.service_code, service), (terminals.c.site, site),
                              (ratings.c.terminal, terminal)):
            if value is not None:
                narrow.append(column == value)
        where = list(narrow)
        if since is not None:
            where.append(ratings.c.at >= since)
        if until is not None:
            where.append(ratings.c.at < until)
        overdue = and_(~closed, ratings.c.at < overdue_before)
        with tx.reading(self._store.engine) as c:
            by_state = c.execute(select(state, func.count(), func.sum(case((overdue, 1), else_=0)))
                                 .select_from(joined).where(*where).group_by(state)).all()
            counts = {s: 0 for s in STATES} | {s: n for s, n, _ in by_state}
            counts.update(open=sum(n for s, n, _ in by_state if s != "followed_up"),
                          overdue=sum(int(late or 0) for _, _, late in by_state))
            earlier = None
            if since is not None:  # open ones from before the window must not slip out of sight
                n, first = c.execute(select(func.count(), func.min(ratings.c.at)).select_from(joined)
                                     .where(*narrow, ~closed, ratings.c.at < since)).one()
                earlier = {"open": n, "first": first} if n else None
            if show == "open":
                where.append(~closed)
            elif show == "overdue":
                where.append(overdue)
            elif show is not None:
                where.append(state == show)
            total = sum(counts[s] for s in STATES) if show is None else counts[show]
            rows = c.execute(select(ratings.c.item_id, ratings.c.terminal, terminals.c.site, cases.c.service_code,
                                    ratings.c.tracking, ratings.c.score, ratings.c.comment, ratings.c.tags,
                                    ratings.c.at)
                             .select_from(joined).where(*where)
                             # open ones oldest first (the deadline follows the rating's day), then closed newest first
                             .order_by(case((closed, 1), else_=0), case((closed, -ratings.c.at), else_=ratings.c.at),
                                       ratings.c.item_id)
                             .limit(per_page).offset((page - 1) * per_page)).all()
        found = [Rated(r[0], r[1], r[2], r[3], r[4], r[5], r[6], json.loads(r[7]) if r[7] else [], r[8]) for r in rows]
        steps = self._steps([r.id for r in found])
        return {"ratings": [self._view(r, steps[r.id], calendar, today) for r in found], "total": total,
                "page": page, "per_page": per_page, "pages": max(1, -(-total // per_page)), "counts": counts,
                "since": since, "until": until, "earlier": earlier}

    def rating(self, rating_id: str, *, today: date | None = None) -> dict | None:
        """One bad rating as in bad_ratings(); None when there is no such rating or it is not a bad one."""
        found = rated(self._store, bad_only=True, rating_id=rating_id)
        if not found:
            return None
        return self._view(found[0], self._steps([rating_id])[rating_id], self._calendar.current(),
                          today or self._today())

    def advance(self, rating_id: str, state: str, *, actor: str, note: str) -> dict:
        """Takes the bad rating to `state` (see NEXT) with a note of what was found, done or said (required).
        Returns rating(). Raises LookupError (no such bad rating) or CaseworkError (no_such_state, not_allowed,
        note_required, bad_actor, bad_text, text_too_long)."""
        if state not in STATES:
            raise CaseworkError("no_such_state", f"没有“{state}”这种状态", f"no follow-up state {state!r}")
        actor = check_actor(actor)
        note = clean_text(note, limit=MAX_NOTE, what=("说明", "note"))
        if note is None:
            raise CaseworkError("note_required", "请写明核实、整改或回访的情况", "say what was verified, rectified or said")
        now = self._store.clock()
        with tx.writing(self._store.engine) as c:
            # the rating's row serialises two people stepping the same rating at once (SQLite: the write lock)
            score = c.execute(select(ratings.c.score).where(ratings.c.item_id == rating_id).with_for_update()).scalar()
            if score is None or not is_bad(score):
                raise LookupError(rating_id)
            current = c.execute(select(rating_followups.c.state).where(rating_followups.c.rating == rating_id)
                                .order_by(rating_followups.c.id.desc()).limit(1)).scalar() or START
            if state not in NEXT[current]:
                raise CaseworkError("not_allowed", f"{STATES[current][0]}的差评不能改为{STATES[state][0]}",
                                    f"a rating that is {STATES[current][1].lower()} cannot become "
                                    f"{STATES[state][1].lower()}")
            c.execute(rating_followups.insert().values(rating=rating_id, state=state, actor=actor, note=note, at=now))
        return self.rating(rating_id)
