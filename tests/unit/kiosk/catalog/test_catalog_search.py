"""Search index on small hand-made data: each matching rule, ranking, and per-keystroke narrowing."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.catalog.search import Searchable, SearchIndex, SearchSession
from kiosk.catalog.textkeys import normalize, syllables

ITEMS = [
    Searchable("A-1", "居民身份证换领", aliases=["身份证到期"], groups=["证件办理"]),
    Searchable("A-2", "住房公积金提取", aliases=["公积金取出来"], misspellings=["公基金提取"], groups=["住房公积金"]),
    Searchable("A-3", "户籍证明开具", groups=["户籍"]),
    Searchable("A-4", "结婚登记", short_name="领证", groups=["婚育收养"]),
    Searchable("A-5", "驾驶证期满换证", aliases=["C1换证"], department="交通管理"),
    Searchable("A-6", "内地居民离婚登记", groups=["婚育收养"]),
]


@pytest.fixture(scope="module")
def index():
    return SearchIndex(ITEMS, misspellings={"驾照": "驾驶证", "户口本": "户口簿"})


def codes(index, q, limit=10):
    return [h.code for h in index.search(q, limit)]


def test_normalize_and_syllables():
    assert normalize("ＳＦＺ ") == "sfz"
    assert syllables("住房公积金") == ["zhu", "fang", "gong", "ji", "jin"]
    assert syllables("C1换证") == ["c1", "huan", "zheng"]


@pytest.mark.parametrize("query,first", [
    ("身份证", "A-1"),  # Chinese substring
    ("shenfenzheng", "A-1"),  # full pinyin
    ("shenfen", "A-1"),  # pinyin prefix while typing
    ("sfz", "A-1"),  # initials
    ("gjj tq", "A-2"),  # initials, two words
    ("gjj提取", "A-2"),  # mixed scripts without a space
    ("gongjijin", "A-2"),
    ("公基金", "A-2"),  # listed misspelling (and a homophone)
    ("户藉证明", "A-3"),  # homophone typo 藉/籍
    ("领证", "A-4"),  # short name
    ("驾照", "A-5"),  # corrected by the catalog-wide misspelling table
    ("c1", "A-5"),  # latin in the text itself
    ("ＧＪＪ", "A-2"),  # full-width letters from some keyboards
    ("我要办结婚登记", "A-4"),  # extra words: bigram fallback
])
def test_rules(index, query, first):
    assert codes(index, query)[0] == first


def test_filler_words_are_dropped_in_a_variant(index):
    assert index.variants("请问公积金怎么提取") == ["请问公积金怎么提取", " 公积金 提取"]
    assert codes(index, "请问公积金怎么提取")[0] == "A-2"
    assert index.variants("的了吗") == ["的了吗"]  # nothing left: no empty variant


def test_bigram_coverage_across_names_and_aliases():
    items = [Searchable("E-1", "义务教育入学登记", aliases=["孩子上学报名"]), Searchable("E-2", "孩子医保缴费")]
    assert codes(SearchIndex(items), "孩子入学") == ["E-1"]  # 孩子 and 入学 from two different texts


def test_exact_name_beats_containing_name(index):
    assert codes(index, "结婚登记")[0] == "A-4"
    assert codes(index, "登记") == ["A-4", "A-6"]  # the shorter name covers more of itself


def test_group_names_find_items_but_rank_below_names(index):
    hits = index.search("婚育收养")
    assert {h.code for h in hits} == {"A-4", "A-6"} and all(h.score < 0.9 for h in hits)


def test_no_result_and_empty(index):
    assert codes(index, "zzqx") == [] and codes(index, "   ") == [] and codes(index, "？！") == []
    assert codes(index, "火星移民") == []


def test_syllable_boundary_required_for_inner_pinyin(index):
    # "hen" sits inside "shen" but starts no syllable: it must not match 身份证
    assert "A-1" not in codes(index, "henfen")


def test_hit_reports_what_matched(index):
    hit = index.search("公积金取出来")[0]
    assert (hit.code, hit.matched) == ("A-2", "公积金取出来")


def test_boost_orders_ties():
    items = [Searchable("X-1", "补领证件"), Searchable("X-2", "补领证件", boost=0.02)]
    assert codes(SearchIndex(items), "补领") == ["X-2", "X-1"]


def test_session_narrows_and_recovers_on_backspace(index):
    s = SearchSession(index)
    for q in ("g", "gj", "gjj"):
        got = [h.code for h in s.update(q)]
    assert got[0] == "A-2"
    assert [h.code for h in s.update("g")] == codes(index, "g")  # backspace: a wider query searches again
    assert [h.code for h in s.update("身")] == codes(index, "身")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="sfzgjjtqhu 身份证公积金提取户籍驾照登记", min_size=1, max_size=8))
def test_typing_letter_by_letter_equals_a_fresh_search(query):
    index = SearchIndex(ITEMS, misspellings={"驾照": "驾驶证"})
    s = SearchSession(index)
    for n in range(1, len(query) + 1):
        got = s.update(query[:n])
    assert [h.code for h in got] == codes(index, query, 20)
