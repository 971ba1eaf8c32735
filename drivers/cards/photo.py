"""A decoded card photo: a complete image file, whichever reader and decoder produced it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Photo:
    data: bytes = field(repr=False)  # a complete image file
    suffix: str  # ".bmp", ".png", ".jpg"
