"""Central load benchmark: N simulated terminals over real HTTP against `kiosk central serve` on SQLite (one process)
and on PostgreSQL with 1, 2 and 4 workers, open loop; prints the largest N each holds.

Each terminal signs its requests as a kiosk does and checks the signed answers. Per step of N terminals: every
terminal beats once a minute (random phase), submissions arrive at 50/s in batches of 5 from random terminals, 10 %
of them with a 200 KB attachment uploaded just before its batch, and 20 progress queries/s ask for a known case.
Arrivals are scheduled in advance (Poisson; the beats by phase) and each latency runs from the scheduled time, so a
slow central (or a late load generator) cannot hide by sending less. A step passes with heartbeat p99 < 1 s,
submission p99 < 2 s and no error. --preload M stores M cases first (sealed bodies; COPY on PostgreSQL).

Run: .venv/bin/python bench/central.py [--steps 1000,2000,5000,10000,20000] [--step-seconds 60] [--preload 1000000]
         [--configs sqlite,pg1,pg2,pg4] [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


from central.storage import CentralStore  # noqa: E402
from protocol import signing  # noqa: E402
from tests.helpers.central import free_port, wait_for_port  # noqa: E402
from bench.support.central_fleet import Fleet, heartbeat_body, preload, register, submission_body  # noqa: E402
from bench.support.figures import emit, figure  # noqa: E402
from tests.helpers.postgres import SUPERUSER, PostgresServer, _bin_dir  # noqa: E402

HEARTBEAT_EVERY = 60.0
HEARTBEAT_P99, SUBMISSION_P99 = 1.0, 2.0
BLOB_LEAD = 1.0  # a kiosk uploads a submission's attachments before the batch that names them
TIMEOUT = 30.0
ROUTES = ("heartbeat", "batch", "blob", "progress")
CONFIGS = {"sqlite": ("sqlite", 1), "pg1": ("postgresql", 1), "pg2": ("postgresql", 2), "pg4": ("postgresql", 4)}
TITLES = {"sqlite": "SQLite", "pg1": "PostgreSQL ×1", "pg2": "PostgreSQL ×2", "pg4": "PostgreSQL ×4"}
_CLK = os.sysconf("SC_CLK_TCK")




# -- CPU accounting from /proc ------------------------------------------------------------------------------------

def _stat(pid: int) -> list[str] | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None


def tree(root: int) -> list[int]:
    """root and every process below it."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            fields = _stat(int(entry))
            if fields:
                parents.setdefault(int(fields[1]), []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo += parents.get(pid, [])
    return out


def own_cpu_seconds() -> float:
    """This process alone (central runs as its child: a tree would count it twice)."""
    return sum(int(x) for x in _stat(os.getpid())[11:13]) / _CLK


def cpu_seconds(root: int | None) -> float:
    """CPU of a process tree, its reaped children included (a PostgreSQL backend that ended still counts)."""
    if root is None:
        return 0.0
    total = 0
    for pid in tree(root):
        fields = _stat(pid)
        if fields:
            total += sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
    return total / _CLK


def machine_busy() -> float:
    """CPU seconds spent on anything on this machine since boot (every core)."""
    parts = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = parts[3] + parts[4]
    return (sum(parts[:8]) - idle) / _CLK


# -- one step of load ---------------------------------------------------------------------------------------------

@dataclass
class Profile:
    submissions: float = 50.0  # per second
    batch_items: int = 5
    attach_share: float = 0.10
    attach_bytes: int = 200 * 1024
    queries: float = 20.0  # per second


@dataclass
class Step:
    n: int
    seconds: float
    latencies: dict[str, list[float]] = field(default_factory=lambda: {r: [] for r in ROUTES})
    errors: dict[str, int] = field(default_factory=dict)
    lags: list[float] = field(default_factory=list)
    cores: dict[str, float] = field(default_factory=dict)
    requests: int = 0
    wall: float = 0.0
    attempt: int = 1

    def error(self, route: str, why: str) -> None:
        key = f"{route}: {why}"
        self.errors[key] = self.errors.get(key, 0) + 1

    def p(self, route: str, q: float) -> float | None:
        values = sorted(self.latencies[route])
        return values[min(len(values) - 1, int(q * len(values)))] if values else None

    def passed(self) -> bool:
        hb, sub = self.p("heartbeat", 0.99), self.p("batch", 0.99)
        return not self.errors and hb is not None and hb < HEARTBEAT_P99 and (sub is None or sub < SUBMISSION_P99)


def schedule(n: int, seconds: float, profile: Profile, rng: random.Random) -> list[tuple[float, str, tuple]]:
    """(time, what, details) of every request of the step, sorted: the arrivals are fixed before any is sent."""
    events: list[tuple[float, str, tuple]] = []
    for i in range(n):
        t = rng.uniform(0, HEARTBEAT_EVERY)
        while t < seconds:
            events.append((t, "heartbeat", (i,)))
            t += HEARTBEAT_EVERY
    t = rng.expovariate(profile.submissions / profile.batch_items)
    while t < seconds:
        blobs = tuple(rng.random() < profile.attach_share for _ in range(profile.batch_items))
        events.append((t, "batch", (rng.randrange(n), blobs)))
        t += rng.expovariate(profile.submissions / profile.batch_items)
    t = rng.expovariate(profile.queries)
    while t < seconds:
        events.append((t, "progress", ()))
        t += rng.expovariate(profile.queries)
    events.sort(key=lambda e: e[0])
    return events


class Answer(NamedTuple):
    status: int
    headers: dict[str, str]
    body: bytes


async def call(port: int, method: str, path: str, headers: dict[str, str], body: bytes) -> Answer:
    """One HTTP/1.1 exchange on a connection of its own, as a kiosk that wakes once a minute opens one (httpx's
    pool spent more CPU than central once thousands of requests queued for it)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        head = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{port}", f"Content-Length: {len(body)}",
                "Connection: close", *(f"{k}: {v}" for k, v in headers.items())]
        writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)
        await writer.drain()
        status_line, *lines = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        fields = {}
        for line in lines:
            name, _, value = line.partition(":")
            if name:
                fields[name.strip().lower()] = value.strip()
        length = fields.get("content-length")
        data = await reader.readexactly(int(length)) if length is not None else await reader.read()
        return Answer(int(status_line.split(" ", 2)[1]), fields, data)
    finally:
        writer.close()


class Load:
    """Sends a schedule and records each latency from its scheduled time, waiting for a free connection
    included."""

    def __init__(self, port: int, fleet: Fleet, profile: Profile, step: Step, connections: int) -> None:
        self.port, self.fleet, self.profile, self.step = port, fleet, profile, step
        self.loop = asyncio.get_running_loop()
        self.slots = asyncio.Semaphore(connections)
        self.start = 0.0

    async def _send(self, route: str, due: float, i: int, method: str, path: str, body: bytes = b"",
                    kind: str = "application/json") -> Answer | None:
        """The signed request; its answer once its signature checks, else None (an error is recorded)."""
        terminal, secret = self.fleet.ids[i], self.fleet.secret(i)
        async with self.slots:
            self.step.lags.append(self.loop.time() - due)
            headers = signing.sign(method, path, body, terminal=terminal, secret=secret, now=time.time())
            self.step.requests += 1
            try:
                r = await asyncio.wait_for(call(self.port, method, path, dict(headers, **{"Content-Type": kind}),
                                                body), TIMEOUT)
            except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError,
                    ValueError) as exc:
                self.step.error(route, type(exc).__name__)
                return None
            finally:
                self.step.latencies[route].append(self.loop.time() - due)
        why = signing.check_answer(r.status, headers[signing.NONCE], r.body,
                                   r.headers.get(signing.ANSWER_SIGNATURE.lower()), terminal=terminal, secret=secret)
        if why:
            self.step.error(route, f"HTTP {r.status}, {why}")
            return None
        if r.status not in (200, 201):
            self.step.error(route, f"HTTP {r.status}")
            return None
        return r

    async def heartbeat(self, due: float, i: int) -> None:
        body = json.dumps(heartbeat_body(self.fleet.rng)).encode()
        await self._send("heartbeat", due, i, "POST", "/v1/heartbeat", body)

    async def blob(self, due: float, i: int, data: bytes | None = None, sha: str | None = None) -> bool:
        if data is None:
            data = os.urandom(self.profile.attach_bytes)
            sha = hashlib.sha256(data).hexdigest()
        await asyncio.sleep(max(0.0, due - self.loop.time()))
        return await self._send("blob", due, i, "PUT", f"/v1/blobs/{sha}", data,
                                "application/octet-stream") is not None

    async def batch(self, due: float, i: int, attached: tuple[bool, ...]) -> None:
        uploads, docs = [], []
        for with_blob in attached:
            seq, number = self.fleet.next_tracking(i)
            shas = []
            if with_blob:
                data = os.urandom(self.profile.attach_bytes)
                shas.append(hashlib.sha256(data).hexdigest())
                uploads.append(asyncio.ensure_future(self.blob(due - BLOB_LEAD, i, data, shas[0])))
            docs.append({"id": f"{self.fleet.ids[i]}-{self.fleet.day:%Y%m%d}-{seq}", "seq": seq, "kind": "submission",
                         "body": submission_body(number, seq, shas)})
        await asyncio.sleep(max(0.0, due - self.loop.time()))
        if uploads and not all(await asyncio.gather(*uploads)):
            self.step.error("batch", "attachment upload failed")
            return
        body = json.dumps({"items": docs}, ensure_ascii=False).encode()
        r = await self._send("batch", due, i, "POST", "/v1/batch", body)
        if r is None:
            return
        for doc, result in zip(docs, json.loads(r.body)["results"]):
            if result["result"] != "accepted":
                self.step.error("batch", f"item {result['result']} ({result.get('reason')})")
            else:
                self.fleet.remember(i, doc["body"]["tracking"])

    async def progress(self, due: float) -> None:
        found = self.fleet.some_case(self.step.n)
        if found is None:  # nothing submitted yet to ask about
            return
        await self._send("progress", due, found[0], "GET", f"/v1/cases/{found[1]}")

    async def run(self, events: list[tuple[float, str, tuple]]) -> None:
        self.start = self.loop.time() + BLOB_LEAD
        tasks = []
        # a batch starts a lead ahead of its time: its uploads go out first
        for t, what, details in sorted(events, key=lambda e: e[0] - (BLOB_LEAD if e[1] == "batch" else 0.0)):
            due = self.start + t
            wait = due - (BLOB_LEAD if what == "batch" else 0.0) - self.loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            if what == "progress":
                tasks.append(asyncio.ensure_future(self.progress(due)))
            else:
                tasks.append(asyncio.ensure_future(getattr(self, what)(due, *details)))
        await asyncio.gather(*tasks)


async def run_step(port: int, fleet: Fleet, n: int, events: list[tuple[float, str, tuple]], seconds: float,
                   profile: Profile, connections: int) -> Step:
    step = Step(n, seconds)
    await Load(port, fleet, profile, step, connections).run(events)
    return step


def steady(route: str, rate: float, seconds: float, n: int, rng: random.Random) -> list[tuple[float, str, tuple]]:
    """One kind of request alone at a steady rate, to price it: a batch without attachments, a blob alone."""
    details = {"heartbeat": lambda: (rng.randrange(n),), "batch": lambda: (rng.randrange(n), (False,) * 5),
               "blob": lambda: (rng.randrange(n),), "progress": lambda: ()}[route]
    return [(k / rate, route, details()) for k in range(int(rate * seconds))]


# -- servers ------------------------------------------------------------------------------------------------------

class DurablePostgres(PostgresServer):
    """The tests' throwaway server, but durable as a deployment is (fsync, synchronous commit) and with the memory a
    1 M-case working set wants."""

    def start(self) -> DurablePostgres:
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8")
        options = (f"-k {self.socket_dir} -c listen_addresses='' -c max_connections=200 -c shared_buffers=512MB"
                   " -c effective_cache_size=2GB")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.root / "log"),
                  "-w", "-t", "120", "start")
        return self

    def pid(self) -> int:
        return int((self.data / "postmaster.pid").read_text().splitlines()[0])


def serve(target: str, folder: Path, workers: int, log: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    with open(log, "ab") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "central.cli", "serve", "--port", str(port), "--db", target, "--keys-dir",
             str(folder), "--workers", str(workers), "--terminal-limit", "off", "--address-limit", "off"],
            cwd=REPO, stdout=out, stderr=out)
    wait_for_port(port, server, timeout=180)
    deadline = time.monotonic() + 180
    while workers > 1 and len(tree(server.pid)) < workers + 1 and time.monotonic() < deadline:
        time.sleep(0.2)
    return server, port


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(60)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(30)


# -- report -------------------------------------------------------------------------------------------------------

COST_RATES = {"heartbeat": 20.0, "batch": 4.0, "blob": 4.0, "progress": 20.0}  # per second, one kind alone
COST_NAMES = {"heartbeat": "heartbeat", "batch": "batch of 5", "blob": "blob 200 KB", "progress": "progress"}


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value * 1000:.0f}"


def per_request(step: Step, part: str) -> float:
    """Milliseconds of CPU per request the step's `part` (central, database, generator) spent."""
    return step.cores[part] * step.wall / max(1, step.requests) * 1000


def print_step(name: str, step: Step) -> None:
    for route in ROUTES:
        lat = step.latencies[route]
        errs = sum(v for k, v in step.errors.items() if k.startswith(route + ":"))
        print(f"  {name:<14} {step.n:>6} {route:<10} {len(lat):>6} {_ms(step.p(route, .5)):>7} "
              f"{_ms(step.p(route, .95)):>7} {_ms(step.p(route, .99)):>7} {errs:>6}")
    c = step.cores
    lags = sorted(step.lags)
    lag = lags[min(len(lags) - 1, int(0.99 * len(lags)))] if lags else 0.0
    print(f"  {'':<14} {'':>6} cores used: generator {c['generator']:.2f}, central {c['central']:.2f}, database"
          f" {c['database']:.2f}, rest of the machine {c['other']:.2f} (of {os.cpu_count()}); CPU per request: central"
          f" {per_request(step, 'central'):.1f} ms, database {per_request(step, 'database'):.1f} ms, generator"
          f" {per_request(step, 'generator'):.1f} ms; send lag p99 {lag * 1000:.0f} ms;"
          f" {'PASS' if step.passed() else 'FAIL'}" + (f" (try {step.attempt})" if step.attempt > 1 else ""))
    for why, count in sorted(step.errors.items())[:5]:
        print(f"  {'':<14} {'':>6} error ×{count}: {why}")
    sys.stdout.flush()


def print_costs(name: str, costs: dict[str, Step]) -> None:
    parts = [f"{COST_NAMES[route]} {per_request(s, 'central'):.1f}+{per_request(s, 'database'):.1f}"
             f" ({_ms(s.p(route, .5))} ms)" for route, s in costs.items()]
    print(f"  {name:<14} alone, CPU ms per request central+database (p50): " + " · ".join(parts), flush=True)


def print_summary(steps_run: dict[str, list[Step]], costs: dict[str, dict[str, Step]], steps: list[int],
                  names: list[str], profile: Profile) -> None:
    width = 26
    print(f"\nlargest N with heartbeat p99 < {HEARTBEAT_P99:g} s, submission p99 < {SUBMISSION_P99:g} s and no errors"
          " (cells: heartbeat p99 / submission p99 in ms, errors)")
    print(f"{'N':>7}  " + "".join(f"{TITLES[n]:<{width}}" for n in names))
    for n in steps:
        cells = []
        for name in names:
            step = next((s for s in steps_run.get(name, []) if s.n == n), None)
            cells.append("not run" if step is None else
                         f"{_ms(step.p('heartbeat', .99))}/{_ms(step.p('batch', .99))} "
                         f"{sum(step.errors.values())} {'ok' if step.passed() else 'FAIL'}"
                         + (f" (try {step.attempt})" if step.attempt > 1 else ""))
        print(f"{n:>7}  " + "".join(f"{cell:<{width}}" for cell in cells))
    best = []
    for name in names:
        held = 0
        for step in steps_run.get(name, []):
            if not step.passed():
                break
            held = step.n
        best.append(f"{held}" if held else "none")
    print(f"{'largest':>7}  " + "".join(f"{cell:<{width}}" for cell in best))
    print("\nCPU per request, one kind alone (ms, central + database)")
    print(f"{'':>12}  " + "".join(f"{TITLES[n]:<{width}}" for n in names))
    for route in ROUTES:
        print(f"{COST_NAMES[route]:>12}  " + "".join(
            f"{per_request(costs[n][route], 'central') + per_request(costs[n][route], 'database'):<{width}.1f}"
            if n in costs else f"{'-':<{width}}" for n in names))
    fixed, per_thousand = [], []
    for name in names:
        if name not in costs:
            fixed.append("-")
            per_thousand.append("-")
            continue
        cost = {r: (per_request(costs[name][r], "central") + per_request(costs[name][r], "database")) / 1000
                for r in ROUTES}
        batches = profile.submissions / profile.batch_items
        blobs = profile.submissions * profile.attach_share
        fixed.append(f"{batches * cost['batch'] + blobs * cost['blob'] + profile.queries * cost['progress']:.2f}")
        per_thousand.append(f"{1000 / HEARTBEAT_EVERY * cost['heartbeat']:.2f}")
    print(f"{'cores fixed':>12}  " + "".join(f"{c:<{width}}" for c in fixed)
          + "(the submissions, attachments and queries of the profile)")
    print(f"{'+ per 1000':>12}  " + "".join(f"{c:<{width}}" for c in per_thousand) + "(heartbeats of 1,000 terminals)")


def figures_of(steps_run: dict[str, list[Step]], costs: dict[str, dict[str, Step]], names: list[str],
               steps: list[int]) -> list[dict]:
    """bench/all.py's figures per configuration: the largest N held (docs/central.md's goal: 10,000 terminals, judged
    only when a step that large ran), the p99s at that N, and CPU per request of each kind alone."""
    out = []
    for name in names:
        held = None
        for step in steps_run.get(name, []):
            if not step.passed():
                break
            held = step
        reached = steps[-1] >= 10000
        out.append(figure(f"{TITLES[name]}: largest N held (steps {','.join(map(str, steps))})",
                          [held.n if held else 0], "terminals", ">= 10000" if reached else "",
                          (held is not None and held.n >= 10000) if reached else None))
        if held is not None:
            for route, title in (("heartbeat", "heartbeat"), ("batch", "submission batch")):
                if held.latencies[route]:
                    out.append(figure(f"{TITLES[name]}: {title} p99 at N={held.n}", [held.p(route, .99) * 1000], "ms"))
        for route, step in costs.get(name, {}).items():
            out.append(figure(f"{TITLES[name]}: CPU per {COST_NAMES[route]}, central + database",
                              [per_request(step, "central") + per_request(step, "database")], "ms"))
    return out


# -- main ---------------------------------------------------------------------------------------------------------

def measured(port: int, server: subprocess.Popen, db_root: int | None, fleet: Fleet, n: int,
             events: list[tuple[float, str, tuple]], seconds: float, profile: Profile, connections: int) -> Step:
    """One schedule sent, with the CPU every party spent meanwhile."""
    gen0, srv0, db0, all0, t0 = (own_cpu_seconds(), cpu_seconds(server.pid), cpu_seconds(db_root), machine_busy(),
                                 time.monotonic())
    step = asyncio.run(run_step(port, fleet, n, events, seconds, profile, connections))
    step.wall = time.monotonic() - t0
    gen, srv, dbs = own_cpu_seconds() - gen0, cpu_seconds(server.pid) - srv0, cpu_seconds(db_root) - db0
    step.cores = {"generator": gen / step.wall, "central": srv / step.wall, "database": dbs / step.wall,
                  "other": max(0.0, machine_busy() - all0 - gen - srv - dbs) / step.wall}
    return step


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--steps", default="1000,2000,5000,10000,20000", help="terminal counts, comma-separated")
    p.add_argument("--step-seconds", type=float, default=60.0, help="length of each step (default 60)")
    p.add_argument("--warmup", type=float, default=10.0, help="seconds of unmeasured load after each start")
    p.add_argument("--cost-seconds", type=float, default=8.0, help="seconds each kind of request is priced alone")
    p.add_argument("--preload", type=int, default=0, help="cases stored before the first step (e.g. 1000000)")
    p.add_argument("--configs", default="sqlite,pg1,pg2,pg4", help=f"of {', '.join(CONFIGS)}")
    p.add_argument("--submissions", type=float, default=50.0, help="submissions per second (default 50)")
    p.add_argument("--batch-items", type=int, default=5, help="submissions per batch (default 5)")
    p.add_argument("--attach-share", type=float, default=0.10, help="share of submissions with an attachment")
    p.add_argument("--attach-kb", type=int, default=200, help="attachment size in KB (default 200)")
    p.add_argument("--queries", type=float, default=20.0, help="progress queries per second (default 20)")
    p.add_argument("--connections", type=int, default=4000, help="requests in flight at most (default 4000)")
    p.add_argument("--all-steps", action="store_true", help="go on after a step fails")
    p.add_argument("--retries", type=int, default=1,
                   help="a failed step is run again this often before it counts as failed (default 1: the machine"
                        " is shared, and a passing step proves the server can)")
    p.add_argument("--dir", help="where the databases go (default: a temp folder beside the repo)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--quick", action="store_true", help="tiny workload, about a minute: checks the benchmark runs")
    args = p.parse_args(argv)
    if args.quick:
        args.steps, args.step_seconds, args.warmup, args.cost_seconds = "300", 3.0, 1.0, 1.0
        args.preload, args.all_steps, args.retries, args.configs = 300, True, 0, "sqlite,pg2"
    steps = sorted({int(s) for s in args.steps.split(",")})
    names = [c.strip() for c in args.configs.split(",") if c.strip()]
    unknown = [n for n in names if n not in CONFIGS]
    if unknown or not steps or steps[0] < 1:
        p.error(f"unknown configs {unknown}" if unknown else "steps must be positive")
    if any(CONFIGS[n][0] == "postgresql" for n in names) and _bin_dir() is None:
        print("PostgreSQL is not installed (Debian package postgresql): SQLite only", flush=True)
        names = [n for n in names if CONFIGS[n][0] == "sqlite"]
    profile = Profile(args.submissions, args.batch_items, args.attach_share, args.attach_kb * 1024, args.queries)
    rng = random.Random(args.seed)
    base = Path(tempfile.mkdtemp(prefix="central-bench-", dir=args.dir or (None if args.quick else REPO.parent)))
    pg: DurablePostgres | None = None
    print(f"central bench: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start; steps of"
          f" {args.step_seconds:g} s; heartbeats 1/min per terminal; {profile.submissions:g} submissions/s in batches"
          f" of {profile.batch_items} ({profile.attach_share:.0%} with {args.attach_kb} KB); {profile.queries:g}"
          f" progress queries/s; {args.preload} cases preloaded", flush=True)
    print(f"  {'config':<14} {'N':>6} {'route':<10} {'sent':>6} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}"
          f" {'errors':>6}", flush=True)
    steps_run: dict[str, list[Step]] = {}
    costs: dict[str, dict[str, Step]] = {}
    try:
        fleets: dict[str, tuple[str, Path, Fleet]] = {}
        for name in names:
            engine, workers = CONFIGS[name]
            if engine not in fleets:
                folder = base / engine
                folder.mkdir()
                if engine == "postgresql":
                    pg = DurablePostgres(_bin_dir()).start()
                    target = pg.new_database()
                else:
                    target = str(folder / "central.sqlite3")
                fleet = Fleet(steps[-1], random.Random(args.seed))
                store = CentralStore(target, keys_dir=folder)
                try:
                    register(store, fleet)
                    if args.preload:
                        took = preload(store, fleet, args.preload)
                        print(f"  preloaded {args.preload} cases into {engine} in {took:.0f} s", flush=True)
                finally:
                    store.close()
                fleets[engine] = (target, folder, fleet)
            target, folder, fleet = fleets[engine]
            db_root = pg.pid() if engine == "postgresql" else None
            began = time.monotonic()
            server, port = serve(target, folder, workers, base / f"{name}.log")
            print(f"  {TITLES[name]:<14} started in {time.monotonic() - began:.0f} s (every worker checks the stored"
                  " data at start)", flush=True)
            try:
                # every worker past its first requests (imports, pool connections) before anything is measured
                asyncio.run(run_step(port, fleet, steps[0], schedule(steps[0], args.warmup, profile, rng),
                                     args.warmup, profile, args.connections))
                # a running central has heard from every terminal within the last minute (each beats once a
                # minute), and a worker reads a terminal's row only at its first request: price requests as then
                rounds = 2 * workers  # connections go to workers at random: most workers see most terminals
                prime = [(k / 200.0, "heartbeat", (k % steps[0],)) for k in range(rounds * steps[0])]
                asyncio.run(run_step(port, fleet, steps[0], prime, prime[-1][0] + 1.0, profile, args.connections))
                costs[name] = {}
                for route in ROUTES:
                    # unmeasured first: a worker's pool opens database connections (new PostgreSQL backends, tens
                    # of ms of CPU each) as concurrency grows, which is start-up cost, not this kind's
                    settle = min(2.0, args.cost_seconds)
                    asyncio.run(run_step(port, fleet, steps[0], steady(route, COST_RATES[route], settle, steps[0], rng),
                                         settle, profile, args.connections))
                    costs[name][route] = measured(port, server, db_root, fleet, steps[0], steady(
                        route, COST_RATES[route], args.cost_seconds, steps[0], rng), args.cost_seconds, profile,
                        args.connections)
                print_costs(TITLES[name], costs[name])
                for n in steps:
                    for attempt in range(1 + args.retries):
                        step = measured(port, server, db_root, fleet, n, schedule(n, args.step_seconds, profile,
                                                                                  rng), args.step_seconds, profile,
                                        args.connections)
                        step.attempt = attempt + 1
                        print_step(TITLES[name], step)
                        if step.passed():
                            break
                    steps_run.setdefault(name, []).append(step)
                    if not step.passed() and not args.all_steps:
                        break
            finally:
                stop(server)
        print_summary(steps_run, costs, steps, names, profile)
        emit(figures_of(steps_run, costs, names, steps))
    finally:
        if pg is not None:
            pg.stop()
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
