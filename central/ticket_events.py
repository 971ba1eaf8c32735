"""Tickets terminals numbered from their own range while central was away, arriving as events: into the hall's queue."""

from __future__ import annotations

import logging
from datetime import date

from sqlalchemy import Connection, select
from sqlalchemy.exc import IntegrityError

from central.schema import hall_tickets, terminals
from protocol import offline_tickets

log = logging.getLogger(__name__)

# a terminal counts by its own clock: around midnight it may be a day ahead of or behind central, never more
DAY_SLACK = 1


def note_offline(c: Connection, terminal: str, body: dict, now: float) -> None:
    """A ticket the terminal numbered itself while central was away joins its site's queue, when `body` (an accepted
    event, in the caller's transaction) is one. Never refuses the event: a ticket that cannot join is logged."""
    if body.get("name") != offline_tickets.OFFLINE_TICKET_EVENT:
        return
    try:
        ticket = offline_tickets.parse(body.get("details"))
    except offline_tickets.NotATicket as exc:
        log.warning("offline ticket from %s not added to its hall's queue: bad %s", terminal, exc.args[0])
        return
    if abs((date.fromisoformat(ticket.day) - date.fromtimestamp(now)).days) > DAY_SLACK:
        # the hall's queue is today's: a number of another day (arriving late, or from a clock gone wrong) is
        # history, kept as the event it came in, never a ticket a calling system would call now
        log.warning("offline ticket from %s not added to its hall's queue: not central's counting day", terminal)
        return
    placed = c.execute(select(terminals.c.site, terminals.c.queue_index).where(terminals.c.id == terminal)).first()
    if placed is None or not placed.site:
        return
    if ticket.terminal_index != placed.queue_index:
        # another terminal's range (a hand-set index that is not the one central gave): joining would shadow that
        # terminal's own numbers
        log.warning("offline ticket from %s not added to its hall's queue: its index is not the one central gave it",
                    terminal)
        return
    site = placed.site
    # the terminal's clock, unless it claims a ticket from the future: the queue is ordered by when people came
    values = dict(site=site, day=ticket.day, series=ticket.series, seq=ticket.seq, queue=ticket.queue,
                  priority=1 if ticket.priority else 0, service=ticket.service, terminal=terminal,
                  issued_at=min(ticket.issued_at, now), terminal_index=ticket.terminal_index)
    try:
        with c.begin_nested():  # a terminal whose counter was reset may number a ticket twice: the first one stays
            c.execute(hall_tickets.insert().values(**values))
    except IntegrityError:
        log.warning("offline ticket %s from %s is already in its hall's queue", ticket.number, terminal)
