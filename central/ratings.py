"""好差评 figures at central: how ratings spread over the five steps and how they move per day or week, per service,
site and terminal. A rating names its service through the case of its tracking number, when it has one."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import and_, select, true

from central import tx
from central.schema import cases, ratings, terminals
from central.storage import CentralStore
from protocol.ratings import BAD_AT_MOST, SCALE, is_bad

GROUPS = ("service", "site", "terminal")
PERIODS = ("day", "week")
MAX_PERIODS = 400  # a chart of more points than this is unreadable; ask for weeks instead


@dataclass(frozen=True)
class Rated:
    """One rating with what it is counted under."""

    id: str
    terminal: str
    site: str | None
    service: str | None  # the case's service; None for a rating without a (known) tracking number
    tracking: str | None
    score: int
    comment: str | None
    tags: list[str]
    at: float

    def key(self, by: str) -> str | None:
        return {"service": self.service, "site": self.site, "terminal": self.terminal}[by]


def rated(store: CentralStore, *, since: float | None = None, until: float | None = None,
          service: str | None = None, site: str | None = None, terminal: str | None = None,
          bad_only: bool = False, rating_id: str | None = None) -> list[Rated]:
    """Ratings received in [since, until), oldest first, narrowed to one service, site, terminal or rating if
    given."""
    joined = (ratings.outerjoin(cases, cases.c.tracking == ratings.c.tracking)
              .outerjoin(terminals, terminals.c.id == ratings.c.terminal))
    where = [true()]
    if since is not None:
        where.append(ratings.c.at >= since)
    if until is not None:
        where.append(ratings.c.at < until)
    if service is not None:
        where.append(cases.c.service_code == service)
    if site is not None:
        where.append(terminals.c.site == site)
    if terminal is not None:
        where.append(ratings.c.terminal == terminal)
    if rating_id is not None:
        where.append(ratings.c.item_id == rating_id)
    if bad_only:
        where.append(ratings.c.score <= BAD_AT_MOST)
    query = (select(ratings.c.item_id, ratings.c.terminal, terminals.c.site, cases.c.service_code,
                    ratings.c.tracking, ratings.c.score, ratings.c.comment, ratings.c.tags, ratings.c.at)
             .select_from(joined).where(and_(*where)).order_by(ratings.c.at, ratings.c.item_id))
    with tx.reading(store.engine) as c:
        rows = c.execute(query).all()
    return [Rated(r[0], r[1], r[2], r[3], r[4], r[5], r[6], json.loads(r[7]) if r[7] else [], r[8]) for r in rows]


def _figures(scores: list[int]) -> dict:
    counts = {s: 0 for s in SCALE}
    for s in scores:
        counts[s] += 1
    total = len(scores)
    return {"counts": counts, "total": total,
            "average": round(sum(scores) / total, 2) if total else None,
            # 满意率 as halls report it: 满意 and 非常满意 among all ratings
            "satisfied_share": round(sum(1 for s in scores if s >= 4) / total, 4) if total else None,
            "bad": sum(1 for s in scores if is_bad(s))}


def period_start(ts: float, period: str) -> date:
    """The local day of `ts`, or the Monday of its week."""
    d = datetime.fromtimestamp(ts).date()
    return d - timedelta(days=d.weekday()) if period == "week" else d


class RatingFigures:
    """What the console's rating charts call."""

    def __init__(self, store: CentralStore) -> None:
        self._store = store

    def distribution(self, *, since: float, until: float, by: str | None = None, **narrow) -> list[dict]:
        """[{key, counts{5..1: n}, total, average, satisfied_share, bad}], one per service, site or terminal (`by`;
        None: one row for everything, key None), most rated first, key None last among equals.
        `narrow`: service=, site=, terminal=."""
        if by is not None and by not in GROUPS:
            raise ValueError(f"by must be one of {', '.join(GROUPS)} or None, not {by!r}")
        groups: dict[str | None, list[int]] = {}
        for r in rated(self._store, since=since, until=until, **narrow):
            groups.setdefault(r.key(by) if by else None, []).append(r.score)
        if by is None and not groups:
            groups[None] = []
        rows = [{"key": key, **_figures(scores)} for key, scores in groups.items()]
        return sorted(rows, key=lambda row: (-row["total"], row["key"] is None, str(row["key"])))

    def trend(self, *, since: float, until: float, period: str = "day", by: str | None = None, **narrow) -> dict:
        """{period, periods: [YYYY-MM-DD, ...] (every day, or every week's Monday, in the window),
        series: [{key, points: [{period, counts, total, average, satisfied_share, bad}]}]}: one series per
        service, site or terminal (`by`), or one for everything; periods without ratings have zero counts."""
        if period not in PERIODS:
            raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
        if by is not None and by not in GROUPS:
            raise ValueError(f"by must be one of {', '.join(GROUPS)} or None, not {by!r}")
        first, last = period_start(since, period), period_start(max(since, until - 1e-6), period)
        step = timedelta(days=7 if period == "week" else 1)
        if (last - first) / step >= MAX_PERIODS:
            raise ValueError(f"more than {MAX_PERIODS} {period}s: choose a shorter window or weeks")
        periods = [first + step * k for k in range(int((last - first) / step) + 1)]
        cells: dict[str | None, dict[date, list[int]]] = {} if by else {None: {}}
        for r in rated(self._store, since=since, until=until, **narrow):
            cells.setdefault(r.key(by) if by else None, {}).setdefault(period_start(r.at, period), []).append(r.score)
        series = [{"key": key, "points": [{"period": p.isoformat(), **_figures(days.get(p, []))} for p in periods]}
                  for key, days in cells.items()]
        series.sort(key=lambda s: (-sum(p["total"] for p in s["points"]), s["key"] is None, str(s["key"])))
        return {"period": period, "periods": [p.isoformat() for p in periods], "series": series}
