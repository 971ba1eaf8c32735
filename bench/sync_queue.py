"""Queue benchmark: durable enqueue rate vs bare SQLite and persist-queue; drain rate to a local central; RSS.
Run: .venv/bin/python bench/sync_queue.py [--runs 150] [--drain-runs 3] [--breakdown] [--gap] [--quick]
Goals (issue 20, one core): durable enqueue >= 0.80 of bare SQLite at the same durability (median of the paired
rounds' ratios); backlog drain >= 1,000 submissions/s without attachments. Last line: FIGURES <json>.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.support.figures import emit, figure  # noqa: E402
from offline_queue.store import QueueStore  # noqa: E402
from tests.helpers.central import free_port, wait_for_port  # noqa: E402

TERMINAL = "BENCH-01"
ENQUEUE_GOAL, DRAIN_GOAL = 0.80, 1000.0  # of bare SQLite; submissions/s


def realistic_submission(i: int) -> tuple[dict, dict, dict]:
    """About the size of a real application: 20 form fields, the card's identity, a face-check result."""
    form = {f"field_{k}": f"示范内容{k} {i}" * 2 for k in range(20)}
    applicant = {"name": "测试人", "id_number": f"99010119900101{i % 1000:03d}X", "gender": "男", "nation": "汉",
                 "birth": "19900101", "address": "测试省样例市示范区示范路100号示范小区1栋1单元101室",
                 "authority": "样例市公安局示范分局", "valid_from": "20200101", "valid_to": "20400101"}
    face = {"score": 0.934, "threshold": 0.6, "liveness": "passed", "frames": 5}
    return form, applicant, face


class Ours:
    name = "ours"

    def __init__(self, folder: Path) -> None:
        self.store = QueueStore(folder / "ours.sqlite3", folder / "ours.key", terminal_id=TERMINAL)

    def set_synchronous(self, mode: str) -> None:
        self.store._conn.execute(f"PRAGMA synchronous={mode}")

    def put(self, item: tuple[dict, dict, dict]) -> None:
        form, applicant, face = item
        self.store.enqueue_submission("gjj.withdraw", form, applicant, face)

    def close(self) -> None:
        self.store.close()


class BareSqlite:
    """The physical limit: one insert of a payload of our encrypted size per commit, WAL, synchronous=FULL."""

    name = "bare_sqlite"

    def __init__(self, folder: Path) -> None:
        self.c = sqlite3.connect(folder / "bare.sqlite3", isolation_level=None)
        self.c.execute("PRAGMA journal_mode=WAL")
        self.c.execute("PRAGMA synchronous=FULL")
        self.c.execute("CREATE TABLE q(id INTEGER PRIMARY KEY, data BLOB)")
        self.size = self.size_of()

    @staticmethod
    def size_of() -> int:
        form, applicant, face = realistic_submission(0)
        return len(json.dumps([form, applicant, face], ensure_ascii=False).encode()) + 28

    def set_synchronous(self, mode: str) -> None:
        self.c.execute(f"PRAGMA synchronous={mode}")

    def put(self, item) -> None:
        self.c.execute("BEGIN IMMEDIATE")
        self.c.execute("INSERT INTO q(data) VALUES (?)", (os.urandom(self.size),))
        self.c.execute("COMMIT")

    def close(self) -> None:
        self.c.close()


class PersistQueue:
    name = "persist_queue"

    def __init__(self, folder: Path) -> None:
        from persistqueue import SQLiteAckQueue

        self.q = SQLiteAckQueue(str(folder / "pq"), auto_commit=True, multithreading=True)
        self.q._putter.execute("PRAGMA synchronous=FULL")  # same durability as ours (it sets WAL itself)
        self.synchronous = self.q._putter.execute("PRAGMA synchronous").fetchone()[0]

    def set_synchronous(self, mode: str) -> None:
        self.q._putter.execute(f"PRAGMA synchronous={mode}")

    def put(self, item) -> None:
        form, applicant, face = item
        self.q.put({"service_code": "gjj.withdraw", "form": form, "applicant": applicant, "face_check": face})

    def close(self) -> None:
        self.q.close()


def enqueue_section(n: int, runs: int, folder: Path, raw: dict | None = None) -> dict:
    """Interleaved rounds (ABC, BCA, CAB...): each round runs the three back to back, so a disk that is busier
    in one round than in another (a shared VM) slows all three of that round alike. The headline ratios are the
    median over rounds of each round's own ratio; the ratio of median rates is printed too. `raw` gets every
    round's rates and ratios."""
    contenders = [BareSqlite(folder), Ours(folder), PersistQueue(folder)]
    items = [realistic_submission(i) for i in range(n)]
    rates: dict[str, list[float]] = {c.name: [] for c in contenders}
    for r in range(runs):
        order = contenders[r % 3:] + contenders[: r % 3]
        for c in order:
            t = time.perf_counter()
            for item in items:
                c.put(item)
            rates[c.name].append(n / (time.perf_counter() - t))
    # the same puts without fsync: what each costs in CPU, so the ratio can be projected to slower disks
    cpu: dict[str, list[float]] = {c.name: [] for c in contenders}
    for c in contenders:
        c.set_synchronous("OFF")
    for r in range(max(3, runs // 9)):
        for c in contenders:
            t = time.perf_counter()
            for item in items:
                c.put(item)
            cpu[c.name].append((time.perf_counter() - t) / n * 1e6)
    for c in contenders:
        c.close()
    m = {k: statistics.median(v) for k, v in rates.items()}
    paired = {other: sorted(o / b for o, b in zip(rates["ours"], rates[other])) for other in ("bare_sqlite",
                                                                                               "persist_queue")}
    if raw is not None:
        raw.update(rates=rates, paired={k: [o / b for o, b in zip(rates["ours"], rates[k])] for k in paired})
    cpu_us = {k: round(statistics.median(v), 1) for k, v in cpu.items()}
    # at the reference disk (bare SQLite ~2,700 commits/s) the fsync-bound part is 1/2700 s
    ref = 1e6 / 2700
    projected = {"ours_vs_bare_at_2700_per_s": round(ref / (ref + cpu_us["ours"] - cpu_us["bare_sqlite"]), 3),
                 "ours_vs_persist_queue_at_2700_per_s":
                     round((ref + cpu_us["persist_queue"] - cpu_us["bare_sqlite"])
                           / (ref + cpu_us["ours"] - cpu_us["bare_sqlite"]), 3)}

    def quartiles(v: list[float]) -> list[float]:
        return [round(v[len(v) // 4], 3), round(v[3 * len(v) // 4], 3)]

    return {"commits_per_round": n, "rounds": runs, "median_commits_per_s": {k: round(v) for k, v in m.items()},
            # the headline: the median over rounds of each round's ratio, and its quartiles
            "ours_vs_bare": round(statistics.median(paired["bare_sqlite"]), 3),
            "ours_vs_persist_queue": round(statistics.median(paired["persist_queue"]), 3),
            "per_round_ratio_quartiles": {f"ours_vs_{k}": quartiles(v) for k, v in paired.items()},
            "ratio_of_median_rates": {"ours_vs_bare": round(m["ours"] / m["bare_sqlite"], 3),
                                      "ours_vs_persist_queue": round(m["ours"] / m["persist_queue"], 3)},
            "persist_queue_synchronous": contenders[2].synchronous,
            "cpu_us_per_put_without_fsync": cpu_us, "projection": projected}


# -- where an enqueue's time goes (--breakdown) -------------------------------------------------------------------

class _TimedConnection(sqlite3.Connection):
    """Adds up the time spent inside SQLite (statements, commit, fsync) so the rest is the Python side."""

    spent = 0.0

    def cursor(self, *args):
        return _TimedCursor(self)


class _TimedCursor(sqlite3.Cursor):
    def execute(self, *args):
        t = time.perf_counter()
        try:
            return super().execute(*args)
        finally:
            self.connection.spent += time.perf_counter() - t


def breakdown_section(n: int, runs: int, folder: Path) -> dict:
    """Per-stage CPU of one enqueue, and the SQLite / Python split of whole enqueues with and without fsync."""
    import timeit
    from datetime import date

    from protocol import tracking
    from offline_queue.payload import pack
    from offline_queue.ids import new_id

    ours = Ours(folder)
    st = ours.store
    form, applicant, face = realistic_submission(7)
    body = {"form": form, "applicant": applicant, "face_check": face}
    plain = pack(body)
    day = date.today()
    issuer = tracking.DayIssuer(TERMINAL, day)
    stages = {"new_id": new_id, "tracking_number": lambda: issuer.number(123456),
              "id_hash": lambda: hashlib.blake2b(applicant["id_number"].strip().upper().encode(), digest_size=32,
                                                 key=st._id_key).digest(),
              "json_encode": lambda: pack(body),
              "aes_gcm_encrypt": lambda: st._suite.encrypt(plain, b"01KAR8Z5Y3XW2V1T0S9R8Q7P6N"),
              "os_urandom_28": lambda: os.urandom(28)}
    cpu = {k: round(min(timeit.repeat(f, number=2000, repeat=5)) / 2000 * 1e6, 2) for k, f in stages.items()}
    # whole enqueues through a connection that times SQLite's share
    st._conn.close()
    st._conn = sqlite3.connect(st.path, isolation_level=None, check_same_thread=False, timeout=30,
                               factory=_TimedConnection)
    st._enqueue_cursor = st._conn.cursor()
    items = [realistic_submission(i) for i in range(n)]
    split = {}
    for mode in ("FULL", "OFF"):
        st._conn.execute(f"PRAGMA synchronous={mode}")
        total, sql = [], []
        for _ in range(runs):
            st._conn.spent = 0.0
            t = time.perf_counter()
            for item in items:
                ours.put(item)
            total.append((time.perf_counter() - t) / n * 1e6)
            sql.append(st._conn.spent / n * 1e6)
        t_med, s_med = statistics.median(total), statistics.median(sql)
        split[f"synchronous_{mode}"] = {"us_per_enqueue": round(t_med, 1), "inside_sqlite": round(s_med, 1),
                                        "python_side": round(t_med - s_med, 1)}
    # bytes per stored record: ours (every column of the row) against the bare loop's one blob of the same payload
    row = st._conn.execute("SELECT avg(length(id) + length(kind) + length(tracking) + length(service_code) + 8"
                           " + length(state) + length(id_hash) + length(blobs) + length(payload)) FROM records"
                           ).fetchone()[0]
    ours.close()
    bare = BareSqlite(folder)
    bare.close()
    return {"stage_cpu_us": cpu, "split": split,
            "record_bytes": {"ours_row": round(row), "bare_sqlite_blob": bare.size, "page_size": 4096}}



# -- where ours and bare SQLite part (--gap) ----------------------------------------------------------------------

class _BareBlob(BareSqlite):
    """The bare loop with a blob of another size (our whole row's), in its own file; a twin when the size is the
    same: the method's own spread."""

    def __init__(self, folder: Path, name: str, size: int) -> None:
        self.name, self.size = name, size
        self.c = sqlite3.connect(folder / f"{name}.sqlite3", isolation_level=None)
        self.c.execute("PRAGMA journal_mode=WAL")
        self.c.execute("PRAGMA synchronous=FULL")
        self.c.execute("CREATE TABLE q(id INTEGER PRIMARY KEY, data BLOB)")


class _ReadyRow(Ours):
    """Our table, connection and settings, but each commit inserts values made beforehand: what is left of ours
    once the enqueue's Python work (id, hash, JSON, encryption, tracking number, lock) is taken away."""

    name = "ours_table_ready_values"

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        form, applicant, face = realistic_submission(0)
        probe = self.store.enqueue_submission("gjj.withdraw", form, applicant, face)
        self.row = list(self.store._conn.execute(
            "SELECT id, seq, kind, tracking, service_code, created_at, id_hash, blobs, payload FROM records WHERE seq=?",
            (probe.seq,)).fetchone())

    def put(self, item) -> None:
        from offline_queue.store import _INSERT

        self.row[1] += 1
        cur = self.store._enqueue_cursor
        cur.execute("BEGIN IMMEDIATE")
        cur.execute(_INSERT, self.row)
        cur.execute("COMMIT")


def gap_section(n: int, runs: int, folder: Path) -> dict:
    """Per commit, wall and this thread's CPU (the kernel's share of write and fsync included), interleaved rounds:
    bare SQLite, a bare twin, bare with a blob of our whole row's size, our table with ready values, ours."""
    for sub in ("ours", "ready"):
        (folder / sub).mkdir()
    ours = Ours(folder / "ours")
    contenders = [BareSqlite(folder), _BareBlob(folder, "bare_twin", BareSqlite.size_of()), ours,
                  _ReadyRow(folder / "ready")]
    items = [realistic_submission(i) for i in range(n)]
    ours.put(items[0])  # our row's size: every column of a record as stored
    size = ours.store._conn.execute("SELECT length(id) + length(kind) + length(tracking) + length(service_code) + 8"
                       " + length(state) + length(id_hash) + length(blobs) + length(payload) FROM records"
                       " ORDER BY seq DESC LIMIT 1").fetchone()[0]
    contenders.insert(2, _BareBlob(folder, "bare_with_our_row_size", size))
    wall: dict[str, list[float]] = {c.name: [] for c in contenders}
    cpu: dict[str, list[float]] = {c.name: [] for c in contenders}
    for r in range(runs):
        for c in contenders[r % len(contenders):] + contenders[:r % len(contenders)]:
            t, p = time.perf_counter(), time.thread_time()
            for item in items:
                c.put(item)
            cpu[c.name].append((time.thread_time() - p) / n * 1e6)
            wall[c.name].append((time.perf_counter() - t) / n * 1e6)
    for c in contenders:
        c.close()
    return {name: {"wall_us": round(statistics.median(wall[name]), 1), "cpu_us": round(statistics.median(cpu[name]), 1),
                   "rate_vs_bare": round(statistics.median([b / o for o, b in zip(wall[name], wall["bare_sqlite"])]), 3)}
            for name in wall} | {"our_row_bytes": size, "rounds": runs, "commits_per_round": n}

# -- drain ------------------------------------------------------------------------------------------------------

def drain_section(n: int, attachment_kb: int, batch: int, folder: Path) -> dict:
    from central.cli import cli_main

    db = folder / "central.sqlite3"
    secret_file = folder / "terminal.secret"
    cli_main(["add-terminal", TERMINAL, "--db", str(db), "--secret-file", str(secret_file)])
    store = QueueStore(folder / "queue.sqlite3", folder / "queue.key", terminal_id=TERMINAL)
    t = time.perf_counter()
    for i in range(n):
        form, applicant, face = realistic_submission(i)
        att = [os.urandom(attachment_kb * 1024)] if attachment_kb else []
        store.enqueue_submission("gjj.withdraw", form, applicant, face, att)
    fill = time.perf_counter() - t
    store.close()
    port = free_port()
    # the drain is the thing measured: central's per-terminal rate limit would measure itself instead
    server = subprocess.Popen([sys.executable, "-m", "central.cli", "serve", "--port", str(port), "--db", str(db),
                               "--terminal-limit", "off", "--address-limit", "off", "--no-access-log"], cwd=REPO)
    try:
        wait_for_port(port, server)
        out = subprocess.run([sys.executable, __file__, "_drain_child", str(folder), f"http://127.0.0.1:{port}",
                              str(batch)], capture_output=True, text=True, check=True, cwd=REPO)
    finally:
        server.terminate()
        server.wait(10)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result.update(n=n, attachment_kb=attachment_kb, batch_size=batch, fill_seconds=round(fill, 2))
    return result


def drain_child(folder: Path, url: str, batch: int) -> None:
    """Runs in its own process so its peak RSS is the sync worker's alone."""
    from offline_queue.client import CentralClient
    from protocol.signing import read_secret
    from offline_queue.worker import SyncWorker

    store = QueueStore(folder / "queue.sqlite3", folder / "queue.key", terminal_id=TERMINAL)
    client = CentralClient(url, TERMINAL, read_secret(folder / "terminal.secret"), timeout=30,
                           allow_plain_http_loopback=True)
    worker = SyncWorker(store, client, batch_size=batch, heartbeat_every=3600)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    n = store.stats().depth["pending"]
    t = time.perf_counter()
    while worker.sync_once() or store.stats().depth["pending"]:
        pass
    elapsed = time.perf_counter() - t
    assert store.stats().depth["acknowledged"] == n, store.stats()
    print(json.dumps({"drained": n, "seconds": round(elapsed, 2), "per_second": round(n / elapsed),
                      "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                      "rss_before_drain_mb": round(rss_before / 1024, 1)}))


def main(argv: list[str]) -> int:
    if argv[:1] == ["_drain_child"]:
        drain_child(Path(argv[1]), argv[2], int(argv[3]))
        return 0
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--enqueue", type=int, default=300, help="commits per contender per round")
    p.add_argument("--runs", type=int, default=150,
                   help="interleaved rounds (each: the three contenders back to back); the headline is their median")
    p.add_argument("--drain", type=int, default=10000, help="backlog size without attachments")
    p.add_argument("--drain-attached", type=int, default=1000, help="backlog size with one attachment each")
    p.add_argument("--attachment-kb", type=int, default=200)
    p.add_argument("--batch", type=int, default=50)
    p.add_argument("--drain-runs", type=int, default=3, help="drains of each backlog (fresh queue and central)")
    p.add_argument("--dir", help="where the files go (default: a temp dir next to the repo, on the same disk)")
    p.add_argument("--skip-drain", action="store_true")
    p.add_argument("--breakdown", action="store_true",
                   help="also print where our enqueue's time goes (per-stage CPU; SQLite vs Python, with/without fsync)")
    p.add_argument("--gap", action="store_true",
                   help="also print, per commit, wall and CPU of bare SQLite, a bare twin, bare with our row's size, "
                        "our table with ready values, and ours (where the enqueue ratio's gap is)")
    p.add_argument("--quick", action="store_true", help="tiny workload, seconds: checks the benchmark runs")
    args = p.parse_args(argv)
    if args.quick:
        args.enqueue, args.runs, args.drain, args.drain_attached, args.attachment_kb = 20, 2, 100, 10, 20
        args.drain_runs, args.gap = 1, True  # --gap too, so it cannot break unseen
    # beside the repo: the same disk as a deployment; a quick run stays in the temp folder
    base = Path(tempfile.mkdtemp(prefix="queue-bench-", dir=args.dir or (None if args.quick else REPO.parent)))
    try:
        raw: dict = {}
        report = {"dir": str(base), "enqueue": enqueue_section(args.enqueue, args.runs, base, raw)}
        print(json.dumps(report["enqueue"], ensure_ascii=False), flush=True)
        ratio = statistics.median(raw["paired"]["bare_sqlite"])
        figures = [figure("durable enqueue, ours / bare SQLite (WAL + FULL), per paired round",
                          raw["paired"]["bare_sqlite"], "x", f">= {ENQUEUE_GOAL:.2f}", ratio >= ENQUEUE_GOAL),
                   figure("durable enqueue, ours / persist-queue, per paired round", raw["paired"]["persist_queue"],
                          "x")]
        figures += [figure(f"durable enqueue rate, {title}", raw["rates"][name], "commits/s")
                    for name, title in (("ours", "ours"), ("bare_sqlite", "bare SQLite"),
                                        ("persist_queue", "persist-queue"))]
        if args.breakdown:
            d = base / "breakdown"
            d.mkdir()
            report["breakdown"] = breakdown_section(args.enqueue, max(3, args.runs // 3), d)
            print(json.dumps({"breakdown": report["breakdown"]}), flush=True)
        if args.gap:
            d = base / "gap"
            d.mkdir()
            report["gap"] = gap_section(args.enqueue, max(5, args.runs // 3), d)
            print(json.dumps({"gap": report["gap"]}), flush=True)
            for name, v in report["gap"].items():
                if isinstance(v, dict):
                    figures += [figure(f"per commit, {name}: wall", [v["wall_us"]], "us"),
                                figure(f"per commit, {name}: thread CPU, kernel included", [v["cpu_us"]], "us")]
        if not args.skip_drain:
            for label, n, kb in (("drain_plain", args.drain, 0), ("drain_attached", args.drain_attached,
                                                                  args.attachment_kb)):
                rates = []
                for r in range(args.drain_runs):
                    d = base / f"{label}-{r}"
                    d.mkdir()
                    report[label] = drain_section(n, kb, args.batch, d)
                    print(json.dumps({label: report[label]}), flush=True)
                    rates.append(report[label]["per_second"])
                    shutil.rmtree(d)
                if kb:
                    figures.append(figure(f"backlog drain, {n} submissions with one {kb} KB attachment each", rates,
                                          "submissions/s"))
                else:
                    figures.append(figure(f"backlog drain, {n} submissions without attachments", rates,
                                          "submissions/s", f">= {DRAIN_GOAL:,.0f}",
                                          statistics.median(rates) >= DRAIN_GOAL))
        emit(figures)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
