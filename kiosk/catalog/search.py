"""Search-as-you-type over the catalog: Chinese text, full pinyin, pinyin initials, aliases and misspellings."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from pypinyin import Style, lazy_pinyin

# how much a match in each kind of text counts; names beat aliases beat the theme a word happens to be in
# (summaries are not indexed: they made every short query match half the catalog and found nothing aliases miss)
W_NAME, W_SHORT, W_ALIAS, W_MISSPELLING, W_GROUP, W_DEPARTMENT = 1.0, 0.97, 0.93, 0.85, 0.45, 0.35
# fuzzy (bigram) matches only fill up the list after the exact ones, so they weigh less
FUZZY_FACTOR = 0.6
FUZZY_MIN_DICE = 0.34

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_TOKEN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+")


def normalize(text: str) -> str:
    """Full-width to half-width, lower case, so 'ＳＦＺ' and 'sfz' are the same query."""
    return unicodedata.normalize("NFKC", text).lower().strip()


def syllables(text: str) -> list[str]:
    """One pinyin syllable per Han character; each run of letters/digits stays one unit; the rest is dropped."""
    out: list[str] = []
    for part in _TOKEN.findall(text.lower()):
        if _HAN.match(part):
            out.extend(_han_pinyin(part))
        else:
            out.append(part)
    return out


def marked(syl: Sequence[str]) -> str:
    """Syllables between bars, "|hu|ji|": whole-syllable containment becomes one substring test."""
    return "|" + "|".join(syl) + "|"


@lru_cache(maxsize=50_000)
def _han_pinyin(run: str) -> tuple[str, ...]:
    """Pinyin of a run of Han characters (pypinyin picks readings by phrase; catalogs repeat words a lot)."""
    return tuple(lazy_pinyin(run, style=Style.NORMAL, errors="ignore"))


@dataclass(frozen=True)
class _Key:
    """One searchable text of an item, with its pinyin forms prepared at load time."""

    text: str
    weight: float
    full: str  # "shenfenzheng"
    initials: str  # "sfz"
    marked: str  # "|shen|fen|zheng|"
    suffixes: str  # "\nshenfenzheng\nfenzheng\nzheng": "\n" + token in it = token starts at a syllable

    @classmethod
    def build(cls, text: str, weight: float) -> _Key:
        text = normalize(text)
        syl = syllables(text)
        suffixes = "".join("\n" + "".join(syl[i:]) for i in range(len(syl)))
        return cls(text, weight, "".join(syl), "".join(s[0] for s in syl if s), marked(syl), suffixes)

    def quality(self, token: str, han: bool, token_marked: str) -> float:
        """How well one query token matches this text: 0 = not at all, 1 = the whole text."""
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


@dataclass(frozen=True)
class _Entry:
    code: str
    keys: tuple[_Key, ...]
    hay_text: str  # all key texts joined: one C-speed containment test before looking at each key
    hay_marked: str
    hay_suffixes: str
    hay_initials: str
    boost: float  # most-used items win ties


@dataclass(frozen=True)
class Hit:
    code: str
    score: float
    matched: str  # the text that matched best (name, alias...), to show why this item came up


@dataclass(frozen=True)
class Searchable:
    """What the index needs to know of one item (kept apart from the pydantic model so tests can feed plain data)."""

    code: str
    name: str
    short_name: str = ""
    aliases: Sequence[str] = ()
    misspellings: Sequence[str] = ()
    groups: Sequence[str] = ()  # theme and life-event names
    department: str = ""
    boost: float = 0.0


@dataclass(frozen=True)
class _Token:
    text: str
    han: bool
    pinyin: str  # for Han tokens: their syllables marked "|hu|ji|", to catch homophone typos
    at_start: str  # "\n" + text: the form that finds a syllable-aligned start in `suffixes`


def _tokens(query: str) -> list[_Token]:
    out = []
    for part in _TOKEN.findall(query):
        han = bool(_HAN.match(part))
        out.append(_Token(part, han, marked(syllables(part)) if han else "", "\n" + part))
    return out


def _bigrams(syl: list[str]) -> set[tuple[str, str]]:
    return {(a, b) for a, b in zip(syl, syl[1:])}


class SearchIndex:
    """Precomputed search structures for a list of items; `search` is cheap enough to run on every keystroke."""

    def __init__(self, items: Iterable[Searchable], misspellings: dict[str, str] | None = None):
        self._entries: list[_Entry] = []
        # syllable bigram -> [(entry index, key index)] over names, short names, aliases and misspellings
        self._bigram_postings: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        self._bigram_counts: dict[tuple[int, int], int] = {}
        # first keystroke: one character matches names, short names, aliases and misspellings only (anything
        # more is noise at that point, and scanning every key of every item is too slow on big catalogs)
        single: dict[str, dict[int, tuple[float, str]]] = defaultdict(dict)
        self._corrections = sorted(((normalize(k), normalize(v)) for k, v in (misspellings or {}).items()),
                                   key=lambda kv: -len(kv[0]))
        for i, it in enumerate(items):
            keys = [_Key.build(it.name, W_NAME)]
            keys += [_Key.build(t, W_SHORT) for t in [it.short_name] if t]
            keys += [_Key.build(t, W_ALIAS) for t in it.aliases]
            keys += [_Key.build(t, W_MISSPELLING) for t in it.misspellings]
            n_named = len(keys)
            keys += [_Key.build(t, W_GROUP) for t in it.groups]
            keys += [_Key.build(t, W_DEPARTMENT) for t in [it.department] if t]
            self._entries.append(_Entry(
                it.code, tuple(keys), "\n".join(k.text for k in keys), "\n".join(k.marked for k in keys),
                "".join(k.suffixes for k in keys), "\n".join(k.initials for k in keys), it.boost,
            ))
            for j, key in enumerate(keys[:n_named]):
                for ch in set(key.text) | ({key.full[0]} if key.full else set()):
                    if ch.isspace():
                        continue
                    q = key.quality(ch, bool(_HAN.match(ch)), "") * key.weight + it.boost
                    if q > single[ch].get(i, (0.0, ""))[0]:
                        single[ch][i] = (q, key.text)
                grams = _bigrams(syllables(key.text))
                self._bigram_counts[(i, j)] = len(grams)
                for g in grams:
                    self._bigram_postings[g].append((i, j))
        self._single = dict(single)

    def __len__(self) -> int:
        return len(self._entries)

    def variants(self, query: str) -> list[str]:
        """The query as typed, plus the query with known misspellings corrected (if any)."""
        q = normalize(query)
        fixed = q
        for wrong, right in self._corrections:
            if wrong in fixed:
                fixed = fixed.replace(wrong, right)
        return [q] if fixed == q else [q, fixed]

    def _strict(self, tokens: list[_Token], pool: Iterable[int]) -> dict[int, tuple[float, str]]:
        """Items where every token matches some key; score = length-weighted mean of each token's best match."""
        out: dict[int, tuple[float, str]] = {}
        total = sum(len(t.text) for t in tokens)
        entries = self._entries
        for i in pool:
            e = entries[i]
            score, best_text, best_part = 0.0, "", 0.0
            for t in tokens:
                tt = t.text
                if t.han:
                    if tt not in e.hay_text and t.pinyin not in e.hay_marked:
                        break
                elif t.at_start not in e.hay_suffixes and tt not in e.hay_initials and tt not in e.hay_text:
                    break
                best, text = 0.0, ""
                for k in e.keys:
                    # cheap containment tests first: most keys of a matching item do not match
                    if t.han:
                        if tt not in k.text and t.pinyin not in k.marked:
                            continue
                    elif t.at_start not in k.suffixes and tt not in k.initials and tt not in k.text:
                        continue
                    q = k.quality(tt, t.han, t.pinyin) * k.weight
                    if q > best:
                        best, text = q, k.text
                if best == 0.0:
                    break
                part = best * len(t.text) / total
                score += part
                if part > best_part:
                    best_part, best_text = part, text
            else:
                out[i] = (score + e.boost, best_text)
        return out

    def _fuzzy(self, query: str) -> dict[int, tuple[float, str]]:
        """Han queries with extra words ("我想办理结婚登记"): Dice overlap of pinyin bigrams with item names."""
        han = "".join(_HAN.findall(query))
        grams = _bigrams(syllables(han))
        if not grams:
            return {}
        shared: dict[tuple[int, int], int] = defaultdict(int)
        for g in grams:
            for ref in self._bigram_postings.get(g, ()):
                shared[ref] += 1
        out: dict[int, tuple[float, str]] = {}
        for (i, j), n in shared.items():
            dice = 2 * n / (len(grams) + self._bigram_counts[(i, j)])
            if dice >= FUZZY_MIN_DICE:
                score = FUZZY_FACTOR * dice * self._entries[i].keys[j].weight + self._entries[i].boost
                if score > out.get(i, (0.0, ""))[0]:
                    out[i] = (score, self._entries[i].keys[j].text)
        return out

    def matching(self, query: str, pool: Iterable[int] | None = None) -> dict[int, tuple[float, str]]:
        """Strict matches of one normalized query (no misspelling correction), optionally within a pool."""
        tokens = _tokens(query)
        if not tokens:
            return {}
        if len(tokens) == 1 and len(tokens[0].text) == 1:
            return dict(self._single.get(tokens[0].text, {}))
        return self._strict(tokens, range(len(self._entries)) if pool is None else pool)

    def rank(self, found: dict[int, tuple[float, str]], limit: int) -> list[Hit]:
        order = sorted(found.items(), key=lambda kv: (-kv[1][0], self._entries[kv[0]].code))
        return [Hit(self._entries[i].code, round(s, 4), text) for i, (s, text) in order[:limit]]

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        """Best matches first; an empty list means "no result" (the screen then offers themes and staff help)."""
        return SearchSession(self).update(query, limit)


class SearchSession:
    """One search box: each keystroke that extends the previous query only re-checks the previous matches."""

    def __init__(self, index: SearchIndex):
        self._index = index
        self._last_query = ""
        self._last_pool: list[int] | None = None

    def update(self, query: str, limit: int = 20) -> list[Hit]:
        index = self._index
        variants = index.variants(query)
        typed = variants[0]
        if not _tokens(typed):
            self._last_query, self._last_pool = "", None
            return []
        # matching is substring based, so a longer query can only match a subset of what the shorter one did;
        # a one-character query has its own narrower rules, so the second keystroke looks at everything again
        narrowing = self._last_pool is not None and typed.startswith(self._last_query)
        found = index.matching(typed, self._last_pool if narrowing else None)
        one_char = len(_tokens(typed)) == 1 and len(_tokens(typed)[0].text) == 1
        self._last_query, self._last_pool = typed, None if one_char else sorted(found)
        for v in variants[1:]:
            for i, hit in index.matching(v).items():
                if hit[0] > found.get(i, (0.0, ""))[0]:
                    found[i] = hit
        if len(found) < limit:
            for v in variants:
                for i, hit in index._fuzzy(v).items():
                    if i not in found:
                        found[i] = hit
        return index.rank(found, limit)

    def reset(self) -> None:
        self._last_query, self._last_pool = "", None
