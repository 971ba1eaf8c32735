"""Citizen identity numbers (GB 11643-1999): shape, region, birth date and the ISO 7064 MOD 11-2 check digit."""

from __future__ import annotations

import datetime as dt
import re

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"
# first two digits: provinces, plus 81/82/83 used by Hong Kong, Macao and Taiwan residence permits
PROVINCES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 "
    "50 51 52 53 54 61 62 63 64 65 71 81 82 83".split()
)
# the foreigner's permanent residence card of 2017: nationality letters and 12 digits, no check digit
_FOREIGN_2017 = re.compile(r"[A-Z]{3}\d{12}")


class IdNumberError(ValueError):
    """An identity number that cannot be right; `reason` is "length", "chars", "region", "birth" or "check"."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason


def check_digit(first17: str) -> str:
    """ISO 7064 MOD 11-2 over the first 17 digits."""
    total = sum(int(c) * w for c, w in zip(first17, WEIGHTS))
    return CHECK_CHARS[total % 11]


def birth_date(number: str) -> dt.date:
    try:
        return dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise IdNumberError("birth", "digits 7-14 are not a calendar date") from None


def validate(number: str, birth: dt.date | None = None, today: dt.date | None = None) -> str:
    """Return the number normalised (upper-case X) or raise IdNumberError; `birth` is the card's birth field."""
    n = number.strip().upper()
    if len(n) != 18:
        raise IdNumberError("length", f"{len(n)} characters, expected 18")
    # ASCII only: str.isdigit() also takes Arabic-Indic and other digits, one person would then hash two ways
    if not n.isascii() or not n[:17].isdigit() or not (n[17].isdigit() or n[17] == "X"):
        raise IdNumberError("chars", "17 digits and a digit or X expected")
    if n[:2] not in PROVINCES:
        raise IdNumberError("region", "first two digits are not a province code")
    born = birth_date(n)
    if born.year < 1800 or born > (today or dt.date.today()):
        raise IdNumberError("birth", "birth date out of range")
    if birth is not None and born != birth:
        raise IdNumberError("birth", "birth date differs from the card's birth field")
    if check_digit(n[:17]) != n[17]:
        raise IdNumberError("check", "check digit does not match")
    return n


def checked(number: str) -> str:
    """What central accepts from a terminal's card read: an 18-character number whose check digit matches, or the
    2017 foreigner's permanent residence number. Returns it normalised or raises IdNumberError. Region and birth
    date are the reader's plausibility checks (kiosk.identity); the check digit alone catches mistyped and
    made-up numbers."""
    n = number.strip().upper()
    if _FOREIGN_2017.fullmatch(n):
        return n
    if len(n) != 18:
        raise IdNumberError("length", f"{len(n)} characters, expected 18")
    # ASCII only: str.isdigit() also takes Arabic-Indic and other digits, one person would then hash two ways
    if not n.isascii() or not n[:17].isdigit() or not (n[17].isdigit() or n[17] == "X"):
        raise IdNumberError("chars", "17 digits and a digit or X expected")
    if check_digit(n[:17]) != n[17]:
        raise IdNumberError("check", "check digit does not match")
    return n
