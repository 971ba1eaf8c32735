"""Central's SQLite storage: terminals, nonces, idempotency keys (kept forever), cases, blobs, ratings, certificates,
presence proofs issued and tracking-number lookups."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import sqlite3
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from central import migrate
from central.certificates import new_verify_code
from central.keys import ID_HASH_FILE, KEY_BYTES, TOKEN_FILE, CentralKeyError, CentralKeys, create_key, read_key
from protocol import tracking
from protocol.idhash import central_id_hash
from protocol.status import STATUSES, status_view

_SERVICE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")  # catalog codes such as ZJ-002
_SHA = re.compile(r"^[0-9a-f]{64}$")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS terminals(id TEXT PRIMARY KEY, secret TEXT NOT NULL, created_at REAL NOT NULL,
    last_seen REAL, last_heartbeat TEXT);
CREATE TABLE IF NOT EXISTS nonces(terminal TEXT NOT NULL, nonce TEXT NOT NULL, ts REAL NOT NULL,
    PRIMARY KEY(terminal, nonce));
CREATE TABLE IF NOT EXISTS items(id TEXT PRIMARY KEY, terminal TEXT NOT NULL, kind TEXT NOT NULL, seq INTEGER,
    result TEXT NOT NULL, received_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS cases(case_number TEXT PRIMARY KEY, item_id TEXT NOT NULL UNIQUE,
    tracking TEXT NOT NULL UNIQUE, terminal TEXT NOT NULL, service_code TEXT NOT NULL, id_hash TEXT,
    status TEXT NOT NULL, body TEXT NOT NULL, created_at REAL NOT NULL, updated_at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS cases_id_hash ON cases(id_hash);
CREATE TABLE IF NOT EXISTS history(case_number TEXT NOT NULL, status TEXT NOT NULL, at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS blobs(sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS ratings(item_id TEXT PRIMARY KEY, terminal TEXT NOT NULL, tracking TEXT,
    score INTEGER NOT NULL, comment TEXT, at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS events(item_id TEXT PRIMARY KEY, terminal TEXT NOT NULL, body TEXT NOT NULL, at REAL);
-- issued certificates, for verification: the body's hash, never the body (no second copy of the personal text)
CREATE TABLE IF NOT EXISTS certificates(number TEXT PRIMARY KEY, verify_code TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
    ref TEXT NOT NULL, id_hash TEXT NOT NULL, terminal TEXT NOT NULL, title TEXT NOT NULL, body_sha256 TEXT NOT NULL,
    holder TEXT NOT NULL, issuer TEXT NOT NULL, issued_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- the audit of presence proofs: who asked, for which (keyed) ID hash, when, on what grounds; never a name or number
CREATE TABLE IF NOT EXISTS presence(id TEXT PRIMARY KEY, terminal TEXT NOT NULL, id_hash TEXT NOT NULL,
    source TEXT NOT NULL, decision TEXT NOT NULL, distance REAL, threshold REAL, attempts INTEGER, liveness INTEGER,
    issued_at REAL NOT NULL, expires_at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS presence_terminal ON presence(terminal, issued_at);
-- tracking numbers a terminal looked up that were not its own, for the walking limit (pruned after an hour)
CREATE TABLE IF NOT EXISTS lookups(terminal TEXT NOT NULL, at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS lookups_terminal ON lookups(terminal, at);
"""



class CentralStore:
    """One connection, one lock: every batch is one transaction, so an answer is never sent before its commit."""

    def __init__(self, path: Path | str, clock: Callable[[], float] = time.time,
                 keys_dir: Path | str | None = None) -> None:
        """keys_dir: where the key files live (default: the database's folder). Raises CentralKeyError when the
        ID-hash key of a database that holds citizens' hashes is missing or another key."""
        self._clock = clock
        self._lock = threading.Lock()
        memory = str(path) == ":memory:"
        if not memory:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=30)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=FULL")
        self._conn.executescript(_SCHEMA)
        try:
            if memory and keys_dir is None:
                self.keys = CentralKeys(os.urandom(KEY_BYTES), os.urandom(KEY_BYTES))
            else:
                self.keys = self._open_keys(Path(keys_dir) if keys_dir is not None else Path(path).parent)
        except BaseException:
            self._conn.close()
            raise

    def _open_keys(self, folder: Path) -> CentralKeys:
        c = self._conn
        version = c.execute("PRAGMA user_version").fetchone()[0]
        if version > migrate.VERSION:
            raise CentralKeyError(f"database schema {version} is newer than this central ({migrate.VERSION})")
        has_data = c.execute("SELECT EXISTS(SELECT 1 FROM cases WHERE id_hash IS NOT NULL)"
                             " OR EXISTS(SELECT 1 FROM certificates) OR EXISTS(SELECT 1 FROM presence)").fetchone()[0]
        path = folder / ID_HASH_FILE
        key = read_key(path)
        if key is None:
            # a new key would orphan every citizen's records: only a database that names nobody gets one
            if has_data and version >= migrate.VERSION:
                raise CentralKeyError(f"ID-hash key {path} is missing but the database holds citizens' records: "
                                      "restore the key file (or give its folder with --keys-dir)")
            key = create_key(path)
        check = hmac.new(key, b"key-check", hashlib.sha256).hexdigest()[:16]
        stored = c.execute("SELECT value FROM meta WHERE key='id_hash_key_check'").fetchone()
        if stored is not None and stored[0] != check and has_data:
            raise CentralKeyError(f"ID-hash key {path} is not the key this database was written with")
        with self._tx() as tx:
            if version < migrate.VERSION:
                migrate.keyed_id_hashes(tx, key)
            tx.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('id_hash_key_check', ?)", (check,))
            tx.execute(f"PRAGMA user_version={migrate.VERSION}")
        token_path = folder / TOKEN_FILE
        return CentralKeys(id_hash=key, token=read_key(token_path) or create_key(token_path))

    def id_hash(self, id_number: str) -> str:
        return central_id_hash(self.keys.id_hash, id_number)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def _tx(self):
        store = self

        class _Tx:
            def __enter__(self):
                store._lock.acquire()
                store._conn.execute("BEGIN IMMEDIATE")
                return store._conn

            def __exit__(self, et, ev, tb):
                try:
                    store._conn.execute("COMMIT" if et is None else "ROLLBACK")
                finally:
                    store._lock.release()

        return _Tx()

    def _q(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    # -- terminals and nonces ------------------------------------------------------------------------------

    def add_terminal(self, terminal: str, secret: str) -> None:
        with self._tx() as c:
            c.execute("INSERT INTO terminals(id, secret, created_at) VALUES (?,?,?) ON CONFLICT(id) DO UPDATE"
                      " SET secret=excluded.secret", (terminal, secret, self._clock()))

    def secret_of(self, terminal: str) -> str | None:
        rows = self._q("SELECT secret FROM terminals WHERE id=?", (terminal,))
        return rows[0][0] if rows else None

    def use_nonce(self, terminal: str, nonce: str, window: float) -> bool:
        """False when this nonce was already seen inside the window (a replay)."""
        now = self._clock()
        with self._tx() as c:
            # older nonces can go: their timestamps are rejected as stale anyway
            c.execute("DELETE FROM nonces WHERE ts < ?", (now - 2 * window,))
            try:
                c.execute("INSERT INTO nonces(terminal, nonce, ts) VALUES (?,?,?)", (terminal, nonce, now))
            except sqlite3.IntegrityError:
                return False
            c.execute("UPDATE terminals SET last_seen=? WHERE id=?", (now, terminal))
        return True

    def terminals(self, terminal: str | None = None) -> list[dict]:
        """Every terminal (staff side), or only `terminal` (what a terminal may see of the fleet)."""
        rows = self._q("SELECT id, created_at, last_seen, last_heartbeat FROM terminals"
                       + (" WHERE id=?" if terminal is not None else "") + " ORDER BY id",
                       (terminal,) if terminal is not None else ())
        return [{"id": r[0], "created_at": r[1], "last_seen": r[2],
                 "last_heartbeat": json.loads(r[3]) if r[3] else None} for r in rows]

    def heartbeat(self, terminal: str, status: dict) -> None:
        with self._tx() as c:
            c.execute("UPDATE terminals SET last_heartbeat=? WHERE id=?",
                      (json.dumps(dict(status, received_at=self._clock())), terminal))

    # -- blobs ---------------------------------------------------------------------------------------------

    def has_blob(self, sha: str) -> int | None:
        rows = self._q("SELECT size FROM blobs WHERE sha256=?", (sha,))
        return rows[0][0] if rows else None

    def put_blob(self, sha: str, data: bytes) -> bool:
        """True when newly stored; the caller has checked the hash."""
        with self._tx() as c:
            return c.execute("INSERT OR IGNORE INTO blobs(sha256, size, data) VALUES (?,?,?)",
                             (sha, len(data), data)).rowcount == 1

    # -- batch ---------------------------------------------------------------------------------------------

    def accept_batch(self, terminal: str, items: list[dict]) -> list[dict]:
        """Per item: accepted (new), duplicate (same answer as the first time), rejected (reason)."""
        out = []
        now = self._clock()
        with self._tx() as c:
            for item in items:
                seen = c.execute("SELECT result FROM items WHERE id=?", (item["id"],)).fetchone()
                if seen:
                    first = json.loads(seen[0])
                    if first["result"] == "accepted":
                        first = dict(first, result="duplicate")
                    out.append(first)
                    continue
                result = self._apply(c, terminal, item, now)
                c.execute("INSERT INTO items(id, terminal, kind, seq, result, received_at) VALUES (?,?,?,?,?,?)",
                          (item["id"], terminal, item["kind"], item.get("seq"), json.dumps(result), now))
                out.append(result)
        return out

    def _apply(self, c: sqlite3.Connection, terminal: str, item: dict, now: float) -> dict:
        rid, kind, body = item["id"], item["kind"], item["body"]

        def rejected(reason: str) -> dict:
            return {"id": rid, "result": "rejected", "reason": reason}

        if kind == "submission":
            code = body.get("service_code")
            if not isinstance(code, str) or not _SERVICE.match(code):
                return rejected("unknown_service_code")
            try:
                number = tracking.parse(str(body.get("tracking", "")))
            except ValueError:
                return rejected("invalid_tracking_number")
            if number.terminal != terminal:
                return rejected("tracking_number_of_another_terminal")
            if c.execute("SELECT 1 FROM cases WHERE tracking=?", (str(number),)).fetchone():
                return rejected("tracking_number_already_used")
            shas = body.get("attachments") or []
            if not isinstance(shas, list) or not all(isinstance(s, str) and _SHA.match(s) for s in shas):
                return rejected("malformed_attachment_list")
            for sha in shas:
                if not c.execute("SELECT 1 FROM blobs WHERE sha256=?", (sha,)).fetchone():
                    return rejected("attachment_not_uploaded")
            applicant = body.get("applicant") if isinstance(body.get("applicant"), dict) else {}
            idno = str(applicant.get("id_number") or "")
            seq = c.execute("SELECT COUNT(*) FROM cases").fetchone()[0] + 1
            case_number = f"C{datetime.fromtimestamp(now):%Y%m%d}{seq:08d}"
            c.execute("INSERT INTO cases(case_number, item_id, tracking, terminal, service_code, id_hash, status,"
                      " body, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                      (case_number, rid, str(number), terminal, code, self.id_hash(idno) if idno else None,
                       "received", json.dumps(body, ensure_ascii=False), now, now))
            c.execute("INSERT INTO history(case_number, status, at) VALUES (?,?,?)", (case_number, "received", now))
            return {"id": rid, "result": "accepted", "case_number": case_number, **status_view("received")}
        if kind == "rating":
            score = body.get("score")
            if not isinstance(score, int) or isinstance(score, bool) or not 1 <= score <= 5:
                return rejected("score_out_of_range")
            comment = body.get("comment")
            c.execute("INSERT INTO ratings(item_id, terminal, tracking, score, comment, at) VALUES (?,?,?,?,?,?)",
                      (rid, terminal, str(body.get("tracking") or "") or None, score,
                       str(comment)[:500] if comment else None, now))
            return {"id": rid, "result": "accepted"}
        if kind == "event":
            c.execute("INSERT INTO events(item_id, terminal, body, at) VALUES (?,?,?,?)",
                      (rid, terminal, json.dumps(body, ensure_ascii=False), now))
            return {"id": rid, "result": "accepted"}
        return rejected("unknown_kind")

    # -- cases ---------------------------------------------------------------------------------------------

    _CASE = "case_number, tracking, terminal, service_code, status, created_at, updated_at"

    def _case_view(self, row: tuple) -> dict:
        d = dict(zip(("case_number", "tracking", "terminal", "service_code", "status", "created_at", "updated_at"),
                     row))
        d.update(status_view(d["status"]))
        d["history"] = [{"status": s, "at": at} for s, at in self._q(
            "SELECT status, at FROM history WHERE case_number=? ORDER BY rowid", (d["case_number"],))]
        return d

    def case(self, tracking_no: str) -> dict | None:
        rows = self._q(f"SELECT {self._CASE} FROM cases WHERE tracking=?", (tracking_no,))
        return self._case_view(rows[0]) if rows else None

    def cases_by_id_hash(self, id_hash: str) -> list[dict]:
        rows = self._q(f"SELECT {self._CASE} FROM cases WHERE id_hash=? ORDER BY created_at", (id_hash,))
        return [self._case_view(r) for r in rows]

    def set_status(self, tracking_no: str, status: str) -> dict | None:
        if status not in STATUSES:
            raise ValueError(status)
        now = self._clock()
        with self._tx() as c:
            row = c.execute("SELECT case_number FROM cases WHERE tracking=?", (tracking_no,)).fetchone()
            if row is None:
                return None
            c.execute("UPDATE cases SET status=?, updated_at=? WHERE case_number=?", (status, now, row[0]))
            c.execute("INSERT INTO history(case_number, status, at) VALUES (?,?,?)", (row[0], status, now))
        return self.case(tracking_no)

    def applicant_cases(self, id_hash: str) -> list[dict]:
        """The person's cases, oldest first, with what certificates need from the bodies (name, ID number)."""
        rows = self._q("SELECT case_number, tracking, service_code, status, body, created_at FROM cases"
                       " WHERE id_hash=? ORDER BY created_at, rowid", (id_hash,))
        out = []
        for case_number, tracking_no, code, status, body, created_at in rows:
            doc = json.loads(body)
            applicant = doc.get("applicant") if isinstance(doc.get("applicant"), dict) else {}
            applied = doc.get("created_at")
            # the kiosk's own time is when the citizen applied; central may have heard of it days later
            if not isinstance(applied, (int, float)) or isinstance(applied, bool) or not 0 < applied < 1e11:
                applied = created_at
            done = self._q("SELECT MAX(at) FROM history WHERE case_number=? AND status='completed'", (case_number,))
            out.append({"tracking": tracking_no, "service_code": code, "status": status, "applied_at": float(applied),
                        "completed_at": done[0][0], "name": str(applicant.get("name") or "").strip(),
                        "id_number": str(applicant.get("id_number") or "").strip().upper()})
        return out

    def add_certificate(self, *, kind: str, ref: str, id_hash: str, terminal: str, title: str, body_sha256: str,
                        holder: str, issuer: str) -> dict:
        """Numbers and stores one issued certificate: Z + local date + daily sequence, and a unique verify code."""
        now = self._clock()
        prefix = f"Z{datetime.fromtimestamp(now):%Y%m%d}"
        with self._tx() as c:
            last = c.execute("SELECT MAX(number) FROM certificates WHERE number LIKE ?", (prefix + "%",)).fetchone()[0]
            number = f"{prefix}{(int(last[len(prefix):]) if last else 0) + 1:06d}"
            for _ in range(8):  # 80 random bits: a clash is next to impossible, but cheap to survive
                code = new_verify_code()
                if not c.execute("SELECT 1 FROM certificates WHERE verify_code=?", (code,)).fetchone():
                    break
            else:
                raise RuntimeError("no free verify code")
            c.execute("INSERT INTO certificates(number, verify_code, kind, ref, id_hash, terminal, title, body_sha256,"
                      " holder, issuer, issued_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                      (number, code, kind, ref, id_hash, terminal, title, body_sha256, holder, issuer, now))
        return {"certificate_number": number, "verify_code": code, "issued_at": now}

    def certificate(self, verify_code: str) -> dict | None:
        rows = self._q("SELECT number, kind, title, holder, issuer, issued_at, body_sha256 FROM certificates"
                       " WHERE verify_code=?", (verify_code,))
        if not rows:
            return None
        return dict(zip(("certificate_number", "kind", "title", "holder", "issuer", "issued_at", "body_sha256"),
                        rows[0]))

    # -- presence proofs and lookups ----------------------------------------------------------------------

    def add_presence(self, *, proof_id: str, terminal: str, id_hash: str, source: str, check: dict, issued_at: float,
                     expires_at: float, per_hour: int) -> bool:
        """Records one issued proof; False (nothing recorded) when the terminal had `per_hour` in the last hour."""
        with self._tx() as c:
            recent = c.execute("SELECT COUNT(*) FROM presence WHERE terminal=? AND issued_at > ?",
                               (terminal, issued_at - 3600)).fetchone()[0]
            if recent >= per_hour:
                return False
            liveness = check.get("liveness_passed")
            c.execute("INSERT INTO presence(id, terminal, id_hash, source, decision, distance, threshold, attempts,"
                      " liveness, issued_at, expires_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                      (proof_id, terminal, id_hash, source, check["decision"], check.get("distance"),
                       check.get("threshold"), check.get("attempts"), None if liveness is None else int(liveness),
                       issued_at, expires_at))
        return True

    def note_lookup(self, terminal: str, now: float, per_hour: int) -> bool:
        """Counts one lookup of a tracking number that is not the terminal's own; False (not counted) once the
        terminal made `per_hour` of them in the last hour."""
        with self._tx() as c:
            c.execute("DELETE FROM lookups WHERE at <= ?", (now - 3600,))
            if c.execute("SELECT COUNT(*) FROM lookups WHERE terminal=?", (terminal,)).fetchone()[0] >= per_hour:
                return False
            c.execute("INSERT INTO lookups(terminal, at) VALUES (?,?)", (terminal, now))
        return True

    def counts(self) -> dict:
        return {t: self._q(f"SELECT COUNT(*) FROM {t}")[0][0] for t in ("cases", "items", "blobs", "ratings")}
