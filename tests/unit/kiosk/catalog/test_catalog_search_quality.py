"""Search quality on the shipped catalog: real citizen phrasings must bring the expected item into the top 3."""

from pathlib import Path

import pytest

from kiosk.catalog.catalog import Catalog

REPO = Path(__file__).resolve().parents[4]

# (what a citizen types, the item it must find); typed the way people type on a kiosk: pinyin initials,
# full pinyin without tones, colloquial words, missing or wrong characters, extra words around the key ones
PHRASINGS = [
    ("sfz", "ZJ-003"),
    ("身份证", "ZJ-002"),
    ("shenfenzheng", "ZJ-001"),
    ("身份证丢了", "ZJ-003"),
    ("身分证补办", "ZJ-003"),
    ("身份证过期了", "ZJ-002"),
    ("临时身份证", "ZJ-004"),
    ("gjj 提取", "GJ-001"),
    ("gjj", "GJ-001"),
    ("公积金贷款", "GJ-004"),
    ("公积经", "GJ-005"),
    ("租房提取", "GJ-002"),
    ("gongjijin", "GJ-005"),
    ("结婚登记", "HY-001"),
    ("我想办理结婚登记", "HY-001"),
    ("jhdj", "HY-001"),
    ("领结婚证", "HY-001"),
    ("离婚", "HY-002"),
    ("结婚证丢了", "HY-003"),
    ("准生证", "HY-004"),
    ("孩子上户口", "HJ-001"),
    ("给孩子上户口", "HJ-001"),
    ("新生儿落户", "HJ-001"),
    ("户口本丢了", "HJ-004"),
    ("户口薄", "HJ-004"),
    ("迁户口", "HJ-002"),
    ("销户", "HJ-005"),
    ("户藉证明", "HJ-006"),
    ("退休", "YL-001"),
    ("tuixiu", "YL-001"),
    ("退休提取公积金", "GJ-003"),
    ("高龄补贴", "YL-002"),
    ("老年证", "YL-003"),
    ("社保卡", "SB-001"),
    ("sbk", "SB-001"),
    ("社保卡丢了", "SB-002"),
    ("社保证明", "SB-003"),
    ("打印社保缴费记录", "SB-003"),
    ("失业金", "SB-004"),
    ("社保转移", "SB-006"),
    ("异地就医", "YB-001"),
    ("ydjy", "YB-001"),
    ("住院报销", "YB-002"),
    ("慢性病", "YB-003"),
    ("交医保", "YB-004"),
    ("个税退税", "NS-001"),
    ("代开发票", "NS-002"),
    ("灵活就业交社保", "NS-004"),
    ("无房证明", "BD-001"),
    ("房子过户", "BD-002"),
    ("房产证", "BD-003"),
    ("解押", "BD-004"),
    ("低保", "JZ-001"),
    ("dibao", "JZ-001"),
    ("残疾证", "CJ-001"),
    ("残疾人补贴", "CJ-002"),
    ("开公司", "QY-001"),
    ("营业执照", "QY-001"),
    ("个体户", "QY-002"),
    ("刻章", "QY-003"),
    ("驾照到期", "JT-001"),
    ("驾照丢了", "JT-002"),
    ("护照", "ZJ-006"),
    ("huzhao", "ZJ-006"),
    ("去香港", "ZJ-007"),
    ("小学报名", "JX-001"),
    ("教资", "JX-002"),
    ("创业补贴", "JY-003"),
    ("失业登记", "JY-002"),
    ("居住证", "ZJ-005"),
    ("暂住证", "ZJ-005"),
    ("生育津贴", "HY-006"),
    ("工伤", "SB-007"),
    ("公积金怎么取", "GJ-001"),
    ("孩子入学", "JX-001"),
    ("居住证办理", "ZJ-005"),
    ("申请低保", "JZ-001"),
    ("社保卡补办", "SB-002"),
    ("异地医保", "YB-001"),
    ("怎么办护照", "ZJ-006"),
    ("补办驾驶证", "JT-002"),
    ("身份证快过期", "ZJ-002"),
    ("户口迁移", "HJ-003"),
    ("开个体户", "QY-002"),
]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.load(REPO / "assets" / "catalog")


def test_enough_phrasings():
    assert len(PHRASINGS) >= 40
    assert len({q for q, _ in PHRASINGS}) == len(PHRASINGS)


@pytest.mark.parametrize("query,expected", PHRASINGS, ids=[q for q, _ in PHRASINGS])
def test_expected_item_in_top_3(catalog, query, expected):
    assert expected in catalog, f"{expected} is not in the shipped catalog"
    top = [h.code for h in catalog.search_hits(query, limit=3)]
    assert expected in top, f"{query!r} -> {top}"


@pytest.mark.parametrize("query,expected", PHRASINGS[::5], ids=[q for q, _ in PHRASINGS[::5]])
def test_typing_letter_by_letter_ends_at_the_same_result(catalog, query, expected):
    """The incremental session (narrowing per keystroke) must agree with a fresh search of the full query."""
    session = catalog.search_session()
    for n in range(1, len(query) + 1):
        shown = session.update(query[:n], limit=3)
    assert [s.code for s in shown] == [h.code for h in catalog.search_hits(query, limit=3)]
