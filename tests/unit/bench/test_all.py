"""bench/all.py's reading of one benchmark: figures kept when the benchmark exits GOAL_MISSED over a goal it missed,
a failure for any other exit."""

from bench.all import rows, run
from tests.helpers.kiosk import REPO

MISSED = '''
import sys
from bench.support.figures import GOAL_MISSED, emit, figure
print("rss grew; the verdict is in the figures")
emit([figure("RSS growth", [12.5], "MB", "< 10", False)])
sys.exit(GOAL_MISSED)  # as bench/day.py and bench/visit.py do when a goal is not met
'''


def _bench(tmp_path, name, text):
    path = tmp_path / f"{name}.py"
    path.write_text(f"import sys\nsys.path.insert(0, {str(REPO)!r})\n{text}")  # as a bench/ script sets it up
    return path


def test_a_missed_goal_shows_as_not_met_with_its_figures_not_as_a_failure(tmp_path):
    figures, problem = run(_bench(tmp_path, "leaky", MISSED), False, 120, [], [])
    assert problem == ""
    assert [f["figure"] for f in figures] == ["RSS growth"]
    assert rows("leaky", figures, problem) == [["leaky", "RSS growth", "< 10", "12.5 MB", "NOT met"]]


def test_a_benchmark_that_dies_before_its_figures_is_a_failure(tmp_path):
    crash = _bench(tmp_path, "crash", "raise RuntimeError('the central did not start')\n")
    figures, problem = run(crash, False, 120, [], [])
    assert figures is None and problem.startswith("exit 1") and "the central did not start" in problem
    assert rows("crash", figures, problem)[0][3].startswith("failed: exit 1")


def test_unreadable_figures_are_a_failure_even_with_exit_zero(tmp_path):
    bad = _bench(tmp_path, "bad", "print('FIGURES [not json')\n")
    figures, problem = run(bad, False, 120, [], [])
    assert figures is None and problem.startswith("unreadable FIGURES line")


def test_an_exit_after_figures_that_all_met_their_goals_is_a_failure(tmp_path):
    met = _bench(tmp_path, "met", MISSED.replace("False)", "True)"))
    figures, problem = run(met, False, 120, [], [])
    assert figures is None and problem == "exit 3: no message"


def test_a_crash_in_the_clean_up_after_the_figures_is_a_failure(tmp_path):
    crash = _bench(tmp_path, "cleanup", MISSED.replace("sys.exit(GOAL_MISSED)",
                                                    "raise OSError('the database server did not stop')"))
    figures, problem = run(crash, False, 120, [], [])
    assert figures is None and problem.startswith("exit 1") and "did not stop" in problem
