"""The simulated fleet of the central benchmark: invented terminals, their request bodies, and a database filled fast
(--preload)."""

from __future__ import annotations

import bisect
import collections
import functools
import hashlib
import hmac
import json
import os
import random
import time
from datetime import date, datetime, timedelta

from sqlalchemy import insert, select
from sqlalchemy.dialects import postgresql, sqlite

from central.schema import counters, terminals
from central.sealing import Sealer
from central.storage import CentralStore
from protocol import tracking
from protocol.idhash import central_id_hash
from protocol.status import status_view


# -- the simulated fleet ------------------------------------------------------------------------------------------

class Fleet:
    """Terminal ids and secrets (derived from one random key), each terminal's next sequence number, and cases the
    progress queries can ask for (each by the terminal that took it)."""

    def __init__(self, size: int, rng: random.Random) -> None:
        self.ids = [f"BN-{i:05d}" for i in range(size)]
        self._key = os.urandom(32)
        self._seq = [0] * size
        self.known: dict[int, collections.deque[str]] = {}
        self.owners: list[int] = []  # terminals with a known case, sorted
        self.rng = rng
        self.day = date.today()

    def secret(self, i: int) -> str:
        return hmac.new(self._key, self.ids[i].encode(), hashlib.sha256).hexdigest()

    def next_tracking(self, i: int) -> tuple[int, str]:
        self._seq[i] += 1
        return self._seq[i], tracking.issue(self.ids[i], self.day, self._seq[i])

    def remember(self, i: int, number: str) -> None:
        if i not in self.known:
            self.known[i] = collections.deque(maxlen=20)
            bisect.insort(self.owners, i)
        self.known[i].append(number)

    def some_case(self, n: int) -> tuple[int, str] | None:
        """A known case of one of the first n terminals, with the terminal that took it."""
        among = bisect.bisect_left(self.owners, n)
        if not among:
            return None
        i = self.owners[self.rng.randrange(among)]
        return i, self.rng.choice(self.known[i])


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


@functools.lru_cache(maxsize=None)
def _born(k: int) -> tuple[str, int]:
    """Region and birth date of an invented ID number, and their part of the check sum."""
    head = f"990101{date(1950, 1, 1) + timedelta(days=k):%Y%m%d}"
    return head, sum(int(d) * w for d, w in zip(head, _ID_WEIGHTS))


def invented_id_number(i: int) -> str:
    """Region 99 does not exist: nobody real. A valid check digit, a birth date and sequence varying with i."""
    head, total = _born(i % 18000)
    seq = i % 1000
    total += (seq // 100) * _ID_WEIGHTS[14] + (seq // 10 % 10) * _ID_WEIGHTS[15] + (seq % 10) * _ID_WEIGHTS[16]
    return f"{head}{seq:03d}" + "10X98765432"[total % 11]


def submission_body(number: str, i: int, shas: list[str]) -> dict:
    """About the size of a real application: 20 form fields, the card's identity, a face-check result."""
    return {"tracking": number, "service_code": "ZJ-002", "created_at": time.time(), "attachments": shas,
            "form": {f"field_{k}": f"示范内容{k} {i}" * 2 for k in range(20)},
            "applicant": {"name": "测试人", "id_number": invented_id_number(i), "gender": "男", "nation": "汉",
                          "birth": "19900101", "address": "测试省样例市示范区示范路100号示范小区1栋1单元101室",
                          "authority": "样例市公安局示范分局", "valid_from": "20200101", "valid_to": "20400101"},
            "face": {"decision": "match", "distance": 0.41, "threshold": 0.6, "liveness_passed": True}}


def heartbeat_body(rng: random.Random) -> dict:
    return {"at": time.time(), "reason": "interval", "depth": {"pending": rng.randrange(3), "sending": 0,
                                                               "acknowledged": rng.randrange(5000), "rejected": 0},
            "oldest_pending_age": None, "software": "1.0.0", "catalog": "2026.04", "uptime": 3600.0, "restarts": 0,
            "crashes": 0, "devices": {"printer": {"state": "ok"}, "idcard": {"state": "ok"}, "camera": {"state": "ok"}},
            "paper": "ok", "quarantined": 0, "free_disk": 20_000_000_000, "clock_offset": 0.1,
            "last_sync": time.time() - 30}


# -- filling the database fast ------------------------------------------------------------------------------------

def _dialect_insert(engine, table):
    return (postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert)(table)


def register(store: CentralStore, fleet: Fleet) -> None:
    """Every simulated terminal in one transaction (secrets sealed as central seals them)."""
    sealer, now = Sealer(store.keys.data), time.time()
    rows = [{"id": tid, "secret": sealer.seal_text(fleet.secret(i), f"terminal:{tid}"), "created_at": now}
            for i, tid in enumerate(fleet.ids)]
    with store.engine.begin() as c:
        for k in range(0, len(rows), 5000):
            c.execute(insert(terminals), rows[k:k + 5000])


def preload(store: CentralStore, fleet: Fleet, count: int, chunk: int = 20_000) -> float:
    """`count` cases as if accepted last month (sealed bodies, keyed ID hashes, their items and history), numbered
    after whatever the case counter holds; COPY on PostgreSQL, multi-row inserts on SQLite. Seconds taken."""
    began = time.perf_counter()
    engine, sealer, id_key = store.engine, Sealer(store.keys.data), store.keys.id_hash
    day = fleet.day - timedelta(days=30)
    prefix, at = f"C{day:%Y%m%d}", datetime.combine(day, datetime.min.time()).timestamp()
    seqs = [0] * len(fleet.ids)
    with engine.begin() as c:
        base = c.execute(select(counters.c.value).where(counters.c.name == "case")).scalar() or 0
    case_cols = ("case_number", "item_id", "tracking", "terminal", "service_code", "id_hash", "status", "body",
                 "created_at", "updated_at")
    item_cols = ("id", "terminal", "kind", "seq", "result", "received_at")
    history_cols = ("case_number", "status", "at")
    # the JSON texts are cut from templates: a million json.dumps would take longer than the inserts
    doc = dict(submission_body("@1@", 0, []), created_at=at)
    doc["applicant"] = dict(doc["applicant"], id_number="@2@")
    body_head, rest = json.dumps(doc, ensure_ascii=False).split("@1@")
    body_mid, body_tail = rest.split("@2@")
    result_head, rest = json.dumps({"id": "@1@", "result": "accepted", "case_number": "@2@",
                                    **status_view("received")}).split("@1@")
    result_mid, result_tail = rest.split("@2@")

    def rows(lo: int, hi: int):
        out_cases, out_items, out_history = [], [], []
        for n in range(lo, hi):
            i = n % len(fleet.ids)
            tid = fleet.ids[i]
            seqs[i] += 1
            number, case_number = tracking.issue(tid, day, seqs[i]), f"{prefix}{base + n + 1:08d}"
            item_id = f"pre-{base + n}"
            idno = invented_id_number(n)
            body = body_head + number + body_mid + idno + body_tail
            out_cases.append((case_number, item_id, number, tid, "ZJ-002", central_id_hash(id_key, idno), "received",
                              sealer.seal_text(body, f"case:{case_number}"), at, at))
            out_items.append((item_id, tid, "submission", seqs[i], result_head + item_id + result_mid + case_number
                              + result_tail, at))
            out_history.append((case_number, "received", at))
            fleet.remember(i, number)
        return out_cases, out_items, out_history

    tables = (("cases", case_cols), ("items", item_cols), ("history", history_cols))
    for lo in range(0, count, chunk):
        chunks = rows(lo, min(count, lo + chunk))
        if engine.dialect.name == "postgresql":
            raw = engine.raw_connection()
            try:
                with raw.cursor() as cur:
                    for (table, cols), data in zip(tables, chunks):
                        with cur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
                            for row in data:
                                copy.write_row(row)
                raw.commit()
            finally:
                raw.close()
        else:
            with engine.begin() as c:
                for (table, cols), data in zip(tables, chunks):
                    c.exec_driver_sql(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                                      data)
    with engine.begin() as c:
        stmt = _dialect_insert(engine, counters).values(name="case", value=base + count)
        c.execute(stmt.on_conflict_do_update(index_elements=["name"], set_={"value": base + count}))
    # as after any bulk load: the planner's figures, and (PostgreSQL) the vacuum autovacuum would otherwise run in
    # the middle of the measurements; then the load written out (a checkpoint, and the kernel's dirty pages), so
    # the steps measure a central that has held its million cases for a while, not the writeback of the last
    # minute's gigabytes (the likeliest cause of one run's p99 thirty times higher than the next)
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.exec_driver_sql("VACUUM ANALYZE")
            c.exec_driver_sql("CHECKPOINT")
    else:
        with engine.begin() as c:
            c.exec_driver_sql("ANALYZE")
        raw = engine.raw_connection()  # outside SQLAlchemy's transaction: a checkpoint cannot run inside one
        try:
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            raw.close()
    os.sync()
    return time.perf_counter() - began
