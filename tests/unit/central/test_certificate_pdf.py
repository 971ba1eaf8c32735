"""The A4 certificate PDF: what it says, that its fonts travel with it, and a clear error without the font."""

import io
import logging
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from central.certificate_pdf import (DEFAULT_FONT, LATIN_FONT, CertificatePage, FontMissing, Unprintable, render,
                                     unprintable)
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
    decoded, _points, _ = cv2.QRCodeDetectorAruco().detectAndDecode(image)
    assert decoded == PAGE.verify_url


def test_missing_font_is_a_clear_error(tmp_path):
    with pytest.raises(FontMissing, match="fonts-droid-fallback"):
        render(PAGE, font=Path(tmp_path / "none.ttf"))


# 𪚥 (U+2A6A5, CJK extension B) and 𮠝 (U+2B81D, extension D): real name characters that neither font has
RARE_MISSING = "\U0002A6A5\U0002B81D"
# 䶮 (U+4DAE, extension A) and 龘 (U+9F98): rare, but Droid Sans Fallback draws them
RARE_PRESENT = "\u4dae\u9f98"


def _in_a_font(ch: str) -> bool:
    from fontTools.ttLib import TTFont

    return any(ord(ch) in TTFont(str(path), lazy=True).getBestCmap() for path in (DEFAULT_FONT, LATIN_FONT))


def test_the_test_characters_are_what_they_claim():
    assert not any(_in_a_font(ch) for ch in RARE_MISSING)
    assert all(_in_a_font(ch) for ch in RARE_PRESENT)


def test_a_character_no_font_has_is_refused_not_printed_blank(caplog):
    """A blank where a name's character should be is a wrong certificate: refuse it, and say nothing of the
    character itself (it comes from a name)."""
    body = f"兹证明 测试{RARE_MISSING}（公民身份号码 990101********0015）的记录。"
    assert unprintable(PAGE.title, body, PAGE.holder) == sorted(RARE_MISSING)
    with caplog.at_level(logging.DEBUG), pytest.raises(Unprintable) as refused:
        render(replace(PAGE, body=body))
    assert refused.value.count == 2
    message = str(refused.value).lower()
    assert not any(ch in message or f"{ord(ch):x}" in message for ch in RARE_MISSING)
    assert not any(ch in record.getMessage() for record in caplog.records for ch in RARE_MISSING)
    # in the holder line or the issuer as well
    with pytest.raises(Unprintable):
        render(replace(PAGE, holder=f"测*{RARE_MISSING[0]}"))
    with pytest.raises(Unprintable):
        render(replace(PAGE, issuer=f"示范{RARE_MISSING[1]}市政务服务中心"))


def test_a_rare_character_the_font_has_is_printed():
    body = f"兹证明 测试{RARE_PRESENT}（公民身份号码 990101********0015）的记录。\n特此证明。"
    assert unprintable(body) == []
    text = pdf_text(render(replace(PAGE, body=body))).replace(" ", "")
    assert f"测试{RARE_PRESENT}" in text


def _record(rows: int) -> CertificatePage:
    lines = "\n".join(f"{i}. 最低生活保障申请  受理编号 A1B2C3D4E{i:03d}  2026-11-20  已办结"
                      for i in range(1, rows + 1))
    return replace(PAGE, title="办件记录证明",
                   body=f"兹证明 测试甲在本平台共有办件记录 {rows} 件：\n{lines}\n特此证明。")


def _page_text(path: Path, n: int) -> str:
    out = subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(path), "-"], check=True,
                         capture_output=True, text=True, timeout=120).stdout
    return out


def test_every_page_says_which_page_of_which_certificate_it_is(tmp_path, artifacts_dir):
    """A loose page of a long record can be put back: each page has its number, the count and the certificate's
    number and verify code at its foot."""
    path = tmp_path / "record.pdf"
    path.write_bytes(render(_record(120)))
    total = len(PdfReader(path).pages)
    assert total >= 3
    texts = [_page_text(path, n) for n in range(1, total + 1)]
    for n, text in enumerate(texts, 1):
        foot = text.strip().splitlines()[-1].replace(" ", "")
        assert f"第{n}页共{total}页" in foot and f"Page{n}of{total}" in foot, (n, foot)
        assert PAGE.certificate_number in foot and PAGE.verify_code in foot, (n, foot)
    assert "A1B2C3D4E001" in texts[0] and "A1B2C3D4E120" in "".join(texts[1:])
    # the pictures of the first and the last page, to look at
    for n in (1, total):
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(n), "-l", str(n), "-singlefile", str(path),
                        str(artifacts_dir / f"certificate-record-page-{n}")], check=True, timeout=120)


def test_a_one_page_certificate_is_page_1_of_1():
    text = pdf_text(render(PAGE)).replace(" ", "")
    assert "第1页共1页" in text and "Page1of1" in text
