"""What the paper and the printer can do: kept apart from the layout engine, which loads PIL with the first job."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

WIDTH_DOTS = {58: 384, 80: 576}
CELL_DOTS = 12  # one text column = the 12-dot half-width ROM glyph; Chinese characters take two


@dataclass(frozen=True)
class Profile:
    """What the paper and the printer can do, from configuration."""

    paper_width_mm: Literal[58, 80] = 80
    chinese_mode: Literal["text", "raster"] = "raster"
    cut: bool = True

    @property
    def width_dots(self) -> int:
        return WIDTH_DOTS[self.paper_width_mm]

    @property
    def columns(self) -> int:
        return self.width_dots // CELL_DOTS
