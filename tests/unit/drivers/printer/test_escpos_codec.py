"""Byte-exact tests of every ESC/POS command the kiosk sends."""

import pytest

from drivers.printer import escpos_codec as esc


def test_init_align_size_bold_underline():
    assert esc.init() == b"\x1b@"
    assert esc.align("left") == b"\x1ba\x00"
    assert esc.align("center") == b"\x1ba\x01"
    assert esc.align("right") == b"\x1ba\x02"
    assert esc.size(1, 1) == b"\x1d!\x00"
    assert esc.size(2, 2) == b"\x1d!\x11"
    assert esc.size(1, 3) == b"\x1d!\x02"
    assert esc.size(8, 8) == b"\x1d!\x77"
    assert esc.bold(True) == b"\x1bE\x01" and esc.bold(False) == b"\x1bE\x00"
    assert esc.underline(1) == b"\x1b-\x01"


@pytest.mark.parametrize("bad", [(0, 1), (9, 1), (1, 0), (1, 9)])
def test_size_out_of_range(bad):
    with pytest.raises(ValueError):
        esc.size(*bad)


def test_align_unknown():
    with pytest.raises(ValueError):
        esc.align("middle")


def test_chinese_mode_and_spacing():
    assert esc.chinese_mode(True) == b"\x1c&"
    assert esc.chinese_mode(False) == b"\x1c."
    assert esc.line_spacing(None) == b"\x1b2"
    assert esc.line_spacing(40) == b"\x1b3\x28"


def test_gb18030_text_including_cjk_punctuation_and_rare_characters():
    # full-width colon and brackets are where python-escpos's magic encoding goes wrong
    assert esc.text_gb18030("受理：（A）") == "受理：（A）".encode("gb18030")
    assert esc.text_gb18030("王") == b"\xcd\xf5"
    assert esc.text_gb18030("：") == b"\xa3\xba"
    # a character outside GB2312 (used in personal names) takes the four-byte form
    assert len(esc.text_gb18030("\U00020bb7")) == 4


def test_text_rejects_control_characters():
    with pytest.raises(ValueError):
        esc.text_gb18030("a\x1b@b")
    with pytest.raises(ValueError):
        esc.text_ascii("a\nb")
    with pytest.raises(UnicodeEncodeError):
        esc.text_ascii("王")


def test_feeds_and_cut():
    assert esc.newline() == b"\n"
    assert esc.feed_lines(3) == b"\x1bd\x03"
    assert esc.feed_dots(24) == b"\x1bJ\x18"
    assert esc.cut() == b"\x1dVB\x00"
    assert esc.cut(partial=False, feed=10) == b"\x1dVA\x0a"


def test_raster_header_and_bands():
    data = bytes(range(4)) * 2  # 16 dots wide (2 bytes/row), 4 rows
    assert esc.raster(16, 4, data) == b"\x1dv0\x00\x02\x00\x04\x00" + data
    rows = esc.RASTER_BAND_ROWS + 10
    big = esc.raster(8, rows, bytes(rows))
    first = b"\x1dv0\x00\x01\x00" + esc.RASTER_BAND_ROWS.to_bytes(2, "little")
    assert big.startswith(first)
    second_at = len(first) + esc.RASTER_BAND_ROWS
    assert big[second_at : second_at + 8] == b"\x1dv0\x00\x01\x00\x0a\x00"
    with pytest.raises(ValueError):
        esc.raster(16, 4, b"\x00")


def test_qr_function_sequence():
    got = esc.qr("AB", module=5, ecc="Q")
    assert got == (
        b"\x1d(k\x04\x001A2\x00"  # fn 65: model 2
        b"\x1d(k\x03\x001C\x05"  # fn 67: module 5 dots
        b"\x1d(k\x03\x001E2"  # fn 69: ECC Q (50)
        b"\x1d(k\x05\x001P0AB"  # fn 80: store 2 bytes (pL = len + 3)
        b"\x1d(k\x03\x001Q0"  # fn 81: print
    )


def test_qr_utf8_length_and_limits():
    got = esc.qr("证明", module=4)
    store = b"\x1d(k" + (len("证明".encode()) + 3).to_bytes(2, "little") + b"1P0" + "证明".encode()
    assert store in got
    with pytest.raises(ValueError):
        esc.qr("")
    with pytest.raises(ValueError):
        esc.qr("x", ecc="Z")


def test_code128():
    assert esc.barcode_code128("AB12", height=60, module=3, hri=True) == (
        b"\x1dh\x3c" b"\x1dw\x03" b"\x1dH\x02" b"\x1dkI\x06{BAB12"
    )
    assert b"\x1dH\x00" in esc.barcode_code128("A", hri=False)
    with pytest.raises(ValueError):
        esc.barcode_code128("王")
    with pytest.raises(ValueError):
        esc.barcode_code128("{A")


def test_status_queries():
    assert [esc.status_query(n) for n in (1, 2, 3, 4)] == [b"\x10\x04\x01", b"\x10\x04\x02", b"\x10\x04\x03",
                                                           b"\x10\x04\x04"]
    with pytest.raises(ValueError):
        esc.status_query(5)
