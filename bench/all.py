"""Every benchmark under `taskset -c 0` (one core), and one table: figure, goal, measured (median, spread), met.
Run: .venv/bin/python bench/all.py [--quick] [--only idcard,idle] [--timeout 3600] [--args 'visit=--visits 40']
Each bench/<name>.py runs in its own process and reports through its last line `FIGURES <json>` (bench/README.md);
one without it shows as "not measured". Exit 1 when a benchmark failed to run; unmet goals are in the table.
"""

from __future__ import annotations

import argparse
import datetime
import os
import shlex
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.support.figures import GOAL_MISSED, parse  # noqa: E402


def benches(only: set[str]) -> list[Path]:
    found = [p for p in sorted((ROOT / "bench").glob("*.py")) if p.stem != "all"]
    return [p for p in found if not only or p.stem in only]


def run(bench: Path, quick: bool, timeout: float, pin: list[str], extra: list[str]) -> tuple[list[dict] | None, str]:
    """The figures of one benchmark and a problem ("" when it ran)."""
    cmd = [*pin, sys.executable, str(bench), *(["--quick"] if quick else []), *extra]
    env = os.environ | {"QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    try:
        done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, f"did not finish within {timeout:.0f} s"
    tail = (done.stderr.strip().splitlines() or ["no message"])[-1][:120]
    try:
        figures = parse(done.stdout)
    except ValueError as e:
        return None, f"exit {done.returncode}: {tail}" if done.returncode else f"unreadable FIGURES line: {e}"
    if done.returncode == 0:
        return figures, ""
    # GOAL_MISSED after figures of which one missed its goal is a verdict (bench/day.py, bench/visit.py): the
    # table shows those figures as NOT met instead of losing them. Any other exit (a traceback in the clean-up
    # after the figures, a signal) is a failure
    if done.returncode == GOAL_MISSED and figures and any(f.get("met") is False for f in figures):
        return figures, ""
    return None, f"exit {done.returncode}: {tail}"


def _num(v: float) -> str:
    return f"{v:.3g}" if abs(v) < 1000 else f"{v:,.0f}"


def rows(name: str, figures: list[dict] | None, problem: str) -> list[list[str]]:
    if problem:
        return [[name, "—", "—", f"failed: {problem}", "—"]]
    if figures is None:
        return [[name, "—", "—", "not measured", "—"]]
    out = []
    for f in figures:
        values, unit = f.get("values") or [], f.get("unit", "")
        if not values:
            measured = "not measured"
        elif len(values) == 1:
            measured = f"{_num(values[0])} {unit}"
        else:
            measured = f"{_num(statistics.median(values))} {unit} ({_num(min(values))}–{_num(max(values))}, n={len(values)})"
        met = {True: "met", False: "NOT met", None: "—"}[f.get("met")]
        out.append([name, f["figure"], f.get("goal") or "—", measured, met])
    return out


def table(lines: list[list[str]]) -> str:
    head = ["bench", "figure", "goal", "measured: median (min–max, runs)", "met"]
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(cell.replace("|", "/") for cell in line) + " |" for line in lines]
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="every benchmark with its tiny workload")
    ap.add_argument("--only", default="", help="comma-separated benchmark names (default: all)")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds one benchmark may take")
    ap.add_argument("--args", action="append", default=[], metavar="NAME=ARGS",
                    help="options for one benchmark, e.g. 'visit=--visits 40' (repeatable; shown in the header)")
    args = ap.parse_args()
    extra: dict[str, list[str]] = {}
    for given in args.args:
        name, sep, rest = given.partition("=")
        if not sep:
            print(f"error: --args wants NAME=ARGS, not {given!r}", file=sys.stderr)
            return 2
        extra[name.strip()] = shlex.split(rest)
    only = {n.strip() for n in args.only.split(",") if n.strip()}
    chosen = benches(only)
    unknown = (only | set(extra)) - {p.stem for p in benches(set())}
    if unknown:
        print(f"error: no benchmark named {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    print(f"# {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, "
          f"{'taskset -c 0' if pin else 'not pinned (no taskset)'}, {os.cpu_count()} cores, "
          f"load {os.getloadavg()[0]:.1f}{', quick workloads' if args.quick else ''}", flush=True)
    for name, options in sorted(extra.items()):
        print(f"# {name}: {shlex.join(options)}", flush=True)
    lines, failed = [], False
    for bench in chosen:
        print(f"# running {bench.stem} ...", file=sys.stderr, flush=True)
        figures, problem = run(bench, args.quick, args.timeout, pin, extra.get(bench.stem, []))
        failed |= bool(problem)
        lines += rows(bench.stem, figures, problem)
    print(table(lines))
    print(f"# finished {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, load {os.getloadavg()[0]:.1f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
