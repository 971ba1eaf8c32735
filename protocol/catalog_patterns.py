"""Form field patterns from a catalog: a static proof that matching stays cheap, and matching on bounded input."""

from __future__ import annotations

import re

# the parser the `re` engine itself uses, so what we judge is exactly what will run (Python 3.11's layout)
from re import _constants as C
from re import _parser as sre_parse

# a value checked against a pattern is at most this long (patterns are for short codes: 统一社会信用代码 is 18)
INPUT_MAX = 100
# at most this many ways for the backtracking engine to lay the pattern over one input of INPUT_MAX characters
MAX_PATHS = 1_000_000

_SIMPLE = {C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN, C.AT}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT}


class _Unsafe(Exception):
    pass


def _paths(sub) -> int:
    """Upper bound on the choice sequences (branch taken, iterations of each repeat) through `sub`, saturating."""
    total = 1
    for op, av in sub:
        total = min(total * _node(op, av), MAX_PATHS + 1)
    return total


def _node(op, av) -> int:
    if op in _SIMPLE:
        return 1
    if op is C.SUBPATTERN:
        return _paths(av[3])
    if op is C.BRANCH:
        return min(sum(_paths(b) for b in av[1]), MAX_PATHS + 1)
    if op in _REPEATS:
        lo, hi, body = av
        if hi > 1 and body.getwidth()[0] == 0:
            raise _Unsafe("a repeated part can match nothing (like (a*)*)")
        # every iteration eats at least one character, so no more than INPUT_MAX of them can ever succeed
        hi = min(hi, INPUT_MAX)
        lo = min(lo, hi)
        ways = _paths(body)
        if ways == 1:
            return hi - lo + 1
        # a choice inside a repeat multiplies per iteration: (a+)+ or (a|ab)* blow up here
        return min(sum(min(ways ** n, MAX_PATHS + 1) for n in range(lo, hi + 1)), MAX_PATHS + 1)
    name = str(op).lower().replace("_", " ")
    raise _Unsafe(f"{name} is not allowed in form patterns")


def problem(pattern: str) -> str | None:
    """Why a pattern may not be used (None: it is fine). Static: the pattern is never run here.

    Allowed: literals, classes, anchors, groups, alternation and repeats; refused: back-references,
    lookaround, atomic/possessive and conditional constructs, repeats of something that can be empty,
    and any pattern with more than MAX_PATHS ways to match an input of INPUT_MAX characters. Without
    back-references or lookaround the engine's work on one input is at most (paths x input length), so
    the bound holds for every input, not only the ones we thought of.
    """
    try:
        parsed = sre_parse.parse(pattern)
        re.compile(pattern)
    except (re.error, RecursionError, OverflowError, ValueError) as e:
        return f"not a valid regular expression: {e}"
    try:
        paths = _paths(parsed)
    except _Unsafe as e:
        return str(e)
    except RecursionError:
        return "nested too deeply"
    if paths > MAX_PATHS:
        return (f"could make the matcher try more than {MAX_PATHS} ways on a {INPUT_MAX}-character value "
                "(nested or stacked repeats such as (a+)+ or \\d*\\d*\\d*); simplify it")
    return None


def fullmatch(pattern: str, value: str) -> bool:
    """Whether the whole value matches; a value longer than INPUT_MAX never does (and is never run)."""
    return len(value) <= INPUT_MAX and re.fullmatch(pattern, value) is not None
