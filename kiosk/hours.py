"""Service hours and nightly care: when the terminal takes applications, and when it restarts, rotates and purges."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from pydantic import BaseModel, ConfigDict, field_validator

from kiosk.i18n import Text

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_ZH = ("一", "二", "三", "四", "五", "六", "日")
_RANGE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")


def _clock(h: str, m: str) -> time:
    hour, minute = int(h), int(m)
    if hour == 24 and minute == 0:
        return time.max
    if not (0 <= hour < 24 and 0 <= minute < 60):
        raise ValueError(f"{h}:{m} is not a time of day (00:00-24:00)")
    return time(hour, minute)


def parse_ranges(text: str) -> list[tuple[time, time]]:
    """"08:30-12:00,14:00-17:30" -> sorted ranges; "" = always open. ValueError says what is wrong."""
    if not text.strip():
        return []
    ranges = []
    for part in text.split(","):
        m = _RANGE.match(part)
        if not m:
            raise ValueError(f"{part.strip()!r} is not HH:MM-HH:MM (e.g. \"08:30-12:00,14:00-17:30\")")
        start, end = _clock(*m.group(1, 2)), _clock(*m.group(3, 4))
        if end <= start:
            raise ValueError(f"{part.strip()!r} ends before it starts (ranges cannot cross midnight)")
        ranges.append((start, end))
    ranges.sort()
    for (_, end), (start, _) in zip(ranges, ranges[1:]):
        if start < end:
            raise ValueError(f"ranges overlap around {start:%H:%M}")
    return ranges


class HoursConfig(BaseModel):
    """[hours] in kiosk.toml."""

    model_config = ConfigDict(extra="forbid")

    open: str = ""
    days: list[str] = list(DAYS[:5])
    closed_dates: list[date] = []
    nightly_restart: str = ""

    @field_validator("open")
    @classmethod
    def _open(cls, v: str) -> str:
        parse_ranges(v)
        return v

    @field_validator("closed_dates", mode="before")
    @classmethod
    def _dates(cls, v):
        """TOML dates (2025-10-01) or strings ("2025-10-01")."""
        if not isinstance(v, list):
            return v
        out = []
        for d in v:
            if isinstance(d, str):
                try:
                    d = date.fromisoformat(d)
                except ValueError:
                    raise ValueError(f"{d!r} is not a date YYYY-MM-DD") from None
            out.append(d)
        return out

    @field_validator("days")
    @classmethod
    def _days(cls, v: list[str]) -> list[str]:
        wrong = [d for d in v if d not in DAYS]
        if wrong:
            raise ValueError(f"unknown day(s) {', '.join(map(repr, wrong))}; days are {', '.join(DAYS)}")
        if not v:
            raise ValueError("no day open: list at least one day, or leave `open` empty for always open")
        return sorted(set(v), key=DAYS.index)

    @field_validator("nightly_restart")
    @classmethod
    def _nightly(cls, v: str, info) -> str:
        if not v:
            return v
        m = _CLOCK.match(v.strip())
        if not m:
            raise ValueError(f"{v!r} is not HH:MM (e.g. \"03:30\"), or \"\" for no nightly restart")
        at = _clock(*m.groups())
        try:
            ranges = parse_ranges(info.data.get("open", ""))
        except ValueError:
            return v
        if any(start <= at < end for start, end in ranges):
            raise ValueError(f"{v} is within the opening hours; choose a quiet hour when the hall is closed")
        return v


@dataclass(frozen=True)
class ServiceHours:
    """Pure rules over a local datetime; the UI asks `is_open(now)` and shows `describe()` when closed."""

    ranges: tuple[tuple[time, time], ...]
    days: tuple[int, ...]  # weekday numbers, Monday 0
    closed_dates: frozenset[date]

    @classmethod
    def from_config(cls, cfg: HoursConfig) -> "ServiceHours":
        return cls(tuple(parse_ranges(cfg.open)), tuple(DAYS.index(d) for d in cfg.days),
                   frozenset(cfg.closed_dates))

    @property
    def always_open(self) -> bool:
        return not self.ranges

    def is_open(self, now: datetime) -> bool:
        if self.always_open:
            return True
        if now.date() in self.closed_dates or now.weekday() not in self.days:
            return False
        t = now.time()
        return any(start <= t < end for start, end in self.ranges)

    def next_opening(self, now: datetime) -> datetime | None:
        """When the terminal opens next (None when always open); looks up to a year ahead."""
        if self.always_open:
            return None
        for n in range(0, 370):
            day = now.date() + timedelta(days=n)
            if day in self.closed_dates or day.weekday() not in self.days:
                continue
            for start, _ in self.ranges:
                at = datetime.combine(day, start, now.tzinfo)
                if at > now:
                    return at
        return None

    def describe(self) -> Text:
        """"周一至周五 08:30-12:00、14:00-17:30" / "Mon-Fri 08:30-12:00, 14:00-17:30"."""
        times = [f"{s:%H:%M}-{'24:00' if e == time.max else format(e, '%H:%M')}" for s, e in self.ranges]
        return Text(f"{_days_zh(self.days)} {'、'.join(times)}", f"{_days_en(self.days)} {', '.join(times)}")


def _runs(days: tuple[int, ...]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for d in days:
        if runs and runs[-1][1] == d - 1:
            runs[-1] = (runs[-1][0], d)
        else:
            runs.append((d, d))
    return runs


def _days_zh(days: tuple[int, ...]) -> str:
    parts = [f"周{_DAY_ZH[a]}" if a == b else f"周{_DAY_ZH[a]}至周{_DAY_ZH[b]}" for a, b in _runs(days)]
    return "、".join(parts)


def _days_en(days: tuple[int, ...]) -> str:
    name = [d.capitalize() for d in DAYS]
    return ", ".join(name[a] if a == b else f"{name[a]}-{name[b]}" for a, b in _runs(days))


class NightlyCare:
    """Decides when the nightly restart (with log rotation and the queue purge before it) runs: once a day at the
    configured time or later, and only while nobody is using the terminal."""

    def __init__(self, at: str, started: datetime) -> None:
        self.at = _clock(*at.split(":")) if at else None
        self._due = self._next(started) if self.at is not None else None

    def _next(self, after: datetime) -> datetime:
        at = datetime.combine(after.date(), self.at, after.tzinfo)
        return at if at > after else at + timedelta(days=1)

    @property
    def due_at(self) -> datetime | None:
        return self._due

    def due(self, now: datetime, visit_active: bool) -> bool:
        """True once the time has come and no visit runs; a visit postpones it until the visit ends."""
        return self._due is not None and now >= self._due and not visit_active
