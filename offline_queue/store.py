"""The durable queue: enqueue (with the tracking number, one commit), claim, settle, retry, purge, query."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import math
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from datetime import time as day_time
from pathlib import Path

from offline_queue import identity, schema
from protocol import tracking
from offline_queue.crypto import CryptoSuite, load_key, make_suite
from offline_queue.errors import (CorruptDatabaseError, CorruptRecordError, DiskFullError, KeyMissingError,
                                  QueueError)
from offline_queue.ids import new_id
from offline_queue.local_records import LocalRecords
from offline_queue.payload import pack, unpack
from offline_queue.records import Claimed, CorruptRecord, Enqueued, Outcome

_INSERT = ("INSERT INTO records(id, seq, kind, tracking, service_code, created_at, state, id_hash, blobs, payload)"
           " VALUES (?,?,?,?,?,?,'pending',?,?,?)")
KINDS = ("submission", "rating", "event")
# the key's mark (offline_queue/identity.py) is brought up to date every this many records, on open and on
# close: two fsyncs per thousand enqueues, where every enqueue costs one
MARK_EVERY = 1000
CORRUPT_EVENT = "queue.record_corrupt"
AUDIT_EVENT = "staff.audit"
_new_tuple = tuple.__new__  # a NamedTuple built without its Python-level __new__ (once per enqueue)


def local_id_hash(key: bytes, id_number: str) -> bytes:
    """Keyed, so the local database holds nothing a dictionary of ID numbers could reverse; stored as the
    32 raw bytes (half the size of hex, on every record). Keyed BLAKE2b (a MAC by design, one call where HMAC
    is four) under a key of its own derived from the queue key: it runs in every enqueue."""
    return hashlib.blake2b(_normal_id(id_number), digest_size=32, key=id_lookup_key(key)).digest()


def legacy_local_id_hash(key: bytes, id_number: str) -> bytes:
    """What records written by earlier versions of the queue hold (HMAC-SHA256 under the queue key): lookups try
    both. Such a record still holds its personal part (a purge clears the hash with it), so a migration could
    rehash them, but it would need the key and to decrypt every held record at open; they leave by themselves
    as they are purged after their retention, and a lookup is rare enough to pay the second hash."""
    return hmac.new(key, b"id-lookup:" + _normal_id(id_number), hashlib.sha256).digest()


def id_lookup_key(key: bytes) -> bytes:
    """The ID hash's own key (HMAC-SHA256 of the queue key and a label no other derivation uses). Changing the
    label or the construction makes every held record unfindable by card: a known-answer test pins both."""
    return hmac.new(key, b"id-lookup-blake2b", hashlib.sha256).digest()


def _normal_id(id_number: str) -> bytes:
    return id_number.strip().upper().encode()


def _raise_translated(what: str, exc: sqlite3.DatabaseError) -> None:
    """sqlite3 errors -> our errors, with the operation named for the technician."""
    text = str(exc)
    if isinstance(exc, sqlite3.OperationalError):
        if "full" in text:
            raise DiskFullError(f"{what}: {text}") from exc
        raise QueueError(f"{what}: {text}") from exc
    raise CorruptDatabaseError(f"{what}: {text}") from exc


@contextlib.contextmanager
def _translated(what: str) -> Iterator[None]:
    try:
        yield
    except sqlite3.DatabaseError as exc:
        _raise_translated(what, exc)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT under the store's lock, sqlite3 errors translated (a class: this is the hot path)."""

    __slots__ = ("store", "what")

    def __init__(self, store: "QueueStore", what: str) -> None:
        self.store, self.what = store, what

    def __enter__(self) -> sqlite3.Connection:
        self.store._lock.acquire()
        try:
            self.store._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as exc:
            self.store._lock.release()
            _raise_translated(self.what, exc)
        return self.store._conn

    def __exit__(self, et, ev, tb) -> bool:
        conn = self.store._conn
        try:
            if et is None:
                try:
                    conn.execute("COMMIT")
                    return False
                except sqlite3.DatabaseError as exc:
                    ev = exc
            if conn.in_transaction:
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.DatabaseError:
                    pass
            if isinstance(ev, sqlite3.DatabaseError):
                _raise_translated(self.what, ev)
            return False
        finally:
            self.store._lock.release()


class QueueStore(LocalRecords):
    """One connection guarded by a lock; every write is a BEGIN IMMEDIATE transaction in WAL, synchronous=FULL."""

    def __init__(self, path: Path, key_file: Path, *, terminal_id: str, suite: str = "aes-gcm+hmac-sha256",
                 retention_days: float = 7, rejected_retention_days: float = 30,
                 clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        key_file = Path(key_file)
        self.terminal_id = terminal_id
        self.retention_seconds = retention_days * 86400
        self.rejected_retention_seconds = rejected_retention_days * 86400
        self._clock = clock
        self._lock = threading.RLock()
        self._mark_path = identity.mark_path(key_file)
        mark = identity.read_mark(self._mark_path)
        if mark is not None and not self.path.exists():
            identity.check(self.path, key_file, mark, None, 0)  # refused before SQLite makes an empty file
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with _translated("open queue database"):
            self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
            try:
                self._setup(key_file, mark)
                self._key = self._open_key(key_file)
            except BaseException:
                self._conn.close()
                raise
        self._suite: CryptoSuite = make_suite(suite, self._key)
        self._id_key = id_lookup_key(self._key)  # derived once: the enqueue hashes with it every time
        self._day_start = self._day_end = 0.0  # the local day the last enqueue fell on, as [start, end) times
        self._issuer: tracking.DayIssuer | None = None  # tracking numbers of that day
        self._enqueue_cursor = self._conn.cursor()
        self._seq = 0  # last sequence number handed out; one process owns the queue (the instance lock)
        self._low = 1  # no open (pending/sending) record has a smaller seq
        self._next_mark = 0  # the sequence number at which the key's mark is written next
        self._closed = False
        # the oldest acked_at / rejected_at among records a purge can still take (-inf: not known yet, inf: none):
        # purge() skips its pass over the whole table until one of them is past its retention. Every write of an
        # acknowledged or rejected record lowers them
        self._oldest_acked = self._oldest_rejected = -math.inf
        self.recover()
        self._write_mark()

    def _setup(self, key_file: Path, mark: identity.Mark | None) -> None:
        c = self._conn
        if c.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise CorruptDatabaseError(f"queue database {self.path} failed quick_check")
        # before anything is written: a refused file stays exactly as it was found
        identity.check(self.path, key_file, mark, *self._identity())
        if c.execute("PRAGMA journal_mode=WAL").fetchone()[0].lower() != "wal":
            raise QueueError("queue database refused WAL mode")
        c.execute("PRAGMA synchronous=FULL")  # explicit: a commit survives power loss, not just a crash
        c.execute("PRAGMA secure_delete=ON")  # purged personal data is overwritten, not just unlinked
        c.execute("BEGIN IMMEDIATE")
        try:
            schema.migrate(c)
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise
        self.queue_id: str = c.execute("SELECT value FROM meta WHERE key='queue_id'").fetchone()[0]

    def _identity(self) -> tuple[str | None, int]:
        """The queue id and highest sequence number in the database as found (no tables yet: None, 0)."""
        c = self._conn
        tables = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        row = c.execute("SELECT value FROM meta WHERE key='queue_id'").fetchone() if "meta" in tables else None
        top = c.execute("SELECT COALESCE(MAX(seq), 0) FROM records").fetchone()[0] if "records" in tables else 0
        return (row[0] if row else None), top

    def _write_mark(self) -> None:
        """The caller holds the lock (or is the constructor): self._seq is committed and nothing moves it."""
        identity.write_mark(self._mark_path, identity.Mark(self.queue_id, self._seq))
        self._next_mark = self._seq + MARK_EVERY

    def _open_key(self, key_file: Path) -> bytes:
        row = self._conn.execute("SELECT value FROM meta WHERE key='key_check'").fetchone()
        has_data = self._conn.execute("SELECT 1 FROM records LIMIT 1").fetchone() is not None
        # a new key is made only for a queue that never held data; otherwise old records would be unreadable
        key = load_key(key_file, create=not has_data)
        check = hmac.new(key, b"key-check", hashlib.sha256).hexdigest()[:16]
        if row is None or (row[0] != check and not has_data):
            self._conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('key_check', ?)", (check,))
        elif row[0] != check:
            raise KeyMissingError(f"key file {key_file} is not the key this queue was written with")
        return key

    def _write(self, what: str) -> "_Transaction":
        return _Transaction(self, what)

    def _read(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self._lock, _translated("read queue"):
            return self._conn.execute(sql, params).fetchall()

    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._write_mark()
                self._closed = True
            self._conn.close()

    # -- enqueue -------------------------------------------------------------------------------------------

    def _refresh_marks(self, c: sqlite3.Connection) -> None:
        self._seq = c.execute("SELECT COALESCE(MAX(seq), 0) FROM records").fetchone()[0]
        row = c.execute("SELECT MIN(seq) FROM records WHERE state IN ('pending','sending')").fetchone()
        self._low = row[0] if row[0] is not None else self._seq + 1

    def _advance_low(self, c: sqlite3.Connection) -> None:
        row = c.execute("SELECT seq FROM records WHERE seq>=? AND state IN ('pending','sending') ORDER BY seq"
                        " LIMIT 1", (self._low,)).fetchone()
        self._low = row[0] if row else self._seq + 1

    def _row(self, rid: str, seq: int, kind: str, body: dict, now: float) -> tuple:
        payload = self._suite.encrypt(pack(body), rid.encode())
        return (rid, seq, kind, None, None, now, None, "[]", payload)

    def _commit_record(self, what: str, row: tuple, sealed: list[tuple] | None = None) -> None:
        """BEGIN IMMEDIATE, the record (and its sealed attachments), COMMIT; the caller holds the lock.

        _Transaction written out flat: this runs once per enqueue, where the context manager showed up."""
        c = self._conn
        cur = self._enqueue_cursor  # one cursor for every enqueue: Connection.execute makes a new one per call
        try:
            cur.execute("BEGIN IMMEDIATE")
            if sealed:
                cur.executemany("INSERT OR IGNORE INTO blobs(sha256, size, uploaded, data) VALUES (?,?,0,?)", sealed)
            cur.execute(_INSERT, row)
            cur.execute("COMMIT")
        except BaseException as exc:
            if c.in_transaction:
                try:
                    c.execute("ROLLBACK")
                except sqlite3.DatabaseError:
                    pass
            if isinstance(exc, sqlite3.IntegrityError):
                # another process wrote to this queue: re-read the marks so the next enqueue is right
                with _translated(what):
                    self._refresh_marks(c)
                raise QueueError("queue sequence moved under us (a second process on the same queue?)") from None
            if isinstance(exc, sqlite3.DatabaseError):
                _raise_translated(what, exc)
            raise

    def _id_hashes(self, id_number: str) -> tuple[bytes, bytes]:
        """What a record of this ID number may hold: local_id_hash, or legacy_local_id_hash if written before
        (a lookup is rare: the reference functions as they are)."""
        return local_id_hash(self._key, id_number), legacy_local_id_hash(self._key, id_number)

    def _new_day(self, now: float) -> tracking.DayIssuer:
        """The tracking numbers of the local day `now` falls on; the enqueue calls this only when a day boundary
        is crossed (the local date is not worked out per enqueue)."""
        day = datetime.fromtimestamp(now).date()
        issuer = tracking.DayIssuer(self.terminal_id, day)  # first: if it raises, nothing here has changed
        self._day_start = datetime.combine(day, day_time.min).timestamp()
        self._day_end = datetime.combine(day + timedelta(days=1), day_time.min).timestamp()
        self._issuer = issuer
        return issuer

    def enqueue_submission(self, service_code: str, form: dict, applicant: dict, face_check: dict | None = None,
                           attachments: list[bytes] = (), evidence: bytes | None = None,
                           agent: dict | None = None) -> Enqueued:
        """One durable commit: the record, its attachments and its tracking number; returns only once on disk.

        `evidence`: the face check's matched frame (JPEG), sealed like an attachment and named in the body as
        `face_evidence` (its sha256, also listed in `attachments` so central checks it arrived). `agent`: who
        applied for the applicant (亲友代办), encrypted with the rest of the personal part; the local case lookup by
        card stays the applicant's."""
        now = self._clock()
        fresh = os.urandom(28)  # the id's 16 random bytes and the record nonce's 12 in one system call
        rid = new_id(fresh[:16])
        hashes = []
        sealed = []
        for data in attachments:
            sha = hashlib.sha256(data).hexdigest()
            hashes.append(sha)
            sealed.append((sha, len(data), self._suite.encrypt(data, sha.encode())))
        id_number = applicant.get("id_number")
        id_hash = (hashlib.blake2b(str(id_number).strip().upper().encode(), digest_size=32, key=self._id_key).digest()
                   if id_number else None)  # local_id_hash, written out: one call fewer in every enqueue
        # only the personal part is encrypted: the tracking number, service, time and attachment hashes are
        # columns already and claim() puts the body back together (not storing them twice keeps records smaller),
        # so the whole payload is ready before the lock, which is held only for the sequence number and the I/O
        personal = {"form": form, "applicant": applicant, "face_check": face_check}
        if agent:
            personal["agent"] = agent
        if evidence is not None:
            sha = hashlib.sha256(evidence).hexdigest()
            hashes.append(sha)
            sealed.append((sha, len(evidence), self._suite.encrypt(evidence, sha.encode())))
            personal["face_evidence"] = sha
        payload = self._suite.encrypt(pack(personal), rid.encode(), fresh[16:])
        blobs = json.dumps(hashes) if hashes else "[]"
        with self._lock:
            issuer = self._issuer if self._day_start <= now < self._day_end else self._new_day(now)
            seq = self._seq + 1
            tracking_no = issuer.number(seq)
            self._commit_record("enqueue submission", (rid, seq, "submission", tracking_no, service_code, now,
                                                       id_hash, blobs, payload), sealed)
            self._seq = seq
            if seq >= self._next_mark:
                self._write_mark()
        return _new_tuple(Enqueued, (rid, seq, tracking_no, now))

    def enqueue(self, kind: str, body: dict) -> Enqueued:
        """Ratings and events: same durability and idempotency as submissions, no tracking number."""
        if kind not in ("rating", "event"):
            raise ValueError(f"unknown record kind {kind!r}")
        now = self._clock()
        rid = new_id()
        with self._lock:
            seq = self._seq + 1
            row = self._row(rid, seq, kind, body, now)
            self._commit_record(f"enqueue {kind}", row)
            self._seq = seq
            if seq >= self._next_mark:
                self._write_mark()
        return Enqueued(rid, seq, None, now)

    def enqueue_audit(self, actor: str, action: str, details: dict) -> Enqueued:
        """A staff-mode audit entry: a row of the local audit log and an event record for central, one commit.

        The caller vouches that nothing in `details` is personal (kiosk/audit.py checks it)."""
        now = self._clock()
        rid = new_id()
        body = {"name": AUDIT_EVENT, "details": {"actor": actor, "action": action, "at": now, **details}}
        with self._lock:
            seq = self._seq + 1
            with self._write("audit") as c:
                c.execute(_INSERT, self._row(rid, seq, "event", body, now))
                c.execute("INSERT INTO audit(at, actor, action, details, record_seq) VALUES (?,?,?,?,?)",
                          (now, actor, action, json.dumps(details, ensure_ascii=False, sort_keys=True), seq))
            self._seq = seq
            if seq >= self._next_mark:
                self._write_mark()
        return Enqueued(rid, seq, None, now)

    def audit_entries(self, limit: int = 50) -> list[dict]:
        """The newest audit entries first, with whether central has them (their event record acknowledged)."""
        rows = self._read("SELECT a.at, a.actor, a.action, a.details, r.state FROM audit a LEFT JOIN records r"
                          " ON r.seq = a.record_seq ORDER BY a.seq DESC LIMIT ?", (limit,))
        return [{"at": at, "actor": actor, "action": action, "details": json.loads(details),
                 "synced": state in ("acknowledged", "purged")} for at, actor, action, details, state in rows]

    # -- sync side -----------------------------------------------------------------------------------------

    def recover(self) -> int:
        """After a restart nothing is in flight: records left 'sending' go back to pending (central is idempotent)."""
        with self._write("recover") as c:
            n = c.execute("UPDATE records SET state='pending' WHERE state='sending'").rowcount
            self._refresh_marks(c)
            return n

    def claim(self, limit: int, on_corrupt: Callable[[CorruptRecord], None] | None = None) -> list[Claimed]:
        """Up to `limit` due records, marked 'sending', read back and in sequence order.

        Each record is opened here, inside the claim's commit: one that cannot be (bad tag, unreadable payload,
        missing attachment) goes to quarantine as 'corrupt' in that same commit, with an event record for
        central, and the rest of the batch goes on. on_corrupt hears of each (the sync status reports it)."""
        now = self._clock()
        with self._lock:
            with self._write("claim") as c:
                rows = c.execute(
                    "UPDATE records SET state='sending', attempts=attempts+1, claimed_at=? WHERE seq IN (SELECT seq"
                    " FROM records WHERE seq>=? AND state='pending' AND next_attempt_at<=? ORDER BY seq LIMIT ?)"
                    " RETURNING id, seq, kind, tracking, service_code, created_at, blobs, payload",
                    (now, self._low, now, limit)).fetchall()
                claimed, corrupt = self._open_rows(c, sorted(rows, key=lambda r: r[1]))
                events = self._quarantine_corrupt(c, corrupt, now) if corrupt else 0
            self._seq += events  # only now: the events' sequence numbers are committed
        for bad in corrupt:
            if on_corrupt is not None:
                on_corrupt(bad)
        return claimed

    def _open_rows(self, c: sqlite3.Connection, rows: list[tuple]) -> tuple[list[Claimed], list[CorruptRecord]]:
        claimed, corrupt = [], []
        for row in rows:
            try:
                claimed.append(self._claimed(*row))
            except CorruptRecordError as exc:
                corrupt.append(CorruptRecord(row[1], row[0], row[2], row[3], exc.what))
        wanted = {sha for record in claimed for sha in record.blobs}
        if wanted:
            # an attachment central may still need must be here to be sent (central's copy makes ours optional)
            present = {r[0] for r in c.execute(
                "SELECT sha256 FROM blobs WHERE sha256 IN (SELECT value FROM json_each(?))"
                " AND (uploaded=1 OR data IS NOT NULL)", (json.dumps(sorted(wanted)),))}
            if wanted - present:
                intact = [r for r in claimed if present.issuperset(r.blobs)]
                corrupt += [CorruptRecord(r.seq, r.id, r.kind, _tracking_of(r), "missing_blob")
                            for r in claimed if not present.issuperset(r.blobs)]
                claimed = intact
        return claimed, corrupt

    def _quarantine_corrupt(self, c: sqlite3.Connection, corrupt: list[CorruptRecord], now: float) -> int:
        """To 'rejected' with reason 'corrupt' (never personal data), an event each; returns the events added.

        The caller holds the lock and a transaction, and adds the count to self._seq once committed."""
        events = 0
        for bad in corrupt:
            moved = c.execute("UPDATE records SET state='rejected', reject_reason='corrupt', last_error=?,"
                              " rejected_at=? WHERE seq=? AND id=? AND state IN ('sending','pending')",
                              (f"corrupt: {bad.what}", now, bad.seq, bad.id)).rowcount
            if not moved:
                continue
            events += 1
            details = {"record_id": bad.id, "seq": bad.seq, "kind": bad.kind, "tracking": bad.tracking,
                       "problem": bad.what}
            c.execute(_INSERT, self._row(new_id(), self._seq + events, "event",
                                         {"name": CORRUPT_EVENT, "details": details}, now))
        if events:
            self._oldest_rejected = min(self._oldest_rejected, now)
        self._advance_low(c)
        return events

    def reject_corrupt(self, record: Claimed, what: str) -> CorruptRecord:
        """Quarantine a claimed record found corrupt while sending (an attachment that does not decrypt)."""
        bad = CorruptRecord(record.seq, record.id, record.kind, _tracking_of(record), what)
        with self._lock:
            with self._write("quarantine corrupt record") as c:
                events = self._quarantine_corrupt(c, [bad], self._clock())
            self._seq += events
        return bad

    def _claimed(self, rid: str, seq: int, kind: str, tracking_no: str | None, service_code: str | None,
                 created_at: float, blobs: str, payload: bytes) -> Claimed:
        """The body central receives, from the encrypted personal part and the record's clear columns.

        Raises CorruptRecordError (what: bad_tag or unreadable) when the record cannot be read back."""
        try:
            plain = self._suite.decrypt(payload, rid.encode())
        except KeyMissingError:  # the key itself was checked on open: the record was altered
            raise CorruptRecordError("bad_tag", f"record {seq} does not decrypt (bad tag)") from None
        except (TypeError, ValueError):  # no payload, or too short to hold a nonce
            raise CorruptRecordError("unreadable", f"record {seq} has no readable payload") from None
        try:
            stored = unpack(plain)
            hashes = json.loads(blobs)
        except (TypeError, ValueError):
            raise CorruptRecordError("unreadable", f"record {seq} does not read back as a record") from None
        if kind not in KINDS or not isinstance(hashes, list) or not all(isinstance(h, str) for h in hashes):
            raise CorruptRecordError("unreadable", f"record {seq} has damaged columns")
        if kind != "submission":
            body = dict(stored, created_at=created_at)
        elif "tracking" in stored:  # written by an earlier version, which encrypted the whole body
            body = stored
        else:
            body = {"tracking": tracking_no, "service_code": service_code, "created_at": created_at, **stored,
                    "attachments": hashes}
        return Claimed(rid, seq, kind, body, hashes)

    def read_body(self, seq: int) -> dict | None:
        """One record's body as central receives it (None once purged); for diagnostics and tests."""
        rows = self._read("SELECT id, seq, kind, tracking, service_code, created_at, blobs, payload FROM records"
                          " WHERE seq=? AND payload IS NOT NULL", (seq,))
        return self._claimed(*rows[0]).body if rows else None

    def blob_needs_upload(self, sha: str) -> bool:
        rows = self._read("SELECT uploaded FROM blobs WHERE sha256=?", (sha,))
        return bool(rows) and not rows[0][0]

    def blob_data(self, sha: str) -> bytes:
        """The attachment's plain bytes; CorruptRecordError (missing_blob, blob_bad_tag) when it cannot be."""
        rows = self._read("SELECT data FROM blobs WHERE sha256=?", (sha,))
        if not rows or rows[0][0] is None:
            raise CorruptRecordError("missing_blob", f"attachment {sha[:12]} is missing from the queue")
        try:
            return self._suite.decrypt(rows[0][0], sha.encode())
        except (KeyMissingError, TypeError, ValueError):
            raise CorruptRecordError("blob_bad_tag", f"attachment {sha[:12]} does not decrypt") from None

    def mark_blob_uploaded(self, sha: str) -> None:
        with self._write("mark blob uploaded") as c:
            c.execute("UPDATE blobs SET uploaded=1 WHERE sha256=?", (sha,))

    def settle(self, outcomes: list[Outcome]) -> None:
        """Central's per-item answers, all in one commit."""
        now = self._clock()
        with self._write("settle") as c:
            for o in outcomes:
                if o.result in ("accepted", "duplicate"):
                    c.execute("UPDATE records SET state='acknowledged', acked_at=?, case_number=?, central_status=?,"
                              " last_error=NULL WHERE seq=? AND id=? AND state IN ('sending','pending')",
                              (now, o.case_number, o.status, o.seq, o.id))
                elif o.result == "rejected":
                    # quarantine: kept with its payload for staff, never dropped silently
                    c.execute("UPDATE records SET state='rejected', reject_reason=?, last_error=?, rejected_at=?"
                              " WHERE seq=? AND id=? AND state IN ('sending','pending')",
                              (o.reason or "rejected", o.reason, now, o.seq, o.id))
                else:
                    raise ValueError(f"unknown outcome {o.result!r}")
            self._advance_low(c)
            results = {o.result for o in outcomes}
            if results & {"accepted", "duplicate"}:
                self._oldest_acked = min(self._oldest_acked, now)
            if "rejected" in results:
                self._oldest_rejected = min(self._oldest_rejected, now)

    def postpone(self, seqs: list[int], error: str, delay: Callable[[int], float]) -> None:
        """Back to pending after a failed attempt; delay(attempts) gives the wait (backoff with jitter)."""
        now = self._clock()
        with self._write("postpone") as c:
            for seq in seqs:
                row = c.execute("SELECT attempts FROM records WHERE seq=?", (seq,)).fetchone()
                if row is None:
                    continue
                c.execute("UPDATE records SET state='pending', last_error=?, next_attempt_at=? WHERE seq=?"
                          " AND state='sending'", (error[:500], now + delay(row[0]), seq))

    def due_now(self) -> bool:
        """Whether a pending record may be claimed right now (a short scan from the low-water mark)."""
        rows = self._read("SELECT 1 FROM records WHERE seq>=? AND state='pending' AND next_attempt_at<=? LIMIT 1",
                          (self._low, self._clock()))
        return bool(rows)

    def next_due(self) -> float | None:
        rows = self._read("SELECT MIN(next_attempt_at) FROM records WHERE seq>=? AND state='pending'",
                          (self._low,))
        return rows[0][0]

    def purge(self) -> int:
        """Delete personal data (secure_delete is on) of records acknowledged longer than the retention ago, and
        of records in quarantine longer than the rejected retention ago (they stay 'rejected': id, kind,
        tracking number and reason remain for staff and for the citizen's progress query)."""
        now = self._clock()
        due = min(self._oldest_acked + self.retention_seconds, self._oldest_rejected + self.rejected_retention_seconds)
        if now < due - 1.0:  # a second early rather than late: the statement itself decides
            return 0
        with self._lock:  # held until the count is kept: a settle in between must not be overwritten
            with self._write("purge") as c:
                # one statement, so one pass over the table for both kinds
                n = c.execute("UPDATE records SET payload=NULL, id_hash=NULL, purged_at=?,"
                              " state=CASE state WHEN 'acknowledged' THEN 'purged' ELSE state END"
                              " WHERE (state='acknowledged' AND acked_at<=?)"
                              " OR (state='rejected' AND purged_at IS NULL AND rejected_at<=?)",
                              (now, now - self.retention_seconds, now - self.rejected_retention_seconds)).rowcount
                if n:
                    # attachments still needed by a record that keeps its payload stay; a record whose attachment
                    # list is damaged is in quarantine already and must not stop the purge of everything else
                    c.execute("DELETE FROM blobs WHERE sha256 NOT IN (SELECT j.value FROM records,"
                              " json_each(records.blobs) AS j WHERE records.payload IS NOT NULL"
                              " AND json_valid(records.blobs))")
                # when the next purge can find something: the oldest record still waiting for either retention
                acked, rejected = c.execute(
                    "SELECT MIN(CASE WHEN state='acknowledged' THEN acked_at END),"
                    " MIN(CASE WHEN state='rejected' AND purged_at IS NULL THEN rejected_at END)"
                    " FROM records").fetchone()
            # only once committed: a purge rolled back (a full disk) left its records as they were, due now
            self._oldest_acked = math.inf if acked is None else acked
            self._oldest_rejected = math.inf if rejected is None else rejected
        if n:
            with self._lock, _translated("checkpoint"):
                # old page images in the WAL would otherwise outlive the purge until overwritten
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return n


def _tracking_of(record: Claimed) -> str | None:
    """A submission's own tracking number (a rating's body names the submission it rates: not its own)."""
    return record.body.get("tracking") if record.kind == "submission" else None
