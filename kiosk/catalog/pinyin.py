"""Pinyin of Han text from a compact table built once from pypinyin's dictionaries (2 MB in memory, not 56)."""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import subprocess
import sys
import threading
from array import array
from importlib import metadata
from pathlib import Path

log = logging.getLogger(__name__)

FORMAT = 1
# the code points kiosk.catalog.textkeys.HAN calls Han; the table has one entry for each
RANGES = ((0x3400, 0xA000), (0xF900, 0xFB00))


def table_path() -> Path:
    """Where this environment keeps the table: beside its packages, named for the pypinyin and the builder it
    came from (a changed builder or a new pypinyin means a new table, never a stale one)."""
    builder = hashlib.sha256((Path(__file__).parent / "pinyin_build.py").read_bytes()).hexdigest()[:10]
    name = f"pinyin-{metadata.version('pypinyin')}-{FORMAT}-{builder}.marshal"
    return Path(sys.prefix) / "share" / "kiosk" / name


def _slot(ch: str) -> int:
    cp, base = ord(ch), 0
    for lo, hi in RANGES:
        if lo <= cp < hi:
            return base + cp - lo
        base += hi - lo
    return -1


class PinyinTable:
    """What `pypinyin.lazy_pinyin(run, errors="ignore")` gives for a run of Han characters, the same way:
    forward maximum matching over its phrase dictionary (a phrase's own readings, so 银行 is yin hang), each
    other character its most common reading. Phrases are one sorted string searched by bisection."""

    def __init__(self, state: dict) -> None:
        if not isinstance(state, dict):
            raise ValueError("not a pinyin table")
        if state.get("format") != FORMAT:
            raise ValueError(f"pinyin table format {state.get('format')!r}, expected {FORMAT}")
        self._readings: list[str] = state["readings"]  # distinct readings; index 0 is "" (none)
        self._chars = array("H", state["chars"])  # per slot: reading index
        self._han = state["han"]  # per slot: 1 where pypinyin counts the character as Han (it splits runs there)
        self._keys: str = state["keys"]  # the phrases, sorted, each followed by "\n"
        self._starts = array("I", state["starts"])  # where each phrase starts in _keys, plus the end
        self._values = array("H", state["values"])  # reading index per character of _keys (0 under the "\n")
        self._first = array("I", state["first"])  # per slot: the first phrase starting at or after that character
        slots = sum(hi - lo for lo, hi in RANGES)
        if (len(self._chars) != slots or len(self._han) != slots or len(self._values) != len(self._keys)
                or len(self._first) != slots + 1):
            raise ValueError("pinyin table is inconsistent")

    @classmethod
    def load(cls, path: Path) -> PinyinTable:
        return cls(marshal.loads(path.read_bytes()))

    def _key(self, i: int) -> str:
        return self._keys[self._starts[i]:self._starts[i + 1] - 1]

    def _find(self, word: str) -> tuple[bool, int]:
        """(whether some phrase starts with `word`, the phrase's number when `word` is one, else -1)."""
        slot = _slot(word[0])
        if slot < 0:
            return False, -1
        lo, end = self._first[slot], self._first[slot + 1]  # only phrases with this first character
        hi = end
        while lo < hi:
            mid = (lo + hi) // 2
            if self._key(mid) < word:
                lo = mid + 1
            else:
                hi = mid
        if lo == end:
            return False, -1
        key = self._key(lo)
        return key.startswith(word), (lo if key == word else -1)

    def _words(self, run: str):
        """pypinyin's strict forward maximum matching: the longest phrase at each point, else one character."""
        remain = run
        while remain:
            valid = 0
            for k in range(1, len(remain) + 1):
                prefix, phrase = self._find(remain[:k])
                if not prefix:
                    cut = valid or 1
                    yield remain[:cut]
                    remain = remain[cut:]
                    break
                if phrase >= 0:
                    valid = k
            else:  # all of it starts some phrase
                if not valid:
                    yield from remain
                    return
                yield remain[:valid]
                remain = remain[valid:]

    def _segments(self, text: str):
        """Runs of what pypinyin counts as Han (the rest has no reading and ends a phrase)."""
        start = None
        for i, ch in enumerate(text):
            slot = _slot(ch)
            if slot >= 0 and self._han[slot]:
                if start is None:
                    start = i
            elif start is not None:
                yield text[start:i]
                start = None
        if start is not None:
            yield text[start:]

    def pinyin(self, text: str) -> tuple[str, ...]:
        out: list[str] = []
        readings = self._readings
        for run in self._segments(text):
            for word in self._words(run):
                _, phrase = self._find(word)
                if phrase >= 0:
                    at = self._starts[phrase]
                    out.extend(readings[v] for v in self._values[at:at + len(word)])
                    continue
                for ch in word:
                    reading = readings[self._chars[_slot(ch)]]
                    if reading:
                        out.append(reading)
        return tuple(out)


class _PypinyinFallback:
    """pypinyin itself, in this process: only when no table can be had (costs ~56 MB and 0.3 s)."""

    def pinyin(self, text: str) -> tuple[str, ...]:
        from pypinyin import Style, lazy_pinyin

        return tuple(lazy_pinyin(text, style=Style.NORMAL, errors="ignore"))


_table: PinyinTable | _PypinyinFallback | None = None
_lock = threading.Lock()


def _build(path: Path) -> None:
    """In a child process, so this one never holds pypinyin's dictionaries."""
    subprocess.run([sys.executable, "-m", "kiosk.catalog.pinyin_build", str(path)], check=True, timeout=300,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=Path(__file__).resolve().parents[2])


def _writable(folder: Path) -> bool:
    """Whether a table could be written into `folder` (made if missing): its nearest existing ancestor is ours."""
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


def load_table(path: Path | None = None) -> PinyinTable | _PypinyinFallback:
    """The table at `path` (default: table_path()), built there first when missing or unreadable.

    A terminal's table is the installer's (root's, beside the packages): where the kiosk cannot write, it does
    not try to build at every start; it says so once and answers through pypinyin until a technician runs
    `python -m kiosk.catalog.pinyin_build` as root."""
    path = path or table_path()
    try:
        return PinyinTable.load(path)
    except FileNotFoundError:
        pass
    except (OSError, ValueError, EOFError, TypeError, KeyError) as e:
        log.warning("pinyin table %s unreadable (%s): building it again", path, type(e).__name__)
    if not _writable(path.parent):
        log.warning("pinyin table %s is missing and this user cannot write there (run `python -m "
                    "kiosk.catalog.pinyin_build` as its owner): pypinyin is loaded instead", path)
        return _PypinyinFallback()
    try:
        _build(path)
        return PinyinTable.load(path)
    except (OSError, ValueError, EOFError, TypeError, KeyError, subprocess.SubprocessError) as e:
        detail = e.stderr.decode(errors="replace").strip().splitlines()[-1:] if isinstance(
            e, subprocess.CalledProcessError) and e.stderr else []
        log.warning("pinyin table could not be built at %s (%s%s): pypinyin is loaded instead", path,
                    type(e).__name__, f": {detail[0]}" if detail else "")
        return _PypinyinFallback()


def han_pinyin(text: str) -> tuple[str, ...]:
    """Pinyin (no tones, ü as v) of each Han character of `text` that has one; the table loads on first use."""
    global _table
    table = _table
    if table is None:
        with _lock:
            if _table is None:
                _table = load_table()
            table = _table
    return table.pinyin(text)
