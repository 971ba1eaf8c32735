"""Names and aliases sorted by their forms: the keys a one-word query starts, found by bisection, not by a scan."""

from __future__ import annotations

import marshal
from bisect import bisect_left
from collections import defaultdict
from typing import Mapping, Sequence

from kiosk.catalog.textkeys import Key

# A key a word only occurs inside (or only sounds like) scores at most this much before its weight (Key.quality:
# inside a Han text 0.8 + bonus, from a later syllable 0.75 + bonus, the bonus below 0.1); a key the word starts
# (or is) scores more. So when enough items have a key the word starts, these are the best ones.
INNER_BOUND_HAN, INNER_BOUND_LATIN = 0.9, 0.85

_FORMS = ("text", "full", "initials")


class StartTable:
    """For each form (text, full pinyin, initials) of every name-like key: the forms sorted, each with its
    (item, key index, weight, length of the full pinyin). Split by first character, each part packed until read."""

    def __init__(self, parts: Mapping[str, bytes | tuple]):
        self._parts = parts  # "<form>:<first character>" -> (sorted forms, refs), marshalled when from the cache
        self._open: dict[str, tuple] = {}

    @classmethod
    def build(cls, named_keys: Sequence[Sequence[Key]]) -> StartTable:
        rows: dict[str, list] = defaultdict(list)
        for i, keys in enumerate(named_keys):
            for j, k in enumerate(keys):
                for form in _FORMS:
                    value = getattr(k, form)
                    if value:
                        rows[f"{form}:{value[0]}"].append((value, i, j, k.weight, len(k.full)))
        parts = {}
        for name, rs in rows.items():
            rs.sort()
            parts[name] = ([r[0] for r in rs], [r[1:] for r in rs])
        return cls(parts)

    def state(self) -> dict[str, bytes]:
        return {name: part if isinstance(part, bytes) else marshal.dumps(part) for name, part in self._parts.items()}

    def _part(self, name: str) -> tuple:
        part = self._open.get(name)
        if part is None:
            raw = self._parts.get(name)
            part = ([], []) if raw is None else marshal.loads(raw) if isinstance(raw, bytes) else raw
            self._open[name] = part
        return part

    def _range(self, form: str, word: str) -> tuple[list, list]:
        """The forms starting with `word` and their refs."""
        values, refs = self._part(f"{form}:{word[0]}")
        lo = bisect_left(values, word)
        hi = bisect_left(values, word + "\U0010ffff", lo)  # no indexed text holds that code point
        return values[lo:hi], refs[lo:hi]

    def items_starting(self, word: str, among: set[int] | None = None) -> set[int]:
        """Items with a key whose text, full pinyin or initials starts with `word` (and in `among`, if given)."""
        out = {ref[0] for form in _FORMS for ref in self._range(form, word)[1]}
        return out if among is None else out & among

    def best_starts(self, word: str, han: bool) -> dict[int, tuple[float, int]]:
        """Item -> (its best key quality times weight, that key's index) over the keys `word` starts, for the
        items where that beats what any other key could score (INNER_BOUND_*): exact per Key.quality."""
        n = len(word)
        best: dict[int, tuple[float, int]] = {}
        bound = INNER_BOUND_HAN if han else INNER_BOUND_LATIN
        # (form, quality when equal, quality when the word only starts it); the bonus as in Key.quality
        tiers = [("text", 1.0, 0.9)] if han else [("full", 1.0, 0.9), ("initials", 1.0, 0.88 if n >= 2 else None)]
        for form, equal, start in tiers:
            for value, (i, j, weight, full_len) in zip(*self._range(form, word)):
                if value == word:
                    q = equal
                elif start is None:
                    continue
                else:
                    q = start
                cover = n / max(len(value) if han else full_len, 1)
                q = (q + 0.1 * min(cover, 1.0)) * weight
                if q <= bound:
                    continue
                was = best.get(i)
                # as SearchIndex._score picks: the higher score, on a tie the earlier key
                if was is None or q > was[0] or (q == was[0] and j < was[1]):
                    best[i] = (q, j)
        return best
