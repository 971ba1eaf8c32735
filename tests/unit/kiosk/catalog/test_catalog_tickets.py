"""Take-a-number counter: per-queue numbering, daily reset, waiting counts, restarts and concurrent processes;
the priority (green-channel) series apart from the queues' own, called first; the upgrade of a version 1 file."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.catalog.tickets import TicketCounter

REPO = Path(__file__).resolve().parents[4]


class Clock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock():
    return Clock(datetime(2026, 3, 2, 9, 0, 0))


def test_numbers_count_up_per_queue(tmp_path, clock):
    c = TicketCounter(tmp_path / "t.sqlite3", clock=clock)
    assert [c.take("A").number for _ in range(3)] == ["A001", "A002", "A003"]
    assert c.take("B", "SB-001").number == "B001"
    t = c.take("A", "HJ-001")
    assert (t.number, t.service, t.ahead) == ("A004", "HJ-001", 3)
    assert c.waiting("A") == 4 and c.waiting("B") == 1 and c.waiting("C") == 0


def test_waiting_drops_as_numbers_are_called(tmp_path, clock):
    c = TicketCounter(tmp_path / "t.sqlite3", clock=clock)
    for _ in range(3):
        c.take("A")
    assert c.call_next("A") == "A001"
    assert c.waiting("A") == 2
    t = c.take("A")
    assert t.ahead == 2 and "2" in t.waiting_text().zh
    assert c.call_next("B") is None
    assert c.issued("A") == 4


def test_numbers_restart_every_day(tmp_path, clock):
    c = TicketCounter(tmp_path / "t.sqlite3", clock=clock)
    c.take("A"), c.take("A")
    clock.now = datetime(2026, 3, 3, 8, 30)
    t = c.take("A")
    assert (t.number, t.ahead, t.day.isoformat()) == ("A001", 0, "2026-03-03")
    assert c.waiting("A") == 1  # yesterday's uncalled tickets do not count


def test_reset_hour_moves_the_day_boundary(tmp_path, clock):
    c = TicketCounter(tmp_path / "t.sqlite3", reset_hour=5, clock=clock)
    clock.now = datetime(2026, 3, 2, 23, 50)
    assert c.take("A").number == "A001"
    clock.now = datetime(2026, 3, 3, 4, 59)  # still the same counting day
    assert c.take("A").number == "A002"
    clock.now = datetime(2026, 3, 3, 5, 0)
    assert c.take("A").number == "A001"


def test_restart_continues_the_day(tmp_path, clock):
    path = tmp_path / "t.sqlite3"
    TicketCounter(path, clock=clock).take("C")
    TicketCounter(path, clock=clock).take("C")
    assert TicketCounter(path, clock=clock).take("C").number == "C003"


def test_old_days_are_pruned(tmp_path, clock):
    path = tmp_path / "t.sqlite3"
    c = TicketCounter(path, clock=clock)
    c.take("A")
    clock.now = datetime(2026, 5, 1, 9, 0)
    c.take("A")
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT day FROM tickets").fetchall() == [("2026-05-01",)]


def test_bad_queue_is_refused(tmp_path, clock):
    c = TicketCounter(tmp_path / "t.sqlite3", clock=clock)
    for bad in ("", "a", "AB", "1"):
        with pytest.raises(ValueError):
            c.take(bad)


def test_priority_numbers_have_their_own_series_and_wait_only_behind_each_other(tmp_path, clock):
    c = TicketCounter(tmp_path / "t.sqlite3", clock=clock)
    c.take("A"), c.take("A")
    first = c.take("A", "HJ-001", priority="V")
    assert (first.number, first.queue, first.priority, first.ahead) == ("V001", "A", True, 0)
    other = c.take("B", priority="V")  # one hall-wide series: a number called out names one person
    assert (other.number, other.queue, other.ahead) == ("V002", "B", 0)
    assert c.take("A", priority="V").ahead == 1  # only the priority number before it at the same windows
    normal = c.take("A")
    assert (normal.number, normal.priority, normal.ahead) == ("A003", False, 4)  # behind everyone at A
    assert c.waiting("A") == 5 and c.issued("A") == 5 and c.waiting("B") == 1


def test_the_windows_call_priority_numbers_first(tmp_path, clock):
    c = TicketCounter(tmp_path / "t.sqlite3", clock=clock)
    c.take("A"), c.take("A", priority="V"), c.take("B", priority="V"), c.take("A"), c.take("A", priority="V")
    assert [c.call_next("A") for _ in range(5)] == ["V001", "V003", "A001", "A002", None]
    assert c.call_next("B") == "V002"


def test_a_priority_letter_that_is_also_a_queue_is_refused(tmp_path, clock):
    c = TicketCounter(tmp_path / "t.sqlite3", clock=clock)
    with pytest.raises(ValueError, match="also a queue"):
        c.take("V", priority="V")
    c.take("V")  # a catalog with a queue V: its numbers and a priority series V would mix
    with pytest.raises(ValueError, match="both a queue and the priority series"):
        c.take("A", priority="V")
    for bad in ("v", "VV", "1"):
        with pytest.raises(ValueError):
            c.take("A", priority=bad)
    assert c.issued("A") == 0


def test_a_version_1_file_is_upgraded_and_the_day_carries_on(tmp_path, clock):
    path = tmp_path / "t.sqlite3"
    with sqlite3.connect(path) as db:  # the file as the version before wrote it
        db.execute("""CREATE TABLE tickets (
            day TEXT NOT NULL, queue TEXT NOT NULL, seq INTEGER NOT NULL, service TEXT NOT NULL,
            issued_at TEXT NOT NULL, called_at TEXT, PRIMARY KEY (day, queue, seq))""")
        db.executemany("INSERT INTO tickets VALUES ('2026-03-02', 'A', ?, '', '2026-03-02T08:00:00', ?)",
                       [(1, "2026-03-02T08:05:00"), (2, None)])
        db.execute("PRAGMA user_version = 1")
    c = TicketCounter(path, clock=clock)
    t = c.take("A")
    assert (t.number, t.ahead) == ("A003", 1)  # A001 was called, A002 waits
    assert c.take("A", priority="V").number == "V001"
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 2


def test_newer_schema_is_refused(tmp_path, clock):
    path = tmp_path / "t.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 9")
    with pytest.raises(RuntimeError, match="newer"):
        TicketCounter(path, clock=clock)


TAKER = """
import sys
from pathlib import Path
from kiosk.catalog.tickets import TicketCounter
c = TicketCounter(Path(sys.argv[1]))
n = int(sys.argv[2])
priority = sys.argv[3] if len(sys.argv) > 3 else ""
i = 0
while n < 0 or i < n:
    print(c.take("A", priority=priority).number, flush=True)
    i += 1
"""


def _taker(db: Path, count: int, priority: str = "") -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", TAKER, str(db), str(count), priority], cwd=REPO,
                            stdout=subprocess.PIPE, text=True)


def _numbers(db: Path, series: str = "A") -> list[int]:
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT seq FROM tickets WHERE series = ? ORDER BY seq", (series,))]


def test_two_processes_never_get_the_same_number(tmp_path):
    db = tmp_path / "t.sqlite3"
    TicketCounter(db)  # create the schema first so both start on the same file
    procs = [_taker(db, 40), _taker(db, 40)]
    printed = []
    for p in procs:
        out, _ = p.communicate(timeout=120)
        assert p.returncode == 0
        printed += out.split()
    assert len(printed) == len(set(printed)) == 80
    assert _numbers(db) == list(range(1, 81))


def test_priority_and_normal_numbers_taken_at_once_keep_their_series(tmp_path):
    db = tmp_path / "t.sqlite3"
    procs = [_taker(db, 30), _taker(db, 30, "V"), _taker(db, 30)]  # the first of them also creates the file
    printed = []
    for p in procs:
        out, _ = p.communicate(timeout=120)
        assert p.returncode == 0
        printed += out.split()
    assert len(set(printed)) == 90
    assert _numbers(db, "A") == list(range(1, 61)) and _numbers(db, "V") == list(range(1, 31))


def test_sigkill_loses_no_printed_number(tmp_path):
    """Every number a killed process printed is in the database, and the next process continues after it."""
    db = tmp_path / "t.sqlite3"
    p = _taker(db, -1)
    printed = []
    deadline = time.monotonic() + 60
    while len(printed) < 20 and time.monotonic() < deadline:
        printed.append(p.stdout.readline().strip())
    os.kill(p.pid, signal.SIGKILL)
    rest, _ = p.communicate(timeout=30)
    printed += rest.split()
    assert len(printed) >= 20
    stored = _numbers(db)
    assert stored == list(range(1, len(stored) + 1))  # contiguous, no gap, no duplicate
    assert {int(n[1:]) for n in printed} <= set(stored)
    assert TicketCounter(db).take("A").seq == len(stored) + 1
