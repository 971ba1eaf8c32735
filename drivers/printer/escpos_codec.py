"""Pure ESC/POS byte builders: no I/O, every command our layouts and status checks use."""

from __future__ import annotations

ESC = b"\x1b"
GS = b"\x1d"
FS = b"\x1c"
DLE = b"\x10"
EOT = b"\x04"
LF = b"\n"

ALIGNS = {"left": 0, "center": 1, "right": 2}

# raster images go out in horizontal bands: several cheap printers reject one huge GS v 0 block
RASTER_BAND_ROWS = 256


def _u8(name: str, value: int, lo: int = 0, hi: int = 255) -> int:
    if not lo <= value <= hi:
        raise ValueError(f"{name} must be in {lo}..{hi}, got {value}")
    return value


def init() -> bytes:
    """ESC @: reset modes (sizes, emphasis, alignment) so a job never inherits the last one's state."""
    return ESC + b"@"


def align(where: str) -> bytes:
    if where not in ALIGNS:
        raise ValueError(f"align must be one of {sorted(ALIGNS)}, got {where!r}")
    return ESC + b"a" + bytes([ALIGNS[where]])


def size(width: int = 1, height: int = 1) -> bytes:
    """GS ! n: character magnification 1..8 in each direction (applies to Chinese characters too)."""
    w = _u8("width", width, 1, 8) - 1
    h = _u8("height", height, 1, 8) - 1
    return GS + b"!" + bytes([(w << 4) | h])


def bold(on: bool) -> bytes:
    return ESC + b"E" + bytes([1 if on else 0])


def underline(dots: int) -> bytes:
    return ESC + b"-" + bytes([_u8("underline", dots, 0, 2)])


def chinese_mode(on: bool) -> bytes:
    """FS & enters the Chinese character mode (double-byte GB codes); FS . leaves it."""
    return FS + (b"&" if on else b".")


def line_spacing(dots: int | None) -> bytes:
    """ESC 3 n sets the line feed amount in dots; None restores the default (ESC 2)."""
    if dots is None:
        return ESC + b"2"
    return ESC + b"3" + bytes([_u8("line spacing", dots)])


def text_gb18030(text: str) -> bytes:
    """Text for a printer in Chinese mode. Encoded by us: python-escpos's magic encoder mangles CJK punctuation."""
    if any(ch in text for ch in "\x1b\x1d\x1c\x10\x0c\x0a\x0d"):
        raise ValueError("text must not contain control characters; use line breaks between text() calls")
    return text.encode("gb18030")


def text_ascii(text: str) -> bytes:
    """Text for a printer outside Chinese mode: printable ASCII only, anything else is a programming error."""
    data = text.encode("ascii")
    if any(b < 0x20 or b == 0x7F for b in data):
        raise ValueError("text must not contain control characters")
    return data


def newline() -> bytes:
    return LF


def feed_lines(n: int) -> bytes:
    """ESC d n: print the buffer and feed n lines."""
    return ESC + b"d" + bytes([_u8("lines", n)])


def feed_dots(n: int) -> bytes:
    """ESC J n: print the buffer and feed n dots (vertical motion units)."""
    return ESC + b"J" + bytes([_u8("dots", n)])


def cut(partial: bool = True, feed: int = 0) -> bytes:
    """GS V 66/65 n: feed n dots to the cutter, then cut (partial keeps a hinge so the paper does not drop)."""
    return GS + b"V" + bytes([66 if partial else 65, _u8("feed", feed)])


def raster(width: int, height: int, packed: bytes) -> bytes:
    """GS v 0: a 1-bit image, rows packed MSB first, 1 = black; split into bands of RASTER_BAND_ROWS rows."""
    row_bytes = (width + 7) // 8
    if len(packed) != row_bytes * height:
        raise ValueError(f"raster needs {row_bytes * height} bytes for {width}x{height}, got {len(packed)}")
    if row_bytes > 0xFFFF or width <= 0 or height <= 0:
        raise ValueError("raster image size out of range")
    out = bytearray()
    for top in range(0, height, RASTER_BAND_ROWS):
        rows = min(RASTER_BAND_ROWS, height - top)
        out += GS + b"v0\x00" + row_bytes.to_bytes(2, "little") + rows.to_bytes(2, "little")
        out += packed[top * row_bytes : (top + rows) * row_bytes]
    return bytes(out)


def _qr_fn(fn: int, payload: bytes) -> bytes:
    body = bytes([49, fn]) + payload  # cn = 49: QR code
    return GS + b"(k" + len(body).to_bytes(2, "little") + body


QR_ECC = {"L": 48, "M": 49, "Q": 50, "H": 51}


def qr(data: str, module: int = 6, ecc: str = "M") -> bytes:
    """GS ( k: model 2, module size in dots, error correction, store the data, print it."""
    raw = data.encode("utf-8")
    if not raw or len(raw) > 7089:
        raise ValueError("QR data must be 1..7089 bytes")
    if ecc not in QR_ECC:
        raise ValueError(f"ecc must be one of {sorted(QR_ECC)}")
    return (
        _qr_fn(65, bytes([50, 0]))  # model 2
        + _qr_fn(67, bytes([_u8("module", module, 1, 16)]))
        + _qr_fn(69, bytes([QR_ECC[ecc]]))
        + _qr_fn(80, b"0" + raw)
        + _qr_fn(81, b"0")
    )


def barcode_code128(data: str, height: int = 80, module: int = 2, hri: bool = True) -> bytes:
    """GS k 73: CODE128 in code set B (printable ASCII); HRI text below when asked."""
    raw = data.encode("ascii")
    if not raw or any(b < 0x20 or b > 0x7E for b in raw) or b"{" in raw:
        raise ValueError("CODE128 data must be printable ASCII without '{'")
    payload = b"{B" + raw
    if len(payload) > 255:
        raise ValueError("CODE128 data too long")
    return (
        GS + b"h" + bytes([_u8("height", height, 1, 255)])
        + GS + b"w" + bytes([_u8("module", module, 1, 6)])
        + GS + b"H" + bytes([2 if hri else 0])
        + GS + b"k" + bytes([73, len(payload)]) + payload
    )


# DLE EOT n: real-time status; answered even while the printer is busy or out of paper
STATUS_PRINTER = 1
STATUS_OFFLINE_CAUSE = 2
STATUS_ERROR_CAUSE = 3
STATUS_PAPER = 4


def status_query(n: int) -> bytes:
    if n not in (1, 2, 3, 4):
        raise ValueError("DLE EOT n must be 1..4")
    return DLE + EOT + bytes([n])
