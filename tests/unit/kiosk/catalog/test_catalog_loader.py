"""Loading the catalog: the shipped data is complete, and every kind of bad file names file, item and field."""

import json

import pytest

from kiosk.catalog.catalog import Catalog
from protocol.catalog_loader import CatalogError, load_directory
from tests.helpers.catalog import SHIPPED, copy_shipped, replace_in

REQUIRED_THEMES = {"婚育收养", "教育培训", "纳税缴费", "证件办理", "社会保障", "医疗保障", "户籍", "住房公积金",
                   "不动产", "就业创业", "养老服务", "残疾人服务", "企业开办"}


@pytest.fixture(scope="module")
def shipped():
    return load_directory(SHIPPED)


def test_shipped_catalog_is_big_enough(shipped):
    assert len(shipped.items) >= 60
    theme_names = {t.name for t in shipped.header.theme}
    assert REQUIRED_THEMES <= theme_names
    used = {t for i in shipped.items for t in i.themes}
    assert len(used) >= 12
    assert len({p for p in shipped.sources.values()}) >= 12  # split across files


def test_shipped_items_are_complete(shipped):
    for item in shipped.items:
        assert item.conditions and item.legal_basis, item.code
        assert item.materials, f"{item.code} has no materials"
        assert any(m.name for m in item.materials_to_bring) or item.handling == "online", item.code
        if item.kiosk_can_submit:
            assert item.form, item.code


def test_shipped_forms_prefill_from_the_card(shipped):
    prefilled = {f.prefill for i in shipped.items for f in i.form if f.prefill}
    assert prefilled == {"name", "gender", "nation", "birth_date", "address", "id_number"}


def test_material_refs_resolve_with_overrides(shipped):
    item = next(i for i in shipped.items if i.code == "HJ-001")
    book = item.materials[1]
    assert book.name == "随其落户的父亲或母亲的户口簿" and book.originals == 1 and book.capture
    assert book.notes == "户主页和本人页都要带"  # from the library entry


def _fails(directory):
    with pytest.raises(CatalogError) as e:
        load_directory(directory)
    return e.value


@pytest.fixture
def cat(tmp_path):
    return copy_shipped(tmp_path / "catalog")


def test_unknown_key_names_file_item_and_field(cat):
    replace_in(cat / "items" / "household.toml", 'short_name = "新生儿落户"', 'short_nam = "新生儿落户"')
    err = _fails(cat)
    assert str(err.faults[0]) == "items/household.toml: item HJ-001: short_nam: unknown key (check the spelling; see docs/catalog.md)"


def test_bad_value_inside_a_material(cat):
    replace_in(cat / "items" / "tax.toml", '{ name = "合同或协议", originals = 1,', '{ name = "合同或协议", originals = "一份",')
    f = _fails(cat).faults[0]
    assert (f.file, f.item, f.field) == ("items/tax.toml", "NS-002", "materials.1.originals")
    assert "'一份'" in f.message


def test_missing_required_field(cat):
    replace_in(cat / "items" / "assistance.toml", 'legal_basis = ["《社会救助暂行办法》第四十七条至第五十条"]\n', "")
    f = _fails(cat).faults[0]
    assert (f.item, f.field, f.message) == ("JZ-003", "legal_basis", "required key is missing")


def test_promise_longer_than_law(cat):
    replace_in(cat / "items" / "medical.toml", "limits = { statutory = 30, promised = 20 }",
               "limits = { statutory = 30, promised = 40 }")
    f = _fails(cat).faults[0]
    assert (f.item, f.field) == ("YB-002", "limits") and "longer than statutory" in f.message


def test_references_to_unknown_groups_and_library_entries(cat):
    items = cat / "items" / "elderly.toml"
    replace_in(items, 'department = "civil_affairs"', 'department = "ministry_of_magic"')
    replace_in(items, 'themes = ["elderly", "social_security"]', 'themes = ["elderly", "astrology"]')
    replace_in(items, '{ ref = "bank_card" },', '{ ref = "gold_card" },')
    replace_in(items, 'form = ["name", "id_number", "phone", "bank_account", "address"]',
               'form = ["name", "shoe_size"]')
    got = {(f.item, f.field) for f in _fails(cat).faults}
    assert {("YL-001", "themes.1"), ("YL-001", "materials.2.ref"), ("YL-001", "form.1"),
            ("YL-002", "department")} <= got


def test_duplicate_code_across_files(cat):
    replace_in(cat / "items" / "transport.toml", 'code = "JT-003"', 'code = "HJ-001"')
    f = _fails(cat).faults[0]
    assert (f.file, f.item, f.field) == ("items/transport.toml", "HJ-001", "code")
    assert "household.toml" in f.message


def test_syntax_error_names_the_file_and_line(cat):
    (cat / "items" / "broken.toml").write_text('[[item]]\ncode = "XX-001\n', encoding="utf-8")
    f = _fails(cat).faults[0]
    assert f.file == "items/broken.toml" and "line 2" in f.message


def test_form_rules_are_checked(cat):
    replace_in(cat / "items" / "household.toml",
               '{ key = "child_gender", label = "新生儿性别", type = "choice", choices = ["男", "女"],',
               '{ key = "child_gender", label = "新生儿性别", type = "choice",')
    f = _fails(cat).faults[0]
    assert (f.item, f.field) == ("HJ-001", "form.4") and "at least two choices" in f.message


def test_prefill_must_fit_the_field_type(cat):
    replace_in(cat / "catalog.toml", 'label = "出生日期"\ntype = "date"', 'label = "出生日期"\ntype = "text"')
    f = _fails(cat).faults[0]
    assert (f.file, f.field) == ("catalog.toml", "field.birth_date") and "prefill birth_date" in f.message


def test_bad_header_fails_without_items(cat):
    replace_in(cat / "catalog.toml", 'code = "A"\nname = "户籍证件"', 'code = "AA"\nname = "户籍证件"')
    f = _fails(cat).faults[0]
    assert (f.file, f.field) == ("catalog.toml", "queue.0.code")


def test_all_faults_are_reported_together(cat):
    for name in ("household.toml", "tax.toml", "education.toml"):
        path = cat / "items" / name
        path.write_text(path.read_text(encoding="utf-8").replace('handling = "', 'handling = "x', 1), encoding="utf-8")
    err = _fails(cat)
    assert len({f.file for f in err.faults}) == 3
    assert "items/education.toml" in str(err)


def test_json_item_files_are_accepted(cat):
    (cat / "items" / "extra.json").write_text(json.dumps({"item": [{
        "code": "ZZ-001", "name": "测试事项", "department": "tax", "audience": ["person"], "themes": ["tax"],
        "handling": "window", "conditions": ["无"], "materials": [{"ref": "idcard"}],
        "limits": {"statutory": 1, "promised": 1}, "legal_basis": ["无"]}]}, ensure_ascii=False), encoding="utf-8")
    assert "ZZ-001" in Catalog.load(cat)


def test_item_file_with_other_top_level_keys(cat):
    (cat / "items" / "odd.toml").write_text('items = []\n', encoding="utf-8")
    assert "expected only a list of items" in _fails(cat).faults[0].message


def test_missing_directory(tmp_path):
    assert "no catalog.toml" in str(_fails(tmp_path))


def test_general_desk_must_name_a_queue(cat):
    replace_in(cat / "catalog.toml", '[general]\nqueue = "F"', '[general]\nqueue = "Z"')
    f = _fails(cat).faults[0]
    assert (f.file, f.field) == ("catalog.toml", "general.queue") and "no queue 'Z'" in f.message


def test_catastrophic_form_pattern_is_refused_at_load(cat):
    replace_in(cat / "items" / "business.toml", 'pattern = "^[0-9A-HJ-NPQRTUWXY]{18}$"', 'pattern = "^([0-9A-Z]+)+$"')
    f = _fails(cat).faults[0]
    assert f.file == "items/business.toml" and f.field.startswith("form.") and f.field.endswith(".pattern")
    assert "simplify it" in f.message


@pytest.mark.parametrize("name,text", [
    ("deep.json", '{"item": ' + "[" * 5000 + "]" * 5000 + "}"),
    ("deep.toml", "a = " + "[" * 5000 + "]" * 5000),
    ("deep2.toml", "a = " + "{b = " * 2000 + "}" * 2000),
])
def test_deep_nesting_is_refused_before_parsing(cat, name, text):
    (cat / "items" / name).write_text(text, encoding="utf-8")
    f = _fails(cat).faults[0]
    assert (f.file, f.message) == (f"items/{name}", "nested more than 32 levels deep")


def test_brackets_inside_texts_and_comments_do_not_count_as_nesting(cat):
    (cat / "items" / "texts.toml").write_text(
        '# [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n'
        'a = "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\"[[["\n'
        "b = '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['\n"
        'c = """\n[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[""""\n'
        "d = '''[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['''\n", encoding="utf-8")
    f = _fails(cat).faults[0]  # parsed: the file is refused for having keys other than "item", not for depth
    assert f.file == "items/texts.toml" and "expected only a list of items" in f.message


def test_non_text_references_are_faults_not_crashes(cat):
    (cat / "items" / "refs.json").write_text(json.dumps({"item": [
        {"code": "ZZ-001", "materials": [{"ref": ["idcard"]}], "form": [{"ref": {"key": "name"}}]}]}),
        encoding="utf-8")
    faults = {(f.item, f.field): f.message for f in _fails(cat).faults}
    assert faults[("ZZ-001", "materials.0.ref")] == "must be the name of a material"
    assert faults[("ZZ-001", "form.0.ref")] == "must be the key of a field"
