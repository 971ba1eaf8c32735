"""A central database as the version before keyed ID hashes left it, for migration tests."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date

from protocol import tracking
from tests.helpers.central import TERMINAL


def bare_sha256(id_number: str) -> str:
    """The unkeyed ID hash of that version: anyone could compute it from an ID number."""
    return hashlib.sha256(b"hall-kiosk/id/v1:" + id_number.strip().upper().encode()).hexdigest()


# what the previous version wrote: these tables, user_version 0, and id_hash = sha256("hall-kiosk/id/v1:" + number)
LEGACY = """
CREATE TABLE cases(case_number TEXT PRIMARY KEY, item_id TEXT NOT NULL UNIQUE,
    tracking TEXT NOT NULL UNIQUE, terminal TEXT NOT NULL, service_code TEXT NOT NULL, id_hash TEXT,
    status TEXT NOT NULL, body TEXT NOT NULL, created_at REAL NOT NULL, updated_at REAL NOT NULL);
CREATE INDEX cases_id_hash ON cases(id_hash);
CREATE TABLE history(case_number TEXT NOT NULL, status TEXT NOT NULL, at REAL NOT NULL);
CREATE TABLE certificates(number TEXT PRIMARY KEY, verify_code TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
    ref TEXT NOT NULL, id_hash TEXT NOT NULL, terminal TEXT NOT NULL, title TEXT NOT NULL, body_sha256 TEXT NOT NULL,
    holder TEXT NOT NULL, issuer TEXT NOT NULL, issued_at REAL NOT NULL);
"""


def write_legacy_database(db, people: list[dict]) -> list[str]:
    """A central database as the unkeyed version left it: one case per person (and one without any applicant),
    a certificate for the first person and one whose case is gone."""
    conn = sqlite3.connect(db)
    conn.executescript(LEGACY)
    numbers = []
    for seq, person in enumerate(people + [None], start=1):
        number = tracking.issue(TERMINAL, date(2025, 12, 1), seq)
        body = {"tracking": number, "service_code": "JZ-001", "attachments": [], "created_at": 1764547200.0}
        if person is not None:
            body["applicant"] = person
        conn.execute("INSERT INTO cases VALUES (?,?,?,?,?,?,?,?,?,?)",
                     (f"C20251201{seq:08d}", f"R{seq}", number, TERMINAL, "JZ-001",
                      bare_sha256(person["id_number"]) if person else None, "completed",
                      json.dumps(body, ensure_ascii=False), 1764547200.0, 1764547200.0))
        conn.execute("INSERT INTO history VALUES (?,?,?)", (f"C20251201{seq:08d}", "received", 1764547200.0))
        numbers.append(number)
    for n, hashed in enumerate((bare_sha256(people[0]["id_number"]), bare_sha256("gone")), start=1):
        conn.execute("INSERT INTO certificates VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                     (f"Z20251201{n:06d}", f"CODE{n:06d}", "case_record", "", hashed, TERMINAL, "办件记录证明",
                      "0" * 64, "测*", "示范中心", 1764547200.0))
    conn.commit()
    conn.close()
    return numbers
