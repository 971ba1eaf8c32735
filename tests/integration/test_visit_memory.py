"""Whole visits through the real UI (bench/visit.py) leave no Python objects behind per visit."""

import os
import re
import subprocess
import sys

from tests.helpers.kiosk import REPO


def test_visits_leave_no_python_objects_behind():
    # 4 warm-up visits (first screens, caches, pinyin), then 8 more: a kept visit (form, photos, bridges' lists)
    # adds hundreds of objects each time; a clean tree measured +16.8 a visit (2026-11-29), so 100 leaves room
    # for noise. What the run settles to is counted, not how fast it runs
    done = subprocess.run([sys.executable, "bench/visit.py", "--warm", "4", "--visits", "12"], cwd=REPO,
                          capture_output=True, text=True, timeout=1500,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode in (0, 1), done.stderr[-3000:]  # 1: the RSS verdict, not judged on 8 visits
    per_visit = float(re.search(r"python objects per visit, visit 4 -> 12: ([-+0-9.]+)", done.stdout)[1])
    assert per_visit < 100, f"{per_visit:+.1f} Python objects kept per visit"
