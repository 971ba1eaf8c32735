"""Upgrades of a central database: the schema through Alembic (central/migrations), and rehashing the ID hashes an
unkeyed earlier version wrote, which needs central's key and so runs when the store opens."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from protocol.idhash import central_id_hash

ID_HASH_SCHEME = "1"  # meta 'id_hash_scheme': 1 = keyed under central's ID-hash key
_MIGRATIONS = Path(__file__).with_name("migrations")
# any constant will do: every central process that upgrades takes the same PostgreSQL advisory lock first
_PG_LOCK = 0x6B696F736B


def _config(conn: Connection) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    cfg.attributes["connection"] = conn
    return cfg


def head() -> str:
    return ScriptDirectory(str(_MIGRATIONS)).get_current_head()


def current(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> str:
    """Brings the schema to the newest revision in one transaction; several workers starting at once on
    PostgreSQL take turns (advisory lock), and the later ones find nothing to do. Returns the revision."""
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
        if MigrationContext.configure(conn).get_current_revision() != head():
            command.upgrade(_config(conn), "head")
    return head()


def _unkeyed_v1(id_number: str) -> str:
    """Version 0's ID hash: a bare SHA-256 that anyone could recompute from a region and a birth year."""
    return hashlib.sha256(b"hall-kiosk/id/v1:" + id_number.strip().upper().encode()).hexdigest()


def id_number_of(body: str) -> str:
    try:
        doc = json.loads(body)
    except ValueError:
        return ""
    applicant = doc.get("applicant") if isinstance(doc, dict) else None
    return str(applicant.get("id_number") or "").strip() if isinstance(applicant, dict) else ""


def keyed_id_hashes(c: Connection, key: bytes) -> int:
    """Recompute every case's ID hash under central's key from the ID number its (unsealed, pre-keyed-era) body
    holds; certificates follow the hash of the cases they were issued from. Returns how many cases were rehashed.
    Runs inside the caller's transaction."""
    renamed: dict[str, str] = {}
    rows = c.execute(text("SELECT case_number, body FROM cases")).all()
    for case_number, body in rows:
        number = id_number_of(body)
        keyed = central_id_hash(key, number) if number else None
        if number:
            renamed[_unkeyed_v1(number)] = keyed
        c.execute(text("UPDATE cases SET id_hash=:h WHERE case_number=:n"), {"h": keyed, "n": case_number})
    for unkeyed, keyed in renamed.items():
        c.execute(text("UPDATE certificates SET id_hash=:k WHERE id_hash=:u"), {"k": keyed, "u": unkeyed})
    # an unkeyed hash no case explains would stay reversible: it names nobody any more
    c.execute(text("UPDATE certificates SET id_hash='' WHERE id_hash NOT IN"
                   " (SELECT id_hash FROM cases WHERE id_hash IS NOT NULL)"))
    return len(rows)
