"""The simulator's byte interpreter: what a printer would put on paper, from bytes alone."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.printer import escpos_codec as esc
from drivers.printer.layout import Profile, build
from drivers.printer.render import Interpreter
from tests.helpers.printer import SAMPLE_DATA, decode_qr, render_bytes


def _ink(paper):
    return np.concatenate(paper.rows)


def test_raster_round_trip_is_bit_exact():
    rng = np.random.default_rng(7)
    bits = rng.random((40, 64)) > 0.5
    data = esc.raster(64, 40, np.packbits(bits, axis=1).tobytes())
    sheets = []
    it = Interpreter(64, on_cut=sheets.append)
    it.feed(esc.init() + data + esc.cut())
    assert len(sheets) == 1
    assert np.array_equal(_ink(sheets[0]), bits)


def test_status_queries_are_answered_in_order():
    seen = []
    it = Interpreter(384, on_status=seen.append)
    it.feed(esc.status_query(1) + b"AB\n" + esc.status_query(4))
    assert seen == [1, 4]


def test_text_sizes_and_alignment():
    it = Interpreter(384)
    it.feed(esc.init() + esc.chinese_mode(True) + esc.align("right") + esc.size(2, 2) + "王".encode("gb18030") + b"\n")
    paper = it.end_of_job()
    ink = _ink(paper)
    cols = np.where(ink.any(axis=0))[0]
    rows = np.where(ink.any(axis=1))[0]
    assert cols.max() > 384 - 6  # right aligned
    assert 30 < cols.max() - cols.min() + 1 <= 48  # a 2x Chinese character: up to 48 dots wide
    assert 30 < rows.max() - rows.min() + 1 <= 48


def test_chinese_bytes_without_chinese_mode_print_as_two_latin_characters():
    """What a printer with FS & left out would do: the reason text mode always switches it on."""
    def width_of(prefix):
        it = Interpreter(384)
        it.feed(prefix + "王王".encode("gb18030") + b"\n")
        ink = _ink(it.end_of_job())
        return int(ink.any(axis=0).sum())

    assert width_of(esc.chinese_mode(True)) != width_of(b"")


def test_four_byte_gb18030_character_is_one_wide_cell():
    it = Interpreter(384)
    it.feed(esc.chinese_mode(True) + "\U00020bb7".encode("gb18030") + b"\n")
    ink = _ink(it.end_of_job())
    assert ink.any(axis=0).sum() <= 24 and ink.any()


def test_long_line_wraps_like_the_printer():
    it = Interpreter(384)
    it.feed(esc.chinese_mode(True) + ("政" * 20).encode("gb18030") + b"\n")  # 480 dots on 384-dot paper
    ink = _ink(it.end_of_job())
    text_rows = np.where(ink.any(axis=1))[0]
    assert text_rows.max() - text_rows.min() > 40  # two printed lines


def test_cut_splits_receipts_and_qr_decodes():
    data = esc.init() + esc.align("center") + esc.qr("HELLO-42", module=6) + esc.cut() + b"after\n"
    images = render_bytes(data, 384)
    assert len(images) == 2  # one cut, one torn remainder
    assert decode_qr(images[0]) == "HELLO-42"


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=2000), max_size=12))
def test_any_chunking_gives_the_same_paper(cuts):
    data = build("diagnostics", SAMPLE_DATA["diagnostics"], Profile(58, "text"))
    whole = render_bytes(data, 384)
    sheets = []
    it = Interpreter(384, on_cut=sheets.append)
    pos = 0
    for c in sorted(set(cuts)):
        it.feed(data[pos:c])
        pos = max(pos, c)
    it.feed(data[pos:])
    assert len(sheets) == len(whole) == 1
    assert np.array_equal(np.asarray(sheets[0].image(cut=True)), np.asarray(whole[0]))


def test_unknown_commands_are_skipped_and_noted():
    it = Interpreter(384)
    it.feed(b"\x1bZ" + b"ok\n")
    assert it.unknown == ["ESC 5A"]
    assert it.end_of_job() is not None


def test_paper_out_stops_printing():
    allowed = iter([True, True] + [False] * 1000)
    it = Interpreter(384, can_print=lambda dots: next(allowed))
    it.feed(esc.init() + b"line one\nline two\nline three\nline four\n")
    paper = it.end_of_job()
    assert paper.height < 60


_PIECES = [b"\x1b", b"\x1d", b"\x1c", b"\x10\x04", b"\x1d(k", b"\x1dv0", b"\x1dk", b"\x1dV", b"\x1b!", b"\x1c&",
           b"\x00", b"\x01", b"\x03\x00", b"\xff", b"\x81", b"\x30", b"\n", b"A", "政".encode("gb18030"),
           b"1Q0", b"1P0", b"I", b"{B"]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=300), st.lists(st.sampled_from(_PIECES), max_size=60).map(b"".join)))
def test_garbage_never_crashes_the_simulator(data):
    """A real printer prints nonsense for nonsense; the simulator must not die on it either."""
    it = Interpreter(384)
    it.feed(data)
    it.end_of_job()


@pytest.mark.parametrize("code", [b"\x1d(k\x00\x00", b"\x1d(k\x01\x001", b"\x1d(k\x02\x001C", b"\x1d(k\x02\x001E"])
def test_truncated_qr_commands_are_skipped(code):
    it = Interpreter(384)
    it.feed(code + b"ok\n")
    assert "GS ( k (truncated)" in it.unknown and it.end_of_job() is not None


def test_unprintable_codes_are_skipped_not_fatal():
    it = Interpreter(384)
    too_long = b"x" * 8000  # beyond the largest QR symbol
    store = b"\x1d(k" + (len(too_long) + 3).to_bytes(2, "little") + b"1P0" + too_long
    it.feed(store + b"\x1d(k\x03\x001Q0" + b"\x1dkI\x03{B\xe9" + b"ok\n")
    assert any("QR" in u for u in it.unknown) and any("CODE128" in u for u in it.unknown)
    assert it.end_of_job() is not None


def test_other_common_commands_are_consumed_whole():
    it = Interpreter(384)
    bit_image = b"\x1b*\x21\x02\x00" + b"\xff" * 6  # 24-dot column image, 2 columns
    it.feed(b"\x1b$\x10\x00" + b"\x1bD\x08\x10\x00" + b"\x1bc5\x00" + b"\x1bp\x00\x19\xfa" + bit_image + b"A\n")
    assert it.unknown == ["ESC * (bit image not drawn)"]
    ink = np.concatenate(it.end_of_job().rows)
    assert ink.any(axis=0).sum() <= 12  # only the "A" printed, nothing from the parameters
