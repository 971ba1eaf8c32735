"""Idle CPU benchmark: the kiosk (offscreen, shipped config, every device simulated) left alone at the attract screen.
Run: .venv/bin/python bench/idle.py [--window 20] [--runs 5] [--quick]
Starts `kiosk run` as a real process, waits for its first frame and lets it settle, then reads its CPU time
(utime+stime of /proc/PID/stat, its live child processes included) over back-to-back windows and prints
% of one core: median and spread over the windows. Goal (issue 20): <= 2 %. Last line: FIGURES <json>.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.support.figures import emit, figure  # noqa: E402
from bench.support.kiosk_process import start_kiosk, stop  # noqa: E402

GOAL = 2.0  # % of one core
TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """CPU time of a process and its live descendants (a child that exited is no longer idling)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    total = (int(fields[11]) + int(fields[12])) / TICK  # utime, stime (fields 14 and 15 of the whole line)
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            total += sum(cpu_seconds(int(c)) for c in task.read_text().split())
        except OSError:
            continue
    return total


def measure(settle: float, window: float, runs: int) -> list[float]:
    from tests.helpers.kiosk import write_config

    with tempfile.TemporaryDirectory() as tmp:
        proc = start_kiosk(write_config(Path(tmp)))
        try:
            time.sleep(settle)
            shares = []
            for _ in range(runs):
                c0, t0 = cpu_seconds(proc.pid), time.monotonic()
                time.sleep(window)
                if proc.poll() is not None:
                    raise SystemExit(f"the kiosk exited ({proc.returncode}) while idle")
                shares.append((cpu_seconds(proc.pid) - c0) / (time.monotonic() - t0) * 100)
            return shares
        finally:
            stop(proc)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--window", type=float, default=20.0, help="seconds per measuring window")
    ap.add_argument("--runs", type=int, default=5, help="windows, back to back")
    ap.add_argument("--settle", type=float, default=15.0, help="seconds after the first frame before measuring")
    ap.add_argument("--quick", action="store_true", help="tiny workload: two 3 s windows after 3 s")
    args = ap.parse_args()
    settle, window, runs = (3.0, 3.0, 2) if args.quick else (args.settle, args.window, args.runs)
    shares = measure(settle, window, runs)
    med = statistics.median(shares)
    print(f"idle kiosk CPU, {runs} windows of {window:.0f} s after {settle:.0f} s settling: median {med:.2f} % of one "
          f"core (range {min(shares):.2f}-{max(shares):.2f}); goal <= {GOAL:.0f} %: {'met' if med <= GOAL else 'NOT met'}")
    emit([figure("idle kiosk CPU, every device simulated", shares, "% of one core", f"<= {GOAL:.0f}", med <= GOAL)])


if __name__ == "__main__":
    main()
