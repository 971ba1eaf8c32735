"""The compact pinyin table gives exactly what pypinyin gives, costs a sliver of its memory, and is built,
rebuilt or replaced by pypinyin itself without a search ever failing."""

import random
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pypinyin import Style, lazy_pinyin
from pypinyin.constants import PHRASES_DICT

from kiosk.catalog import pinyin
from kiosk.catalog.pinyin import PinyinTable, load_table
from kiosk.catalog.pinyin_build import write

REPO = Path(__file__).resolve().parents[4]


def _pypinyin(text):
    return tuple(lazy_pinyin(text, style=Style.NORMAL, errors="ignore"))


@pytest.fixture(scope="module")
def table(tmp_path_factory):
    path = tmp_path_factory.mktemp("pinyin") / "table.marshal"
    write(path)
    return PinyinTable.load(path)


def test_every_character_reads_as_pypinyin_reads_it(table):
    for lo, hi in pinyin.RANGES:
        text = "".join(chr(cp) for cp in range(lo, hi))
        for at in range(0, len(text), 97):  # runs of 97: characters one after another, as in text
            assert table.pinyin(text[at:at + 97]) == _pypinyin(text[at:at + 97]), f"U+{lo + at:04X}"
        for ch in text[::7]:
            assert table.pinyin(ch) == _pypinyin(ch), f"U+{ord(ch):04X}"


def test_every_phrase_reads_as_pypinyin_reads_it(table):
    for phrase in PHRASES_DICT:
        assert table.pinyin(phrase) == _pypinyin(phrase), phrase


def test_polyphones_take_the_phrase_reading(table):
    assert table.pinyin("银行") == ("yin", "hang")
    assert table.pinyin("重庆长春") == ("chong", "qing", "chang", "chun")
    assert table.pinyin("户籍") == ("hu", "ji") and table.pinyin("绿") == ("lv",)


def test_random_texts_segment_as_pypinyin_segments_them(table):
    """Phrases run together, cut in the middle, mixed with single characters, rare ones and the Yijing signs
    (inside the kiosk's Han range, outside pypinyin's: they end a phrase and have no reading)."""
    rng = random.Random(20261129)
    phrases = sorted(PHRASES_DICT)
    common = [chr(cp) for cp in range(0x4E00, 0x9FA6)]
    rare = [chr(cp) for cp in list(range(0x3400, 0x4DC0)) + list(range(0xF900, 0xFB00))]
    signs = [chr(cp) for cp in range(0x4DC0, 0x4E00)]
    for _ in range(20_000):
        parts = []
        for _ in range(rng.randint(1, 6)):
            r = rng.random()
            parts.append(rng.choice(phrases) if r < 0.5 else rng.choice(common) if r < 0.85
                         else rng.choice(rare) if r < 0.95 else rng.choice(signs))
        text = "".join(parts)
        text = text[rng.randint(0, len(text) - 1):] if rng.random() < 0.3 else text
        assert table.pinyin(text) == _pypinyin(text), text


def test_text_outside_the_han_range_has_no_reading(table):
    assert table.pinyin("abc 123，。") == ()
    assert table.pinyin("办abc理") == _pypinyin("办abc理") == ("ban", "li")


def test_a_missing_table_is_built_by_a_child_process(tmp_path):
    path = tmp_path / "share" / "pinyin.marshal"
    got = load_table(path)
    assert isinstance(got, PinyinTable) and path.is_file()
    assert got.pinyin("社会保障卡") == _pypinyin("社会保障卡")


def test_a_damaged_table_is_built_again(tmp_path, caplog):
    path = tmp_path / "pinyin.marshal"
    path.write_bytes(b"\x00 not a table")
    got = load_table(path)
    assert isinstance(got, PinyinTable) and got.pinyin("户籍") == ("hu", "ji")
    assert "unreadable" in caplog.text


def test_where_no_table_can_be_written_pypinyin_answers(tmp_path, caplog):
    blocker = tmp_path / "file"
    blocker.write_text("")
    got = load_table(blocker / "sub" / "pinyin.marshal")  # a directory that cannot be made: under a file
    assert not isinstance(got, PinyinTable)
    assert got.pinyin("银行") == ("yin", "hang")
    assert "pypinyin is loaded instead" in caplog.text


def test_a_folder_the_kiosk_cannot_write_is_not_built_into_at_every_start(tmp_path, caplog, monkeypatch):
    """A terminal's table belongs to the installer (root): missing, the kiosk says so and builds nothing."""
    import os

    shared = tmp_path / "share"
    shared.mkdir()
    monkeypatch.setattr(pinyin, "_build", lambda path: (_ for _ in ()).throw(AssertionError("built")))
    monkeypatch.setattr(os, "access", lambda p, mode: Path(p) != shared and os.path.exists(p))
    got = load_table(shared / "kiosk" / "pinyin.marshal")
    assert not isinstance(got, PinyinTable)
    assert "cannot write there" in caplog.text


def test_something_else_in_the_tables_place_is_built_again(tmp_path):
    import marshal

    path = tmp_path / "pinyin.marshal"
    path.write_bytes(marshal.dumps([1, 2, 3]))  # valid marshal, not a table
    assert isinstance(load_table(path), PinyinTable)


def test_a_new_table_removes_the_ones_it_replaces(tmp_path):
    old = tmp_path / "pinyin-0.1-1-aaaaaaaaaa.marshal"
    old.write_bytes(b"old")
    write(tmp_path / "pinyin-0.55.0-1-bbbbbbbbbb.marshal")
    assert [p.name for p in tmp_path.iterdir()] == ["pinyin-0.55.0-1-bbbbbbbbbb.marshal"]


def test_the_kiosk_searching_in_chinese_never_loads_pypinyin(tmp_path):
    """In a fresh process: a catalog indexed from scratch and a Chinese query, with pypinyin's package kept
    out of reach; only the table serves (its size in memory is what the settled RSS was paying 56 MB for)."""
    table = tmp_path / "pinyin.marshal"
    write(table)
    code = textwrap.dedent(f"""
        import sys
        class Refuse:
            def find_spec(self, name, path=None, target=None):
                if name == "pypinyin" or name.startswith("pypinyin."):
                    raise ImportError("pypinyin must not load in the kiosk")
        sys.meta_path.insert(0, Refuse())
        from pathlib import Path
        from kiosk.catalog import pinyin
        pinyin.table_path = lambda: Path({str(table)!r})
        from protocol.catalog_loader import load_directory
        from kiosk.catalog.catalog import Catalog
        cat = Catalog(load_directory(Path("assets/catalog")))
        hits = cat.search("户藉")  # a homophone typo: found through the pinyin
        assert hits, "no result"
        print("ok", len(hits), "pypinyin" in sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() [:1] == ["ok"] and out.stdout.split()[-1] == "False"
