"""The A4 certificate PDF: what it says, that its fonts travel with it, and a clear error without the font."""

import io
import logging
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from central.certificate_pdf import FontMissing, render
from tests.helpers.certificates import PAGE, pdf_text


def _fonts(pdf: bytes) -> list[dict]:
    out = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            out.append({"name": str(font["/BaseFont"]),
                        "embedded": "/FontFile2" in descendant["/FontDescriptor"].get_object()})
    return out


def test_page_says_what_the_certificate_is():
    pdf = render(PAGE)
    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)  # A4
    text = pdf_text(pdf).replace(" ", "")
    for shown in ("办结证明", "Z20261128000001", "7KQ3-M9XD-2B6F-H1QA", "3f2a9c1b77d0e415", "示范市政务服务中心",
                  "2026年11月28日", "最低生活保障申请", "特此证明", "电子签章", "测*甲"):
        assert shown in text, shown


def test_fonts_are_embedded_subsets():
    fonts = _fonts(render(PAGE))
    assert fonts and all(f["embedded"] for f in fonts)
    # a subset's name carries a six-letter tag: only the glyphs used travel, not the 4 MB font
    assert all(f["name"][7] == "+" for f in fonts)
    assert any("DroidSansFallback" in f["name"] for f in fonts)


def test_long_record_stays_readable_and_complete():
    lines = "\n".join(f"{i}. 最低生活保障申请  受理编号 A1B2C3D4E{i:03d}  2026-11-20  已办结" for i in range(1, 51))
    text = pdf_text(render(replace(PAGE, title="办件记录证明", body="兹证明 测试甲在本平台共有办件记录 50 件：\n"
                                                               + lines + "\n特此证明。"))).replace(" ", "")
    assert "A1B2C3D4E001" in text and "A1B2C3D4E050" in text and "Z20261128000001" in text


def test_unsigned_copy_says_so_and_shows_no_seal():
    text = pdf_text(render(replace(PAGE, sealed=False))).replace(" ", "")
    assert "未加盖电子签章" in text
    assert text.count("电子签章") == 1  # the note only: no seal mark (its label is the other 电子签章 of a sealed page)
    assert pdf_text(render(PAGE)).replace(" ", "").count("电子签章") == 2


def test_qr_on_the_printed_page_opens_the_verify_url(tmp_path):
    """Rasterised as a printer would (pdftoppm, 150 dpi), the QR decodes to the verify URL."""
    import cv2

    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(render(PAGE))
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-singlefile", str(pdf), str(tmp_path / "page")], check=True,
                   timeout=120)
    image = cv2.imread(str(tmp_path / "page.png"))
    decoded, _points, _ = cv2.QRCodeDetector().detectAndDecode(image)
    assert decoded == PAGE.verify_url


def test_missing_font_is_a_clear_error(tmp_path):
    with pytest.raises(FontMissing, match="fonts-droid-fallback"):
        render(PAGE, font=Path(tmp_path / "none.ttf"))


def test_characters_without_a_glyph_stay_out_of_the_log(caplog):
    """fpdf2 logs the characters a font lacks: those come from a name, which no log may hold."""
    rare = "\U0002A6A5\U0002B81D"  # CJK extension B/D characters that neither font has
    with caplog.at_level(logging.DEBUG):
        render(replace(PAGE, body=f"兹证明 测试{rare}（公民身份号码 990101********0015）的记录。"))
    assert not any(ch in record.getMessage() for record in caplog.records for ch in rare)
