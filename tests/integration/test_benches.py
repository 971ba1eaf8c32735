"""Every benchmark runs: `bench/<name>.py --quick` in its own process, from the repo root, with the venv's python.
bench/all.py --quick runs them all again under taskset and must table every one of them."""

import os
import re
import subprocess
import sys

import pytest

from bench.support.figures import parse
from tests.helpers.kiosk import REPO

BENCHES = sorted((REPO / "bench").glob("*.py"))
FACES = REPO.parent / "shared" / "data" / "faces"  # the photo set the face benchmark measures (as its tests use)


def test_there_are_benchmarks_and_none_shadows_the_standard_library():
    assert BENCHES
    # a script's own folder comes first on sys.path: bench/queue.py once broke every script through `import queue`
    assert [p.name for p in BENCHES if p.stem in sys.stdlib_module_names] == []


@pytest.mark.slow
@pytest.mark.parametrize("bench", BENCHES, ids=[p.stem for p in BENCHES])
def test_bench_runs_quick_and_prints_its_figures(bench):
    if bench.stem == "face" and not FACES.is_dir():
        pytest.skip("../shared/data/faces is absent")
    # as from a clean clone: nothing on the path but what the script sets up itself
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"QT_QPA_PLATFORM": "offscreen"}
    # generous ceiling: two cores shared with other work; the quick workloads take seconds
    done = subprocess.run([sys.executable, str(bench.relative_to(REPO)), "--quick"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=2400 if bench.stem == "all" else 600)
    assert done.returncode == 0, f"exit {done.returncode}\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    assert re.search(r"\d", done.stdout), f"no figures printed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    figures = parse(done.stdout)  # the FIGURES line is optional, but when there it must be whole
    for f in figures or []:
        assert set(f) >= {"figure", "goal", "unit", "values", "met"}, f
        assert all(isinstance(v, (int, float)) for v in f["values"]), f
    if bench.stem == "all":
        tabled = {row.split("|")[1].strip() for row in done.stdout.splitlines() if row.startswith("| ")}
        assert tabled >= {p.stem for p in BENCHES if p.stem != "all"}, done.stdout
