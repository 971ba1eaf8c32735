"""A day left alone, compressed: the kiosk's timers (heartbeats, sync polls, catalog checks) at F times their pace.

Run: .venv/bin/python bench/day.py [--hours 24] [--factor 240] [--quick]
Starts a local central and `kiosk run` (offscreen, shipped config, every device simulated) as real processes, with the
heartbeat every 60/F s and the sync worker's idle poll every 5/F s (the catalog check, on when a catalog key is
configured, runs at its one-minute floor: `update_interval_minutes` counts whole minutes), and no visitor. The day
starts --settle seconds after the first frame (the background loads are start-up, not the day). Samples the kiosk's
CPU time, RSS, open files and threads every simulated half hour. Goal (issue 20): idle CPU and memory flat over the
day: RSS growth from the first simulated hour to the last < 5 MB, no fd or thread growth (the fewest seen in the last
quarter against the first), the CPU share of the last quarter of the day within 1.2x of the first quarter's (after
the first hour). Central's own request counts show the timers ran.
Last line: FIGURES <json> (bench/README.md).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[0] = str(REPO)  # bench/queue.py would shadow the standard library queue module

from bench.idle import cpu_seconds  # noqa: E402
from bench.support.figures import GOAL_MISSED, emit, figure  # noqa: E402
from bench.support.kiosk_process import start_kiosk, stop  # noqa: E402
from tests.helpers.central import free_port, wait_for_port  # noqa: E402
from tests.helpers.kiosk import write_config  # noqa: E402

TERMINAL = "SIM-0001"  # the shipped config's terminal id
GROWTH_GOAL_MB = 5.0
CPU_RATIO_GOAL = 1.2
SAMPLES_PER_HOUR = 2


def usage(pid: int) -> dict[str, float]:
    status = Path(f"/proc/{pid}/status").read_text()
    field = {line.split(":")[0]: line.split(":", 1)[1].strip() for line in status.splitlines() if ":" in line}
    return {"cpu": cpu_seconds(pid), "rss_mb": int(field["VmRSS"].split()[0]) / 1024,
            "fds": len(os.listdir(f"/proc/{pid}/fd")), "threads": int(field["Threads"])}


def requests_by_route(port: int) -> dict[str, int]:
    """Central's answered requests by route, from its /metrics page (this machine may read it)."""
    text = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10).read().decode()
    counts: dict[str, int] = {}
    for m in re.finditer(r'^central_http_requests_total\{([^}]*)\} (\S+)$', text, re.M):
        route = re.search(r'route="([^"]*)"', m.group(1))
        method = re.search(r'method="([^"]*)"', m.group(1))
        key = f"{method.group(1) if method else '?'} {route.group(1) if route else '?'}"
        counts[key] = counts.get(key, 0) + int(float(m.group(2)))
    return counts


def run_day(folder: Path, hours: float, factor: float, settle: float) -> tuple[list[dict], dict[str, int]]:
    from central.cli import cli_main

    db, secret = folder / "central.sqlite3", folder / "terminal.secret"
    cli_main(["add-terminal", TERMINAL, "--db", str(db), "--secret-file", str(secret)])
    port = free_port()
    # one terminal at 4 heartbeats a second is not what the rate limits guard against
    server = subprocess.Popen([sys.executable, "-m", "central.cli", "serve", "--port", str(port), "--db", str(db),
                               "--terminal-limit", "off", "--address-limit", "off", "--no-access-log"], cwd=REPO,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kiosk = None
    try:
        wait_for_port(port, server)
        cfg = write_config(folder, central={
            "url": f"http://127.0.0.1:{port}", "allow_plain_http_loopback": True, "credentials_file": str(secret),
            "heartbeat_seconds": 60 / factor, "sync_interval_seconds": 5 / factor},
            **{"catalog": {"directory": str(REPO / "assets" / "catalog"), "update_interval_minutes": 1}})
        kiosk = start_kiosk(cfg)
        # the kiosk loads its face models and catalog indexes in the background after the first frame: the day
        # starts once that is done, so the first hours hold the timers' work, not the start-up's
        time.sleep(settle)
        step = 3600 / factor / SAMPLES_PER_HOUR  # real seconds per simulated half hour
        t0 = time.monotonic()
        samples = []
        for n in range(int(hours * SAMPLES_PER_HOUR) + 1):
            time.sleep(max(0.0, t0 + n * step - time.monotonic()))
            if kiosk.poll() is not None:
                raise SystemExit(f"the kiosk exited ({kiosk.returncode}) during the day")
            samples.append({"hour": n / SAMPLES_PER_HOUR, "t": time.monotonic() - t0, **usage(kiosk.pid)})
        return samples, requests_by_route(port)
    finally:
        stop(kiosk)
        stop(server)


def growth(samples: list[dict], hours: float) -> dict[str, float]:
    """From the first hour to the end of the day: RSS by the two samples; open files and threads by the fewest seen
    in the first and in the last quarter: a leak raises that floor, while a heartbeat's socket open at the moment
    of one sample (or a burst of them early on) is no leak and does not hide one."""
    quarter = max(1.0, (hours - 1) / 4)
    start = next(s for s in samples if s["hour"] >= 1.0)  # the first hour: start-up, background loads
    first = [s for s in samples if 1.0 <= s["hour"] <= 1.0 + quarter]
    last = [s for s in samples if s["hour"] >= hours - quarter]
    return {"rss_mb": samples[-1]["rss_mb"] - start["rss_mb"],
            **{k: min(s[k] for s in last) - min(s[k] for s in first) for k in ("fds", "threads")}}


def share(samples: list[dict], start: float, end: float) -> float:
    """CPU % of one core between two simulated hours."""
    a = next(s for s in samples if s["hour"] >= start)
    b = next(s for s in samples if s["hour"] >= end)
    return (b["cpu"] - a["cpu"]) / (b["t"] - a["t"]) * 100


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--hours", type=float, default=24.0, help="simulated hours (default 24)")
    p.add_argument("--factor", type=float, default=240.0,
                   help="how many times faster than real the timers run (default 240: a day in 6 minutes)")
    p.add_argument("--settle", type=float, default=20.0,
                   help="real seconds after the first frame before the day starts (default 20: background loads)")
    p.add_argument("--quick", action="store_true",
                   help="4 simulated hours at 1440x (10 s) after 5 s: shows the bench runs, judges nothing")
    args = p.parse_args(argv)
    hours, factor, settle = (4.0, 1440.0, 5.0) if args.quick else (args.hours, args.factor, args.settle)
    with tempfile.TemporaryDirectory(prefix="bench-day-") as tmp:
        samples, routes = run_day(Path(tmp), hours, factor, settle)
    quarter = max(1.0, (hours - 1) / 4)
    first_cpu, last_cpu = share(samples, 1.0, 1.0 + quarter), share(samples, hours - quarter, hours)
    grew = growth(samples, hours)
    ratio = last_cpu / first_cpu if first_cpu > 0 else float("inf")
    print(f"a day left alone: {hours:g} simulated hours at {factor:g}x ({samples[-1]['t']:.0f} s), heartbeat every "
          f"{60 / factor * 1000:.0f} ms, sync poll every {5 / factor * 1000:.0f} ms, catalog check every minute when "
          "a catalog key is configured (the shipped config has none)")
    print(f"{'hour':>5} {'rss MB':>8} {'fds':>4} {'threads':>7}  cpu % since the last row")
    for prev, s in zip([samples[0], *samples], samples):
        cpu = (s["cpu"] - prev["cpu"]) / (s["t"] - prev["t"]) * 100 if s is not prev else 0.0
        if s["hour"] == int(s["hour"]) and int(s["hour"]) % max(1, int(hours // 12)) == 0 or s is samples[-1]:
            print(f"{s['hour']:5.1f} {s['rss_mb']:8.1f} {s['fds']:4d} {s['threads']:7d}  {cpu:5.1f}")
    print("central answered: " + ", ".join(f"{k} {v}" for k, v in sorted(routes.items())))
    print(f"rss hour 1 -> {hours:g}: {grew['rss_mb']:+.1f} MB, fewest fds {grew['fds']:+d}, fewest threads "
          f"{grew['threads']:+d} (last quarter against first); cpu first quarter {first_cpu:.1f} %, last "
          f"{last_cpu:.1f} % ({ratio:.2f}x)")
    flat = grew["rss_mb"] < GROWTH_GOAL_MB and grew["fds"] <= 0 and grew["threads"] <= 0
    steady = ratio <= CPU_RATIO_GOAL
    judged = not args.quick  # a few compressed hours after start-up still hold warm-up: no verdict
    heartbeats = routes.get("POST /v1/heartbeat", 0)
    emit([
        figure(f"RSS growth, simulated hour 1 -> {hours:g} (idle, timers at {factor:g}x)", [grew["rss_mb"]], "MB",
               f"< {GROWTH_GOAL_MB:g} (fds, threads: +0)", flat if judged else None),
        figure("idle CPU, last quarter of the day / first quarter", [ratio], "x", f"<= {CPU_RATIO_GOAL:g}",
               steady if judged else None),
        figure("idle CPU over the day, timers compressed", [first_cpu, last_cpu], "% of one core"),
        figure("heartbeats central answered over the day", [heartbeats], "requests"),
    ])
    return 0 if (flat and steady) or args.quick else GOAL_MISSED


if __name__ == "__main__":
    sys.exit(main())
