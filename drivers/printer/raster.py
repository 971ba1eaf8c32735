"""Drawing receipt content into a 1-bit page (CJK text, rules, QR codes, barcodes) and packing it for GS v 0."""

from __future__ import annotations

import functools

import barcode
import numpy as np
import qrcode
from PIL import Image, ImageDraw, ImageFont

from drivers.printer.fonts import cjk_font, has_bold_face
from drivers.printer.qr_mask import qr_modules
from drivers.printer.wrap import wrap

BASE_PX = 24  # one size unit = the 24-dot ROM font height, so both Chinese modes print the same size
LINE_FACTOR = 1.3  # line pitch / glyph size: 24-dot glyphs on a 30-dot line, as ESC 2 does
_THRESHOLD = [255 if v >= 110 else 0 for v in range(256)]  # anti-aliased ink from this grey on prints black
_QR_ECC = {
    "L": qrcode.constants.ERROR_CORRECT_L,
    "M": qrcode.constants.ERROR_CORRECT_M,
    "Q": qrcode.constants.ERROR_CORRECT_Q,
    "H": qrcode.constants.ERROR_CORRECT_H,
}


def qr_matrix(data: str, ecc: str = "M") -> np.ndarray:
    """The QR symbol as a boolean module matrix (True = dark), without quiet zone."""
    return np.array(qr_modules(data.encode("utf-8"), _QR_ECC[ecc]), dtype=bool)


def qr_ink(data: str, module: int, ecc: str = "M") -> Image.Image:
    """QR code as an ink image (255 = black) with module x module dots per module."""
    m = qr_matrix(data, ecc).repeat(module, 0).repeat(module, 1)
    return Image.fromarray(np.where(m, 255, 0).astype(np.uint8), "L")


def code128_modules(data: str) -> str:
    """The CODE128 bar pattern, one character per module ('1' = bar)."""
    return barcode.get_barcode_class("code128")(data).build()[0]


def code128_ink(data: str, module: int, height: int, hri: bool = True) -> Image.Image:
    bars = np.array([c == "1" for c in code128_modules(data)], dtype=bool).repeat(module)
    img = np.zeros((height, bars.size), dtype=np.uint8)
    img[:, bars] = 255
    out = Image.fromarray(img, "L")
    if not hri:
        return out
    font = cjk_font(BASE_PX)
    text_w = int(font.getlength(data)) + 2
    full = Image.new("L", (max(bars.size, text_w), height + int(BASE_PX * LINE_FACTOR)), 0)
    full.paste(out, ((full.width - bars.size) // 2, 0))
    ImageDraw.Draw(full).text((full.width // 2, height + 2), data, font=font, fill=255, anchor="mt")
    return full


class InkCanvas:
    """A page as wide as the paper that grows downward; 255 = ink. Becomes 1-bit only when packed."""

    def __init__(self, width: int) -> None:
        self.width = width
        self._parts: list[Image.Image] = []

    @property
    def empty(self) -> bool:
        return not self._parts

    def text(self, text: str, *, width: int = 1, height: int = 1, bold: bool = False, align: str = "left",
             underline: bool = False, indent_px: int = 0, fit: bool = False) -> None:
        px = BASE_PX * height
        font = cjk_font(px, bold=bold)
        stroke = 1 if bold and not has_bold_face() else 0
        scale = width / height
        if fit:  # narrow the glyphs (not below their 1x width) rather than break the line
            natural = font.getlength(text) + 2 * stroke
            scale = max(min(scale, self.width / max(natural, 1)), 1 / height)

        def measure(s: str) -> float:
            return _advance(font, s) * scale

        lines = wrap(text, self.width, measure, indent_px)
        # the wrap adds its words' widths, a little more than the whole line's (kerning, rounding): narrow on
        # until it agrees the line fits, or the floor is reached
        while fit and len(lines) > 1 and scale > 1 / height:
            scale = max(scale * 0.98, 1 / height)
            lines = wrap(text, self.width, measure, indent_px)
        for i, line in enumerate(lines):
            self.paste(_line_ink(font, px, line, stroke, underline, scale), align, left=indent_px if i else 0)

    def rule(self, thick: int = 2, dashed: bool = True) -> None:
        self._parts.append(_rule_ink(self.width, thick, dashed))

    def blank(self, dots: int) -> None:
        if dots > 0:
            self._parts.append(Image.new("L", (self.width, dots), 0))

    def paste(self, img: Image.Image, align: str = "left", left: int = 0) -> None:
        if img.width > self.width:  # never wider than the paper: a real printer would drop the overflow
            img = img.crop((0, 0, self.width, img.height))
        row = Image.new("L", (self.width, img.height), 0)
        free = self.width - img.width
        x = {"left": min(left, free), "center": free // 2, "right": free}[align]
        row.paste(img, (x, 0))
        self._parts.append(row)

    def take(self) -> Image.Image:
        """The page so far as a 1-bit image (1 = ink) and an empty canvas again."""
        height = sum(p.height for p in self._parts)
        page = Image.new("L", (self.width, max(1, height)), 0)
        y = 0
        for p in self._parts:
            page.paste(p, (0, y))
            y += p.height
        self._parts = []
        return page.point(_THRESHOLD).convert("1", dither=Image.Dither.NONE)


# Drawn pieces are kept (least recently used go first): a receipt repeats its labels, rules and hints on every
# print, and only its own data is drawn afresh. Keys hold everything that shapes the picture; the images are only
# ever read (pasted, cropped into new images), never drawn on.

@functools.lru_cache(maxsize=4096)
def _advance(font: ImageFont.FreeTypeFont, text: str) -> float:
    """The font's advance width of text (the wrap measures every word, often the same ones)."""
    return font.getlength(text)


@functools.lru_cache(maxsize=128)
def _line_ink(font: ImageFont.FreeTypeFont, px: int, line: str, stroke: int, underline: bool,
              scale: float) -> Image.Image:
    """One line of text as ink on a line-pitch tall strip as wide as the text, narrowed or widened by scale."""
    pitch = round(px * LINE_FACTOR)
    natural = max(1, int(round(_advance(font, line))) + 2 * stroke)
    img = Image.new("L", (natural, pitch), 0)
    draw = ImageDraw.Draw(img)
    baseline = round(px * 0.98)
    draw.text((stroke, baseline), line, font=font, fill=255, anchor="ls", stroke_width=stroke, stroke_fill=255)
    if underline:
        draw.line([(0, baseline + 3), (natural, baseline + 3)], fill=255, width=2)
    if scale != 1:
        img = img.resize((max(1, round(natural * scale)), pitch), Image.Resampling.BILINEAR)
    return img


@functools.lru_cache(maxsize=16)
def _rule_ink(width: int, thick: int, dashed: bool) -> Image.Image:
    pitch = round(BASE_PX * LINE_FACTOR)
    img = Image.new("L", (width, pitch), 0)
    y = pitch // 2
    step = 12 if dashed else width
    draw = ImageDraw.Draw(img)
    for x in range(0, width, step):
        draw.rectangle([x, y, min(width, x + (8 if dashed else step)) - 1, y + thick - 1], fill=255)
    return img


def bands(page: Image.Image, min_gap: int = 12) -> list[tuple[int, Image.Image | None]]:
    """Split a page into (rows, image) bands; blank runs of min_gap rows or more come back as (rows, None).

    Blank paper is sent as a feed (3 bytes) instead of rows of zeros, and each image is cut at its rightmost
    ink: on a 115200 baud serial line this is the difference between seconds and a second per receipt.
    """
    ink = np.asarray(page, dtype=bool)
    has_ink = ink.any(axis=1)
    out: list[tuple[int, Image.Image | None]] = []
    y, height = 0, ink.shape[0]
    while y < height:
        start = y
        if not has_ink[y]:
            while y < height and not has_ink[y]:
                y += 1
            if y - start >= min_gap:
                out.append((y - start, None))
                continue
        # an ink band runs until the next blank gap of min_gap rows
        while y < height:
            if has_ink[y]:
                y += 1
                continue
            gap = y
            while gap < height and not has_ink[gap] and gap - y < min_gap:
                gap += 1
            if gap - y >= min_gap or gap == height:
                break
            y = gap
        cols = np.where(ink[start:y].any(axis=0))[0]
        right = int(cols.max()) + 1 if cols.size else 8
        width = min(page.width, (right + 7) // 8 * 8)
        out.append((y - start, page.crop((0, start, width, y))))
    return out


def pack(page: Image.Image) -> tuple[int, int, bytes]:
    """(width, height, rows packed MSB first with 1 = black), the GS v 0 data of a 1-bit ink page."""
    if page.mode != "1":
        raise ValueError("pack needs a 1-bit image")
    return page.width, page.height, page.tobytes()
