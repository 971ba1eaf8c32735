"""Browsing API, service guide and printable checklist, form pre-fill and validation on the shipped catalog."""

from datetime import datetime
from decimal import Decimal

import pytest

from kiosk.catalog.catalog import Catalog, UnknownItem
from kiosk.catalog.forms import check_field, check_form, id_number_valid, prefill
from kiosk.catalog.guide import build_guide, checklist_lines
from protocol.catalog_schema import FormField
from tests.helpers.catalog import SHIPPED

# the worked example of GB 11643 itself, not a real person
EXAMPLE_ID = "11010519491231002X"
CARD = {"name": "张测试", "gender": "女", "nation": "汉", "birth_date": "1949-12-31",
        "address": "示例市示例区测试路1号", "id_number": EXAMPLE_ID}


@pytest.fixture(scope="module")
def catalog():
    return Catalog.load(SHIPPED, most_used=["ZJ-002", "GJ-001", "NO-999"])


def test_browse_lists(catalog):
    themes = catalog.themes()
    assert len(themes) >= 12 and all(t.count > 0 for t in themes)
    assert themes[0].title.zh == "婚育收养" and themes[0].title.en
    assert {g.kind for g in catalog.life_events()} == {"life_event"}
    assert sum(d.count for d in catalog.departments()) == len(catalog)
    assert catalog.groups("department") == catalog.departments()


def test_items_in_a_theme_main_theme_first(catalog):
    rows = catalog.items_in("theme", "household")
    codes = [r.code for r in rows]
    assert codes[:6] == ["HJ-001", "HJ-002", "HJ-003", "HJ-004", "HJ-005", "HJ-006"]
    assert "ZJ-005" in codes  # 居住证 is also listed under 户籍
    assert {"HY-001", "HJ-002"} <= {r.code for r in catalog.items_in("life_event", "getting_married")}


def test_most_used_keeps_configured_order_and_skips_unknown(catalog):
    rows = catalog.most_used(5)
    assert [r.code for r in rows[:2]] == ["ZJ-002", "GJ-001"] and len(rows) == 5
    assert all(r.kiosk_can_submit for r in rows[2:])


def test_unknown_item(catalog):
    with pytest.raises(UnknownItem):
        catalog.item("XX-000")


def test_where_uses_item_override_then_department(catalog):
    w = catalog.where("QY-003")
    assert w.windows == "企业开办专区13号窗口" and w.queue.code == "D"
    w = catalog.where("HJ-001")
    assert w.queue.code == "A" and "1-4号" in w.windows and w.hours


def test_guide_and_printed_checklist(catalog):
    g = build_guide(catalog, "HJ-001", "https://zwfw.example.gov.cn/guide/{code}")
    assert g.qr_url.endswith("/HJ-001") and g.free and g.statutory.zh == "即办"
    assert [e.number for e in g.checklist] == list(range(1, len(g.checklist) + 1))
    lines = checklist_lines(g, printed_at=datetime(2026, 3, 2, 9, 30))
    text = "\n".join(lines)
    assert lines[0] == "出生登记"
    assert "1. 出生医学证明  原件1份、复印件1份" in text
    assert "（父母已婚的）" in text and "不收费" in text and "2026-03-02 09:30" in text
    assert "政务服务中心一楼A区 1-4号窗口" in text


def test_guide_lists_shared_materials_apart(catalog):
    g = build_guide(catalog, "GJ-003")
    shared = [e for e in g.checklist if not e.bring]
    assert [e.name for e in shared] == ["退休证明"] and g.checklist[-1].name == "退休证明"
    text = "\n".join(checklist_lines(g, "en"))
    assert "No need to bring" in text and "- 退休证明" in text and "1 original" in text


def test_guide_fees(catalog):
    assert build_guide(catalog, "ZJ-003").fees == ["证件工本费 40元"]
    assert build_guide(catalog, "ZJ-007").fees[1] == "一次有效签注 15元（二次有效签注30元）"


def test_prefill_from_card(catalog):
    form = catalog.item("ZJ-002").form
    values = prefill(form, CARD)
    assert values == {"name": "张测试", "gender": "女", "nation": "汉", "birth_date": "1949-12-31",
                      "address": "示例市示例区测试路1号", "id_number": EXAMPLE_ID}
    assert "gender" not in prefill(form, {**CARD, "gender": "未说明"})


def test_check_form_on_a_shipped_item(catalog):
    form = catalog.item("ZJ-002").form
    values = {**prefill(form, CARD), "phone": "13800000000", "delivery": "窗口领取", "reason": "有效期满"}
    assert check_form(form, values) == {}
    bad = check_form(form, {**values, "phone": "12345", "reason": "心情不好"})
    assert set(bad) == {"phone", "reason"} and bad["phone"].en
    with pytest.raises(KeyError):
        check_form(form, {"shoe_size": "42"})


def test_id_number_check():
    assert id_number_valid(EXAMPLE_ID) and id_number_valid(EXAMPLE_ID.lower())
    assert not id_number_valid("110105194912310021")  # wrong check character
    assert not id_number_valid("110105194913310020")  # month 13
    assert not id_number_valid("11010519491231002")


@pytest.mark.parametrize("kind,extra,good,bad", [
    ("phone", {}, ["13912345678", "010-12345678"], ["1391234567", "phone"]),
    ("date", {}, ["2026-03-02"], ["2026-02-30", "昨天"]),
    ("email", {}, ["a@b.cn"], ["a@b"]),
    ("postcode", {}, ["100000"], ["10000"]),
    ("bank_account", {}, ["6222000000000000"], ["6222-0000"]),
    ("number", {"minimum": 1, "maximum": 12}, ["1", "12"], ["0", "13", "1.5", "x", "NaN"]),
    ("money", {"minimum": 0}, ["0", "12.5", "99.99"], ["-1", "1.234"]),
    ("text", {"max_length": 3, "pattern": "^[A-Z]+$"}, ["ABC"], ["ABCD", "abc"]),
])
def test_field_types(kind, extra, good, bad):
    f = FormField(key="f", label="字段", type=kind, **extra)
    for v in good:
        assert check_field(f, v) is None, v
    for v in bad:
        assert check_field(f, v) is not None, v


def test_required_and_choices():
    f = FormField(key="f", label="字段", type="multi_choice", choices=["甲", "乙"])
    assert check_field(f, []) is not None and check_field(f, ["甲", "乙"]) is None
    assert check_field(f, ["丙"]) is not None
    optional = FormField(key="g", label="字段", type="text", required=False)
    assert check_field(optional, "") is None
    assert check_field(FormField(key="b", label="同意", type="bool"), True) is None
    assert FormField(key="m", label="金额", type="money", minimum=Decimal("0.01")).minimum == Decimal("0.01")


@pytest.mark.parametrize("kind,choices,words", [
    ("choice", ["甲", "乙"], "请选择一项"), ("multi_choice", ["甲", "乙"], "请至少选择一项"), ("bool", [], "请选择是或否"),
    ("text", [], "请填写此项"), ("phone", [], "请填写此项"),
])
def test_a_missing_answer_is_asked_for_in_the_words_of_its_control(kind, choices, words):
    """Buttons are chosen, not filled in: 请填写此项 under a row of buttons puzzled citizens."""
    f = FormField(key="f", label="字段", type=kind, choices=choices)
    assert check_field(f, None).zh == words
