"""Searchable texts in their pinyin forms, the match quality of one query token, and column scans."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, Sequence

from kiosk.catalog.pinyin import han_pinyin


HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_TOKEN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+")


def normalize(text: str) -> str:
    """Full-width to half-width, lower case, so 'ＳＦＺ' and 'sfz' are the same query."""
    return unicodedata.normalize("NFKC", text).lower().strip()


@lru_cache(maxsize=50_000)
def _han_pinyin(run: str) -> tuple[str, ...]:
    """Pinyin of a run of Han characters, by phrase as pypinyin reads it (catalogs repeat words a lot)."""
    return han_pinyin(run)


def warm_up() -> None:
    """Load the pinyin table now (a catalog from the cache needs it only at the first Chinese query, which must
    not wait; the first start after an install builds it in a child process)."""
    _han_pinyin("汉字")


def syllables(text: str) -> list[str]:
    """One pinyin syllable per Han character; each run of letters/digits stays one unit; the rest is dropped."""
    out: list[str] = []
    for part in _TOKEN.findall(text.lower()):
        if HAN.match(part):
            out.extend(_han_pinyin(part))
        else:
            out.append(part)
    return out


def marked(syl: Sequence[str]) -> str:
    """Syllables between bars, "|hu|ji|": whole-syllable containment becomes one substring test."""
    return "|" + "|".join(syl) + "|"


def _suffixes(syl: Sequence[str]) -> str:
    return "".join("\n" + "".join(syl[i:]) for i in range(len(syl)))


@dataclass(frozen=True)
class Token:
    """One word of the query: a run of Han characters, or of letters and digits."""

    text: str
    han: bool
    pinyin: str  # for Han tokens: their syllables marked "|hu|ji|", to catch homophone typos
    at_start: str  # "\n" + text: finds a syllable-aligned start in Key.suffixes


def tokens(query: str) -> list[Token]:
    out = []
    for part in _TOKEN.findall(query):
        han = bool(HAN.match(part))
        out.append(Token(part, han, marked(syllables(part)) if han else "", "\n" + part))
    return out


class Key(NamedTuple):
    """One searchable text of an item (name, alias...), with its pinyin forms prepared at load time (a tuple: the
    on-disk index cache rebuilds tens of thousands of them per load)."""

    text: str
    weight: float
    full: str  # "shenfenzheng"
    initials: str  # "sfz"
    marked: str  # "|shen|fen|zheng|"
    suffixes: str  # "\nshenfenzheng\nfenzheng\nzheng": "\n" + token in it = token starts at a syllable

    @classmethod
    def build(cls, text: str, weight: float) -> Key:
        text = normalize(text)
        syl = syllables(text)
        return cls(text, weight, "".join(syl), "".join(s[0] for s in syl if s), marked(syl), _suffixes(syl))

    def packed(self) -> tuple:
        """The key without its suffixes, the largest and most derivable part (the on-disk cache stores this)."""
        return tuple(self[:5])

    @classmethod
    def unpacked(cls, packed: Sequence) -> Key:
        text, weight, full, initials, marks = packed
        return cls(text, weight, full, initials, marks, _suffixes(marks[1:-1].split("|") if len(marks) > 2 else []))

    def quality(self, token: str, han: bool, token_marked: str) -> float:
        """How well one query token matches this text: 0 = not at all, about 1 = the whole text."""
        cover = len(token) / max(len(self.text), 1) if han else len(token) / max(len(self.full), 1)
        bonus = 0.1 * min(cover, 1.0)  # of two matches, the one covering more of a shorter text wins
        if han:
            if self.text == token:
                return 1.0 + bonus
            if self.text.startswith(token):
                return 0.9 + bonus
            if token in self.text:
                return 0.8 + bonus
            if token_marked and token_marked in self.marked:
                return 0.6 + bonus  # homophone typo: 户藉 for 户籍
            return 0.0
        if self.full == token or self.initials == token:
            return 1.0 + bonus
        if self.full.startswith(token):
            return 0.9 + bonus
        if len(token) >= 2:
            if self.initials.startswith(token):
                return 0.88 + bonus
            if "\n" + token in self.suffixes:
                return 0.75 + bonus
            if token in self.initials:
                return 0.7 + bonus
        if token in self.text:
            return 0.7 + bonus  # letters and digits written in the text itself ("C1", "ETC")
        return 0.0

    def could_match(self, t: Token) -> bool:
        """The containment tests quality() builds on, without the ranking: cheap, to skip most keys."""
        if t.han:
            return t.text in self.text or t.pinyin in self.marked
        return t.at_start in self.suffixes or t.text in self.initials or t.text in self.text


class Column:
    """One form of some keys of every item joined in one string: finds the items containing a needle at C speed.

    Each found item costs one find(): the scan jumps to the next item after a hit.
    """

    def __init__(self, parts: Sequence[str]):
        self._starts: list[int] = []
        pos = 0
        for p in parts:
            self._starts.append(pos)
            pos += len(p) + 1
        self._starts.append(pos)
        self._text = "\x00".join(parts) + "\x00"  # needles never hold \x00, so a hit never spans two items

    def state(self) -> tuple[list[int], str]:
        return self._starts, self._text

    @classmethod
    def from_state(cls, state: tuple[list[int], str]) -> Column:
        column = cls.__new__(cls)
        column._starts, column._text = state
        return column

    def items_with(self, needle: str) -> set[int]:
        out: set[int] = set()
        text, starts, pos = self._text, self._starts, 0
        while True:
            j = text.find(needle, pos)
            if j < 0:
                return out
            i = bisect_right(starts, j) - 1
            out.add(i)
            pos = starts[i + 1]

    def items_among(self, needle: str, among: set[int]) -> set[int]:
        """items_with(needle) & among, reading only those items' parts: the next keystroke narrows the last."""
        text, starts = self._text, self._starts
        return {i for i in among if text.find(needle, starts[i], starts[i + 1]) >= 0}


class StartColumns:
    """Syllable-aligned suffixes of every item ("\\nfenzheng"), one Column per first character: a word is looked
    for only among the suffixes that start like it, a small part of all of them."""

    def __init__(self, per_item: Sequence[Sequence[str]]):
        split: dict[str, list[list[str]]] = {}
        for i, suffixes in enumerate(per_item):
            for suffix in suffixes:
                if suffix:
                    if suffix[0] not in split:
                        split[suffix[0]] = [[] for _ in per_item]
                    split[suffix[0]][i].append(suffix)
        self._columns = {ch: Column(["".join("\n" + x for x in parts) for parts in lists]) for ch, lists in split.items()}

    def state(self) -> dict:
        return {ch: c.state() for ch, c in self._columns.items()}

    @classmethod
    def from_state(cls, state: dict) -> StartColumns:
        columns = cls.__new__(cls)
        columns._columns = {ch: Column.from_state(c) for ch, c in state.items()}
        return columns

    def items_with(self, needle: str) -> set[int]:
        """Items with a suffix starting with `needle` ("\\n" + word)."""
        column = self._columns.get(needle[1:2])
        return column.items_with(needle) if column is not None else set()

    def items_among(self, needle: str, among: set[int]) -> set[int]:
        column = self._columns.get(needle[1:2])
        return column.items_among(needle, among) if column is not None else set()


class KeyColumns:
    """The four forms of one group of keys (e.g. names and aliases) of every item, as columns."""

    def __init__(self, per_item: Sequence[Sequence[Key]]):
        # each form once per item: a 繁體 key mostly reads like its simplified one, and a scan reads every byte
        self.text = Column(["\n".join(dict.fromkeys(k.text for k in keys)) for keys in per_item])
        self.marked = Column(["\n".join(dict.fromkeys(k.marked for k in keys)) for keys in per_item])
        self.suffixes = StartColumns([list(dict.fromkeys(x for k in keys for x in k.suffixes.split("\n")[1:]))
                                      for keys in per_item])
        self.initials = Column(["\n".join(dict.fromkeys(k.initials for k in keys)) for keys in per_item])

    def state(self) -> tuple:
        return tuple(c.state() for c in (self.text, self.marked, self.suffixes, self.initials))

    @classmethod
    def from_state(cls, state: tuple) -> KeyColumns:
        columns = cls.__new__(cls)
        columns.text, columns.marked, columns.initials = (Column.from_state(state[n]) for n in (0, 1, 3))
        columns.suffixes = StartColumns.from_state(state[2])
        return columns

    def items_matching(self, t: Token, among: set[int] | None = None) -> set[int]:
        """Items where some key of this group could match the token (same tests as Key.could_match).

        `among`: the items matching a prefix of this token, which hold every item matching the token itself
        (containing "abc" implies containing "ab"); only the Han pinyin test is not narrowed, since pypinyin
        may read a character differently once the next one is typed.
        """
        if among is None:
            if t.han:
                return self.text.items_with(t.text) | self.marked.items_with(t.pinyin)
            return (self.suffixes.items_with(t.at_start) | self.initials.items_with(t.text)
                    | self.text.items_with(t.text))
        if t.han:
            return self.text.items_among(t.text, among) | self.marked.items_with(t.pinyin)
        return self.items_within(t, among)

    def items_within(self, t: Token, among: set[int]) -> set[int]:
        """items_matching(t) & among, reading only those items' parts."""
        if t.han:
            return self.text.items_among(t.text, among) | self.marked.items_among(t.pinyin, among)
        return (self.suffixes.items_among(t.at_start, among) | self.initials.items_among(t.text, among)
                | self.text.items_among(t.text, among))
