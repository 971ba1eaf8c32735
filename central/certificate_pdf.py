"""A certificate as an A4 PDF: title, body, issuer, date, seal mark, number, verify code, QR; data in, bytes out."""

from __future__ import annotations

import io
import logging
import math
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import qrcode
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from central import certificate_fonts

# TrueType (glyf outlines), so the PDF embeds a subset of it: Debian's fonts-droid-fallback. Noto CJK (the screen's
# font) ships as CFF outlines in a .ttc collection, which fpdf2 does not embed
DEFAULT_FONT = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
# Droid Sans Fallback has no Latin letters or digits: those come from DejaVu Sans (fonts-dejavu-core)
LATIN_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
_FONT = "cjk"
_LATIN = "latin"
_RED = (200, 16, 32)
_MARGIN = 25  # mm: the 2.5 cm side margins of an official letter
_QR = 32  # mm
_FOOTER = 68  # mm from the page's bottom edge that the verification block takes
_PAGE_FOOT = 12  # mm from the bottom edge to every page's foot line (page number, certificate number)
# line breaking: a CJK character may stand alone, a run of Latin letters and digits (an account number, a date's
# year) may not be split; closing punctuation never starts a line and opening punctuation never ends one
_UNIT = re.compile(r"[\u3000-\u303f\uff00-\uffef\u4e00-\u9fff\u3400-\u4dbf]|[^\s\u3000-\u303f\uff00-\uffef"
                   r"\u4e00-\u9fff\u3400-\u4dbf]+|\s+")
_NO_START = set("，。、；：？！）」』》〉”’%,.;:?!)]")
_NO_END = set("（「『《〈“‘([")
# a fixed date in the file's own metadata: the same data gives the same bytes (the signature adds its own time)
_EPOCH = datetime(2000, 1, 1, tzinfo=timezone.utc)


# fpdf2 logs the very characters a font lacks, and those come from a holder's name: no log may hold them (render
# refuses such text first; this stays for any character that gets past that check)
logging.getLogger("fpdf.output").setLevel(logging.ERROR)


class FontMissing(RuntimeError):
    """A certificate font is not installed (install.sh installs both packages)."""


class Unprintable(ValueError):
    """The text holds characters neither font can draw: they would print as blanks. The message gives only how
    many (they come from a name, which no log may hold)."""

    def __init__(self, count: int) -> None:
        super().__init__(f"{count} character(s) of the certificate are in neither certificate font")
        self.count = count


@dataclass(frozen=True)
class CertificatePage:
    """What one certificate page shows. `body` holds the holder's name: it goes into the PDF and nowhere else."""

    title: str
    body: str
    holder: str  # masked, as the verify page shows it
    issuer: str
    issued_on: str
    certificate_number: str
    verify_code: str  # grouped for reading: ABCD-EFGH-…
    verify_url: str
    document_hash: str  # shown_hash of the body, as on the thermal slip and the verify page
    sealed: bool  # whether central signs it; the note under the QR says how to check either way


def _check_fonts(font: Path, latin: Path) -> None:
    for path, package in ((font, "fonts-droid-fallback"), (latin, "fonts-dejavu-core")):
        if not path.is_file():
            raise FontMissing(f"certificate font {path} is missing (Debian package {package})")


def unprintable(*texts: str, font: Path = DEFAULT_FONT, latin: Path = LATIN_FONT) -> list[str]:
    """The characters of `texts` that neither font has, sorted, each once ([] when all can be drawn). Never log
    them: they come from names."""
    _check_fonts(font, latin)
    drawn = (certificate_fonts.parsed(font).characters, certificate_fonts.parsed(latin).characters)
    return sorted({ch for text in texts for ch in text
                   if not ch.isspace() and not any(ord(ch) in cmap for cmap in drawn)})


def render(page: CertificatePage, font: Path = DEFAULT_FONT, latin: Path = LATIN_FONT) -> bytes:
    """The certificate's PDF; Unprintable when a character of it would print as a blank."""
    missing = unprintable(page.title, page.body, page.holder, page.issuer, page.issued_on, page.certificate_number,
                          page.verify_code, page.verify_url, page.document_hash, font=font, latin=latin)
    if missing:
        raise Unprintable(len(missing))
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_creation_date(_EPOCH)
    pdf.set_title(page.title)
    pdf.set_author(page.issuer)
    pdf.set_creator("hall kiosk central")
    pdf.set_margins(_MARGIN, 30, _MARGIN)
    pdf.set_auto_page_break(True, margin=20)
    certificate_fonts.add(pdf, _LATIN, latin)
    certificate_fonts.add(pdf, _FONT, font)
    pdf.set_fallback_fonts([_LATIN], exact_match=False)
    pdf.add_page()
    _title(pdf, page)
    _body(pdf, page.body)
    _signature(pdf, page)
    _footer(pdf, page)
    _page_feet(pdf, page)
    return bytes(pdf.output())


def _title(pdf: FPDF, page: CertificatePage) -> None:
    pdf.set_font(_FONT, size=26)
    pdf.set_char_spacing(4)  # spaced-out characters, as a printed certificate's heading is
    pdf.cell(0, 14, page.title, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_char_spacing(0)
    pdf.set_font(_FONT, size=11)
    pdf.cell(0, 8, f"编号：{page.certificate_number}", align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(8)


def _body(pdf: FPDF, body: str) -> None:
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    # a long list (a busy person's record) gets a smaller size and tighter lines: fewer pages
    size, gap = (14, 1.7) if len(paragraphs) <= 12 else (11, 0.4)
    pdf.set_font(_FONT, size=size)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for text in paragraphs:
        # two full-width spaces: the first-line indent of Chinese paragraphs
        for line in _lines(pdf, "\u3000\u3000" + text, width):
            pdf.cell(0, size * 0.62, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(gap)


def _lines(pdf: FPDF, text: str, width: float) -> list[str]:
    """Greedy breaking by units (_UNIT), keeping punctuation with its neighbour as Chinese typesetting does."""
    units: list[str] = []
    for unit in _UNIT.findall(text):
        if units and (unit[0] in _NO_START or units[-1][-1] in _NO_END):
            units[-1] += unit
        else:
            units.append(unit)
    # widths add up (no kerning, no shaping): each distinct unit is measured once, as fpdf2's measuring is slow
    widths: dict[str, float] = {}

    def measured(unit: str) -> float:
        if unit not in widths:
            widths[unit] = pdf.get_string_width(unit)
        return widths[unit]

    lines, line, line_width = [], "", 0.0
    # a unit wider than the line (a long URL) is split into characters after all
    units = [part for unit in units for part in (unit if measured(unit) > width else [unit])]
    for unit in units:
        if line.strip() and line_width + measured(unit) > width:
            lines.append(line.rstrip())
            line, line_width = ("", 0.0) if unit.isspace() else (unit, measured(unit))
        else:
            line, line_width = line + unit, line_width + measured(unit)
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _signature(pdf: FPDF, page: CertificatePage) -> None:
    """Issuer and date at the right, the round seal mark over them (when sealed), as a stamped letter has them."""
    needed = 58
    if pdf.get_y() + 16 + needed > pdf.h - _FOOTER:
        pdf.add_page()
    pdf.ln(16)
    pdf.set_font(_FONT, size=14)
    width = max(pdf.get_string_width(page.issuer), pdf.get_string_width(page.issued_on)) + 4
    x = pdf.w - _MARGIN - width
    top = pdf.get_y()
    if page.sealed:  # an unsigned copy shows no seal picture: the picture must not promise what is not there
        # the mark first, so the black text stays readable over the red, as ink over a stamp does
        _seal_mark(pdf, x + width / 2, top + 9, page.issuer)
    pdf.set_font(_FONT, size=14)
    pdf.set_xy(x, top)
    pdf.cell(width, 9, page.issuer, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.cell(width, 9, page.issued_on, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _seal_mark(pdf: FPDF, cx: float, cy: float, issuer: str) -> None:
    """A round red mark naming the department and 电子签章: the picture of the seal; the PDF signature is the seal."""
    radius = 21
    pdf.set_draw_color(*_RED)
    pdf.set_text_color(*_RED)
    pdf.set_line_width(1.2)
    pdf.circle(x=cx, y=cy, radius=radius, style="D")
    pdf.set_line_width(0.3)
    pdf.circle(x=cx, y=cy, radius=radius - 2, style="D")
    name = issuer[:18]
    size = 11 if len(name) <= 12 else 9
    pdf.set_font(_FONT, size=size)
    # the name along the upper arc, each character turned to face the centre
    arc = min(250.0, 18.0 * len(name))
    for i, ch in enumerate(name):
        angle = -arc / 2 + (arc * (i + 0.5) / len(name))
        rad = math.radians(angle)
        r = radius - 6.5
        x, y = cx + r * math.sin(rad), cy - r * math.cos(rad)
        with pdf.rotation(-angle, x, y):
            w = pdf.get_string_width(ch)
            pdf.text(x - w / 2, y + size * 0.35 / 2.83, ch)
    pdf.set_fill_color(*_RED)
    pdf.star(x=cx, y=cy, r_in=2.6, r_out=6.5, corners=5, rotate_degrees=-90, style="F")
    pdf.set_font(_FONT, size=10)
    label = "电子签章"
    pdf.text(cx - pdf.get_string_width(label) / 2, cy + 12, label)
    pdf.set_text_color(0, 0, 0)
    pdf.set_draw_color(0, 0, 0)


def _footer(pdf: FPDF, page: CertificatePage) -> None:
    """The verification block at the foot of the last page: what the verify page shows, and the QR that opens it."""
    pdf.set_auto_page_break(False)
    top = pdf.h - _FOOTER
    pdf.set_line_width(0.2)
    pdf.line(_MARGIN, top, pdf.w - _MARGIN, top)
    qr_x = pdf.w - _MARGIN - _QR
    pdf.image(_qr_png(page.verify_url), x=qr_x, y=top + 4, w=_QR, h=_QR)
    pdf.set_font(_FONT, size=9)
    pdf.set_xy(qr_x - 4, top + 4 + _QR)
    pdf.cell(_QR + 8, 5, "扫码核验 Scan to verify", align="C")
    text_w = qr_x - _MARGIN - 6
    pdf.set_xy(_MARGIN, top + 4)
    pdf.set_font(_FONT, size=10)
    for label, value in (("证明编号", page.certificate_number), ("持 证 人", page.holder or "—"),
                         ("核 验 码", page.verify_code), ("内容摘要", page.document_hash)):
        pdf.cell(22, 6, label)
        pdf.cell(text_w - 22, 6, value, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1.5)
    pdf.set_font(_FONT, size=8.5)
    if page.sealed:
        notes = ("本证明由出具机构加盖电子签章（PDF 数字签名），可在 PDF 阅读器的签名面板中核验；也可扫描右侧二维码，"
                 f"或访问 {page.verify_url} 核对上列信息。",
                 "The issuer's digital signature can be checked in a PDF reader; the QR code opens the public check"
                 " page.")
    else:
        notes = (f"本文件未加盖电子签章，请扫描右侧二维码或访问 {page.verify_url} 核对上列信息。",
                 "This copy carries no digital signature; the QR code opens the public check page.")
    for note in notes:
        for line in _lines(pdf, note, text_w):
            pdf.cell(text_w, 4.4, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _page_feet(pdf: FPDF, page: CertificatePage) -> None:
    """Every page's foot, written once the count is known: which page of how many, and of which certificate, so
    a loose page of a long record can be matched to its document."""
    total = pdf.pages_count
    pdf.set_font(_FONT, size=8)
    pdf.set_text_color(80, 80, 80)
    for n in range(1, total + 1):
        pdf.page = n
        pdf.set_xy(_MARGIN, pdf.h - _PAGE_FOOT)
        width = pdf.w - 2 * _MARGIN
        pdf.cell(width / 2, 5, f"证明编号 {page.certificate_number}  核验码 {page.verify_code}")
        pdf.cell(width / 2, 5, f"第 {n} 页 共 {total} 页 / Page {n} of {total}", align="R")
    pdf.set_text_color(0, 0, 0)


def _qr_png(url: str) -> io.BytesIO:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0, box_size=8)
    code.add_data(url)
    code.make(fit=True)
    out = io.BytesIO()
    code.make_image(fill_color="black", back_color="white").save(out, format="PNG")
    out.seek(0)
    return out
