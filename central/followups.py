"""The follow-up of every bad rating (差评整改): 待核实 -> 整改中 -> 已回访, each step by someone with a note, due
15 working days after the rating; days left and overdue as the console shows them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from central import tx
from central.casework import CaseworkError, check_actor, clean_text
from central.ratings import Rated, rated
from central.schema import rating_followups, ratings
from central.storage import CentralStore
from central.workdays import Calendar, WorkCalendar
from protocol.ratings import SCALE, TAGS, is_bad

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

    def bad_ratings(self, *, show: str | None = None, since: float | None = None, until: float | None = None,
                    service: str | None = None, site: str | None = None, terminal: str | None = None,
                    page: int = 1, per_page: int = PER_PAGE, today: date | None = None) -> dict:
        """Every bad rating (the two lowest steps), the most urgent first (fewest days left; followed-up ones
        last, newest first). `show`: None (all), "open" (not followed up), "overdue", or one state.

        {ratings: [{id, terminal, site, tracking, service_code, score, score_text{zh,en}, tags[{code,zh,en}],
        comment, at, state, state_text{zh,en}, next[states], deadline (YYYY-MM-DD), days_left, overdue,
        closed_late, steps[{state, state_text, actor, note, at}]}], total, page, per_page, pages,
        counts{verifying, rectifying, followed_up, open, overdue} (over the whole selection, before `show`)}"""
        if show is not None and show not in _FILTERS:
            raise ValueError(f"show must be one of {', '.join(_FILTERS)} or None, not {show!r}")
        per_page = max(1, min(int(per_page), MAX_PER_PAGE))
        page = max(1, int(page))
        today = today or self._today()
        found = rated(self._store, since=since, until=until, service=service, site=site, terminal=terminal,
                      bad_only=True)
        steps = self._steps([r.id for r in found])
        calendar = self._calendar.current()
        views = [self._view(r, steps[r.id], calendar, today) for r in found]
        counts = {s: sum(v["state"] == s for v in views) for s in STATES}
        counts.update(open=sum(v["state"] != "followed_up" for v in views), overdue=sum(v["overdue"] for v in views))
        if show == "open":
            views = [v for v in views if v["state"] != "followed_up"]
        elif show == "overdue":
            views = [v for v in views if v["overdue"]]
        elif show is not None:
            views = [v for v in views if v["state"] == show]
        views.sort(key=lambda v: (v["days_left"] is None, v["days_left"] if v["days_left"] is not None else -v["at"],
                                  v["at"]))
        total = len(views)
        return {"ratings": views[(page - 1) * per_page: page * per_page], "total": total, "page": page,
                "per_page": per_page, "pages": max(1, -(-total // per_page)), "counts": counts}

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
