"""A one-word query read off the sorted name starts answers exactly like scanning and scoring the catalog."""

from pathlib import Path

import pytest

from kiosk.catalog.cache import CatalogCache
from kiosk.catalog.catalog import Catalog
from kiosk.catalog.generate import generate
from kiosk.catalog.search import SearchIndex
from kiosk.catalog.textkeys import tokens

WORDS = ["shenfenzheng", "sfz", "hukou", "hkqy", "gongjijin", "gjj", "tuixiu", "yidijiuyi", "ydjy", "dibao", "shebaoka",
         "huzhao", "yingyezhizhao", "jiashizheng", "canjiren", "zhongxin", "chongxin", "social", "county", "c1",
         "身份证补领", "户口迁移", "公积金提取", "残疾人证", "社会保障卡", "营业执照变更", "驾驶证换领", "结婚登记",
         "异地就医", "不动产登记", "居民身份证", "退役军人优待证", "孩子", "灵活就业"]


def _prefixes() -> list[str]:
    out = {w[:n] for w in WORDS for n in range(2, len(w) + 1)}
    out |= {a + b for a in "abcdefghijklmnopqrstuvwxyz" for b in "aeghinousz"}  # every broad pair of letters
    return sorted(out)


def _scanned(index: SearchIndex, query: str, limit: int):
    """The answer of the general path: every matching item found by column scans, scored within bounds."""
    found, _ = index._strict(tokens(query), limit, {})
    return index.rank(found, limit)


def _started(index: SearchIndex, query: str, limit: int):
    answer = index._started(tokens(query)[0], limit)
    return None if answer is None else index.rank(answer[0], limit)


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    return Catalog.load(generate(tmp_path_factory.mktemp("county") / "c", 5000, seed=1))


@pytest.mark.parametrize("limit", [1, 20, 60])
def test_starts_answer_like_the_scan_for_every_prefix(county, limit):
    index = county.built.index
    answered = 0
    for query in _prefixes():
        started = _started(index, query, limit)
        if started is not None:
            answered += 1
            assert started == _scanned(index, query, limit), query
    assert answered > 50  # the fast path does answer many broad words


def test_starts_from_the_cache_answer_like_a_fresh_index(county, tmp_path):
    catalog_dir = generate(tmp_path / "c", 800, seed=3)
    built = Catalog.load(catalog_dir).built.index
    CatalogCache(tmp_path / "cache").load(catalog_dir)
    cached = CatalogCache(tmp_path / "cache").load(catalog_dir).built.index
    for query in _prefixes():
        assert _started(cached, query, 20) == _started(built, query, 20), query
        assert cached.search(query) == built.search(query), query


def test_shipped_catalog_with_most_used_answers_like_the_scan():
    # the most-used boost moves items past others of the same match: the floor must allow for it
    shipped = Path(__file__).resolve().parents[4] / "assets" / "catalog"
    codes = [h.code for h in Catalog.load(shipped).search_hits("证", 75)]
    index = Catalog.load(shipped, most_used=codes[::3]).built.index
    answered = 0
    for query in _prefixes():
        for limit in (1, 3, 8):
            started = _started(index, query, limit)
            if started is not None:
                answered += 1
                assert started == _scanned(index, query, limit), (query, limit)
    assert answered > 20
