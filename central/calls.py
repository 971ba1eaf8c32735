"""Call-staff requests: a terminal's staff.call event opens one; it stays open until a member of staff acknowledges
it (who and when are kept)."""

from __future__ import annotations

from sqlalchemy import Connection, and_, insert, select, update

from central.schema import staff_calls, terminals

STAFF_CALL_EVENT = "staff.call"  # the event name kiosks send (kiosk/staff_call.py)
_FIELDS = ("item_id", "terminal", "screen", "at", "acked_by", "acked_at")


def note(c: Connection, item_id: str, terminal: str, body: dict, now: float) -> None:
    """Opens a call when `body` (an accepted event, in the caller's transaction) is a staff call."""
    if body.get("name") != STAFF_CALL_EVENT:
        return
    details = body.get("details") if isinstance(body.get("details"), dict) else {}
    screen = str(details.get("screen") or "")[:64] or None
    c.execute(insert(staff_calls).values(item_id=item_id, terminal=terminal, screen=screen, at=now))


def waiting(c: Connection, limit: int = 100) -> list[dict]:
    """Open calls, oldest first, each with its terminal's site."""
    rows = c.execute(select(*(staff_calls.c[f] for f in _FIELDS), terminals.c.site)
                     .select_from(staff_calls.outerjoin(terminals, terminals.c.id == staff_calls.c.terminal))
                     .where(staff_calls.c.acked_at.is_(None)).order_by(staff_calls.c.at, staff_calls.c.item_id)
                     .limit(limit)).all()
    return [dict(zip((*_FIELDS, "site"), r)) for r in rows]


def answered(c: Connection, limit: int = 20) -> list[dict]:
    """The newest acknowledged calls, newest acknowledgement first, each with its terminal's site."""
    rows = c.execute(select(*(staff_calls.c[f] for f in _FIELDS), terminals.c.site)
                     .select_from(staff_calls.outerjoin(terminals, terminals.c.id == staff_calls.c.terminal))
                     .where(staff_calls.c.acked_at.is_not(None))
                     .order_by(staff_calls.c.acked_at.desc(), staff_calls.c.item_id).limit(limit)).all()
    return [dict(zip((*_FIELDS, "site"), r)) for r in rows]


def recent(c: Connection, terminal: str, limit: int = 20) -> list[dict]:
    """A terminal's newest calls, open or answered, newest first."""
    rows = c.execute(select(*(staff_calls.c[f] for f in _FIELDS)).where(staff_calls.c.terminal == terminal)
                     .order_by(staff_calls.c.at.desc(), staff_calls.c.item_id.desc()).limit(limit)).all()
    return [dict(zip(_FIELDS, r)) for r in rows]


def call(c: Connection, item_id: str) -> dict | None:
    row = c.execute(select(*(staff_calls.c[f] for f in _FIELDS)).where(staff_calls.c.item_id == item_id)).first()
    return None if row is None else dict(zip(_FIELDS, row))


def acknowledge(c: Connection, item_id: str, actor: str, now: float) -> bool:
    """True when this acknowledgement closed the call; False when it was closed already (the first one counts)."""
    done = c.execute(update(staff_calls).where(and_(staff_calls.c.item_id == item_id, staff_calls.c.acked_at.is_(None)))
                     .values(acked_by=actor, acked_at=now))
    return done.rowcount == 1
