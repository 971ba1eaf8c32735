"""Receipt-like slips with a receipt link's QR code on them, many different codes (the pattern decides whether a
detector reads it), built the way the receipt printer draws its QR."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date

import numpy as np

from protocol import tracking

SLIP = (1116, 608)  # a printed 80 mm submission receipt as the simulated printer renders it (height, width)


def links(count: int) -> Iterator[str]:
    """Receipt URLs as terminals print them: a tracking number and an 80-bit token, different each one."""
    for i in range(count):
        number = tracking.issue("SIM-0001", date(2026, 11, 29), 1 + i)
        token = hashlib.sha256(f"invented terminal secret {i}".encode()).hexdigest()[:20]
        yield f"http://127.0.0.1:{40000 + i}/p/{number}.{token}"


def slip(text: str, module: int = 4) -> np.ndarray:
    """A white slip (BGR) with the code where a receipt has it, below lines of print."""
    from drivers.printer.raster import qr_ink

    page = np.full(SLIP, 255, np.uint8)
    for y in range(40, 400, 36):  # lines of print above the code
        page[y:y + 14, 40:560:3] = 0
    ink = np.asarray(qr_ink(text, module))
    h, w = ink.shape
    top, left = 430, (SLIP[1] - w) // 2
    page[top:top + h, left:left + w] = 255 - ink
    return np.repeat(page[:, :, None], 3, axis=2)
