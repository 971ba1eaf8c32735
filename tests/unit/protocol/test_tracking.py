"""Tracking numbers: format, check character, validation of typed numbers."""

from datetime import date

import pytest
from hypothesis import given, strategies as st

from protocol import tracking

ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def test_issue_and_parse_round_trip():
    number = tracking.issue("SIM-0001", date(2026, 3, 9), 42)
    assert number.startswith("SIM-0001-20260309-000042-")
    parsed = tracking.parse(number)
    assert (parsed.terminal, parsed.day, parsed.seq) == ("SIM-0001", date(2026, 3, 9), 42)
    assert str(parsed) == number


def test_typed_forms_are_normalised():
    number = tracking.issue("A1B2", date(2026, 1, 2), 7)
    assert str(tracking.parse("  " + number.lower().replace("-", " - ") + " ")) == number
    fullwidth = "".join(chr(ord(c) + 0xFEE0) if c != "-" else "－" for c in number)
    assert str(tracking.parse(fullwidth)) == number


@pytest.mark.parametrize("bad", ["", "SIM-0001", "SIM-0001-20260230-000001-0", "SIM-0001-2026010-000001-0",
                                 "SIM-0001-20260101-001-0", "-20260101-000001-0"])
def test_malformed_numbers_are_refused(bad):
    with pytest.raises(tracking.TrackingNumberError) as info:
        tracking.parse(bad)
    assert "tracking number" in str(info.value)  # names what is wrong; the kiosk words it for citizens


@given(seq=st.integers(1, 999_999), pos=st.integers(0, 30), repl=st.sampled_from(ALNUM))
def test_any_single_character_change_is_caught(seq, pos, repl):
    number = tracking.issue("SIM-0001", date(2026, 5, 17), seq)
    chars = list(number)
    idx = [i for i, c in enumerate(chars) if c != "-"][pos % 20]
    if chars[idx] == repl:
        return
    chars[idx] = repl
    with pytest.raises(tracking.TrackingNumberError):
        tracking.parse("".join(chars))


@given(seq=st.integers(1, 999_999), pos=st.integers(0, 40))
def test_adjacent_transpositions_are_caught(seq, pos):
    number = tracking.issue("SIM-0001", date(2026, 5, 17), seq)
    body = number[:-2]
    chars = list(body)
    i = pos % (len(chars) - 1)
    # Luhn mod N misses exactly one swap, of the first and last symbols ("0Z" <-> "Z0")
    if "-" in (chars[i], chars[i + 1]) or chars[i] == chars[i + 1] or {chars[i], chars[i + 1]} == {"0", "Z"}:
        return
    chars[i], chars[i + 1] = chars[i + 1], chars[i]
    swapped = "".join(chars) + number[-2:]
    with pytest.raises(tracking.TrackingNumberError):
        tracking.parse(swapped)


@given(seq=st.integers(1, 999_999))
def test_the_grouped_form_reads_back_as_the_number(seq):
    number = tracking.issue("SIM-0001", date(2026, 11, 28), seq)
    shown = tracking.grouped(number)
    assert len(max(shown.split(" "), key=len)) <= 8 and shown.count(" ") == 4
    assert str(tracking.parse(shown)) == number
    assert str(tracking.parse(shown.replace(" ", ""))) == number  # typed without the gaps
    assert str(tracking.parse(shown.lower())) == number


def test_grouped_example_and_what_cannot_be_grouped():
    number = str(tracking.TrackingNumber("SIM-0001", date(2026, 11, 28), 1))
    assert tracking.grouped(number) == f"SIM-0001 2026 1128 0000 01{number[-1]}"
    big = tracking.issue("SIM-0001", date(2026, 11, 28), 1_234_567)
    assert tracking.grouped(big) == big and str(tracking.parse(big)) == big
