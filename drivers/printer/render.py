"""The simulator's paper: interprets received ESC/POS bytes and draws what a thermal printer would print."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
from PIL import Image, ImageDraw

from drivers.printer.fonts import cjk_font
from drivers.printer.raster import code128_modules, qr_matrix

GLYPH_H = 24  # ROM font A: 12x24 half-width, 24x24 Chinese
DEFAULT_SPACING = 30  # ESC 2

_QR_ECC_BY_CODE = {48: "L", 49: "M", 50: "Q", 51: "H"}


class Incomplete(Exception):
    """The buffer ends inside a command: wait for more bytes."""


@functools.lru_cache(maxsize=4096)
def _glyph(ch: str, bold: bool) -> np.ndarray:
    """One character cell as the ROM would draw it: 12 or 24 dots wide, 24 high (True = ink)."""
    wide = len(ch.encode("gb18030", "replace")) > 1
    w = 24 if wide else 12
    img = Image.new("L", (w, GLYPH_H), 0)
    draw = ImageDraw.Draw(img)
    font = cjk_font(GLYPH_H, bold=bold, mono=True)
    try:
        draw.text((w / 2, 21), ch, font=font, fill=255, anchor="ms")
    except (RuntimeError, ValueError, OSError):  # text shaping refuses some lone code points: print a box
        draw.rectangle([2, 4, w - 3, 21], outline=255)
    return np.asarray(img) >= 110


@dataclass
class _Style:
    width: int = 1
    height: int = 1
    bold: bool = False
    underline: int = 0
    align: int = 0
    chinese: bool = False
    spacing: int = DEFAULT_SPACING


@dataclass
class Paper:
    """Printed rows of one receipt (True = ink)."""

    width: int
    rows: list[np.ndarray] = field(default_factory=list)

    @property
    def height(self) -> int:
        return sum(r.shape[0] for r in self.rows)

    def add(self, block: np.ndarray) -> None:
        if block.shape[0]:
            self.rows.append(block)

    def blank(self, dots: int) -> None:
        if dots > 0:
            self.rows.append(np.zeros((dots, self.width), dtype=bool))

    def image(self, *, cut: bool) -> Image.Image:
        """Paper as a greyscale picture; a cut shows as a dashed line with a margin under it."""
        ink = np.concatenate(self.rows) if self.rows else np.zeros((0, self.width), dtype=bool)
        margin = 16
        out = np.full((ink.shape[0] + 2 * margin + 8, self.width + 2 * margin), 255, dtype=np.uint8)
        out[margin : margin + ink.shape[0], margin : margin + self.width][ink] = 0
        y = out.shape[0] - 4
        if cut:
            for x in range(0, out.shape[1], 10):
                out[y - 1 : y + 1, x : x + 6] = 96
        else:  # torn off without a cut: a ragged edge
            for x in range(0, out.shape[1], 4):
                out[y - (x // 4) % 3 : y + 1, x : x + 4] = 160
        return Image.fromarray(out, "L")


class Interpreter:
    """Feeds on bytes in any chunking; calls back for status queries, paper used and cuts."""

    def __init__(self, width: int, *,
                 on_status: Callable[[int], None] = lambda n: None,
                 on_cut: Callable[[Paper], None] = lambda p: None,
                 can_print: Callable[[int], bool] = lambda dots: True) -> None:
        self.width = width
        self.on_status = on_status
        self.on_cut = on_cut
        self.can_print = can_print  # asked before paper moves; False = paper out, nothing more appears
        self.paper = Paper(width)
        self.style = _Style()
        self.unknown: list[str] = []  # commands we skipped, for the technician
        self._buf = bytearray()
        self._line: list[tuple[np.ndarray, int, int]] = []  # (cell, width mag, height mag)
        self._line_x = 0
        self._qr = {"data": b"", "module": 3, "ecc": "L"}
        self._barcode = {"height": 162, "module": 3, "hri": 0}

    # ---- input ----

    def feed(self, data: bytes) -> None:
        self._buf += data
        pos = 0
        try:
            while pos < len(self._buf):
                pos = self._step(pos)
        except Incomplete:
            pass
        del self._buf[:pos]

    def end_of_job(self) -> Paper | None:
        """Print what is still in the line buffer and hand out paper not yet cut (None if blank)."""
        self._flush_line(newline=False)
        paper, self.paper = self.paper, Paper(self.width)
        return paper if paper.rows else None

    # ---- the command set ----

    def _need(self, pos: int, n: int) -> bytes:
        if pos + n > len(self._buf):
            raise Incomplete
        return bytes(self._buf[pos : pos + n])

    def _step(self, pos: int) -> int:
        b = self._buf[pos]
        if b == 0x0A:
            self._flush_line(newline=True)
            return pos + 1
        if b in (0x0D, 0x00, 0x0C):
            return pos + 1
        if b == 0x10:
            return self._dle(pos)
        if b == 0x1B:
            return self._esc(pos)
        if b == 0x1D:
            return self._gs(pos)
        if b == 0x1C:
            return self._fs(pos)
        if b < 0x20:
            return pos + 1
        return self._text(pos)

    def _dle(self, pos: int) -> int:
        cmd = self._need(pos, 3)
        if cmd[1] == 0x04:
            self.on_status(cmd[2])
            return pos + 3
        self.unknown.append(f"DLE {cmd[1]:02X}")
        return pos + 2

    def _esc(self, pos: int) -> int:
        c = self._need(pos, 2)[1]
        s = self.style
        if c == ord("@"):
            self._flush_line(newline=False)
            self.style = _Style()  # ESC @ also leaves Chinese mode
            return pos + 2
        if c == ord("2"):
            s.spacing = DEFAULT_SPACING
            return pos + 2
        one_arg = {ord("a"), ord("E"), ord("-"), ord("3"), ord("d"), ord("J"), ord("!"), ord("t"), ord("M"),
                   ord("G"), ord("{"), ord("R"), ord("V"), ord(" ")}
        if c in one_arg:
            n = self._need(pos, 3)[2]
            if c == ord("a"):
                s.align = n % 48 if n >= 48 else n
            elif c == ord("E"):
                s.bold = bool(n & 1)
            elif c == ord("-"):
                s.underline = n % 48 if n >= 48 else n
            elif c == ord("3"):
                s.spacing = n
            elif c == ord("d"):
                self._flush_line(newline=False)
                self._advance(n * s.spacing)
            elif c == ord("J"):
                self._flush_line(newline=False)
                self._advance(n)
            elif c == ord("!"):
                s.bold = bool(n & 0x08)
                s.height = 2 if n & 0x10 else 1
                s.width = 2 if n & 0x20 else 1
                s.underline = 1 if n & 0x80 else 0
            return pos + 3
        if c == ord("p"):  # cash drawer pulse: m t1 t2
            self._need(pos, 5)
            return pos + 5
        if c in (ord("$"), ord("\\"), ord("c")):  # positions (nL nH) and panel/sensor settings (two bytes)
            self._need(pos, 4)
            return pos + 4
        if c == ord("D"):  # tab stops, NUL terminated
            end = self._buf.find(b"\x00", pos + 2)
            if end < 0:
                raise Incomplete
            return end + 1
        if c == ord("*"):  # column bit image: skipped, our jobs use GS v 0
            m, nl, nh = self._need(pos, 5)[2:5]
            n = (nl | nh << 8) * (3 if m in (32, 33) else 1)
            self._need(pos + 5, n)
            self.unknown.append("ESC * (bit image not drawn)")
            return pos + 5 + n
        self.unknown.append(f"ESC {c:02X}")
        return pos + 2

    def _fs(self, pos: int) -> int:
        c = self._need(pos, 2)[1]
        if c == ord("&"):
            self.style.chinese = True
            return pos + 2
        if c == ord("."):
            self.style.chinese = False
            return pos + 2
        if c in (ord("!"), ord("-")):
            n = self._need(pos, 3)[2]
            if c == ord("!"):
                self.style.width = 2 if n & 0x04 else 1
                self.style.height = 2 if n & 0x08 else 1
            else:
                self.style.underline = n % 48 if n >= 48 else n
            return pos + 3
        self.unknown.append(f"FS {c:02X}")
        return pos + 2

    def _gs(self, pos: int) -> int:
        c = self._need(pos, 2)[1]
        if c == ord("!"):
            n = self._need(pos, 3)[2]
            self.style.width, self.style.height = (n >> 4) + 1, (n & 0x0F) + 1
            return pos + 3
        if c in (ord("h"), ord("w"), ord("H"), ord("f"), ord("B")):
            n = self._need(pos, 3)[2]
            key = {ord("h"): "height", ord("w"): "module", ord("H"): "hri"}.get(c)
            if key:
                self._barcode[key] = n % 48 if key == "hri" and n >= 48 else n
            return pos + 3
        if c == ord("V"):
            m = self._need(pos, 3)[2]
            end = pos + 3
            if m in (65, 66, 97, 98, 103, 104):
                self._advance(self._need(pos, 4)[3])
                end = pos + 4
            self._cut()
            return end
        if c == ord("v"):
            return self._raster(pos)
        if c == ord("("):
            return self._gs_paren(pos)
        if c == ord("k"):
            return self._barcode_cmd(pos)
        self.unknown.append(f"GS {c:02X}")
        return pos + 2

    # ---- text ----

    def _text(self, pos: int) -> int:
        b = self._buf[pos]
        if self.style.chinese and 0x81 <= b <= 0xFE:
            second = self._need(pos, 2)[1]
            n = 4 if 0x30 <= second <= 0x39 else 2
            raw = self._need(pos, n)
            ch = raw.decode("gb18030", "replace")
        else:
            n = 1
            ch = bytes([b]).decode("cp437") if b >= 0x80 else chr(b)
        self._put(ch)
        return pos + n

    def _put(self, ch: str) -> None:
        s = self.style
        cell = _glyph(ch, s.bold)
        if s.underline:
            cell = cell.copy()
            cell[GLYPH_H - s.underline :, :] = True
        w = cell.shape[1] * s.width
        if self._line_x + w > self.width:  # the printer wraps a full line by itself
            self._flush_line(newline=True)
        self._line.append((cell, s.width, s.height))
        self._line_x += w

    def _flush_line(self, newline: bool) -> None:
        s = self.style
        if not self._line:
            if newline:
                self._advance(s.spacing)
            return
        height = max(GLYPH_H * h for _, _, h in self._line)
        row = np.zeros((height, self.width), dtype=bool)
        x = {0: 0, 1: (self.width - self._line_x) // 2, 2: self.width - self._line_x}.get(s.align, 0)
        for cell, wm, hm in self._line:
            big = cell.repeat(hm, 0).repeat(wm, 1)
            row[height - big.shape[0] :, x : x + big.shape[1]] |= big
            x += big.shape[1]
        self._line, self._line_x = [], 0
        self._print(row)
        self._advance(max(0, s.spacing - GLYPH_H))

    # ---- images, codes, paper motion ----

    def _print(self, block: np.ndarray) -> None:
        if self.can_print(block.shape[0]):
            self.paper.add(block)

    def _advance(self, dots: int) -> None:
        if dots > 0 and self.can_print(dots):
            self.paper.blank(dots)

    def _place(self, bits: np.ndarray) -> np.ndarray:
        bits = bits[:, : self.width]
        row = np.zeros((bits.shape[0], self.width), dtype=bool)
        free = self.width - bits.shape[1]
        x = {0: 0, 1: free // 2, 2: free}.get(self.style.align, 0)
        row[:, x : x + bits.shape[1]] = bits
        return row

    def _raster(self, pos: int) -> int:
        head = self._need(pos, 8)
        if head[2] not in (0x00, 0x30):
            self.unknown.append(f"GS v {head[2]:02X}")
            return pos + 3
        m = head[3] % 48 if head[3] >= 48 else head[3]
        xb = int.from_bytes(head[4:6], "little")
        yd = int.from_bytes(head[6:8], "little")
        data = self._need(pos + 8, xb * yd)
        self._flush_line(newline=False)
        bits = np.unpackbits(np.frombuffer(data, dtype=np.uint8)).reshape(yd, xb * 8).astype(bool)
        if m & 1:
            bits = bits.repeat(2, 1)
        if m & 2:
            bits = bits.repeat(2, 0)
        self._print(self._place(bits))
        return pos + 8 + xb * yd

    def _gs_paren(self, pos: int) -> int:
        head = self._need(pos, 5)
        if head[2] != ord("k"):
            n = int.from_bytes(head[3:5], "little")
            self._need(pos + 5, n)
            self.unknown.append(f"GS ( {head[2]:02X}")
            return pos + 5 + n
        n = int.from_bytes(head[3:5], "little")
        body = self._need(pos + 5, n)
        if n < 2 or (body[1] in (67, 69) and n < 3):  # too short to say what it is: a printer ignores it
            self.unknown.append("GS ( k (truncated)")
            return pos + 5 + n
        cn, fn, args = body[0], body[1], body[2:]
        if cn == 49:
            if fn == 67:
                self._qr["module"] = args[0]
            elif fn == 69:
                self._qr["ecc"] = _QR_ECC_BY_CODE.get(args[0], "L")
            elif fn == 80:
                self._qr["data"] = bytes(args[1:])
            elif fn == 81:
                self._print_qr()
        return pos + 5 + n

    def _print_qr(self) -> None:
        data = self._qr["data"]
        if not data:
            return
        self._flush_line(newline=False)
        try:
            m = qr_matrix(data.decode("utf-8", "replace"), self._qr["ecc"])
        except Exception as e:  # too long for any QR version: a real printer prints nothing
            self.unknown.append(f"QR not printable: {type(e).__name__}")
            return
        module = max(1, self._qr["module"])
        self._print(self._place(m.repeat(module, 0).repeat(module, 1)))

    def _barcode_cmd(self, pos: int) -> int:
        m = self._need(pos, 3)[2]
        if m >= 65:
            n = self._need(pos, 4)[3]
            data = self._need(pos + 4, n)
            end = pos + 4 + n
        else:  # function A: NUL-terminated
            i = pos + 3
            while True:
                if i >= len(self._buf):
                    raise Incomplete
                if self._buf[i] == 0:
                    break
                i += 1
            data, end = bytes(self._buf[pos + 3 : i]), i + 1
        self._flush_line(newline=False)
        text = data.decode("ascii", "replace")
        if m == 73:
            text = text[2:] if text[:1] == "{" else text  # the code set selector is not data
            try:
                modules = code128_modules(text)
            except Exception as e:  # characters CODE128 cannot carry
                self.unknown.append(f"CODE128 not printable: {type(e).__name__}")
                return end
        else:
            self.unknown.append(f"GS k {m}")
            modules = "1010" * 20  # a visible placeholder for symbologies we do not draw
        bars = np.array([c == "1" for c in modules], dtype=bool).repeat(max(1, self._barcode["module"]))
        self._print(self._place(np.tile(bars, (max(1, self._barcode["height"]), 1))))
        if self._barcode["hri"] in (2, 3):
            for ch in text:
                self._put(ch)
            self._flush_line(newline=True)
        return end

    def _cut(self) -> None:
        self._flush_line(newline=False)
        paper, self.paper = self.paper, Paper(self.width)
        self.on_cut(paper)
