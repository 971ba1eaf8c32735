"""Hall tickets numbered by central: one gap-free sequence per site, counting day and series letter."""

from __future__ import annotations

import hashlib
import re

from sqlalchemy import Connection, and_, func, select

from central.schema import hall_tickets, terminals
from central.storage import CentralStore, _take

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class NoSite(Exception):
    """The terminal stands at no site: there is no hall queue to number in."""


def _counter(site: str, day: str, series: str) -> str:
    # counters.name is 64 characters; a site code may be as long alone
    return f"ticket:{day}:{series}:{hashlib.sha256(site.encode()).hexdigest()[:16]}"


def take(store: CentralStore, terminal: str, *, queue: str, priority: str, service: str, day: str) -> dict:
    """The next number of the terminal's site for `day` (the terminal's counting day), and how many wait ahead."""
    if not _DAY.match(day):
        raise ValueError("day must be YYYY-MM-DD")
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
