"""Each terminal of a site gets its own queue index (1..99): the terminal part of the numbers it gives while offline."""

from __future__ import annotations

from sqlalchemy import Connection, select, text, update

from central.schema import terminals

TOP = 99  # [terminal] queue_index on the kiosk: two digits on paper


def place(c: Connection, terminal: str) -> int | None:
    """Gives `terminal` the smallest index free at its site (in the caller's transaction), or keeps the one it has
    there; None without a site or when the site's 99 are taken. A unique index on (site, queue_index) makes a
    concurrent placement at the same site that slipped past the lock fail, and the caller's retry sees the winner's."""
    row = c.execute(select(terminals.c.site, terminals.c.queue_index).where(terminals.c.id == terminal)).first()
    if row is None or row.site is None:
        return None
    if row.queue_index is not None:
        return row.queue_index
    if c.dialect.name == "postgresql":
        # one placement per site at a time (until commit): terminals registered in parallel would otherwise all
        # pick the same smallest free index, one winning per round of retries (SQLite writes one at a time anyway)
        c.execute(text("SELECT pg_advisory_xact_lock(hashtext(:key))"), {"key": f"queue-index:{row.site}"})
    taken = set(c.execute(select(terminals.c.queue_index).where(
        terminals.c.site == row.site, terminals.c.queue_index.is_not(None))).scalars())
    free = next((i for i in range(1, TOP + 1) if i not in taken), None)
    if free is not None:
        c.execute(update(terminals).where(terminals.c.id == terminal).values(queue_index=free))
    return free
