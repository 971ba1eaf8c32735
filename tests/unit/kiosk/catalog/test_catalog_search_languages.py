"""Search in the citizen's language: English words from the catalog's `*_en` names, and 繁體 characters."""

from pathlib import Path

import pytest

from kiosk.catalog.catalog import Catalog
from kiosk.catalog.searchwords import TO_TRADITIONAL, extra_keys
from protocol.catalog_loader import load_directory

REPO = Path(__file__).resolve().parents[4]

# (what a citizen types, the item it must find in the top 3)
ENGLISH = [
    ("pension", "YL-001"),
    ("Pension", "YL-001"),
    ("PASSPORT", "ZJ-006"),
    ("household registration certificate", "HJ-006"),
    ("hukou cert", "HJ-006"),
    ("marriage reg", "HY-001"),
    ("divorce", "HY-002"),
    ("residence permit", "ZJ-005"),
    ("id card renewal", "ZJ-002"),
    ("maternity", "HY-006"),
]
# (simplified, the same in 繁體): the traditional query must bring the same best item as the simplified one
TRADITIONAL = [
    ("户籍证明", "戶籍證明"),
    ("户籍", "戶籍"),
    ("护照", "護照"),
    ("身份证换领", "身份證換領"),
    ("结婚登记", "結婚登記"),
    ("离婚", "離婚"),
    ("养老金", "養老金"),
    ("公积金", "公積金"),
    ("残疾证", "殘疾證"),
    ("户口簿", "戶口簿"),
    ("参保证明打印", "參保證明列印"),
    ("护照过期换发", "護照過期換發"),
]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.load(REPO / "assets" / "catalog")


@pytest.mark.parametrize("query,expected", ENGLISH, ids=[q for q, _ in ENGLISH])
def test_found_in_english(catalog, query, expected):
    top = [h.code for h in catalog.search_hits(query, limit=3)]
    assert expected in top, f"{query!r} -> {top}"


@pytest.mark.parametrize("simplified,traditional", TRADITIONAL, ids=[t for _, t in TRADITIONAL])
def test_traditional_finds_what_simplified_finds(catalog, simplified, traditional):
    best = catalog.search_hits(simplified, limit=1)[0].code
    got = catalog.search_hits(traditional, limit=3)
    assert best in [h.code for h in got], f"{traditional!r} -> {got}"
    # matched as written, not as a homophone of a simplified name (those rank below every exact match)
    assert traditional in next(h.matched for h in got if h.code == best)


def test_english_word_inside_a_name_is_found(catalog):
    # "certificate" is the last word of 户籍证明开具's English name
    assert "HJ-006" in [h.code for h in catalog.search_hits("certificate", limit=20)]


def test_simplified_and_pinyin_still_rank_as_before(catalog):
    assert catalog.search_hits("户籍证明", limit=1)[0].code == "HJ-006"
    assert catalog.search_hits("huzhao", limit=1)[0].code == "ZJ-006"


def test_extra_keys_of_one_item():
    keys = extra_keys(["户籍证明开具", "户籍证明"], ["Household registration certificate", "Hukou certificate", ""])
    assert keys == ["戶籍證明開具", "戶籍證明", "Household registration certificate", "Hukou certificate"]
    assert extra_keys(["ABC"], []) == []  # nothing to add when the traditional form is the same


def test_table_covers_every_character_of_the_catalog_opencc_changes():
    """Every catalog character OpenCC writes in 繁體 has a form in our table (a new item with new characters fails
    here); where the two differ our table is the one citizens type (换发 is 換發, not OpenCC's 換髮)."""
    import opencc

    s2tw = opencc.OpenCC("s2tw")
    loaded = load_directory(REPO / "assets" / "catalog")
    texts = [g.name for g in [*loaded.header.theme, *loaded.header.life_event, *loaded.header.department]]
    for item in loaded.items:
        texts += [item.name, item.short_name, *item.aliases, *item.misspellings]
    missing = {s: t for text in texts for s, t in zip(text, s2tw.convert(text)) if s != t and s not in TO_TRADITIONAL}
    assert not missing, f"add to kiosk/catalog/searchwords.py: {missing}"
