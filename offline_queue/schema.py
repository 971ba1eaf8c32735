"""Queue database schema and its migrations (sqlite-utils), versioned with PRAGMA user_version."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable

import sqlite_utils

from offline_queue.errors import QueueError
from offline_queue.ids import new_id


def _v1(db: sqlite_utils.Database) -> None:
    db["meta"].create({"key": str, "value": str}, pk="key", if_not_exists=True)
    db["records"].create(
        {
            # seq is the rowid: the per-terminal sequence and upload order; records are never deleted (only
            # their payload), so MAX(seq)+1 never reissues a number
            "seq": int,
            "id": str,  # ULID, the idempotency key at central
            "kind": str,  # submission | rating | event
            "tracking": str,  # 受理编号 (submissions only); not personal
            "service_code": str,
            "created_at": float,
            "state": str,  # pending | sending | acknowledged | rejected | purged
            "attempts": int,
            "last_error": str,
            "next_attempt_at": float,
            "acked_at": float,
            "case_number": str,
            "central_status": str,
            "reject_reason": str,
            "purged_at": float,
            "id_hash": str,  # keyed hash of the applicant's ID number, for local progress queries (raw bytes since v2;
            # store.local_id_hash, or store.legacy_local_id_hash in records written by earlier versions)
            "blobs": str,  # JSON list of attachment sha256
            "payload": bytes,  # encrypted body (offline_queue/payload.py); NULL once purged
        },
        pk="seq",
        not_null={"id", "kind", "state", "created_at"},
        defaults={"attempts": 0, "next_attempt_at": 0.0, "blobs": "[]"},
        if_not_exists=True,
    )
    db["blobs"].create(
        {"sha256": str, "size": int, "uploaded": int, "data": bytes},  # data is encrypted
        pk="sha256",
        defaults={"uploaded": 0},
        if_not_exists=True,
    )
    # no secondary indexes at all: each one costs every durable enqueue another page in its WAL commit.
    # Records are reached by seq (the rowid; tracking numbers embed it); the store keeps a low-water mark
    # below which nothing is open, so claims are short rowid range scans.


def _v2(db: sqlite_utils.Database) -> None:
    # id_hash as 32 raw bytes instead of 64 hex characters: written on every enqueue, so half the size counts.
    # A BLOB is stored as such whatever the column's declared type, so no table rebuild is needed.
    db.conn.create_function("kiosk_unhex", 1, _unhex, deterministic=True)
    db.conn.execute("UPDATE records SET id_hash = kiosk_unhex(id_hash) WHERE typeof(id_hash) = 'text'")


def _unhex(value: str) -> bytes | str:
    try:
        return bytes.fromhex(value)
    except ValueError:  # not ours to judge: left as it was (it only ever served local lookups)
        return value


def _v3(db: sqlite_utils.Database) -> None:
    # the queue's identity (offline_queue/identity.py): the key's mark names it, so a database that is not
    # this queue's is refused instead of being taken for a new, empty one
    db.conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('queue_id', ?)", (new_id(),))
    columns = {c.name for c in db["records"].columns}
    # when a record was last claimed: one left 'sending' for long means a hung worker (status 'degraded')
    if "claimed_at" not in columns:
        db.conn.execute("ALTER TABLE records ADD COLUMN claimed_at FLOAT")
    # when it went to quarantine: its personal part is kept for staff only for the rejected retention
    if "rejected_at" not in columns:
        db.conn.execute("ALTER TABLE records ADD COLUMN rejected_at FLOAT")
    # records already in quarantine get the full retention from the upgrade on
    db.conn.execute("UPDATE records SET rejected_at=? WHERE state='rejected' AND rejected_at IS NULL", (time.time(),))


def _v4(db: sqlite_utils.Database) -> None:
    # staff mode's audit log: who (PIN slot), what, when; never citizen data. Each entry also goes to central as
    # an event record written in the same commit (record_seq names it: records has no index but its rowid)
    db.conn.execute("CREATE TABLE IF NOT EXISTS audit(seq INTEGER PRIMARY KEY, at REAL NOT NULL, actor TEXT NOT NULL,"
                    " action TEXT NOT NULL, details TEXT NOT NULL DEFAULT '{}',"
                    " record_seq INTEGER)")


# append only; each step must be safe to re-run (a crash may land between a step and the version bump)
MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [_v1, _v2, _v3, _v4]
VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema to VERSION; returns the version found before. Refuses a newer schema."""
    db = sqlite_utils.Database(conn)
    found = conn.execute("PRAGMA user_version").fetchone()[0]
    if found > VERSION:
        raise QueueError(f"queue database schema {found} is newer than this software ({VERSION})")
    for number in range(found + 1, VERSION + 1):
        MIGRATIONS[number - 1](db)
        conn.execute(f"PRAGMA user_version = {number}")
    return found
