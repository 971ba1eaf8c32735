"""`python -m kiosk.catalog.pinyin_build [PATH]`: the pinyin table (kiosk.catalog.pinyin) from pypinyin's data."""

from __future__ import annotations

import marshal
import os
import sys
import tempfile
from array import array
from pathlib import Path

from kiosk.catalog.pinyin import FORMAT, RANGES, table_path


def build_state() -> dict:
    """Every reading as pypinyin's lazy_pinyin gives it (NORMAL style, errors ignored), char by char and phrase
    by phrase: the table only looks them up, so it cannot drift from pypinyin's own conversion."""
    from pypinyin import Style, lazy_pinyin
    from pypinyin.constants import PHRASES_DICT, RE_HANS

    readings = [""]
    number = {"": 0}

    def index(reading: str) -> int:
        if reading not in number:
            number[reading] = len(readings)
            readings.append(reading)
        return number[reading]

    chars, han = array("H"), bytearray()
    for lo, hi in RANGES:
        for cp in range(lo, hi):
            got = lazy_pinyin(chr(cp), style=Style.NORMAL, errors="ignore")
            if len(got) > 1:
                raise ValueError(f"U+{cp:04X} has {len(got)} readings")
            chars.append(index(got[0]) if got else 0)
            han.append(1 if RE_HANS.match(chr(cp)) else 0)
    keys, starts, values = [], array("I"), array("H")
    at = 0
    ordered = sorted(PHRASES_DICT)
    for phrase in ordered:
        got = lazy_pinyin(phrase, style=Style.NORMAL, errors="ignore")
        if len(got) != len(phrase) or "\n" in phrase:
            raise ValueError(f"phrase of {len(phrase)} characters has {len(got)} readings")
        keys.append(phrase + "\n")
        starts.append(at)
        values.extend(index(r) for r in got)
        values.append(0)
        at += len(phrase) + 1
    starts.append(at)
    # phrases are sorted by code point, so those starting with one character are a contiguous stretch
    first, i = array("I"), 0
    for lo, hi in RANGES:
        for cp in range(lo, hi):
            while i < len(ordered) and ord(ordered[i][0]) < cp:
                i += 1
            first.append(i)
    first.append(len(ordered))
    return {"format": FORMAT, "readings": readings, "chars": chars.tobytes(), "han": bytes(han),
            "keys": "".join(keys), "starts": starts.tobytes(), "values": values.tobytes(), "first": first.tobytes()}


def write(path: Path) -> None:
    """Atomically: a kiosk starting beside the build reads the old table or the new one, never half of one. The
    file is made before the table is built, so a folder that cannot take it fails at once; tables of an older
    pypinyin or builder beside it are removed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(marshal.dumps(build_state()))
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    for old in path.parent.glob("pinyin-*.marshal"):
        if old != path:
            old.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else table_path()
    write(path)
    print(f"pinyin table: {path} ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
