"""The staff audit trail: who did what to which target, when. Append-only (the database refuses UPDATE and DELETE,
migration 0005) and chained: each entry's MAC, under a key derived from central's data key, covers the entry and the
MAC before it, so a row changed or removed behind the database's back shows as a break in the chain."""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass

from sqlalchemy import Connection, and_, func, insert, select, text, true

from central.console.anchor import Head, appended
from central.schema import staff_audit

_FIELDS = ("id", "at", "actor", "role", "action", "target", "detail", "mac")
_PG_LOCK = 0x6B696F6175  # one appender at a time on PostgreSQL (SQLite's write lock already serialises)
_GENESIS = "0" * 64


def chain_key(data_key: bytes) -> bytes:
    return hmac.new(data_key, b"staff-audit-chain/v1", hashlib.sha256).digest()


def _mac(key: bytes, prev: str, entry: dict) -> str:
    body = json.dumps([prev, entry["id"], entry["at"], entry["actor"], entry["role"], entry["action"],
                       entry["target"], entry["detail"]], ensure_ascii=False, separators=(",", ":"))
    return hmac.new(key, body.encode(), hashlib.sha256).hexdigest()


def _detail(detail: dict) -> str:
    """Short facts only: scalars, strings cut to 200 characters (a reason a citizen will read fits)."""
    clean = {}
    for name, value in detail.items():
        if not (value is None or isinstance(value, (bool, int, float))):
            value = str(value)[:200]
        clean[str(name)[:40]] = value
    return json.dumps(clean, ensure_ascii=False, sort_keys=True)


def append(c: Connection, key: bytes, *, at: float, actor: str, role: str, action: str, target: str = "",
           detail: dict | None = None) -> int:
    """Adds one entry inside the caller's transaction (so it commits, or not, with the action it records)."""
    if c.dialect.name == "postgresql":
        c.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
    last = c.execute(select(staff_audit.c.id, staff_audit.c.mac).order_by(staff_audit.c.id.desc()).limit(1)).first()
    entry = {"id": (last[0] + 1) if last else 1, "at": float(at), "actor": actor[:64], "role": role[:32],
             "action": action[:64], "target": target[:160], "detail": _detail(detail or {})}
    entry["mac"] = _mac(key, last[1] if last else _GENESIS, entry)
    c.execute(insert(staff_audit).values(**entry))
    appended(c, entry["id"], entry["mac"])
    return entry["id"]


def entries(c: Connection, *, actor: str = "", action: str = "", target: str = "", before: int | None = None,
            limit: int = 100) -> list[dict]:
    """Newest first; actor and target match exactly, action by prefix (`call.` finds every call action)."""
    where = []
    if actor:
        where.append(staff_audit.c.actor == actor)
    if action:
        where.append(staff_audit.c.action.startswith(action, autoescape=True))
    if target:
        where.append(staff_audit.c.target == target)
    if before is not None:
        where.append(staff_audit.c.id < before)
    rows = c.execute(select(*(staff_audit.c[f] for f in _FIELDS)).where(and_(true(), *where))
                     .order_by(staff_audit.c.id.desc()).limit(limit)).all()
    return [dict(zip(_FIELDS, r), detail=json.loads(r[6])) for r in rows]


@dataclass(frozen=True)
class ChainCheck:
    entries: int
    broken_at: int | None  # the first entry whose MAC or number does not follow; None: the chain holds
    head: Head | None = None  # the last entry that checked out (None: none did)

    @property
    def intact(self) -> bool:
        return self.broken_at is None


def verify(c: Connection, key: bytes, batch: int = 2000) -> ChainCheck:
    """Walks the whole trail in order, recomputing every MAC."""
    prev, expected, count = _GENESIS, 1, 0
    while True:
        rows = c.execute(select(*(staff_audit.c[f] for f in _FIELDS)).where(staff_audit.c.id >= expected)
                         .order_by(staff_audit.c.id).limit(batch)).all()
        for row in rows:
            entry = dict(zip(_FIELDS, row))
            if entry["id"] != expected or not hmac.compare_digest(_mac(key, prev, entry), entry["mac"]):
                return ChainCheck(count, expected, Head(count, prev) if count else None)
            prev, expected, count = entry["mac"], expected + 1, count + 1
        if len(rows) < batch:
            total = c.execute(select(func.count()).select_from(staff_audit)).scalar()
            return ChainCheck(count, None if total == count else expected, Head(count, prev) if count else None)
