"""Locating CJK fonts for raster receipts and the simulator's glyphs, with a clear error when none exists."""

from __future__ import annotations

import functools
import glob
import os
from pathlib import Path

from PIL import ImageFont

# Debian's fonts-noto-cjk first; then other common places; KIOSK_CJK_FONT overrides (a .ttc/.otf/.ttf path)
ENV_VAR = "KIOSK_CJK_FONT"
_CANDIDATES = {
    False: [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
    ],
    True: [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc",
    ],
}
_GLOBS = ["/usr/share/fonts/**/*CJK*Regular*.tt[cf]", "/usr/share/fonts/**/*CJK*.otf", "/usr/share/fonts/**/wqy*.tt[cf]"]


class FontNotFound(RuntimeError):
    """No CJK font is installed: raster receipts and the simulator cannot draw Chinese."""


def _find_file(bold: bool) -> str | None:
    override = os.environ.get(ENV_VAR)
    if override:
        if not Path(override).is_file():
            raise FontNotFound(f"{ENV_VAR}={override} is not a font file")
        return override
    for path in _CANDIDATES[bold]:
        if Path(path).is_file():
            return path
    if bold:
        return None
    for pattern in _GLOBS:
        hits = sorted(glob.glob(pattern, recursive=True))
        if hits:
            return hits[0]
    return None


def _face_index(path: str, want_mono: bool) -> int:
    """Index of the Simplified Chinese face in a collection (Noto: JP, KR, SC, TC, HK, then Mono JP...)."""
    first_sc = None
    for i in range(16):
        try:
            family = ImageFont.truetype(path, 12, index=i).getname()[0]
        except OSError:
            break
        if " SC" in family or family.endswith("SC"):
            if ("Mono" in family) == want_mono:
                return i
            first_sc = i if first_sc is None else first_sc
    return first_sc if first_sc is not None else 0


@functools.lru_cache(maxsize=64)
def cjk_font(px: int, *, bold: bool = False, mono: bool = False) -> ImageFont.FreeTypeFont:
    """A Simplified Chinese font at px pixels; bold falls back to regular (callers then thicken strokes)."""
    path = _find_file(bold) or (_find_file(False) if bold else None)
    if path is None:
        raise FontNotFound(
            "no CJK font found: install Debian package fonts-noto-cjk or set KIOSK_CJK_FONT to a font file"
        )
    return ImageFont.truetype(path, px, index=_face_index(path, mono))


def has_bold_face() -> bool:
    try:
        return _find_file(True) is not None
    except FontNotFound:
        return False
