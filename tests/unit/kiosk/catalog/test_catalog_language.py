"""Catalog content per screen language: English from the `*_en` keys (every shipped item has it), Chinese marked
where English is missing, traditional Chinese converted with OpenCC once per catalog."""

import re

import pytest

from kiosk.catalog.catalog import Catalog
from kiosk.catalog.guide import build_guide
from kiosk.catalog.language import CHINESE_ONLY, choice_label, choice_labels, field_help, field_label
from protocol.bilingual import Text
from protocol.catalog_loader import CatalogError, load_directory
from tests.helpers.catalog import SHIPPED, copy_shipped, replace_in

CJK = re.compile(r"[\u3400-\u9fff]")
# Chinese that belongs in an English text: a Chinese number plate is written with its province character
ALLOWED_CJK = {"For example: 京A12345"}


@pytest.fixture(scope="module")
def shipped():
    return load_directory(SHIPPED)


@pytest.fixture(scope="module")
def catalog():
    return Catalog.load(SHIPPED)


@pytest.fixture
def cat(tmp_path):
    return copy_shipped(tmp_path / "catalog")


def _pairs(item):
    """(where, Chinese, English) for every citizen-visible text of an item."""
    yield "name", item.name, item.name_en
    yield "short_name", item.short_name, item.short_name_en
    yield "summary", item.summary, item.summary_en
    for i, m in enumerate(item.materials):
        for key in ("name", "when", "notes", "example"):
            yield f"materials.{i}.{key}", getattr(m, key), getattr(m, f"{key}_en")
    for i, f in enumerate(item.fees):
        yield f"fees.{i}.name", f.name, f.name_en
        yield f"fees.{i}.note", f.note, f.note_en
    for f in item.form:
        yield f"form.{f.key}.label", f.label, f.label_en
        yield f"form.{f.key}.help", f.help, f.help_en


def test_every_shipped_item_has_english_for_every_citizen_visible_text(shipped):
    assert len(shipped.items) == 75
    missing, chinese_in_english = [], []
    for item in shipped.items:
        if len(item.conditions_en) != len(item.conditions):
            missing.append(f"{item.code} conditions")
        for where, zh, en in _pairs(item):
            if zh and not en:
                missing.append(f"{item.code} {where}")
            if CJK.search(en) and en not in ALLOWED_CJK:
                chinese_in_english.append(f"{item.code} {where}: {en}")
        for f in item.form:  # choices like "C1" or "200" read the same in English
            if any(not c.isascii() for c in f.choices) and len(f.choices_en) != len(f.choices):
                missing.append(f"{item.code} form.{f.key}.choices")
        for text in [*item.conditions_en, *(c for f in item.form for c in f.choices_en)]:
            if CJK.search(text):
                chinese_in_english.append(f"{item.code}: {text}")
    assert not missing, "no English for: " + ", ".join(missing)
    assert not chinese_in_english, "\n".join(chinese_in_english)


def test_english_guide_shows_the_catalogs_english(catalog):
    g = build_guide(catalog, "JZ-001", language="en")
    assert g.name == "Minimum Living Allowance (dibao) application"
    assert g.summary.startswith("For households whose income per person")
    assert g.conditions[0].startswith("Income per person")
    names = [e.name for e in g.checklist]
    assert "Applicant's resident ID card" in names and "Statement of household income" in names
    # a shared material's notes come from the library entry, in English too
    assert any(e.notes.startswith("Bring the page of the head of household") for e in g.checklist)
    summary = catalog.items_in("theme", "assistance", "en")[0]
    assert (summary.name, summary.short_name, summary.department) == (
        "Minimum Living Allowance (dibao) application", "Apply for dibao", "City Civil Affairs Bureau")
    assert (g.where.location, g.where.windows, g.where.hours) == (
        "Government Service Centre, 2nd floor, zone E", "Windows 17-20", "Monday to Friday 9:00-12:00, 13:30-17:00")
    assert catalog.themes("en")[0].hint == "Marriage, having a child, adoption"
    assert catalog.departments("en")[0].hint == "Government Service Centre, 1st floor, zone A"
    assert build_guide(catalog, "QY-003", language="en").where.windows == "Business start-up area, window 13"
    # the Chinese screen is untouched
    assert build_guide(catalog, "JZ-001").name == "最低生活保障申请"


def test_every_english_guide_has_no_unmarked_chinese_in_item_texts(catalog):
    for code in catalog.codes():
        g = build_guide(catalog, code, language="en")
        texts = [g.name, g.summary, *g.conditions, *g.fees, g.where.location, g.where.windows, g.where.hours,
                 *(t for e in g.checklist for t in (e.name, e.when, e.notes, e.example))]
        for text in texts:
            assert not CJK.search(text) or text.startswith(CHINESE_ONLY) or text in ALLOWED_CJK, (code, text)


def test_missing_english_falls_back_to_the_chinese_marked_never_blank(cat):
    replace_in(cat / "items" / "assistance.toml",
               'summary_en = "For households whose income per person is below the local minimum standard and whose '
               'assets meet the rules. The household applies as one unit."\n', "")
    replace_in(cat / "items" / "assistance.toml", ', label_en = "Number of people in the household"', "")
    replace_in(cat / "items" / "assistance.toml", ', name_en = "Applicant\'s resident ID card"', "")
    c = Catalog.load(cat)
    g = build_guide(c, "JZ-001", language="en")
    assert g.summary == CHINESE_ONLY + "家庭人均收入低于当地低保标准且财产符合规定的，以家庭为单位申请最低生活保障。"
    # the item renamed the library's ID card without translating the new name: the library's English (for the
    # old name) is not used, the new Chinese is shown marked
    assert g.checklist[0].name == CHINESE_ONLY + "申请人居民身份证"
    size = next(f for f in c.item("JZ-001").form if f.key == "household_size")
    assert field_label(size, "en") == CHINESE_ONLY + "家庭人口数"
    assert field_label(size, "zh_CN") == "家庭人口数"
    # legal titles have no English in the catalog: shown in Chinese, marked
    assert all(b.startswith(CHINESE_ONLY) for b in g.legal_basis)
    # an empty Chinese text stays empty (no lone marker)
    assert build_guide(c, "JZ-003", language="en").checklist[0].when == ""


def test_english_without_its_chinese_or_with_a_different_count_names_file_item_and_field(cat):
    replace_in(cat / "items" / "assistance.toml", 'conditions_en = ["Basic living has become hard',
               'conditions_en = ["One line too many", "Basic living has become hard')
    replace_in(cat / "items" / "transport.toml", 'summary = "驾驶证遗失的，补领后原证作废。"\n', "")
    replace_in(cat / "items" / "tax.toml", 'label_en = "Tax year"', 'label_en = "Tax year", lable_en = "typo"')
    replace_in(cat / "catalog.toml", 'label = "其他说明"\n', 'label = "其他说明"\nhelp_en = "Anything else"\n')
    with pytest.raises(CatalogError) as e:
        load_directory(cat)
    faults = {(f.file, f.item, f.field): f.message for f in e.value.faults}
    assert "2 lines, but conditions has 1" in faults[("items/assistance.toml", "JZ-003", "conditions_en")]
    assert "English is set but summary is empty" in faults[("items/transport.toml", "JT-002", "summary_en")]
    assert "unknown key" in faults[("items/tax.toml", "NS-001", "form.4.lable_en")]
    assert "English is set but help is empty" in faults[("catalog.toml", "", "field.remarks.help_en")]


def test_traditional_chinese_is_converted_once_per_catalog(catalog):
    g = build_guide(catalog, "ZJ-007", language="zh_TW")
    assert g.name == "往來港澳通行證及簽註"
    assert g.conditions[0] == "中國內地居民"
    assert g.where.location == "政務服務中心一樓A區"
    assert g.fees[0].startswith("通行證工本費")
    assert catalog.item("ZJ-007", "zh_TW") is catalog.item("ZJ-007", "zh_TW")  # cached, not converted per call
    assert catalog.prepare("zh_TW")["ZJ-007"] is catalog.item("ZJ-007", "zh_TW")  # what the warm-up makes
    assert catalog.item("ZJ-007") is catalog.item("ZJ-007", "zh_CN")
    phone = next(f for f in catalog.item("JZ-001").form if f.key == "phone")
    assert field_help(phone, "zh_TW") == "手機號碼，辦理進度會發簡訊通知"  # the screen word as its readers say it
    # the form a citizen submits keeps its keys and choice values whatever the screen language
    assert [f.choices for f in catalog.item("JZ-002", "zh_TW").form] == [f.choices for f in catalog.item("JZ-002").form]


def test_core_words_have_traditional_derived_from_the_simplified():
    t = Text("请工作人员协助", "Please ask staff for help")
    assert (t.get("zh_CN"), t.get("en"), t.get("zh_TW")) == ("请工作人员协助", "Please ask staff for help",
                                                            "請工作人員協助")


def test_printed_checklist_is_all_traditional_or_english_headings_over_chinese_items(catalog):
    from kiosk.catalog.guide import checklist_lines, printed_language

    lines = checklist_lines(build_guide(catalog, "JT-002", language=printed_language("zh_TW")), "zh_TW")
    assert lines[0] == "機動車駕駛證補領" and "【辦理條件】" in lines and "1. 駕駛證遺失且未被扣押" in lines
    lines = checklist_lines(build_guide(catalog, "JT-002", language=printed_language("en")), "en")
    assert lines[0] == "机动车驾驶证补领" and "【Who can apply】" in lines  # window staff read the item texts


def test_choices_are_shown_in_the_screen_language_and_recorded_as_written(catalog):
    care = next(f for f in catalog.item("JZ-002").form if f.key == "care")
    assert choice_labels(care, "en") == ["Scattered support (at home)", "Centralised support (care home)"]
    assert choice_labels(care, "zh_TW") == ["分散供養（在家）", "集中供養（敬老院）"]
    assert choice_label(care, "集中供养（敬老院）", "en") == "Centralised support (care home)"
    licence = next(f for f in catalog.item("JT-001").form if f.key == "licence_class")
    assert choice_labels(licence, "en")[0] == "C1"  # no English needed, no marker
    assert choice_labels(care.model_copy(update={"choices_en": []}), "en")[0] == CHINESE_ONLY + "分散供养（在家）"
