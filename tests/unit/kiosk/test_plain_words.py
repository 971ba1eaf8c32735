"""Plain words, checked rather than hoped for: every message the core has for a citizen (each Problem and Text kept
in kiosk/, including the device, queue and camera tables) is in short sentences, names no internal code, and every
problem tells the citizen what to do next — in Chinese and in English."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import kiosk
from kiosk.face.result import HALF_PROMPTS, PROMPTS
from kiosk.i18n import Problem, Text
from tests.helpers.plain_words import (
    CODE, EN_SENTENCE, ZH_SENTENCE, longest_en, longest_zh, reports_wrong, says_next_en, says_next_zh,
)

# the declarations a citizen ticks before submitting are legal statements, read once: longer, but bounded
DECLARATIONS = ("kiosk.consent.",)
ZH_DECLARATION, EN_DECLARATION = 60, 36


def _messages() -> dict[str, tuple[Text, bool]]:
    """Every citizen message kept at module level in kiosk/, by where it lives; True for a Problem's."""
    found: dict[str, tuple[Text, bool]] = {}
    seen: set[int] = set()  # a message imported into another module is checked once

    def walk(obj, where: str, depth: int = 0) -> None:
        if isinstance(obj, (Problem, Text)):
            if id(obj) not in seen:
                seen.add(id(obj))
                found[where] = (obj.citizen, True) if isinstance(obj, Problem) else (obj, False)
        elif depth < 3 and isinstance(obj, dict):
            for key, value in obj.items():
                walk(value, f"{where}[{key!r}]", depth + 1)
        elif depth < 3 and isinstance(obj, (list, tuple)):
            for i, value in enumerate(obj):
                walk(value, f"{where}[{i}]", depth + 1)

    for info in pkgutil.walk_packages(kiosk.__path__, "kiosk."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            walk(value, f"{info.name}.{name}")
    return found


MESSAGES = _messages()


# first halves the face check completes with the configured way forward (kiosk/face/flow.py _cannot_compare)
COMPLETED = {id(PROMPTS[key]) for key in HALF_PROMPTS}


def _wrong(where: str) -> bool:
    text, is_problem = MESSAGES[where]
    return id(text) not in COMPLETED and (is_problem or reports_wrong(text.zh))


def test_the_core_has_many_citizen_messages_to_check():
    assert len(MESSAGES) > 100 and sum(map(_wrong, MESSAGES)) > 40


@pytest.mark.parametrize("where", sorted(MESSAGES))
def test_short_sentences_without_internal_codes(where):
    text, _ = MESSAGES[where]
    declaration = where.startswith(DECLARATIONS)
    zh_limit, en_limit = (ZH_DECLARATION, EN_DECLARATION) if declaration else (ZH_SENTENCE, EN_SENTENCE)
    assert longest_zh(text.zh) <= zh_limit, text.zh
    if text.en:
        assert longest_en(text.en) <= en_limit, text.en
    assert not CODE.search(text.zh), text.zh
    assert not CODE.search(text.en or ""), text.en


@pytest.mark.parametrize("where", sorted(filter(_wrong, MESSAGES)))
def test_every_problem_says_what_to_do_next(where):
    text, _ = MESSAGES[where]
    assert says_next_zh(text.zh), text.zh
    assert says_next_en(text.en or ""), text.en
