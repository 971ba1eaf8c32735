"""Search-as-you-type over the catalog: Chinese text, full pinyin, pinyin initials, aliases and misspellings."""

from __future__ import annotations

import heapq
import marshal
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from kiosk.catalog.starts import INNER_BOUND_HAN, INNER_BOUND_LATIN, StartTable
from kiosk.catalog.textkeys import HAN, Key, KeyColumns, Token, normalize, syllables, tokens

# how much a match in each kind of text counts; names beat aliases beat the theme a word happens to be in
# (summaries are not indexed: they made every short query match half the catalog and found nothing aliases miss)
W_NAME, W_SHORT, W_ALIAS, W_MISSPELLING, W_GROUP, W_DEPARTMENT = 1.0, 0.97, 0.93, 0.85, 0.45, 0.35
# fuzzy (bigram) matches only fill up the list after the exact ones, so they weigh less
FUZZY_FACTOR = 0.6
FUZZY_MIN_DICE = 0.34
# upper bounds of one word's weighted match, by where it matched (see Key.quality, bonus at most 0.1): at the
# start of a name or alias, inside one (Han substring 0.8, pinyin from a syllable start 0.75), only in a theme
# or department name
BOUND_START, BOUND_HAN_INNER, BOUND_PINYIN_INNER, BOUND_OTHER = 1.1 * W_NAME, 0.9 * W_NAME, 0.85 * W_NAME, 1.1 * W_GROUP
SESSION_CACHE = 64  # words remembered by one search box
# words around the name of a service in what people type ("公积金怎么取", "申请低保"); a variant of the query
# without them is searched too. Longest first, so "怎么办理" goes before "怎么".
FILLER_WORDS = sorted(["怎么办理", "怎么办", "怎么", "如何", "办理", "申请", "我要", "我想", "想要", "需要", "哪里",
                       "在哪", "什么", "请问", "一下", "可以", "的", "了", "吗", "呢"], key=len, reverse=True)
# bigram fallback: share of the query's pinyin bigrams an item's names and aliases must hold together
FUZZY_MIN_COVER = 0.5


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
    boost: float = 0.0  # most-used items win ties


class _Entry:
    """One item in the index; from the on-disk cache its keys stay packed until a query first scores the item."""

    __slots__ = ("code", "boost", "_keys", "_packed")

    def __init__(self, code: str, keys: tuple[Key, ...] | None, boost: float, packed: bytes = b""):
        self.code, self.boost, self._keys, self._packed = code, boost, keys, packed

    @property
    def keys(self) -> tuple[Key, ...]:
        if self._keys is None:
            self._keys = tuple(Key.unpacked(k) for k in marshal.loads(self._packed))
        return self._keys


class _Packed(Mapping):
    """A dict whose values stay marshalled until asked for (most words are never typed in one process)."""

    def __init__(self, packed: dict):
        self._packed = packed
        self._open: dict = {}

    def __getitem__(self, key):
        try:
            return self._open[key]
        except KeyError:
            value = self._open[key] = marshal.loads(self._packed[key])
            return value

    def __iter__(self):
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)


def _pack(d: Mapping) -> dict:
    return {k: marshal.dumps(v) for k, v in d.items()}


@dataclass(frozen=True)
class _Found:
    """Where one query word could match: items by kind of key, and items with a name starting with it."""

    named: set[int]
    other: set[int]
    start: set[int]


def _bigrams(syl: list[str]) -> set[tuple[str, str]]:
    return {(a, b) for a, b in zip(syl, syl[1:])}


class SearchIndex:
    """Precomputed search structures for a list of items; `search` is cheap enough to run on every keystroke."""

    def __init__(self, items: Iterable[Searchable], misspellings: dict[str, str] | None = None):
        self._entries: list[_Entry] = []
        named_keys: list[list[Key]] = []
        other_keys: list[list[Key]] = []
        # syllable bigram -> [(entry index, key index)] over names, short names, aliases and misspellings
        self._bigram_postings: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        self._bigram_counts: list[list[int]] = []  # entry index -> key index -> its number of bigrams
        self._bigram_items: dict[tuple[str, str], set[int]] = defaultdict(set)  # same, per item
        # first keystroke: one character matches names, short names, aliases and misspellings only (anything
        # more is noise at that point and would list half the catalog)
        single: dict[str, dict[int, tuple[float, str]]] = defaultdict(dict)
        self._corrections = sorted(((normalize(k), normalize(v)) for k, v in (misspellings or {}).items()),
                                   key=lambda kv: -len(kv[0]))
        for i, it in enumerate(items):
            named = [Key.build(it.name, W_NAME)]
            named += [Key.build(t, W_SHORT) for t in [it.short_name] if t]
            named += [Key.build(t, W_ALIAS) for t in it.aliases]
            named += [Key.build(t, W_MISSPELLING) for t in it.misspellings]
            others = [Key.build(t, W_GROUP) for t in it.groups]
            others += [Key.build(t, W_DEPARTMENT) for t in [it.department] if t]
            self._entries.append(_Entry(it.code, tuple(named + others), it.boost))
            named_keys.append(named)
            self._bigram_counts.append([])
            other_keys.append(others)
            for j, key in enumerate(named):
                for ch in set(key.text) | ({key.full[0]} if key.full else set()):
                    if ch.isspace():
                        continue
                    q = key.quality(ch, bool(HAN.match(ch)), "") * key.weight + it.boost
                    if q > single[ch].get(i, (0.0, ""))[0]:
                        single[ch][i] = (q, key.text)
                grams = _bigrams(syllables(key.text))
                self._bigram_counts[i].append(len(grams))
                for g in grams:
                    self._bigram_postings[g].append((i, j))
                    self._bigram_items[g].add(i)
        self._single = dict(single)
        self._named = KeyColumns(named_keys)
        self._others = KeyColumns(other_keys)
        self._starts = StartTable.build(named_keys)
        self._max_boost = max((e.boost for e in self._entries), default=0.0)

    def __len__(self) -> int:
        return len(self._entries)

    def state(self) -> tuple:
        """Everything built above as str, int, float, bytes and containers of them (marshal can store it); the
        parts a query reads a little of are packed per entry, word or bigram."""
        return ([(e.code, marshal.dumps([k.packed() for k in e.keys]), e.boost) for e in self._entries],
                _pack(self._bigram_postings), self._bigram_counts, _pack(self._bigram_items), _pack(self._single),
                self._corrections, self._named.state(), self._others.state(),
                self._starts.state(), self._max_boost)

    @classmethod
    def from_state(cls, state: tuple) -> SearchIndex:
        """The index `state()` described, without building anything again (the on-disk cache's fast path)."""
        index = cls.__new__(cls)
        (entries, postings, index._bigram_counts, items, single, index._corrections, named, others, starts,
         index._max_boost) = state
        index._entries = [_Entry(code, None, boost, packed) for code, packed, boost in entries]
        index._bigram_postings, index._bigram_items, index._single = _Packed(postings), _Packed(items), _Packed(single)
        index._named, index._others = KeyColumns.from_state(named), KeyColumns.from_state(others)
        index._starts = StartTable(starts)
        return index

    def variants(self, query: str) -> list[str]:
        """The query as typed, with known misspellings corrected, and without filler words (when they differ)."""
        q = normalize(query)
        fixed = q
        for wrong, right in self._corrections:
            if wrong in fixed:
                fixed = fixed.replace(wrong, right)
        bare = fixed
        for word in FILLER_WORDS:
            bare = bare.replace(word, " ")
        out = [q]
        for v in (fixed, bare):
            if v not in out and tokens(v):
                out.append(v)
        return out

    def _where(self, t: Token, memo: dict[str, _Found]) -> _Found:
        """Where the token matches; when a shorter word it starts with was looked up (the previous keystroke),
        only that word's items are read again."""
        prior = max((w for w in memo if len(w) < len(t.text) and t.text.startswith(w)), key=len, default=None)
        if prior is None:
            return _Found(self._named.items_matching(t), self._others.items_matching(t),
                          self._starts.items_starting(t.text))
        was = memo[prior]
        return _Found(self._named.items_matching(t, was.named), self._others.items_matching(t, was.other),
                      self._starts.items_starting(t.text, was.start))

    def _strict(self, toks: list[Token], limit: int, memo: dict[str, _Found]) -> tuple[dict[int, tuple[float, str]], int]:
        """Items where every word matches some key, scored as the length-weighted mean of each word's best match.

        Returns the best `limit` (at least) scored, and how many items matched in all. Candidates are scored in
        order of an upper bound, and scoring stops when no remaining one can enter the top `limit`: broad
        prefixes like "sh" match thousands of items of a big catalog.
        """
        # the words cheapest to find first (remembered, a prefix remembered, Han: short columns); the first not
        # remembered is looked up in the whole catalog, the rest only among the items all words so far match
        # (those answers are partial, so not remembered)
        def cost(t: Token) -> int:
            if t.text in memo:
                return 0
            return 1 if any(t.text.startswith(w) for w in memo) else 2 if t.han else 3
        found: list[_Found | None] = [None] * len(toks)
        matched: set[int] | None = None
        for n in sorted(range(len(toks)), key=lambda n: cost(toks[n])):
            t = toks[n]
            f = memo.get(t.text)
            if f is None and matched is None:
                f = memo[t.text] = self._where(t, memo)
            elif f is None:
                f = _Found(self._named.items_within(t, matched), self._others.items_within(t, matched),
                           self._starts.items_starting(t.text, matched))
            found[n] = f
            matched = (f.named | f.other) if matched is None else matched & (f.named | f.other)
        total = sum(len(t.text) for t in toks)
        shares = [len(t.text) / total for t in toks]
        inner = [BOUND_HAN_INNER if t.han else BOUND_PINYIN_INNER for t in toks]
        candidates = []
        for i in matched:
            bound = self._entries[i].boost
            for f, share, b_inner in zip(found, shares, inner):
                bound += share * (BOUND_START if i in f.start else b_inner if i in f.named else BOUND_OTHER)
            candidates.append((bound, i))
        candidates.sort(key=lambda c: (-c[0], c[1]))
        out: dict[int, tuple[float, str]] = {}
        top: list[float] = []  # min-heap of the best `limit` scores so far
        for bound, i in candidates:
            if len(top) >= limit and bound < top[0] - 1e-9:
                break
            scored = self._score(self._entries[i], toks, shares)
            if scored is None:
                continue
            out[i] = scored
            if len(top) < limit:
                heapq.heappush(top, scored[0])
            elif scored[0] > top[0]:
                heapq.heapreplace(top, scored[0])
        return out, len(candidates)

    @staticmethod
    def _score(e: _Entry, toks: list[Token], shares: list[float]) -> tuple[float, str] | None:
        score, best_text, best_part = e.boost, "", 0.0
        for t, share in zip(toks, shares):
            best, text = 0.0, ""
            for k in e.keys:
                if not k.could_match(t):  # most keys of a matching item do not match this word
                    continue
                q = k.quality(t.text, t.han, t.pinyin) * k.weight
                if q > best:
                    best, text = q, k.text
            if best == 0.0:
                return None
            score += best * share
            if best * share > best_part:
                best_part, best_text = best * share, text
        return score, best_text

    def _fuzzy(self, query: str) -> dict[int, tuple[float, str]]:
        """Han queries that are no substring of any name, scored by pinyin bigrams shared with the names.

        Dice overlap with one name or alias ("我想办理结婚登记" holds 结婚登记), or coverage of the query by all
        names and aliases of an item together ("孩子入学": 孩子 from 孩子上学报名, 入学 from 入学登记).
        """
        grams = _bigrams(syllables("".join(HAN.findall(query))))
        if not grams:
            return {}
        shared: dict[tuple[int, int], int] = defaultdict(int)
        for g in grams:
            for ref in self._bigram_postings.get(g, ()):
                shared[ref] += 1
        out: dict[int, tuple[float, str]] = {}
        for (i, j), n in shared.items():
            dice = 2 * n / (len(grams) + self._bigram_counts[i][j])
            if dice >= FUZZY_MIN_DICE:
                score = FUZZY_FACTOR * dice * self._entries[i].keys[j].weight + self._entries[i].boost
                if score > out.get(i, (0.0, ""))[0]:
                    out[i] = (score, self._entries[i].keys[j].text)
        covered: dict[int, int] = defaultdict(int)
        for g in grams:
            for i in self._bigram_items.get(g, ()):
                covered[i] += 1
        for i, n in covered.items():
            cover = n / len(grams)
            if n >= 2 and cover >= FUZZY_MIN_COVER:
                score = FUZZY_FACTOR * cover * W_ALIAS + self._entries[i].boost
                if score > out.get(i, (0.0, ""))[0]:
                    out[i] = (score, self._entries[i].keys[0].text)
        return out

    def matching(self, query: str, limit: int, memo: dict[str, _Found] | None = None
                 ) -> tuple[dict[int, tuple[float, str]], int]:
        """Scored strict matches of one normalized query (no misspelling correction), and how many matched."""
        toks = tokens(query)
        if not toks:
            return {}, 0
        if len(toks) == 1 and len(toks[0].text) == 1:
            hits = dict(self._single.get(toks[0].text, {}))
            return hits, len(hits)
        if len(toks) == 1:
            started = self._started(toks[0], limit)
            if started is not None:
                return started
        return self._strict(toks, limit, {} if memo is None else memo)

    def _started(self, t: Token, limit: int) -> tuple[dict[int, tuple[float, str]], int] | None:
        """The best `limit` items for one word, when at least that many have a name or alias the word starts
        scoring above anything a word inside a text can score: read off the sorted starts, no scan, few items
        scored. None when the word starts too few (then _strict decides)."""
        floor = (INNER_BOUND_HAN if t.han else INNER_BOUND_LATIN) + self._max_boost + 1e-9
        entries = self._entries
        sure = []
        for i, (q, j) in self._starts.best_starts(t.text, t.han).items():
            score = entries[i].boost + q  # as _score adds it up for one word (its share is 1.0)
            if score > floor:
                sure.append((score, i, j))
        if len(sure) < limit:
            return None
        top = heapq.nsmallest(limit, sure, key=lambda s: (-s[0], entries[s[1]].code))
        return {i: (score, entries[i].keys[j].text) for score, i, j in top}, len(sure)

    def rank(self, found: dict[int, tuple[float, str]], limit: int) -> list[Hit]:
        order = sorted(found.items(), key=lambda kv: (-kv[1][0], self._entries[kv[0]].code))
        return [Hit(self._entries[i].code, round(s, 4), text) for i, (s, text) in order[:limit]]

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        """Best matches first; an empty list means "no result" (the screen then offers themes and staff help)."""
        return SearchSession(self).update(query, limit)


class SearchSession:
    """One search box: the words already typed are not looked up again on the next keystroke."""

    def __init__(self, index: SearchIndex):
        self._index = index
        self._memo: dict[str, _Found] = {}

    def update(self, query: str, limit: int = 20) -> list[Hit]:
        index = self._index
        if len(self._memo) > SESSION_CACHE:
            self._memo.clear()
        found: dict[int, tuple[float, str]] = {}
        matched = 0
        variants = index.variants(query)
        for v in variants:
            more, n = index.matching(v, limit, self._memo)
            matched += n
            for i, hit in more.items():
                if hit[0] > found.get(i, (0.0, ""))[0]:
                    found[i] = hit
        if matched < limit:
            for v in variants:
                for i, hit in index._fuzzy(v).items():
                    if i not in found:
                        found[i] = hit
        return index.rank(found, limit)

    def reset(self) -> None:
        self._memo.clear()
