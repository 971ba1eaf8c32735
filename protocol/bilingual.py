"""Bilingual text made outside Qt (Chinese first, English second), for the kiosk core and the catalog schema."""

from __future__ import annotations

import functools
from dataclasses import dataclass

# the screen languages: simplified Chinese (the source of every text), English, and traditional Chinese, which is
# converted from the simplified with OpenCC rather than written a second time
LANGUAGES = ("zh_CN", "en", "zh_TW")
TRADITIONAL = "zh_TW"


@functools.cache
def _converter():
    import opencc  # only a kiosk in traditional Chinese needs it; central never converts

    # Taiwan-standard characters, wording left as written: the official names of services stay the same
    return opencc.OpenCC("s2tw")


@functools.lru_cache(maxsize=16384)
def traditional(text: str) -> str:
    """Simplified Chinese as traditional; each text is converted once, then answered from the cache."""
    return _converter().convert(text) if text else text


def local(text: str, language: str) -> str:
    """A Chinese text (one with no English of its own) in the screen's Chinese script."""
    return traditional(text) if language == TRADITIONAL else text


@dataclass(frozen=True)
class Text:
    """A citizen-facing message made outside Qt. QML text uses qsTr; core messages carry both languages."""

    zh: str
    en: str

    def get(self, language: str) -> str:
        return self.en if language.startswith("en") else local(self.zh, language)

    def __str__(self) -> str:  # logs and technicians see the Chinese original
        return self.zh
