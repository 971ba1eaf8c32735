"""Plain words for the official terms the catalog uses (assets/glossary/terms.toml), for the 词语解释 screen."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from kiosk.i18n import Problem, Text

GLOSSARY_FILE = Path(__file__).resolve().parents[1] / "assets" / "glossary" / "terms.toml"
_FIELDS = ("term", "term_en", "plain", "plain_en")
MAX_PLAIN = 80  # one line a reader takes in at a glance, not a definition

UNAVAILABLE = Text("词语解释暂时打不开。有不懂的词，请点“呼叫工作人员”。",
                   "The word list cannot be shown right now. If a word is unclear, please tap \"Call staff\".")


class GlossaryError(ValueError):
    """The glossary file is missing or wrong; the message names the file and the entry."""


@dataclass(frozen=True)
class Term:
    term: Text
    plain: Text


def load(path: Path = GLOSSARY_FILE) -> list[Term]:
    """The terms in file order; raises GlossaryError naming the file and entry when one is incomplete."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise GlossaryError(f"{path}: cannot be read ({type(exc).__name__}: {exc})") from None
    entries = data.get("term")
    if not isinstance(entries, list) or not entries:
        raise GlossaryError(f"{path}: no [[term]] entries")
    terms, seen = [], set()
    for n, entry in enumerate(entries, 1):
        where = f"{path}: term {n}"
        if not isinstance(entry, dict):
            raise GlossaryError(f"{where}: not a table")
        unknown = set(entry) - set(_FIELDS)
        if unknown:
            raise GlossaryError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
        for key in _FIELDS:
            value = entry.get(key)
            if not isinstance(value, str) or not value.strip():
                raise GlossaryError(f"{where}: {key} is missing or empty")
        if max(len(entry["plain"]), len(entry["plain_en"]) // 3) > MAX_PLAIN:
            raise GlossaryError(f"{where} ({entry['term']}): the explanation is longer than one line")
        if entry["term"] in seen:
            raise GlossaryError(f"{where}: {entry['term']} is listed twice")
        seen.add(entry["term"])
        terms.append(Term(Text(entry["term"].strip(), entry["term_en"].strip()),
                          Text(entry["plain"].strip(), entry["plain_en"].strip())))
    return terms


def problem(error: GlossaryError) -> Problem:
    """What the screen says when the file cannot be used (the technician's detail names file and entry)."""
    return Problem("glossary.unavailable", UNAVAILABLE, str(error))


# the case statuses the progress screen shows whose official word the glossary explains (protocol.status)
STATUS_TERMS = {"received": "受理", "correction": "补正", "completed": "办结"}


def term_for_status(status: str, terms: list[Term]) -> Term | None:
    """The glossary entry explaining a case status's word (已受理 → 受理), when the glossary has it."""
    key = STATUS_TERMS.get(status)
    return next((t for t in terms if t.term.zh == key), None)
