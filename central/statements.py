"""The statements every terminal request runs, built once with bound parameters: building and keying a statement
per call cost more CPU than running it."""

from __future__ import annotations

from sqlalchemy import Connection, and_, bindparam, delete, func, insert, select, text, update
from sqlalchemy.dialects import postgresql, sqlite

from central.schema import (blobs, cases, counters, heartbeats, history, items, lookups, nonces, terminal_status,
                            terminals)

SECRET = select(terminals.c.secret).where(terminals.c.id == bindparam("terminal"))
SEEN = (update(terminals).where(terminals.c.id == bindparam("terminal")).values(last_seen=bindparam("now"))
        .returning(terminals.c.secret))
# RETURNING tells a new row from a replay on every driver
NEW_NONCE = sqlite.insert(nonces).on_conflict_do_nothing().returning(nonces.c.terminal)
# PostgreSQL spends the nonce, marks the terminal seen and reads its secret in one statement (one round trip, not
# two); SQLite, in process, has no data-changing WITH and runs NEW_NONCE then SEEN
SPEND_NONCE = {"sqlite": None, "postgresql": text(
    "WITH spent AS (INSERT INTO nonces (terminal, nonce, ts) VALUES (:terminal, :nonce, :ts)"
    " ON CONFLICT DO NOTHING RETURNING terminal),"
    " seen AS (UPDATE terminals SET last_seen = :ts WHERE id IN (SELECT terminal FROM spent) RETURNING secret)"
    " SELECT terminal, (SELECT secret FROM seen) FROM spent")}
PRUNE_NONCES = delete(nonces).where(nonces.c.ts < bindparam("before"))

LAST_BEAT = update(terminals).where(terminals.c.id == bindparam("terminal")).values(last_heartbeat=bindparam("body"))
ADD_BEAT = insert(heartbeats)
# the newest beat past the kept ones and all before it: one range of the (terminal, id) index, not a NOT IN
_FIRST_DROPPED = (select(heartbeats.c.id).where(heartbeats.c.terminal == bindparam("terminal"))
                  .order_by(heartbeats.c.id.desc()).offset(bindparam("kept")).limit(1).scalar_subquery())
TRIM_BEATS = delete(heartbeats).where(and_(heartbeats.c.terminal == bindparam("terminal"),
                                           heartbeats.c.id <= _FIRST_DROPPED))

# the beats the flags are computed from, newest first (the caller keeps at most fleet_records.BEATS_KEPT)
RECENT_BEATS = (select(heartbeats.c.body).where(heartbeats.c.terminal == bindparam("terminal"))
                .order_by(heartbeats.c.id.desc()).limit(bindparam("kept")))
_STATUS = ("beat_at", "codes", "flags", "severe", "count", "software")


def _status_upsert(dialect):
    stmt = dialect.insert(terminal_status).values(terminal=bindparam("terminal"),
                                                  **{f: bindparam(f) for f in _STATUS})
    return stmt.on_conflict_do_update(index_elements=["terminal"], set_={f: stmt.excluded[f] for f in _STATUS})


SET_STATUS = {name: _status_upsert(dialect) for name, dialect in (("postgresql", postgresql), ("sqlite", sqlite))}

CASE_FIELDS = ("case_number", "tracking", "terminal", "service_code", "status", "created_at", "updated_at")
CASE_BY_TRACKING = select(*(cases.c[f] for f in CASE_FIELDS)).where(cases.c.tracking == bindparam("tracking"))
HISTORY_OF = (select(history.c.case_number, history.c.status, history.c.at, history.c.reason)
              .where(history.c.case_number.in_(bindparam("numbers", expanding=True))).order_by(history.c.id))

LOCK_TERMINAL = select(terminals.c.id).where(terminals.c.id == bindparam("terminal")).with_for_update()
FORGET_LOOKUPS = delete(lookups).where(lookups.c.at <= bindparam("before"))
COUNT_LOOKUPS = select(func.count()).select_from(lookups).where(lookups.c.terminal == bindparam("terminal"))
ADD_LOOKUP = insert(lookups)

SEEN_ITEMS = select(items.c.id, items.c.result).where(items.c.id.in_(bindparam("ids", expanding=True)))
TRACKINGS_USED = select(cases.c.tracking).where(cases.c.tracking.in_(bindparam("trackings", expanding=True)))
BLOBS_HELD = select(func.count()).select_from(blobs).where(blobs.c.sha256.in_(bindparam("shas", expanding=True)))
# a counter advanced in the caller's transaction; its row stays locked until commit
TAKE = {name: dialect.insert(counters).values(name=bindparam("name"), value=bindparam("n"))
        .on_conflict_do_update(index_elements=["name"], set_={"value": counters.c.value + bindparam("n")})
        .returning(counters.c.value) for name, dialect in (("postgresql", postgresql), ("sqlite", sqlite))}
ADD_CASES, ADD_HISTORY, ADD_ITEMS = insert(cases), insert(history), insert(items)


def dialect_insert(c: Connection, table):
    return (postgresql.insert if c.dialect.name == "postgresql" else sqlite.insert)(table)


def upsert(c: Connection, table, values: dict, keys: list[str], changes: dict) -> None:
    c.execute(dialect_insert(c, table).values(**values).on_conflict_do_update(index_elements=keys, set_=changes))
