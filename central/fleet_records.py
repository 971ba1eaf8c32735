"""The fleet as central stores it: each terminal's last beat, its beat history and the flags computed as a beat
arrives, the paged fleet list and the terminal's events. A part of CentralStore (central/storage.py)."""

from __future__ import annotations

import json
import re

import orjson
from sqlalchemy import and_, case, func, select

from central import fleet, statements as st
from central.schema import events, heartbeats, terminal_status, terminals

BEATS_KEPT = 60  # per terminal: an hour at the kiosk's default interval, enough for every fleet trend


_LONG_NUMBER = re.compile(r"\d{19}")  # orjson reads integers beyond 64 bits as floats: those beats go to json


def _parsed(body: str) -> dict:
    """A stored beat: every beat parses the terminal's last BEATS_KEPT again, and orjson takes a quarter of the
    standard library's time; the standard library for what orjson reads otherwise or refuses (NaN)."""
    if _LONG_NUMBER.search(body):
        return json.loads(body)
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError:
        return json.loads(body)


class FleetRecords:
    """CentralStore's fleet methods; they use its _read, _write, _clock and fleet_policy."""

    def heartbeat(self, terminal: str, status: dict) -> None:
        """The terminal's last beat, and one more in its history (the oldest beyond BEATS_KEPT go)."""
        now = self._clock()
        body = json.dumps(dict(status, received_at=now))
        with self._write() as c:
            c.execute(st.LAST_BEAT, {"terminal": terminal, "body": body})
            c.execute(st.ADD_BEAT, {"terminal": terminal, "received_at": now, "body": body})
            c.execute(st.TRIM_BEATS, {"terminal": terminal, "kept": BEATS_KEPT})
            beats = [_parsed(b) for b in reversed(c.execute(
                st.RECENT_BEATS, {"terminal": terminal, "kept": BEATS_KEPT}).scalars().all())]
            row = fleet.beat_status(json.loads(body), beats, self.fleet_policy)
            c.execute(st.SET_STATUS[c.dialect.name], {"terminal": terminal, **row})

    def fleet(self, *, now: float, stale_before: float, site: str = "", flag: str = "", q: str = "",
              sort: str = "flags", desc: bool = False, limit: int = 100, offset: int = 0) -> tuple[list[dict], int]:
        """One page of the fleet as stored at each terminal's last beat, filtered and ordered in SQL (the id last, so
        pages are stable), and how many terminals match. A terminal heard of last before `stale_before` is silent."""
        t, s = terminals, terminal_status
        heard = func.coalesce(s.c.beat_at, t.c.created_at)
        stale = case((heard < stale_before, 1), else_=0)
        count = func.coalesce(s.c.count, 0) + stale
        rank = case((func.coalesce(s.c.severe, 0) + stale > 0, 0), (count > 0, 1), else_=2)
        where = []
        if site:
            where.append(t.c.site == site)
        if q:
            where.append(func.lower(t.c.id).contains(q.lower(), autoescape=True))
        if flag == "ok":
            where.append(count == 0)
        elif flag == "stale":
            where.append(stale == 1)
        elif flag:
            where.append(s.c.codes.contains("," + flag + ",", autoescape=True))
        keys = {"flags": [rank, -count], "id": [], "site": [t.c.site.is_(None), func.coalesce(t.c.site, "")],
                "age": [s.c.beat_at.is_(None), -s.c.beat_at]}[sort] + [t.c.id]
        order = [k.desc() if desc else k.asc() for k in keys]
        base = select(t.c.id).select_from(t.outerjoin(s, s.c.terminal == t.c.id)).where(and_(True, *where))
        page = (select(t.c.id, t.c.site, s.c.beat_at, s.c.flags, s.c.software, stale)
                .select_from(t.outerjoin(s, s.c.terminal == t.c.id)).where(and_(True, *where))
                .order_by(*order).limit(limit).offset(offset))
        with self._read() as c:
            total = c.execute(select(func.count()).select_from(base.subquery())).scalar_one()
            rows = c.execute(page).all()
        out = []
        for r in rows:
            found = [{"code": "stale", "detail": f"no heartbeat for {now - (r[2] or 0):.0f} s" if r[2] else ""}] \
                if r[5] else []
            out.append({"id": r[0], "site": r[1], "last_heartbeat_age": round(now - r[2], 1) if r[2] else None,
                        "software": r[4], "flags": found + json.loads(r[3] or "[]")})
        return out, total

    def sites(self) -> list[str]:
        with self._read() as c:
            return list(c.execute(select(terminals.c.site).where(terminals.c.site.is_not(None)).distinct()
                                  .order_by(terminals.c.site)).scalars())

    def heartbeats(self, terminal: str, limit: int = BEATS_KEPT) -> list[dict]:
        """The terminal's newest beats, oldest first, each with central's `received_at`."""
        with self._read() as c:
            rows = c.execute(select(heartbeats.c.body).where(heartbeats.c.terminal == terminal)
                             .order_by(heartbeats.c.id.desc()).limit(limit)).scalars().all()
        return [json.loads(r) for r in reversed(rows)]

    def recent_heartbeats(self, limit: int = BEATS_KEPT) -> dict[str, list[dict]]:
        """Every terminal's newest beats, oldest first, in one query: the fleet views of a province would otherwise
        ask once per terminal."""
        newest = func.row_number().over(partition_by=heartbeats.c.terminal, order_by=heartbeats.c.id.desc())
        ranked = select(heartbeats.c.terminal, heartbeats.c.id, heartbeats.c.body, newest.label("n")).subquery()
        out: dict[str, list[dict]] = {}
        with self._read() as c:
            for terminal, body in c.execute(select(ranked.c.terminal, ranked.c.body).where(ranked.c.n <= limit)
                                            .order_by(ranked.c.terminal, ranked.c.id)):
                out.setdefault(terminal, []).append(json.loads(body))
        return out

    def events(self, terminal: str, limit: int = 50) -> list[dict]:
        """The terminal's newest events (staff audit entries, staff calls), oldest first."""
        with self._read() as c:
            rows = c.execute(select(events.c.item_id, events.c.at, events.c.body).where(events.c.terminal == terminal)
                             .order_by(events.c.at.desc(), events.c.item_id.desc()).limit(limit)).all()
        return [{"id": r[0], "received_at": r[1], "body": json.loads(r[2])} for r in reversed(rows)]
