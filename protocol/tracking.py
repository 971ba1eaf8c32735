"""受理编号 (tracking numbers): terminal code, date, sequence and a check character; pure, no I/O."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date


# Luhn mod N over this alphabet catches every single-character error and every adjacent transposition but 0Z/Z0
_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_N = len(_ALPHABET)
_VALUE = {ch: i for i, ch in enumerate(_ALPHABET)}
# re.ASCII: a bare \d also takes Arabic-Indic and other digits, which the check character cannot weigh
_PATTERN = re.compile(r"^(?P<terminal>[A-Z0-9][A-Z0-9-]{0,15})-(?P<date>\d{8})-(?P<seq>\d{6,10})-(?P<check>[0-9A-Z])$",
                      re.ASCII)
# as printed and shown for reading out (SIM-0001 2026 1128 0000 01X) and typed from that without the dashes: the
# date, a six-digit sequence and the check character are the last 15 characters, so the terminal part is what
# comes before them
_GROUPED = re.compile(r"^(?P<terminal>[A-Z0-9][A-Z0-9-]{0,15}?)-?(?P<date>\d{8})-?(?P<seq>\d{6})-?(?P<check>[0-9A-Z])$",
                      re.ASCII)


class TrackingNumberError(ValueError):
    """A typed tracking number that cannot be one of ours (format, check character or date); the kiosk words it."""


@dataclass(frozen=True)
class TrackingNumber:
    terminal: str
    day: date
    seq: int

    def body(self) -> str:
        return f"{self.terminal}-{self.day.year:04d}{self.day.month:02d}{self.day.day:02d}-{self.seq:06d}"

    def __str__(self) -> str:
        body = self.body()
        return f"{body}-{check_char(body)}"


def check_char(body: str) -> str:
    """Luhn mod 36 over the alphanumerics of `body` (dashes ignored)."""
    return _ALPHABET[(_N - _luhn_terms(body.replace("-", "")[::-1], 2) % _N) % _N]


def _luhn_terms(chars: str, first_factor: int) -> int:
    """Luhn mod 36 terms of `chars` (already reversed, no dashes), the first weighted by first_factor."""
    factor = first_factor
    total = 0
    for ch in chars:
        addend = factor * _VALUE[ch]
        factor = 1 if factor == 2 else 2
        total += addend // _N + addend % _N
    return total


@functools.lru_cache(maxsize=16)
def _prefix(terminal: str, day: date, seq_digits: int) -> tuple[str, int]:
    """'TERMINAL-YYYYMMDD-' and its Luhn terms: the same for every number a terminal issues that day."""
    head = f"{terminal}-{day.year:04d}{day.month:02d}{day.day:02d}-"
    return head, _luhn_terms(head.replace("-", "")[::-1], 2 if seq_digits % 2 == 0 else 1)


def _digit_terms(factors: tuple[int, int, int]) -> list[int]:
    """Luhn terms of every three-digit group 000-999 with the given factors (most significant digit first).
    A digit's term is factor * digit with no carry: 2*9 < 36."""
    return [factors[0] * (n // 100) + factors[1] * (n // 10 % 10) + factors[2] * (n % 10) for n in range(1000)]


# the six digits of a sequence number below 1,000,000, rightmost first, have factors 2,1,2 | 1,2,1
_LOW3, _HIGH3 = _digit_terms((2, 1, 2)), _digit_terms((1, 2, 1))


def issue(terminal: str, day: date, seq: int) -> str:
    """Same result as str(TrackingNumber(...)), computed incrementally."""
    digits = f"{seq:06d}"
    head, total = _prefix(terminal, day, len(digits))
    if seq < 1_000_000:
        total += _HIGH3[seq // 1000] + _LOW3[seq % 1000]
    else:
        factor = 2
        for ch in reversed(digits):
            total += factor * (ord(ch) - 48)
            factor = 3 - factor
    return f"{head}{digits}-{_ALPHABET[(_N - total % _N) % _N]}"


class DayIssuer:
    """issue() for one terminal on one day, the day's prefix worked out once: the queue keeps one per local day,
    because issue()'s cache lookup (hashing the terminal and the date) costs more than the number itself."""

    __slots__ = ("terminal", "day", "_head", "_total")

    def __init__(self, terminal: str, day: date) -> None:
        self.terminal, self.day = terminal, day
        self._head, self._total = _prefix(terminal, day, 6)

    def number(self, seq: int) -> str:
        if not 0 <= seq < 1_000_000:  # a longer sequence weighs its digits from another parity: the general path
            return issue(self.terminal, self.day, seq)
        check = _ALPHABET[(_N - (self._total + _HIGH3[seq // 1000] + _LOW3[seq % 1000]) % _N) % _N]
        return f"{self._head}{seq:06d}-{check}"


def normalize(typed: str) -> str:
    """What a citizen or staff member typed -> canonical form: upper case, no spaces, full-width folded."""
    folded = "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c for c in typed)
    return "".join(folded.split()).upper().replace("—", "-").replace("－", "-")


def grouped(number: str) -> str:
    """SIM-0001-20261128-000001-X -> SIM-0001 2026 1128 0000 01X: short groups to read out and type back (parse
    takes either form). Numbers it cannot group are returned as they are."""
    m = _PATTERN.match(number)
    if not m or len(m["seq"]) != 6:
        return number
    tail = m["seq"] + m["check"]
    return f"{m['terminal']} {m['date'][:4]} {m['date'][4:]} {tail[:4]} {tail[4:]}"


def parse(typed: str) -> TrackingNumber:
    """Validate a typed tracking number; raises TrackingNumberError naming what is wrong."""
    text = normalize(typed)
    m = _PATTERN.match(text) or _GROUPED.match(text)
    if not m:
        raise TrackingNumberError("tracking number does not match TERMINAL-YYYYMMDD-SEQUENCE-C")
    body = f"{m['terminal']}-{m['date']}-{m['seq']}"
    if check_char(body) != m["check"]:
        raise TrackingNumberError("tracking number check character does not match")
    try:
        day = date(int(m["date"][:4]), int(m["date"][4:6]), int(m["date"][6:]))
    except ValueError:
        raise TrackingNumberError("tracking number holds an impossible date") from None
    return TrackingNumber(m["terminal"], day, int(m["seq"]))
