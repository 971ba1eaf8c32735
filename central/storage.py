"""Central's storage through SQLAlchemy Core, on SQLite (embedded) or PostgreSQL: terminals, nonces, idempotency keys
(kept forever), cases, ratings, certificates, presence proofs issued, tracking-number lookups and configuration
overlays; attachments in a blob store beside it. Case bodies, attachments and terminal secrets are sealed under the data key."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, and_, exists, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError, OperationalError

from central import agents, calls, db, fleet, migrate, statements as st, ticket_events
from central.blobstore import BlobStore, FileBlobStore
from central.fleet_records import FleetRecords
from central.overlay_records import OverlayRecords
from central.terminal_records import SecretChanged, TerminalRecords  # noqa: F401 (SecretChanged: auth's)
from central.certificates import new_verify_code
from central.keys import DATA_FILE, ID_HASH_FILE, TOKEN_FILE, CentralKeyError, CentralKeys, create_key, read_key
from central.schema import blobs, cases, certificates, events, history, items, meta, presence, ratings, terminals
from central.sealing import TEXT_PREFIX, Sealer, Unsealable
from protocol import tracking
from protocol.idhash import central_id_hash
from protocol.ratings import check_tags
from protocol.status import STATUSES, WITH_REASON, status_view

_SERVICE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")  # catalog codes such as ZJ-002
_SHA = re.compile(r"^[0-9a-f]{64}$")
# two requests with the same new item race to insert it; the loser's transaction is rolled back and run again,
# and then finds the winner's answer
_RETRIES = 8
# meta key: rows from before sealing existed have been sealed (only versions before it wrote them in clear)
_PLAIN_ROWS_SEALED = "plain_rows_sealed"
_CASE_FIELDS = st.CASE_FIELDS
log = logging.getLogger(__name__)


class StatusConflict(Exception):
    """The case no longer stands where a change may start from (someone else moved it first); `status` is where it
    stands now."""

    def __init__(self, status: str) -> None:
        super().__init__(status)
        self.status = status


class CentralStore(TerminalRecords, FleetRecords, OverlayRecords):
    """Every write is one transaction, so an answer is never sent before its commit. Safe to share between threads
    and, on PostgreSQL (or one SQLite file), between processes."""

    def __init__(self, database: Path | str, clock: Callable[[], float] = time.time,
                 keys_dir: Path | str | None = None, *, blob_dir: Path | str | None = None,
                 data_key_file: Path | str | None = None, pool_size: int = 8) -> None:
        """database: a SQLite file's path, `sqlite:///…` or `postgresql://…`. keys_dir: where the key files live
        (default: the SQLite file's folder; for PostgreSQL var/). blob_dir: attachments (default: blobs/ in the
        keys folder). Raises CentralKeyError when a key the data was written with is missing or another key."""
        self._clock = clock
        self.fleet_policy = fleet.FleetPolicy()  # the thresholds of flags computed as beats arrive
        self.url = db.database_url(database)
        path = db.sqlite_path(self.url)
        folder = Path(keys_dir) if keys_dir is not None else (path.parent if path is not None else Path("var"))
        self.folder = folder  # central's data directory: key files, blobs/, the audit anchor
        self._engine = db.open_engine(self.url, pool_size=pool_size)
        self._pruned = 0.0
        # terminal -> (sealed secret as stored, the secret): a request is checked with the secret this process read
        # last, without a read transaction of its own; use_nonce confirms it against the row in its transaction
        self._secrets: dict[str, tuple[str, str]] = {}
        try:
            migrate.upgrade(self._engine)
            self.blobs: BlobStore = FileBlobStore(Path(blob_dir) if blob_dir is not None else folder / "blobs")
            self.keys = self._open_keys(folder, Path(data_key_file) if data_key_file else folder / DATA_FILE)
        except BaseException:
            self._engine.dispose()
            raise
        self._sealer = Sealer(self.keys.data)

    @property
    def engine(self):
        return self._engine

    @property
    def clock(self) -> Callable[[], float]:
        return self._clock

    # -- opening: keys, and what earlier versions left to do --------------------------------------------------

    def _open_keys(self, folder: Path, data_path: Path) -> CentralKeys:
        with self._write() as c:
            if c.dialect.name == "postgresql":  # workers starting together: one does the upgrade work
                c.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": 0x6B696F736C})
            stored = dict(c.execute(select(meta.c.key, meta.c.value)).all())
            scheme = stored.get("id_hash_scheme")
            if scheme is None and c.dialect.name == "sqlite":
                # before Alembic, a keyed database said so in its user_version
                scheme = migrate.ID_HASH_SCHEME if c.exec_driver_sql("PRAGMA user_version").scalar() else None
            has_people = c.execute(select(exists().where(cases.c.id_hash.is_not(None))
                                          | exists().select_from(certificates)
                                          | exists().select_from(presence))).scalar()
            id_key = self._key(folder / ID_HASH_FILE, "ID-hash", stored.get("id_hash_key_check"),
                               must_exist=bool(has_people and scheme == migrate.ID_HASH_SCHEME))
            has_sealed = "data_key_check" in stored and c.execute(
                select(exists().select_from(cases) | exists().select_from(terminals)
                       | exists().select_from(blobs))).scalar()
            data_key = self._key(data_path, "data", stored.get("data_key_check"), must_exist=bool(has_sealed))
            sealer = Sealer(data_key)
            if scheme != migrate.ID_HASH_SCHEME:
                migrate.keyed_id_hashes(c, id_key)
            if stored.get(_PLAIN_ROWS_SEALED) != "1":
                # once per database, not per start: the scan reads every case body, so it grew with the data
                self._seal_plain_rows(c, sealer)
            self._move_inline_blobs(c, sealer)
            for key, value in (("id_hash_scheme", migrate.ID_HASH_SCHEME), ("id_hash_key_check", _check(id_key)),
                               ("data_key_check", _check(data_key)), (_PLAIN_ROWS_SEALED, "1")):
                st.upsert(c, meta, {"key": key, "value": value}, ["key"], {"value": value})
        token_path = folder / TOKEN_FILE
        return CentralKeys(id_hash=id_key, token=read_key(token_path) or create_key(token_path), data=data_key)

    @staticmethod
    def _key(path: Path, what: str, check: str | None, *, must_exist: bool) -> bytes:
        key = read_key(path)
        if key is None:
            # a new key would orphan every record made with the old one: only a database without such data gets one
            if must_exist:
                raise CentralKeyError(f"{what} key {path} is missing but the database holds records made with it: "
                                      "restore the key file (or give its folder with --keys-dir)")
            return create_key(path)
        if must_exist and check is not None and check != _check(key):
            raise CentralKeyError(f"{what} key {path} is not the key this database was written with")
        return key

    @staticmethod
    def _seal_plain_rows(c: Connection, sealer: Sealer) -> None:
        """Rows written before sealing existed are sealed in place."""
        plain = ~cases.c.body.startswith(TEXT_PREFIX, autoescape=True)
        for number, body in c.execute(select(cases.c.case_number, cases.c.body).where(plain)).all():
            c.execute(update(cases).where(cases.c.case_number == number)
                      .values(body=sealer.seal_text(body, f"case:{number}")))
        plain = ~terminals.c.secret.startswith(TEXT_PREFIX, autoescape=True)
        for terminal, secret in c.execute(select(terminals.c.id, terminals.c.secret).where(plain)).all():
            c.execute(update(terminals).where(terminals.c.id == terminal)
                      .values(secret=sealer.seal_text(secret, f"terminal:{terminal}")))

    def _move_inline_blobs(self, c: Connection, sealer: Sealer) -> None:
        """Attachments an earlier version kept inside the database (set aside by migration 0001) go to the blob
        store; the table goes once they all have."""
        if c.dialect.name != "sqlite" or not c.execute(text(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='blobs_v0'")).first():
            return
        for sha, data in c.execute(text("SELECT sha256, data FROM blobs_v0")).all():
            self.blobs.put(sha, sealer.seal(bytes(data), f"blob:{sha}"))
            _insert_ignore(c, blobs, {"sha256": sha, "size": len(data)})
        c.execute(text("DROP TABLE blobs_v0"))

    def id_hash(self, id_number: str) -> str:
        return central_id_hash(self.keys.id_hash, id_number)

    def close(self) -> None:
        self._engine.dispose()

    # -- transactions -------------------------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._engine.begin() as c:
            yield c

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._engine.connect() as c:
            c = c.execution_options(**db.READ_ONLY)
            with c.begin():
                yield c

    def _retrying(self, work: Callable[[Connection], object]):
        """Runs `work` in one write transaction, again after a lost race on a unique key (or, on SQLite, a
        busy database), where the next try sees what the winner committed."""
        for attempt in range(_RETRIES):
            try:
                with self._write() as c:
                    return work(c)
            except (IntegrityError, OperationalError) as exc:
                if attempt == _RETRIES - 1 or (isinstance(exc, OperationalError) and not _retryable(exc)):
                    raise

    def _q(self, sql: str, params: tuple = ()) -> list[tuple]:
        """Raw read for tests and tools: `?` placeholders, as in sqlite3."""
        parts = sql.split("?")
        named = "".join(p + (f":p{i}" if i < len(parts) - 1 else "") for i, p in enumerate(parts))
        with self._read() as c:
            return [tuple(r) for r in c.execute(text(named), {f"p{i}": v for i, v in enumerate(params)}).all()]

    # -- blobs ---------------------------------------------------------------------------------------------

    def has_blob(self, sha: str) -> int | None:
        with self._read() as c:
            return c.execute(select(blobs.c.size).where(blobs.c.sha256 == sha)).scalar()

    def put_blob(self, sha: str, data: bytes) -> bool:
        """True when newly stored; the caller has checked the hash. The file is durable before the row that
        says central has it."""
        if self.has_blob(sha) is not None:
            return False
        self.blobs.put(sha, self._sealer.seal(data, f"blob:{sha}"))
        with self._write() as c:
            return _insert_ignore(c, blobs, {"sha256": sha, "size": len(data)})

    def blob(self, sha: str) -> bytes | None:
        sealed = self.blobs.get(sha)
        return None if sealed is None else self._sealer.open(sealed, f"blob:{sha}")

    # -- batch ---------------------------------------------------------------------------------------------

    def accept_batch(self, terminal: str, batch: list[dict]) -> list[dict]:
        """Per item: accepted (new), duplicate (same answer as the first time), rejected (reason)."""
        now = self._clock()
        return self._retrying(lambda c: self._accept(c, terminal, batch, now))

    def _accept(self, c: Connection, terminal: str, batch: list[dict], now: float) -> list[dict]:
        ids = [item["id"] for item in batch]
        seen = dict(c.execute(st.SEEN_ITEMS, {"ids": ids}).all())
        # the batch's tracking numbers central already holds, in one query instead of one per submission
        parsed = {item["id"]: _tracking_of(item) for item in batch
                  if item["id"] not in seen and item["kind"] == "submission"}
        numbers = sorted({str(p) for p in parsed.values() if p is not None})
        used = {r[0] for r in c.execute(st.TRACKINGS_USED, {"trackings": numbers})} if numbers else set()
        out: list[dict] = []
        new_cases: list[tuple[dict, dict]] = []  # (result, row) waiting for a case number
        taken: set[str] = set()  # tracking numbers earlier items of this batch claimed
        for item in batch:
            if item["id"] in seen:
                first = json.loads(seen[item["id"]])
                out.append(dict(first, result="duplicate") if first["result"] == "accepted" else first)
                continue
            result, row = self._apply(c, terminal, item, now, taken, used, parsed.get(item["id"]))
            if row is not None:
                new_cases.append((result, row))
            out.append(result)
        if new_cases:
            # numbers are taken last, so the counter's row is locked only for the inserts and the commit
            last = _take(c, "case", len(new_cases))
            day = f"{datetime.fromtimestamp(now):%Y%m%d}"
            for n, (result, row) in enumerate(new_cases, start=last - len(new_cases) + 1):
                number = f"C{day}{n:08d}"
                result["case_number"] = row["case_number"] = number
                row["body"] = self._sealer.seal_text(row["body"], f"case:{number}")
            c.execute(st.ADD_CASES, [row for _, row in new_cases])
            c.execute(st.ADD_HISTORY, [{"case_number": row["case_number"], "status": "received", "at": now}
                                        for _, row in new_cases])
        fresh = [(item, result) for item, result in zip(batch, out) if item["id"] not in seen]
        if fresh:
            c.execute(st.ADD_ITEMS, [{"id": item["id"], "terminal": terminal, "kind": item["kind"],
                                       "seq": item.get("seq"), "result": json.dumps(result), "received_at": now}
                                      for item, result in fresh])
        return out

    def _apply(self, c: Connection, terminal: str, item: dict, now: float,
               taken: set[str], used: set[str],
               parsed: tracking.TrackingNumber | None) -> tuple[dict, dict | None]:
        """taken: tracking numbers earlier items of this batch claimed; used: those central held before it;
        parsed: a submission's tracking number as read by _tracking_of (None: it does not parse)."""
        rid, kind, body = item["id"], item["kind"], item["body"]

        def rejected(reason: str) -> tuple[dict, None]:
            return {"id": rid, "result": "rejected", "reason": reason}, None

        if kind == "submission":
            code = body.get("service_code")
            if not isinstance(code, str) or not _SERVICE.match(code):
                return rejected("unknown_service_code")
            if parsed is None:
                return rejected("invalid_tracking_number")
            number = str(parsed)
            if parsed.terminal != terminal:
                return rejected("tracking_number_of_another_terminal")
            if number in taken or number in used:
                return rejected("tracking_number_already_used")
            shas = body.get("attachments") or []
            if not isinstance(shas, list) or not all(isinstance(s, str) and _SHA.match(s) for s in shas):
                return rejected("malformed_attachment_list")
            if shas and c.execute(st.BLOBS_HELD, {"shas": sorted(set(shas))}).scalar() != len(set(shas)):
                return rejected("attachment_not_uploaded")
            applicant = body.get("applicant") if isinstance(body.get("applicant"), dict) else {}
            idno = str(applicant.get("id_number") or "")
            if "agent" in body:  # 亲友代办: the helper is kept as a keyed hash and a masked name, never in clear
                try:
                    body = dict(body, agent=agents.recorded(body["agent"], idno, self.id_hash))
                except ValueError:
                    return rejected("malformed_agent")
            taken.add(number)
            row = {"item_id": rid, "tracking": number, "terminal": terminal, "service_code": code,
                   "id_hash": self.id_hash(idno) if idno else None, "status": "received",
                   "body": json.dumps(body, ensure_ascii=False), "created_at": now, "updated_at": now}
            return {"id": rid, "result": "accepted", "case_number": None, **status_view("received")}, row
        if kind == "rating":
            score = body.get("score")
            if not isinstance(score, int) or isinstance(score, bool) or not 1 <= score <= 5:
                return rejected("score_out_of_range")
            tags = check_tags(body.get("tags"))
            if tags is None:
                return rejected("malformed_rating_tags")
            comment = body.get("comment")
            c.execute(insert(ratings).values(item_id=rid, terminal=terminal,
                                             tracking=str(body.get("tracking") or "") or None, score=score,
                                             comment=str(comment)[:500] if comment else None,
                                             tags=json.dumps(tags) if tags else None, at=now))
            return {"id": rid, "result": "accepted"}, None
        if kind == "event":
            c.execute(insert(events).values(item_id=rid, terminal=terminal,
                                            body=json.dumps(body, ensure_ascii=False), at=now))
            calls.note(c, rid, terminal, body, now)
            ticket_events.note_offline(c, terminal, body, now)
            return {"id": rid, "result": "accepted"}, None
        return rejected("unknown_kind")

    # -- cases ---------------------------------------------------------------------------------------------

    def _case_views(self, c: Connection, rows: list) -> list[dict]:
        views = []
        for row in rows:
            d = dict(zip(_CASE_FIELDS, row))
            d.update(status_view(d["status"]))
            d["history"] = []
            views.append(d)
        if views:
            by_number = {d["case_number"]: d for d in views}
            for number, status, at, reason in c.execute(st.HISTORY_OF, {"numbers": list(by_number)}).all():
                step = {"status": status, "at": at}
                if reason and status in WITH_REASON:  # staff notes and actors stay at central
                    step["reason"] = reason
                by_number[number]["history"].append(step)
        for d in views:
            last = d["history"][-1] if d["history"] else {}
            d["reason"] = last.get("reason") if last.get("status") == d["status"] else None
        return views

    def case(self, tracking_no: str) -> dict | None:
        with self._read() as c:
            rows = c.execute(st.CASE_BY_TRACKING, {"tracking": tracking_no}).all()
            views = self._case_views(c, rows)
        return views[0] if views else None

    def case_body(self, tracking_no: str) -> dict | None:
        """The submission as the terminal sent it (unsealed): for staff tools, never for terminals."""
        with self._read() as c:
            row = c.execute(select(cases.c.case_number, cases.c.body).where(cases.c.tracking == tracking_no)).first()
        return None if row is None else json.loads(self._sealer.open_text(row[1], f"case:{row[0]}"))

    def cases_by_id_hash(self, id_hash: str) -> list[dict]:
        with self._read() as c:
            rows = c.execute(select(*(cases.c[f] for f in _CASE_FIELDS)).where(cases.c.id_hash == id_hash)
                             .order_by(cases.c.created_at, cases.c.case_number)).all()
            return self._case_views(c, rows)

    def set_status(self, tracking_no: str, status: str, *, actor: str = "cli", reason: str | None = None,
                   note: str | None = None, only_from: frozenset[str] | None = None) -> dict | None:
        """Moves the case to `status` and records who did it (and the citizen's `reason`, a staff `note`) in its
        history, in one transaction; None when no case has this tracking number. With `only_from`, raises
        StatusConflict (nothing written) unless the case stands in one of those statuses at that moment: two
        officers acting at once cannot both move it."""
        if status not in STATUSES:
            raise ValueError(status)
        now = self._clock()
        with self._write() as c:
            row = c.execute(select(cases.c.case_number, cases.c.status).where(cases.c.tracking == tracking_no)
                            .with_for_update()).first()
            if row is None:
                return None
            number, current = row
            if only_from is not None and current not in only_from:
                raise StatusConflict(current)
            c.execute(update(cases).where(cases.c.case_number == number).values(status=status, updated_at=now))
            c.execute(insert(history).values(case_number=number, status=status, at=now, actor=actor, reason=reason,
                                             note=note))
        return self.case(tracking_no)

    def applicant_cases(self, id_hash: str) -> list[dict]:
        """The person's cases, oldest first, with what certificates need from the bodies (name, ID number)."""
        with self._read() as c:
            rows = c.execute(select(cases.c.case_number, cases.c.tracking, cases.c.service_code, cases.c.status,
                                    cases.c.body, cases.c.created_at).where(cases.c.id_hash == id_hash)
                             .order_by(cases.c.created_at, cases.c.case_number)).all()
            numbers = [r[0] for r in rows]
            done = dict(c.execute(select(history.c.case_number, func.max(history.c.at))
                                  .where(and_(history.c.case_number.in_(numbers), history.c.status == "completed"))
                                  .group_by(history.c.case_number)).all()) if numbers else {}
        out = []
        for case_number, tracking_no, code, status, body, created_at in rows:
            try:
                doc = json.loads(self._sealer.open_text(body, f"case:{case_number}"))
            except Unsealable:
                # one bad row (plain, written by a worker of the version before sealing, or another key's) must not
                # take the person's other cases with it; the number alone names it for an operator
                log.warning("case_body_unsealable case_number=%s", case_number)
                continue
            applicant = doc.get("applicant") if isinstance(doc.get("applicant"), dict) else {}
            applied = doc.get("created_at")
            # the kiosk's own time is when the citizen applied; central may have heard of it days later
            if not isinstance(applied, (int, float)) or isinstance(applied, bool) or not 0 < applied < 1e11:
                applied = created_at
            out.append({"tracking": tracking_no, "service_code": code, "status": status, "applied_at": float(applied),
                        "completed_at": done.get(case_number), "name": str(applicant.get("name") or "").strip(),
                        "id_number": str(applicant.get("id_number") or "").strip().upper()})
        return out

    def add_certificate(self, *, kind: str, ref: str, id_hash: str, terminal: str, title: str, body_sha256: str,
                        holder: str, issuer: str) -> dict:
        """Numbers and stores one issued certificate: Z + local date + daily sequence, and a unique verify code."""
        now = self._clock()
        prefix = f"Z{datetime.fromtimestamp(now):%Y%m%d}"

        def issue(c: Connection) -> dict:
            for _ in range(8):  # 80 random bits: a clash is next to impossible, but cheap to survive
                code = new_verify_code()
                if not c.execute(select(certificates.c.number).where(certificates.c.verify_code == code)).first():
                    break
            else:
                raise RuntimeError("no free verify code")
            number = f"{prefix}{_take(c, 'certificate:' + prefix, 1):06d}"
            c.execute(insert(certificates).values(number=number, verify_code=code, kind=kind, ref=ref,
                                                  id_hash=id_hash, terminal=terminal, title=title,
                                                  body_sha256=body_sha256, holder=holder, issuer=issuer,
                                                  issued_at=now))
            return {"certificate_number": number, "verify_code": code, "issued_at": now}

        return self._retrying(issue)

    def certificate(self, verify_code: str) -> dict | None:
        with self._read() as c:
            row = c.execute(select(certificates.c.number, certificates.c.kind, certificates.c.title,
                                   certificates.c.holder, certificates.c.issuer, certificates.c.issued_at,
                                   certificates.c.body_sha256).where(certificates.c.verify_code == verify_code)).first()
        if row is None:
            return None
        return dict(zip(("certificate_number", "kind", "title", "holder", "issuer", "issued_at", "body_sha256"), row))

    def put_certificate_pdf(self, number: str, pdf: bytes) -> str:
        """Keeps a certificate's PDF sealed in the blob store (not in the blobs table: no terminal can ask for it as
        an attachment) and notes its sha256 on the certificate; the file is durable before the row names it."""
        sha = hashlib.sha256(pdf).hexdigest()
        self.blobs.put(sha, self._sealer.seal(pdf, f"certificate:{number}"))
        with self._write() as c:
            c.execute(update(certificates).where(certificates.c.number == number).values(pdf_sha256=sha))
        return sha

    def certificate_pdf(self, number: str, terminal: str) -> bytes | None:
        """The PDF of a certificate this terminal issued; None for another terminal's, one without a PDF, or none."""
        with self._read() as c:
            sha = c.execute(select(certificates.c.pdf_sha256).where(
                and_(certificates.c.number == number, certificates.c.terminal == terminal))).scalar()
        sealed = self.blobs.get(sha) if sha else None
        return None if sealed is None else self._sealer.open(sealed, f"certificate:{number}")

    # -- presence proofs and lookups ----------------------------------------------------------------------

    @staticmethod
    def _lock_terminal(c: Connection, terminal: str) -> None:
        """Per-terminal limits count then insert: on PostgreSQL the terminal's row serialises that (SQLite's write
        lock already does)."""
        c.execute(st.LOCK_TERMINAL, {"terminal": terminal})

    def add_presence(self, *, proof_id: str, terminal: str, id_hash: str, source: str, check: dict, issued_at: float,
                     expires_at: float, per_hour: int) -> bool:
        """Records one issued proof; False (nothing recorded) when the terminal had `per_hour` in the last hour."""
        with self._write() as c:
            self._lock_terminal(c, terminal)
            recent = c.execute(select(func.count()).select_from(presence).where(
                and_(presence.c.terminal == terminal, presence.c.issued_at > issued_at - 3600))).scalar()
            if recent >= per_hour:
                return False
            liveness = check.get("liveness_passed")
            c.execute(insert(presence).values(
                id=proof_id, terminal=terminal, id_hash=id_hash, source=source, decision=check["decision"],
                distance=check.get("distance"), threshold=check.get("threshold"), attempts=check.get("attempts"),
                liveness=None if liveness is None else int(liveness), issued_at=issued_at, expires_at=expires_at))
        return True

    def note_lookup(self, terminal: str, now: float, per_hour: int) -> bool:
        """Counts one lookup of a tracking number that is not the terminal's own; False (not counted) once the
        terminal made `per_hour` of them in the last hour."""
        with self._write() as c:
            self._lock_terminal(c, terminal)
            c.execute(st.FORGET_LOOKUPS, {"before": now - 3600})
            if c.execute(st.COUNT_LOOKUPS, {"terminal": terminal}).scalar() >= per_hour:
                return False
            c.execute(st.ADD_LOOKUP, {"terminal": terminal, "at": now})
        return True

    def counts(self) -> dict:
        with self._read() as c:
            return {t.name: c.execute(select(func.count()).select_from(t)).scalar()
                    for t in (cases, items, blobs, ratings)}


def _check(key: bytes) -> str:
    """Tells keys apart without giving anything away about them."""
    return hmac.new(key, b"key-check", hashlib.sha256).hexdigest()[:16]


def _insert_ignore(c: Connection, table, values: dict) -> bool:
    """INSERT … ON CONFLICT DO NOTHING; True when the row was new."""
    # RETURNING rather than rowcount, which not every driver reports for this statement
    stmt = st.dialect_insert(c, table).values(**values).on_conflict_do_nothing()
    return c.execute(stmt.returning(*table.primary_key.columns)).first() is not None


def _retryable(exc: OperationalError) -> bool:
    """SQLite's busy database, or PostgreSQL's deadlock or serialization failure: the same work again may pass."""
    return "locked" in str(exc) or getattr(exc.orig, "sqlstate", None) in ("40P01", "40001")


def _take(c: Connection, name: str, n: int) -> int:
    """Advances counter `name` by n in the caller's transaction and returns its new value (the last number taken).
    The row stays locked until commit, and a rollback gives the numbers back: no gaps, no doubles."""
    return c.execute(st.TAKE[c.dialect.name], {"name": name, "n": n}).scalar_one()


def _tracking_of(item: dict) -> tracking.TrackingNumber | None:
    """A submission's tracking number, or None when it does not parse (_apply rejects it)."""
    try:
        return tracking.parse(str(item["body"].get("tracking", "")))
    except ValueError:
        return None
