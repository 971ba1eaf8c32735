"""Every benchmark runs: `bench/<name>.py --quick` in its own process, from the repo root, with the venv's python,
and ends with its FIGURES line (bench/README.md). bench/all.py --quick tables two cheap ones under taskset: every
benchmark's figures are checked once, by its own test, so the file stays one quick pass over the benchmarks."""

import os
import subprocess
import sys

import pytest

from bench.support.figures import parse
from tests.helpers.kiosk import REPO

BENCHES = sorted((REPO / "bench").glob("*.py"))
TABLED = ("idcard", "printer")  # what bench/all.py --quick runs here: cheap, and one of them has a goal it may miss
FACES = REPO.parent / "shared" / "data" / "faces"  # the photo set the face benchmark measures (as its tests use)


def test_there_are_benchmarks_and_none_shadows_the_standard_library():
    assert BENCHES
    # a script's own folder comes first on sys.path: bench/queue.py once broke every script through `import queue`
    assert [p.name for p in BENCHES if p.stem in sys.stdlib_module_names] == []


@pytest.mark.slow
@pytest.mark.parametrize("bench", BENCHES, ids=[p.stem for p in BENCHES])
def test_bench_runs_quick_and_prints_its_figures(bench):
    if bench.stem in ("face", "face_screen") and not FACES.is_dir():
        pytest.skip("../shared/data/faces is absent")
    # as from a clean clone: nothing on the path but what the script sets up itself
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"QT_QPA_PLATFORM": "offscreen"}
    # generous ceiling: two cores shared with other work; the quick workloads take seconds
    extra = ["--only", ",".join(TABLED)] if bench.stem == "all" else []
    done = subprocess.run([sys.executable, str(bench.relative_to(REPO)), "--quick", *extra], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"exit {done.returncode}\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    if bench.stem == "all":
        rows = [[cell.strip() for cell in row.split("|")[1:-1]] for row in done.stdout.splitlines()
                if row.startswith("| ") and not row.startswith("| bench ")]
        assert {row[0] for row in rows} == set(TABLED), done.stdout
        assert not [row for row in rows if row[3] == "not measured" or row[3].startswith("failed")], done.stdout
        return
    figures = parse(done.stdout)
    assert figures, f"no FIGURES line at the end:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    for f in figures:
        assert set(f) >= {"figure", "goal", "unit", "values", "met"}, f
        assert f["values"] and all(isinstance(v, (int, float)) for v in f["values"]), f
        assert f["met"] in (True, False, None) and (f["met"] is None or f["goal"]), f
