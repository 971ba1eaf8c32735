"""Messages that start in the core: bilingual Text (shared with protocol/) and Problem, worded for two audiences."""

from __future__ import annotations

from dataclasses import dataclass

from protocol.bilingual import Text

__all__ = ["Text", "Problem"]


@dataclass(frozen=True)
class Problem:
    """A failure as two audiences need it: a plain message for the citizen, detail for the technician."""

    code: str  # stable, e.g. "idcard.checksum"
    citizen: Text
    technician: str  # English, may name bytes, ports and status words; never personal data
