"""Hall tickets numbered by central: one gap-free sequence per site, counting day and series letter."""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import date

from sqlalchemy import Connection, and_, delete, func, select, update

from central.schema import calling_tokens, hall_tickets, terminals
from central.storage import CentralStore, _take
from central.ticket_events import DAY_SLACK

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")




class NoSite(Exception):
    """The terminal stands at no site: there is no hall queue to number in."""


class DayOff(ValueError):
    """The counting day is not a real date, or is further from central's own day than DAY_SLACK: a terminal with a
    wrong clock would otherwise start a sequence of its own that nobody calls."""


def _counter(site: str, day: str, series: str) -> str:
    # counters.name is 64 characters; a site code may be as long alone
    return f"ticket:{day}:{series}:{hashlib.sha256(site.encode()).hexdigest()[:16]}"


def _check_day(store: CentralStore, day: str) -> None:
    try:
        asked = date.fromisoformat(day) if _DAY.match(day) else None
    except ValueError:
        asked = None
    if asked is None or abs((asked - date.fromtimestamp(store.clock())).days) > DAY_SLACK:
        raise DayOff(day)


def take(store: CentralStore, terminal: str, *, queue: str, priority: str, service: str, day: str) -> dict:
    """The next number of the terminal's site for `day` (the terminal's counting day), and how many wait ahead."""
    _check_day(store, day)
    series = priority or queue

    def issue(c: Connection) -> dict:
        site = c.execute(select(terminals.c.site).where(terminals.c.id == terminal)).scalar_one_or_none()
        if not site:
            raise NoSite(terminal)
        # the counter row is locked until commit: a concurrent terminal of the same site waits here
        seq = _take(c, _counter(site, day, series), 1)
        waiting = and_(hall_tickets.c.site == site, hall_tickets.c.day == day, hall_tickets.c.queue == queue,
                       hall_tickets.c.called_at.is_(None), hall_tickets.c.priority >= (1 if priority else 0))
        ahead = c.execute(select(func.count()).select_from(hall_tickets).where(waiting)).scalar_one()
        c.execute(hall_tickets.insert().values(site=site, day=day, series=series, seq=seq, queue=queue,
                                               priority=1 if priority else 0, service=service, terminal=terminal,
                                               issued_at=store.clock()))
        return {"number": f"{series}{seq:03d}", "series": series, "seq": seq, "queue": queue,
                "priority": bool(priority), "day": day, "ahead": ahead}

    with store._write() as c:
        return issue(c)


def waiting(store: CentralStore, terminal: str, *, queue: str, day: str) -> int:
    """How many tickets of the terminal's site wait for `queue`'s windows on `day` (priority ones included): what a
    citizen is told before taking a number, the same for every terminal of the hall."""
    _check_day(store, day)
    with store._read() as c:
        site = c.execute(select(terminals.c.site).where(terminals.c.id == terminal)).scalar_one_or_none()
        if not site:
            raise NoSite(terminal)
        return c.execute(select(func.count()).select_from(hall_tickets).where(
            hall_tickets.c.site == site, hall_tickets.c.day == day, hall_tickets.c.queue == queue,
            hall_tickets.c.called_at.is_(None))).scalar_one()


def number(series: str, seq: int, terminal_index: int) -> str:
    """As printed and called out: A007 from central, A9-007 from terminal 9's own range."""
    return f"{series}{terminal_index}-{seq:03d}" if terminal_index else f"{series}{seq:03d}"


def add_calling_token(store: CentralStore, site: str) -> str:
    """A new bearer token for `site`'s calling system; only its hash is kept, so it is shown once."""
    token = secrets.token_urlsafe(32)
    with store._write() as c:
        c.execute(calling_tokens.insert().values(token_sha256=hashlib.sha256(token.encode()).hexdigest(), site=site,
                                                 created_at=store.clock()))
    return token


def revoke_calling_tokens(store: CentralStore, site: str) -> int:
    """Every token of `site` stops working at once; how many there were."""
    with store._write() as c:
        return c.execute(delete(calling_tokens).where(calling_tokens.c.site == site)).rowcount


def token_site(store: CentralStore, token: str) -> str | None:
    with store._read() as c:
        return c.execute(select(calling_tokens.c.site).where(
            calling_tokens.c.token_sha256 == hashlib.sha256(token.encode()).hexdigest())).scalar_one_or_none()


def since(store: CentralStore, site: str, cursor: int, limit: int = 500) -> list[dict]:
    """The site's tickets after `cursor` (a ticket's id), oldest first."""
    with store._read() as c:
        rows = c.execute(select(hall_tickets).where(hall_tickets.c.site == site, hall_tickets.c.id > cursor)
                         .order_by(hall_tickets.c.id).limit(limit)).mappings().all()
    return [{"id": r["id"], "number": number(r["series"], r["seq"], r["terminal_index"]), "day": r["day"],
             "queue": r["queue"], "priority": bool(r["priority"]), "service": r["service"],
             "issued_at": r["issued_at"], "called_at": r["called_at"], "offline": bool(r["terminal_index"])}
            for r in rows]


def mark_called(store: CentralStore, site: str, ticket_id: int) -> bool:
    """False when the site has no such ticket; calling twice keeps the first time."""
    with store._write() as c:
        found = c.execute(select(hall_tickets.c.id).where(hall_tickets.c.site == site,
                                                          hall_tickets.c.id == ticket_id)).first()
        if found is None:
            return False
        # the site is in the update too: a token names its own site's tickets only, whatever id it sends
        c.execute(update(hall_tickets).where(hall_tickets.c.site == site, hall_tickets.c.id == ticket_id,
                                             hall_tickets.c.called_at.is_(None)).values(called_at=store.clock()))
    return True
