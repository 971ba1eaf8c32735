"""DLE EOT replies -> the five states the kiosk acts on."""

import pytest

from drivers.printer.status import (PaperState, is_status_byte, offline_cause_byte, paper_byte, parse_status,
                                    status_byte)


def test_fixed_bits_identify_status_bytes():
    assert is_status_byte(0x12)
    assert is_status_byte(0x1A) and is_status_byte(0x7E)
    assert not is_status_byte(0x00) and not is_status_byte(0xFF) and not is_status_byte(0x13)


@pytest.mark.parametrize(
    "printer, cause, paper, state",
    [
        (0x12, 0x12, 0x12, PaperState.OK),
        (0x12, 0x12, 0x1E, PaperState.NEAR_END),
        (0x1A, 0x32, 0x7E, PaperState.OUT),
        (0x12, 0x12, 0x72, PaperState.OUT),  # paper end bits alone
        (0x1A, 0x16, 0x12, PaperState.COVER_OPEN),
        (0x1A, 0x52, 0x12, PaperState.OFFLINE),  # error
        (0x1A, 0x12, 0x12, PaperState.OFFLINE),  # offline without a known cause
        (None, None, None, PaperState.OFFLINE),  # no answer at all
        (0x00, 0x12, 0x12, PaperState.OFFLINE),  # noise instead of a status byte
        (0x12, 0xFF, 0x12, PaperState.OFFLINE),
    ],
)
def test_parse_status(printer, cause, paper, state):
    assert parse_status(printer, cause, paper).state is state


def test_builders_round_trip():
    assert parse_status(status_byte(), offline_cause_byte(), paper_byte()).state is PaperState.OK
    assert parse_status(status_byte(), offline_cause_byte(), paper_byte(near_end=True)).state is PaperState.NEAR_END
    out = parse_status(status_byte(offline=True), offline_cause_byte(paper_end_stop=True), paper_byte(out=True))
    assert out.state is PaperState.OUT
    cover = parse_status(status_byte(offline=True), offline_cause_byte(cover_open=True), paper_byte())
    assert cover.state is PaperState.COVER_OPEN


def test_can_print():
    assert PaperState.OK.can_print and PaperState.NEAR_END.can_print and PaperState.UNKNOWN.can_print
    assert not PaperState.OUT.can_print and not PaperState.COVER_OPEN.can_print and not PaperState.OFFLINE.can_print
