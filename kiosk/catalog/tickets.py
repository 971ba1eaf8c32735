"""Take-a-number (取号): a local queue-number counter per queue, kept in SQLite, restarting every day."""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Callable, Iterator

from kiosk.i18n import Text

SCHEMA_VERSION = 1
KEEP_DAYS = 31  # old days are pruned; nothing in a ticket is personal, a month helps staff answer complaints


@dataclass(frozen=True)
class Ticket:
    queue: str
    seq: int
    day: date
    service: str  # item code the citizen took the number for ("" = general enquiry)
    issued_at: datetime
    ahead: int  # tickets of the same queue still waiting when this one was taken

    @property
    def number(self) -> str:
        """As printed and called out: A007."""
        return f"{self.queue}{self.seq:03d}"

    def waiting_text(self) -> Text:
        if self.ahead == 0:
            return Text("前面没有人等候，请留意叫号", "Nobody is ahead of you; please listen for your number")
        people = "1 person" if self.ahead == 1 else f"{self.ahead} people"
        return Text(f"您前面还有{self.ahead}人等候", f"{people} ahead of you")


class TicketCounter:
    """Numbers are unique per queue and day even with several processes and after a crash (one SQLite commit each).

    A new connection per call keeps it safe to use from any worker thread; taking a number is rare enough.
    """

    def __init__(self, path: Path, *, reset_hour: int = 0, clock: Callable[[], datetime] = datetime.now):
        self.path = Path(path)
        self.reset_hour = reset_hour
        self._clock = clock
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise RuntimeError(f"{self.path}: ticket database schema {version} is newer than this software")
            if version < 1:
                db.execute("""CREATE TABLE IF NOT EXISTS tickets (
                    day TEXT NOT NULL, queue TEXT NOT NULL, seq INTEGER NOT NULL, service TEXT NOT NULL,
                    issued_at TEXT NOT NULL, called_at TEXT, PRIMARY KEY (day, queue, seq))""")
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        db.execute("PRAGMA journal_mode = WAL")
        # the number is printed right after the commit: it must survive a power cut
        db.execute("PRAGMA synchronous = FULL")
        return db

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE (the write lock before reading the last number) ... COMMIT, rolled back on any error."""
        db = self._connect()
        try:
            db.execute("BEGIN IMMEDIATE")
            yield db
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        finally:
            db.close()

    def day(self, now: datetime | None = None) -> date:
        """The counting day: numbers restart at reset_hour, not necessarily at midnight."""
        now = now or self._clock()
        return (now - timedelta(hours=self.reset_hour)).date()

    def take(self, queue: str, service: str = "") -> Ticket:
        """Issue the next number of `queue` for today."""
        if not (len(queue) == 1 and queue.isascii() and queue.isupper()):
            raise ValueError(f"queue must be one capital letter, got {queue!r}")
        now = self._clock()
        day = self.day(now).isoformat()
        with self._write() as db:
            seq, ahead = db.execute(
                "SELECT COALESCE(MAX(seq), 0) + 1, COUNT(*) FILTER (WHERE called_at IS NULL)"
                " FROM tickets WHERE day = ? AND queue = ?", (day, queue)).fetchone()
            db.execute("INSERT INTO tickets (day, queue, seq, service, issued_at) VALUES (?, ?, ?, ?, ?)",
                       (day, queue, seq, service, now.isoformat(timespec="seconds")))
            oldest = (self.day(now) - timedelta(days=KEEP_DAYS)).isoformat()
            db.execute("DELETE FROM tickets WHERE day < ?", (oldest,))
        return Ticket(queue, seq, date.fromisoformat(day), service, now.replace(microsecond=0), ahead)

    def waiting(self, queue: str) -> int:
        """How many of today's tickets of `queue` have not been called yet."""
        return self._count_today(queue, " AND called_at IS NULL")

    def issued(self, queue: str) -> int:
        """How many numbers `queue` has given out today."""
        return self._count_today(queue, "")

    def _count_today(self, queue: str, condition: str) -> int:
        db = self._connect()
        try:
            return db.execute(f"SELECT COUNT(*) FROM tickets WHERE day = ? AND queue = ?{condition}",
                              (self.day().isoformat(), queue)).fetchone()[0]
        finally:
            db.close()

    def call_next(self, queue: str) -> str | None:
        """Mark the oldest waiting ticket of `queue` as called (a window's call system or staff mode)."""
        now = self._clock()
        day = self.day(now).isoformat()
        with self._write() as db:
            row = db.execute("SELECT seq FROM tickets WHERE day = ? AND queue = ? AND called_at IS NULL"
                             " ORDER BY seq LIMIT 1", (day, queue)).fetchone()
            if row:
                db.execute("UPDATE tickets SET called_at = ? WHERE day = ? AND queue = ? AND seq = ?",
                           (now.isoformat(timespec="seconds"), day, queue, row[0]))
        return f"{queue}{row[0]:03d}" if row else None
