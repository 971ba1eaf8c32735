"""The figures convention of the benchmarks: a last stdout line `FIGURES <json list>` that bench/all.py reads."""

from __future__ import annotations

import json

PREFIX = "FIGURES "
# the exit status of a benchmark that printed its figures and judged a goal missed (bench/day.py, bench/visit.py):
# not 1, which is also what an uncaught exception exits with
GOAL_MISSED = 3


def figure(name: str, values: list[float], unit: str, goal: str = "", met: bool | None = None) -> dict:
    """One measured figure: every run's value (all.py shows median and spread), the goal as text, met or not."""
    return {"figure": name, "goal": goal, "unit": unit, "values": [round(v, 4) for v in values], "met": met}


def emit(figures: list[dict]) -> None:
    print(PREFIX + json.dumps(figures, ensure_ascii=False), flush=True)


def parse(stdout: str) -> list[dict] | None:
    """The figures of a benchmark's output (its last FIGURES line), or None when it printed none."""
    for line in reversed(stdout.splitlines()):
        if line.startswith(PREFIX):
            return json.loads(line[len(PREFIX):])
    return None
