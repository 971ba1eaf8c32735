"""Plain words, checked rather than hoped for: every message the core has for a citizen (each Problem and Text kept
in kiosk/, including the device, queue and camera tables) is in short sentences, names no internal code, and every
problem tells the citizen what to do next — in Chinese and in English."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import kiosk
from kiosk.face.result import HALF_PROMPTS, PROMPTS
from kiosk.i18n import Problem, Text

ZH_SENTENCE = 30  # characters: one breath when read aloud by the voice prompt
EN_SENTENCE = 24  # words
# the declarations a citizen ticks before submitting are legal statements, read once: longer, but bounded
DECLARATIONS = ("kiosk.consent.",)
ZH_DECLARATION, EN_DECLARATION = 60, 36
# an internal code in citizen text: dotted or snake_case identifiers, CONSTANT_NAMES, HTTP-like status numbers
# (ID, QR, PIN and PDF are words citizens know)
CODE = re.compile(r"\b[a-z]+(?:[._][a-z0-9]+)+\b|\b[A-Z]+_[A-Z0-9_]+\b|\b[1-5]\d\d\b")
# a message that reports something wrong, Problem or not (the device and queue tables hold bare Texts)
ZH_WRONG = re.compile(r"无法|不能|失败|错误|有误|不一致|过期|找不到|没有找到|已用完|故障|断开|不可用|暂停")
ZH_NEXT = re.compile(r"请|可以|可|再|重新|稍后|联系|换|窗口|点|按|返回|放|取|选|拍|试|等|离开")
EN_NEXT = re.compile(r"\b(please|try|ask|call|tap|press|place|put|take|come|again|later|use|go|choose|may|can|"
                     r"leave|wait|check|hold|look)\b", re.IGNORECASE)


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
    return id(text) not in COMPLETED and (is_problem or bool(ZH_WRONG.search(text.zh)))


def test_the_core_has_many_citizen_messages_to_check():
    assert len(MESSAGES) > 100 and sum(map(_wrong, MESSAGES)) > 40


def _sentences_zh(text: str) -> list[str]:
    return [s for s in re.split(r"[。！？；]", text) if s.strip()]


def _sentences_en(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?;])\s+", text) if s.strip()]


@pytest.mark.parametrize("where", sorted(MESSAGES))
def test_short_sentences_without_internal_codes(where):
    text, _ = MESSAGES[where]
    declaration = where.startswith(DECLARATIONS)
    zh_limit, en_limit = (ZH_DECLARATION, EN_DECLARATION) if declaration else (ZH_SENTENCE, EN_SENTENCE)
    assert max(map(len, _sentences_zh(text.zh)), default=0) <= zh_limit, text.zh
    if text.en:
        assert max((len(s.split()) for s in _sentences_en(text.en)), default=0) <= en_limit, text.en
    assert not CODE.search(text.zh), text.zh
    assert not CODE.search(text.en or ""), text.en


@pytest.mark.parametrize("where", sorted(filter(_wrong, MESSAGES)))
def test_every_problem_says_what_to_do_next(where):
    text, _ = MESSAGES[where]
    assert ZH_NEXT.search(text.zh), text.zh
    assert EN_NEXT.search(text.en or ""), text.en
