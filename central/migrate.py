"""Upgrades of a central database written by an earlier version (PRAGMA user_version 0 -> 1)."""

from __future__ import annotations

import hashlib
import json
import sqlite3

from protocol.idhash import central_id_hash

VERSION = 1


def _unkeyed_v1(id_number: str) -> str:
    """Version 0's ID hash: a bare SHA-256 that anyone could recompute from a region and a birth year."""
    return hashlib.sha256(b"hall-kiosk/id/v1:" + id_number.strip().upper().encode()).hexdigest()


def _id_number(body: str) -> str:
    try:
        doc = json.loads(body)
    except ValueError:
        return ""
    applicant = doc.get("applicant") if isinstance(doc, dict) else None
    return str(applicant.get("id_number") or "").strip() if isinstance(applicant, dict) else ""


def keyed_id_hashes(c: sqlite3.Connection, key: bytes) -> int:
    """Recompute every case's ID hash under central's key from the ID number its body holds; certificates follow
    the hash of the cases they were issued from. Returns how many cases were rehashed. Runs inside the caller's
    transaction."""
    renamed: dict[str, str] = {}
    rows = c.execute("SELECT case_number, body FROM cases").fetchall()
    for case_number, body in rows:
        number = _id_number(body)
        keyed = central_id_hash(key, number) if number else None
        if number:
            renamed[_unkeyed_v1(number)] = keyed
        c.execute("UPDATE cases SET id_hash=? WHERE case_number=?", (keyed, case_number))
    for unkeyed, keyed in renamed.items():
        c.execute("UPDATE certificates SET id_hash=? WHERE id_hash=?", (keyed, unkeyed))
    # an unkeyed hash no case explains would stay reversible: it names nobody any more
    c.execute("UPDATE certificates SET id_hash='' WHERE id_hash NOT IN"
              " (SELECT id_hash FROM cases WHERE id_hash IS NOT NULL)")
    return len(rows)
