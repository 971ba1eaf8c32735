"""Take-a-number (取号): a local queue-number counter per queue, kept in SQLite, restarting every day; priority
(green-channel, 优先号) numbers of every queue share a series of their own letter and are called first."""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Callable, Iterator

from kiosk.i18n import Text

SCHEMA_VERSION = 2  # 2: a ticket has its series (the printed letter) apart from its queue, and a priority flag
KEEP_DAYS = 31  # old days are pruned; nothing in a ticket is personal, a month helps staff answer complaints


# what marks a priority number on paper and screen: no proof is asked for, the line says who it is for (short
# enough for one line of a 58 mm receipt)
PRIORITY_FOR = Text("老年人、残疾人、孕妇优先办理", "for elderly, disabled and pregnant visitors")
PRIORITY_NOTE = Text(f"优先号 · {PRIORITY_FOR.zh}", f"Priority number {PRIORITY_FOR.en}")

AHEAD_UNKNOWN = Text("前面人数暂不可知", "People ahead: not known")


WAITING_COUNTING = Text("正在查询等候人数…", "Counting who is waiting…")


def waiting_now(count: int | None) -> Text:
    """What the choice of a number says of the windows now; None: not known (central, which alone counts every
    terminal's tickets, cannot be asked)."""
    if count is None:
        return Text("现在等候人数暂不可知", "How many are waiting is not known right now")
    if count == 0:
        return Text("现在无人等候", "Nobody is waiting now")
    return Text(f"现在有 {count} 人等候", "1 person is waiting now" if count == 1 else f"{count} people are waiting now")

_TABLE = """CREATE TABLE {name} (
    day TEXT NOT NULL, series TEXT NOT NULL, seq INTEGER NOT NULL, queue TEXT NOT NULL,
    priority INTEGER NOT NULL DEFAULT 0, service TEXT NOT NULL, issued_at TEXT NOT NULL, called_at TEXT,
    PRIMARY KEY (day, series, seq))"""


def _letter(value: str, what: str) -> str:
    if not (len(value) == 1 and value.isascii() and value.isupper()):
        raise ValueError(f"{what} must be one capital letter, got {value!r}")
    return value


@dataclass(frozen=True)
class Ticket:
    queue: str  # the queue whose windows serve it
    seq: int
    day: date
    service: str  # item code the citizen took the number for ("" = general enquiry)
    issued_at: datetime
    # tickets called before this one at its windows, waiting when it was taken; None = not known (a number taken
    # without central, which alone sees every terminal of the hall)
    ahead: int | None
    series: str = ""  # the printed letter: the queue's own, or the priority letter; "" = the queue's
    priority: bool = False  # a green-channel number (elderly, disabled, pregnant visitors): called first
    terminal_index: int = 0  # an offline number's terminal part (A9-007); 0 = none (central's, or unreserved)

    @property
    def number(self) -> str:
        """As printed and called out: A007, or V003 for a priority number; A9-007 from terminal 9 while offline
        (central's numbers never hold a dash, so the two cannot meet)."""
        letter = self.series or self.queue
        if self.terminal_index:
            return f"{letter}{self.terminal_index}-{self.seq:03d}"
        return f"{letter}{self.seq:03d}"

    def waiting_text(self) -> Text:
        if self.ahead is None:
            return AHEAD_UNKNOWN
        if self.ahead == 0:
            return Text("前面没有人等候，请留意叫号", "Nobody is ahead of you; please listen for your number")
        people = "1 person" if self.ahead == 1 else f"{self.ahead} people"
        return Text(f"前面还有 {self.ahead} 人", f"{people} ahead of you")


class TicketCounter:
    """Numbers are unique per queue and day even with several processes and after a crash (one SQLite commit each).

    A new connection per call keeps it safe to use from any worker thread; taking a number is rare enough.
    """

    def __init__(self, path: Path, *, reset_hour: int = 0, clock: Callable[[], datetime] = datetime.now):
        self.path = Path(path)
        self.reset_hour = reset_hour
        self._clock = clock
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = self._connect()
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
        finally:
            db.close()
        if version > SCHEMA_VERSION:
            raise RuntimeError(f"{self.path}: ticket database schema {version} is newer than this software")
        if version < SCHEMA_VERSION:
            self._migrate()

    def _migrate(self) -> None:
        """Create or upgrade the schema in one transaction (another process may be doing the same: the write
        lock comes first, then the version is read again)."""
        with self._write() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version == 0:
                db.execute(_TABLE.format(name="tickets"))
            elif version == 1:  # today's numbers carry on: the old rows are normal tickets, series = queue
                db.execute(_TABLE.format(name="tickets_v2"))
                db.execute("INSERT INTO tickets_v2 (day, series, seq, queue, priority, service, issued_at, called_at)"
                           " SELECT day, queue, seq, queue, 0, service, issued_at, called_at FROM tickets")
                db.execute("DROP TABLE tickets")
                db.execute("ALTER TABLE tickets_v2 RENAME TO tickets")
            if version < SCHEMA_VERSION:
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

    def take(self, queue: str, service: str = "", *, priority: str = "") -> Ticket:
        """Issue the next number of `queue` for today; with `priority` (a letter no queue uses), the next number
        of that priority series instead, served by the same windows and called before their normal numbers."""
        _letter(queue, "queue")
        series = _letter(priority, "the priority letter") if priority else queue
        if priority == queue:
            raise ValueError(f"the priority letter {priority!r} is also a queue's letter: the series would mix")
        now = self._clock()
        day = self.day(now).isoformat()
        with self._write() as db:
            (seq,) = db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM tickets WHERE day = ? AND series = ?",
                                (day, series)).fetchone()
            if db.execute("SELECT 1 FROM tickets WHERE day = ? AND series = ? AND priority != ? LIMIT 1",
                          (day, series, 1 if priority else 0)).fetchone():
                raise ValueError(f"letter {series!r} numbers both a queue and the priority series today")
            # a normal number waits behind everyone waiting at its windows; a priority one only behind priority ones
            (ahead,) = db.execute("SELECT COUNT(*) FROM tickets WHERE day = ? AND queue = ? AND called_at IS NULL"
                                  " AND priority >= ?", (day, queue, 1 if priority else 0)).fetchone()
            db.execute("INSERT INTO tickets (day, series, seq, queue, priority, service, issued_at)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?)",
                       (day, series, seq, queue, 1 if priority else 0, service, now.isoformat(timespec="seconds")))
            oldest = (self.day(now) - timedelta(days=KEEP_DAYS)).isoformat()
            db.execute("DELETE FROM tickets WHERE day < ?", (oldest,))
        return Ticket(queue, seq, date.fromisoformat(day), service, now.replace(microsecond=0), ahead, series,
                      bool(priority))

    def waiting(self, queue: str) -> int:
        """How many of today's tickets of `queue` (priority ones included) have not been called yet."""
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
        """Mark the next waiting ticket of `queue` as called (a window's call system or staff mode): the oldest
        priority number first, then the oldest normal one."""
        now = self._clock()
        day = self.day(now).isoformat()
        with self._write() as db:
            row = db.execute("SELECT series, seq FROM tickets WHERE day = ? AND queue = ? AND called_at IS NULL"
                             " ORDER BY priority DESC, seq LIMIT 1", (day, queue)).fetchone()
            if row:
                db.execute("UPDATE tickets SET called_at = ? WHERE day = ? AND series = ? AND seq = ?",
                           (now.isoformat(timespec="seconds"), day, row[0], row[1]))
        return f"{row[0]}{row[1]:03d}" if row else None
