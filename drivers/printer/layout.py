"""Receipt layouts: data templates (assets/receipts/*.toml) -> abstract blocks -> ESC/POS bytes, text or raster."""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drivers.printer import escpos_codec as esc
from drivers.printer.profile import CELL_DOTS, Profile
from drivers.printer.raster import BASE_PX, InkCanvas, bands, code128_ink, pack, qr_ink
from drivers.printer.wrap import wrap
from protocol import tracking

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "assets" / "receipts"


class LayoutError(ValueError):
    """A template that cannot be used, or data that does not fit it; the message names template and field."""


# ---- abstract blocks ----

@dataclass(frozen=True)
class TextBlock:
    text: str
    align: str = "left"
    width: int = 1
    height: int = 1
    bold: bool = False
    underline: bool = False
    indent: int = 0  # continuation lines start this many columns in (hanging indent for list items)
    fit: bool = False  # narrow the characters (never below 1x) so the text stays on one line


@dataclass(frozen=True)
class RuleBlock:
    pass


@dataclass(frozen=True)
class QrBlock:
    data: str
    module: int = 6
    ecc: str = "M"


@dataclass(frozen=True)
class BarcodeBlock:
    data: str
    height: int = 80
    module: int = 2


@dataclass(frozen=True)
class FeedBlock:
    lines: int = 1


@dataclass(frozen=True)
class CutBlock:
    pass


Block = TextBlock | RuleBlock | QrBlock | BarcodeBlock | FeedBlock | CutBlock


# ---- templates ----

def _mask_name(v: str) -> str:
    v = v.strip()
    return v[:1] + "*" if v else v


def _mask_id(v: str) -> str:
    v = v.strip()
    return v[:6] + "*" * (len(v) - 10) + v[-4:] if len(v) > 10 else "*" * len(v)


# filters a template may apply to a field: masking happens in the template, so no caller can forget it
FILTERS = {"name": _mask_name, "id": _mask_id, "upper": str.upper, "grouped": tracking.grouped}
_FIELD = re.compile(r"\{([a-z_][a-z0-9_]*)(?:\|([a-z]+))?\}")


@dataclass(frozen=True)
class Template:
    name: str
    title: str
    fields: tuple[str, ...]  # data keys the template needs
    blocks: tuple[dict, ...]

    def expand(self, data: dict[str, Any]) -> list[Block]:
        missing = [f for f in self.fields if f not in data]
        if missing:
            raise LayoutError(f"{self.name}: missing data field(s) {', '.join(missing)}")
        out: list[Block] = []
        for i, raw in enumerate(self.blocks):
            try:
                out.extend(_expand_block(raw, data))
            except LayoutError as e:
                raise LayoutError(f"{self.name}: block {i + 1} ({raw.get('kind')}): {e}") from None
        return out


def _fill(pattern: str, data: dict[str, Any]) -> str:
    def sub(m: re.Match) -> str:
        key, flt = m.group(1), m.group(2)
        if key not in data:
            raise LayoutError(f"no data field {key!r}")
        value = str(data[key])
        if flt:
            if flt not in FILTERS:
                raise LayoutError(f"unknown filter {flt!r}")
            value = FILTERS[flt](value)
        return value

    return _FIELD.sub(sub, pattern)


def _size(raw: dict) -> tuple[int, int]:
    s = raw.get("size", 1)
    w, h = (s, s) if isinstance(s, int) else tuple(s)
    if not (1 <= w <= 8 and 1 <= h <= 8):
        raise LayoutError("size must be 1..8")
    return w, h


def _expand_block(raw: dict, data: dict[str, Any]) -> list[Block]:
    when = raw.get("when")
    if when and not data.get(when):
        return []
    kind = raw.get("kind")
    style = dict(align=raw.get("align", "left"), bold=bool(raw.get("bold", False)),
                 underline=bool(raw.get("underline", False)))
    if style["align"] not in esc.ALIGNS:
        raise LayoutError(f"align must be one of {sorted(esc.ALIGNS)}")
    if kind == "text":
        w, h = _size(raw)
        return [TextBlock(_fill(raw["text"], data), width=w, height=h, fit=bool(raw.get("fit", False)), **style)]
    if kind == "field":
        label = raw["label"]
        value = _fill(raw["value"], data)
        return [TextBlock(f"{label}：{value}", indent=_columns(label) + 2, **style)]
    if kind == "list":
        items = data.get(raw["items"])
        if not isinstance(items, (list, tuple)):
            raise LayoutError(f"data field {raw['items']!r} must be a list")
        blocks = []
        for n, item in enumerate(items, 1):
            prefix = f"{n}. " if raw.get("numbered", True) else "· "
            blocks.append(TextBlock(prefix + str(item), indent=_columns(prefix), **style))
        return blocks
    if kind == "rule":
        return [RuleBlock()]
    if kind == "qr":
        return [QrBlock(_fill(raw["data"], data), module=int(raw.get("module", 6)), ecc=raw.get("ecc", "M"))]
    if kind == "barcode":
        return [BarcodeBlock(_fill(raw["data"], data), height=int(raw.get("height", 80)),
                             module=int(raw.get("module", 2)))]
    if kind == "feed":
        return [FeedBlock(int(raw.get("lines", 1)))]
    if kind == "cut":
        return [CutBlock()]
    raise LayoutError(f"unknown block kind {kind!r}")


def _columns(s: str) -> int:
    """Printer columns of a string: a character sent as one GB18030 byte is half as wide as a Chinese one."""
    return sum(1 if ord(ch) < 0x80 else 2 for ch in s)


def load_template(name: str, directory: Path = TEMPLATE_DIR) -> Template:
    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise LayoutError(f"bad layout name {name!r}")
    path = directory / f"{name}.toml"
    try:
        return _parsed(name, path.read_text("utf-8"))
    except FileNotFoundError:
        raise LayoutError(f"no layout {name!r} in {directory}") from None
    except tomllib.TOMLDecodeError as e:
        raise LayoutError(f"{path}: TOML syntax error: {e}") from None


@functools.lru_cache(maxsize=32)
def _parsed(name: str, text: str) -> Template:
    """A template's text parsed once: every print reads the file (an edit shows at once) but parses only new text.
    The blocks are shared between callers: they are read, never changed."""
    raw = tomllib.loads(text)
    return Template(name=name, title=raw.get("title", name), fields=tuple(raw.get("fields", ())),
                    blocks=tuple(raw.get("blocks", ())))


def available(directory: Path = TEMPLATE_DIR) -> list[str]:
    return sorted(p.stem for p in directory.glob("*.toml"))


# ---- encoders ----

def encode(blocks: list[Block], profile: Profile) -> bytes:
    if profile.chinese_mode == "text":
        return encode_text(blocks, profile)
    return encode_raster(blocks, profile)


def _finish(profile: Profile) -> bytes:
    # the cutter sits a few lines above the print head: feed the last line past it before cutting
    if profile.cut:
        return esc.feed_lines(4) + esc.cut(partial=True)
    return esc.feed_lines(6)


def encode_text(blocks: list[Block], profile: Profile) -> bytes:
    """Text mode: GB18030 text in the printer's Chinese mode, native QR (GS ( k) and CODE128 (GS k)."""
    out = bytearray(esc.init() + esc.chinese_mode(True))
    cols = profile.columns
    for b in blocks:
        if isinstance(b, TextBlock):
            w = b.width
            while b.fit and w > 1 and _columns(b.text) * w > cols:
                w -= 1
            out += esc.align(b.align) + esc.size(w, b.height) + esc.bold(b.bold)
            out += esc.underline(1 if b.underline else 0)
            for i, line in enumerate(wrap(b.text, cols // w, _columns, b.indent)):
                pad = " " * b.indent if i and b.align == "left" else ""
                out += esc.text_gb18030(pad + line) + esc.newline()
            out += esc.size(1, 1) + esc.bold(False) + esc.underline(0)
        elif isinstance(b, RuleBlock):
            out += esc.align("left") + esc.text_gb18030("-" * cols) + esc.newline()
        elif isinstance(b, QrBlock):
            out += esc.align("center") + esc.qr(b.data, b.module, b.ecc) + esc.newline()
        elif isinstance(b, BarcodeBlock):
            out += esc.align("center") + esc.barcode_code128(b.data, b.height, b.module) + esc.newline()
        elif isinstance(b, FeedBlock):
            out += esc.feed_lines(b.lines)
        elif isinstance(b, CutBlock):
            out += _finish(profile)
    out += esc.align("left")
    return bytes(out)


def encode_raster(blocks: list[Block], profile: Profile) -> bytes:
    """Raster mode: everything drawn with a CJK font into GS v 0 images, so any ESC/POS printer prints it."""
    out = bytearray(esc.init())
    canvas = InkCanvas(profile.width_dots)
    line = round(BASE_PX * 1.3)

    def flush() -> None:
        if canvas.empty:
            return
        for rows, img in bands(canvas.take()):
            if img is not None:
                out.extend(esc.raster(*pack(img)))
                continue
            while rows > 0:
                out.extend(esc.feed_dots(min(rows, 255)))
                rows -= 255

    for b in blocks:
        if isinstance(b, TextBlock):
            canvas.text(b.text, width=b.width, height=b.height, bold=b.bold, align=b.align,
                        underline=b.underline, indent_px=b.indent * CELL_DOTS, fit=b.fit)
        elif isinstance(b, RuleBlock):
            canvas.rule()
        elif isinstance(b, QrBlock):
            canvas.blank(6)
            canvas.paste(qr_ink(b.data, b.module, b.ecc), "center")
            canvas.blank(line // 2)
        elif isinstance(b, BarcodeBlock):
            canvas.blank(6)
            canvas.paste(code128_ink(b.data, b.module, b.height), "center")
        elif isinstance(b, FeedBlock):
            canvas.blank(line * b.lines)
        elif isinstance(b, CutBlock):
            flush()
            out += _finish(profile)
    flush()
    return bytes(out)


def build(name: str, data: dict[str, Any], profile: Profile, directory: Path = TEMPLATE_DIR) -> bytes:
    """The whole job for one named layout: template + data -> bytes for this printer."""
    return encode(load_template(name, directory).expand(data), profile)
