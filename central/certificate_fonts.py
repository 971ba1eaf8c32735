"""Certificate fonts parsed once per process and handed to each PDF as its own copy to subset."""

from __future__ import annotations

import copy
import io
import threading
from dataclasses import dataclass
from pathlib import Path

from fontTools import ttLib
from fpdf import FPDF
from fpdf.fonts import SubsetMap, TTFFont

# What fpdf2 (2.8) keeps per font: parsed once and shared (never changed after parsing), or made new per document
# (the subset being built, the widths fpdf2 fills in as text is measured, the fontTools font that subsetting cuts
# down in place, the font descriptor that output numbers as one of its objects). A fpdf2 that keeps anything else
# is not one this was checked against: its fonts are parsed anew for every document, as fpdf2 itself does.
_SHARED = frozenset({"type", "name", "sp", "ss", "up", "ut", "ttffile", "emphasis", "scale", "cmap",
                     "unicode_range", "palette_index", "is_compressed", "is_cff", "is_cid_keyed", "is_symbol",
                     "cff_ros", "collection_font_number"})
_PER_DOCUMENT = frozenset({"i", "fontkey", "desc", "glyph_ids", "_hbfont", "cw", "ttfont", "subset", "missing_glyphs",
                           "biggest_size_pt", "color_font"})
CACHEABLE = set(TTFFont.__slots__) == _SHARED | _PER_DOCUMENT


@dataclass(frozen=True)
class Parsed:
    """One font file as parsed: its bytes, its glyph order (slow to derive for a font without glyph names) and
    fpdf2's font object, used only as the pattern of each document's copy."""

    data: bytes
    glyph_order: list[str]
    pattern: TTFFont

    @property
    def characters(self) -> dict[int, str]:
        return self.pattern.cmap

    def fresh_ttfont(self) -> ttLib.TTFont:
        font = ttLib.TTFont(io.BytesIO(self.data), recalcTimestamp=False, lazy=True)
        font.setGlyphOrder(self.glyph_order)
        return font


_lock = threading.Lock()
_parsed: dict[tuple[str, int, int], Parsed] = {}


def parsed(path: Path) -> Parsed:
    """The font at `path`, parsed on first use; a file replaced since (a package upgrade) is parsed again."""
    st = path.stat()
    key = (str(path), st.st_mtime_ns, st.st_size)
    with _lock:  # one parse per file even when the first certificates are asked for at once
        found = _parsed.get(key)
        if found is None:
            pattern = TTFFont(FPDF(), path, "pattern", "")
            found = Parsed(path.read_bytes(), pattern.ttfont.getGlyphOrder(), pattern)
            _parsed[key] = found
        return found


def add(pdf: FPDF, family: str, path: Path) -> None:
    """pdf.add_font(family, fname=path), from the parsed font instead of parsing the file again."""
    if not CACHEABLE:
        pdf.add_font(family, fname=str(path))
        return
    source = parsed(path)
    font = TTFFont.__new__(TTFFont)
    for slot in _SHARED:
        if hasattr(source.pattern, slot):  # fpdf2 declares some it never sets (unicode_range)
            setattr(font, slot, getattr(source.pattern, slot))
    font.i = len(pdf.fonts) + 1
    font.fontkey = family
    font.ttfont = source.fresh_ttfont()
    font.desc = copy.copy(source.pattern.desc)
    font.cw = source.pattern.cw.copy()  # a defaultdict: measuring a character it lacks adds it
    font.glyph_ids = dict(source.pattern.glyph_ids)
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font._hbfont = None
    font.color_font = None  # neither certificate font has colour glyphs
    font.subset = SubsetMap(font)
    pdf.fonts[family] = font
