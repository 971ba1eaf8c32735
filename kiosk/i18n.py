"""Bilingual text for messages that start in the core (Chinese first, English second)."""

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


@dataclass(frozen=True)
class Problem:
    """A failure as two audiences need it: a plain message for the citizen, detail for the technician."""

    code: str  # stable, e.g. "idcard.checksum"
    citizen: Text
    technician: str  # English, may name bytes, ports and status words; never personal data
