"""The statements every terminal request runs, built once with bound parameters: building and keying a statement
per call cost more CPU than running it."""

from __future__ import annotations

from sqlalchemy import and_, bindparam, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from central.schema import blobs, cases, counters, heartbeats, history, items, lookups, nonces, terminals

SECRET = select(terminals.c.secret).where(terminals.c.id == bindparam("terminal"))
SEEN = update(terminals).where(terminals.c.id == bindparam("terminal")).values(last_seen=bindparam("now"))
# ON CONFLICT DO NOTHING is dialect-specific; RETURNING tells a new row from a replay on every driver
NEW_NONCE = {name: dialect.insert(nonces).on_conflict_do_nothing().returning(nonces.c.terminal)
             for name, dialect in (("postgresql", postgresql), ("sqlite", sqlite))}
PRUNE_NONCES = delete(nonces).where(nonces.c.ts < bindparam("before"))

LAST_BEAT = update(terminals).where(terminals.c.id == bindparam("terminal")).values(last_heartbeat=bindparam("body"))
ADD_BEAT = insert(heartbeats)
# the newest beat past the kept ones and all before it: one range of the (terminal, id) index, not a NOT IN
_FIRST_DROPPED = (select(heartbeats.c.id).where(heartbeats.c.terminal == bindparam("terminal"))
                  .order_by(heartbeats.c.id.desc()).offset(bindparam("kept")).limit(1).scalar_subquery())
TRIM_BEATS = delete(heartbeats).where(and_(heartbeats.c.terminal == bindparam("terminal"),
                                           heartbeats.c.id <= _FIRST_DROPPED))

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
