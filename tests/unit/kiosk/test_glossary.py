"""The glossary of plain words: the shipped file loads, covers the terms the catalog uses, and a bad file is refused
with its name and entry (the screen then says so and points to staff)."""

import re
from pathlib import Path

import pytest

from kiosk.glossary import GLOSSARY_FILE, GlossaryError, load, problem
from protocol.bilingual import TRADITIONAL

REPO = Path(__file__).resolve().parents[3]
NEEDED = ["户籍", "社保", "公积金", "不动产", "代办", "受理", "办结", "补正"]


def test_shipped_glossary_explains_the_catalogs_words():
    terms = load()
    names = [t.term.zh for t in terms]
    assert all(n in names for n in NEEDED), set(NEEDED) - set(names)
    for t in terms:
        assert t.term.en and t.plain.en and t.plain.zh.endswith("。")


def test_catalog_really_uses_those_words():
    catalog = "".join(p.read_text(encoding="utf-8") for p in (REPO / "assets" / "catalog").rglob("*.toml"))
    for word in ["户籍", "社保", "公积金", "不动产", "代办"]:
        assert word in catalog


def test_traditional_comes_from_the_chinese():
    term = next(t for t in load() if t.term.zh == "户籍")
    assert term.term.get(TRADITIONAL) == "戶籍"
    assert "戶口本" in term.plain.get(TRADITIONAL)


@pytest.mark.parametrize("body,says", [
    ("", "no [[term]]"),
    ("[[term]]\nterm = \"户籍\"\nterm_en = \"Hukou\"\nplain = \"户口所在地。\"\n", "term 1: plain_en is missing"),
    ("[[term]]\nterm = \"户籍\"\nterm_en = \"H\"\nplain = \"甲。\"\nplain_en = \"a\"\nmore = 1\n", "unknown keys more"),
    ("[[term]\n", "cannot be read"),
    ("[[term]]\nterm = \"户籍\"\nterm_en = \"H\"\nplain = \"甲。\"\nplain_en = \"a\"\n" * 2, "listed twice"),
])
def test_a_bad_file_is_refused_naming_file_and_entry(tmp_path, body, says):
    path = tmp_path / "terms.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(GlossaryError, match=re.escape(says)) as caught:
        load(path)
    assert str(path) in str(caught.value)
    assert "呼叫工作人员" in problem(caught.value).citizen.zh


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(GlossaryError, match="cannot be read"):
        load(tmp_path / "nothing.toml")
    assert GLOSSARY_FILE.is_file()
