"""Working days for deadlines: Monday to Friday, less the public holidays, plus the weekend days worked instead
(调休), as central's calendar table lists them for each year."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import delete, select

from central import tx
from central.schema import workdays
from central.storage import CentralStore

KINDS = {"holiday": ("法定节假日", "Public holiday"), "workday": ("调休上班", "Make-up working day")}
_MAX_SPAN = 3660  # days a count may walk: ten years is past any deadline, and bounds a typo like year 9999


@dataclass(frozen=True)
class WorkCalendar:
    holidays: frozenset[date] = field(default_factory=frozenset)
    workdays: frozenset[date] = field(default_factory=frozenset)

    def is_working(self, d: date) -> bool:
        if d in self.workdays:
            return True
        return d.weekday() < 5 and d not in self.holidays

    def add(self, start: date, n: int) -> date:
        """The n-th working day after `start` (start itself does not count, as for any period set in days)."""
        d, left = start, n
        for _ in range(_MAX_SPAN):
            if left <= 0:
                return d
            d += timedelta(days=1)
            left -= self.is_working(d)
        raise ValueError(f"{n} working days after {start} is further than the calendar reaches")

    def between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end`; negative, counted the same way, when end comes
        first. So a deadline `end` seen on day `start` has between() days left: 0 on the day itself."""
        if end < start:
            return -self.between(end, start)
        if (end - start).days > _MAX_SPAN:
            raise ValueError(f"{start} to {end} is further than the calendar reaches")
        return sum(self.is_working(start + timedelta(days=k)) for k in range(1, (end - start).days + 1))


class Calendar:
    """The holiday and make-up working day list in central's database (shared by every worker process)."""

    def __init__(self, store: CentralStore) -> None:
        self._store = store

    def current(self) -> WorkCalendar:
        with tx.reading(self._store.engine) as c:
            rows = c.execute(select(workdays.c.day, workdays.c.working)).all()
        days = [(date.fromisoformat(d), bool(w)) for d, w in rows]
        return WorkCalendar(frozenset(d for d, w in days if not w), frozenset(d for d, w in days if w))

    def days(self, year: int | None = None) -> list[dict]:
        """The exceptions in day order: [{day (YYYY-MM-DD), kind (holiday | workday), text{zh,en}, note}]."""
        query = select(workdays.c.day, workdays.c.working, workdays.c.note).order_by(workdays.c.day)
        if year is not None:
            query = query.where(workdays.c.day.startswith(f"{year:04d}-"))
        with tx.reading(self._store.engine) as c:
            rows = c.execute(query).all()
        out = []
        for day, working, note in rows:
            kind = "workday" if working else "holiday"
            out.append({"day": day, "kind": kind, "text": dict(zip(("zh", "en"), KINDS[kind])), "note": note or ""})
        return out

    def set_day(self, day: date, kind: str | None, note: str = "") -> None:
        """Marks `day` a holiday or a make-up working day; kind None makes it an ordinary day again."""
        if kind is not None and kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)} or None, not {kind!r}")
        if len(note) > 100 or any(not ch.isprintable() for ch in note):
            raise ValueError("a note is at most 100 printable characters")
        key = day.isoformat()
        with tx.writing(self._store.engine) as c:
            c.execute(delete(workdays).where(workdays.c.day == key))
            if kind is not None:
                c.execute(workdays.insert().values(day=key, working=int(kind == "workday"), note=note or None))
