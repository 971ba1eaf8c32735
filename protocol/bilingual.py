"""Bilingual text made outside Qt (Chinese first, English second), for the kiosk core and the catalog schema."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    """A citizen-facing message made outside Qt. QML text uses qsTr; core messages carry both languages."""

    zh: str
    en: str

    def get(self, language: str) -> str:
        return self.en if language.startswith("en") else self.zh

    def __str__(self) -> str:  # logs and technicians see the Chinese original
        return self.zh
