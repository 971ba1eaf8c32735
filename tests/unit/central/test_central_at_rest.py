"""What central keeps on disk: attachments as sealed owner-only files outside the database, sealed case bodies and
terminal secrets, owner-only files, and a database of the version before (blobs inside, no counters) brought along."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import stat
from datetime import date

import pytest
from sqlalchemy import Engine, event, text

from central.keys import DATA_FILE, CentralKeyError
from central.storage import CentralStore
from protocol import tracking
from tests.helpers.central import TERMINAL, invented_applicant

SCAN = b"%PDF-1.4 invented scan of a household register page"


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _submission(seq: int, attachments=(), person=None) -> dict:
    number = tracking.issue(TERMINAL, date(2026, 4, 1), seq)
    return {"id": f"R{seq}", "seq": seq, "kind": "submission",
            "body": {"tracking": number, "service_code": "JZ-001", "applicant": person or invented_applicant(seq),
                     "attachments": list(attachments)}}


@pytest.fixture
def store(central_db):
    s = CentralStore(central_db.target, keys_dir=central_db.keys_dir)
    yield s
    s.close()


def test_an_attachment_is_a_sealed_owner_only_file_and_put_is_idempotent(store, central_db):
    sha = hashlib.sha256(SCAN).hexdigest()
    assert store.put_blob(sha, SCAN) is True and store.put_blob(sha, SCAN) is False
    path = central_db.keys_dir / "blobs" / sha[:2] / sha
    assert _mode(path) == 0o600 and _mode(path.parent) == 0o700 and _mode(central_db.keys_dir / "blobs") == 0o700
    assert SCAN not in path.read_bytes() and store.blob(sha) == SCAN
    assert store.has_blob(sha) == len(SCAN)
    assert not list(path.parent.glob(".*.tmp"))  # written whole, nothing left half-way
    # the database knows that central has it, never the bytes
    assert store._q("SELECT * FROM blobs") == [(sha, len(SCAN))]
    assert store.accept_batch(TERMINAL, [_submission(1, [sha])])[0]["result"] == "accepted"


def test_case_bodies_and_terminal_secrets_are_sealed_in_the_database(store):
    person = invented_applicant(5)
    store.add_terminal(TERMINAL, "s" * 64)
    store.accept_batch(TERMINAL, [_submission(1, person=person)])
    dump = json.dumps(store._q("SELECT * FROM cases") + store._q("SELECT * FROM terminals"), ensure_ascii=False)
    assert person["name"] not in dump and person["id_number"] not in dump and "s" * 64 not in dump
    assert store.secret_of(TERMINAL) == "s" * 64
    assert store.case_body(tracking.issue(TERMINAL, date(2026, 4, 1), 1))["applicant"] == person


def test_a_sealed_row_moved_to_another_terminal_opens_for_nobody(store):
    store.add_terminal(TERMINAL, "s" * 64)
    store.add_terminal("SIM-0002", "t" * 64)
    with store.engine.begin() as c:
        c.exec_driver_sql("UPDATE terminals SET secret=(SELECT secret FROM terminals WHERE id='SIM-0001')"
                          " WHERE id='SIM-0002'")
    assert store.secret_of("SIM-0002") is None


def test_files_are_owner_only_and_the_data_key_cannot_go_missing(tmp_path):
    db = tmp_path / "central.sqlite3"
    store = CentralStore(db)
    store.accept_batch(TERMINAL, [_submission(1)])
    store.close()
    assert _mode(db) == 0o600 and _mode(tmp_path / DATA_FILE) == 0o600
    (tmp_path / DATA_FILE).unlink()
    with pytest.raises(CentralKeyError, match="data key"):
        CentralStore(db)
    assert not (tmp_path / DATA_FILE).exists()  # never silently a new key


# the tables as the version before Alembic made them (attachments inside, history and lookups without keys)
_BEFORE = """
CREATE TABLE terminals(id TEXT PRIMARY KEY, secret TEXT NOT NULL, created_at REAL NOT NULL, last_seen REAL,
    last_heartbeat TEXT);
CREATE TABLE cases(case_number TEXT PRIMARY KEY, item_id TEXT NOT NULL UNIQUE, tracking TEXT NOT NULL UNIQUE,
    terminal TEXT NOT NULL, service_code TEXT NOT NULL, id_hash TEXT, status TEXT NOT NULL, body TEXT NOT NULL,
    created_at REAL NOT NULL, updated_at REAL NOT NULL);
CREATE INDEX cases_id_hash ON cases(id_hash);
CREATE TABLE history(case_number TEXT NOT NULL, status TEXT NOT NULL, at REAL NOT NULL);
CREATE TABLE blobs(sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, data BLOB NOT NULL);
CREATE TABLE lookups(terminal TEXT NOT NULL, at REAL NOT NULL);
PRAGMA user_version=1;
"""


def test_a_database_of_the_version_before_is_brought_along(tmp_path):
    db = tmp_path / "central.sqlite3"
    sha = hashlib.sha256(SCAN).hexdigest()
    person = invented_applicant(8)
    number = tracking.issue(TERMINAL, date(2026, 4, 1), 1)
    conn = sqlite3.connect(db)
    conn.executescript(_BEFORE)
    conn.execute("INSERT INTO terminals VALUES (?,?,?,NULL,NULL)", (TERMINAL, "s" * 64, 1.0))
    conn.execute("INSERT INTO cases VALUES ('C2026040100000001','R1',?,?,'JZ-001',NULL,'completed',?,1.0,1.0)",
                 (number, TERMINAL, json.dumps({"tracking": number, "applicant": person}, ensure_ascii=False)))
    conn.executemany("INSERT INTO history VALUES ('C2026040100000001',?,?)",
                     [("received", 5.0), ("reviewing", 5.0), ("completed", 5.0)])
    conn.execute("INSERT INTO blobs VALUES (?,?,?)", (sha, len(SCAN), SCAN))
    conn.commit()
    conn.close()
    store = CentralStore(db)
    try:
        assert store.blob(sha) == SCAN and store.has_blob(sha) == len(SCAN)
        assert store.secret_of(TERMINAL) == "s" * 64
        assert [h["status"] for h in store.case(number)["history"]] == ["received", "reviewing", "completed"]
        second = store.accept_batch(TERMINAL, [_submission(2)])[0]
        assert second["case_number"].endswith("00000002")  # the numbering goes on after the existing case
    finally:
        store.close()
    raw = sqlite3.connect(db)
    tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    raw.close()
    assert "blobs_v0" not in tables
    # nothing of the moved or sealed data is left in free pages of the file
    content = db.read_bytes()
    assert SCAN not in content and person["name"].encode() not in content and b"s" * 64 not in content


def test_a_start_does_not_read_every_case_body_once_old_rows_were_sealed(central_db):
    """Sealing the rows of the version before is a one-time step: a later start (every worker, every `kiosk central`
    command) must not scan the case bodies, or start-up grows with the data."""
    first = CentralStore(central_db.target, keys_dir=central_db.keys_dir)
    try:
        first.add_terminal(TERMINAL, "s" * 64)
        first.accept_batch(TERMINAL, [_submission(n) for n in range(1, 4)])
    finally:
        first.close()
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_args) -> None:
        statements.append(" ".join(statement.lower().split()))

    event.listen(Engine, "before_cursor_execute", seen)
    try:
        again = CentralStore(central_db.target, keys_dir=central_db.keys_dir)
    finally:
        event.remove(Engine, "before_cursor_execute", seen)
    try:
        assert again.secret_of(TERMINAL) == "s" * 64
        assert again.case_body(tracking.issue(TERMINAL, date(2026, 4, 1), 2))["service_code"] == "JZ-001"
    finally:
        again.close()
    assert statements, "the listener saw the start-up's statements"
    scans = [s for s in statements if "cases.body" in s or "terminals.secret" in s]
    assert scans == []


def test_a_plain_case_body_is_skipped_with_a_logged_code_not_failing_the_whole_list(store, caplog):
    """A worker of the version before sealing may still write a plain body after the one-time scan ran (a rolling
    upgrade that did not stop every worker): the citizen's other cases must still be listed."""
    person = invented_applicant(7)
    store.add_terminal(TERMINAL, "s" * 64)
    store.accept_batch(TERMINAL, [_submission(n, person=person) for n in range(1, 4)])
    plain = json.dumps(_submission(2, person=person)["body"], ensure_ascii=False)
    second = tracking.issue(TERMINAL, date(2026, 4, 1), 2)
    (number,) = store._q("SELECT case_number FROM cases WHERE tracking=?", (second,))[0]
    with store.engine.begin() as c:
        c.execute(text("UPDATE cases SET body=:body WHERE tracking=:tracking"), {"body": plain, "tracking": second})
    (id_hash,) = {row[0] for row in store._q("SELECT id_hash FROM cases")}
    with caplog.at_level("WARNING", logger="central.storage"):
        listed = store.applicant_cases(id_hash)
    assert [c["tracking"] for c in listed] == [tracking.issue(TERMINAL, date(2026, 4, 1), n) for n in (1, 3)]
    assert [r.getMessage() for r in caplog.records] == [f"case_body_unsealable case_number={number}"]
    assert person["name"] not in caplog.text and person["id_number"] not in caplog.text
