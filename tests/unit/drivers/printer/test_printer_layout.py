"""Templates -> blocks -> bytes: masking, both Chinese modes, paper widths, errors that name the field."""

import pytest

from drivers.printer import escpos_codec as esc
from drivers.printer.layout import (BarcodeBlock, CutBlock, LayoutError, Profile, QrBlock, TextBlock, available,
                                    build, encode_text, load_template)
from tests.helpers.printer import SAMPLE_DATA

LAYOUTS = ["certificate", "diagnostics", "materials_checklist", "queue_ticket", "submission_receipt"]


def test_all_layouts_are_shipped():
    assert available() == LAYOUTS


@pytest.mark.parametrize("name", LAYOUTS)
def test_every_layout_expands_with_sample_data(name):
    blocks = load_template(name).expand(SAMPLE_DATA[name])
    assert isinstance(blocks[-1], CutBlock)


def test_receipt_masks_name_and_id_number_itself():
    blocks = load_template("submission_receipt").expand(SAMPLE_DATA["submission_receipt"])
    text = "\n".join(b.text for b in blocks if isinstance(b, TextBlock))
    assert "申请人：王*" in text
    assert "证件号码：110105********0021" in text
    assert "王小明" not in text and "110105199001010021" not in text
    qr = [b for b in blocks if isinstance(b, QrBlock)]
    assert [q.data for q in qr] == [SAMPLE_DATA["submission_receipt"]["progress_qr"]]


@pytest.mark.parametrize("mode", ["text", "raster"])
@pytest.mark.parametrize("mm", [58, 80])
def test_no_personal_data_in_the_bytes(mode, mm):
    data = build("submission_receipt", SAMPLE_DATA["submission_receipt"], Profile(mm, mode))
    for secret in ("王小明", "110105199001010021"):
        assert secret.encode("gb18030") not in data and secret.encode() not in data


def test_missing_field_is_named():
    data = dict(SAMPLE_DATA["queue_ticket"])
    del data["window"]
    with pytest.raises(LayoutError, match="queue_ticket: missing data field.*window"):
        load_template("queue_ticket").expand(data)


def test_optional_block_only_with_data():
    data = dict(SAMPLE_DATA["materials_checklist"])
    with_notes = load_template("materials_checklist").expand(data)
    data.pop("notes")
    without = load_template("materials_checklist").expand(data)
    assert len(with_notes) == len(without) + 1


def test_unknown_layout_and_bad_name():
    with pytest.raises(LayoutError, match="no layout"):
        load_template("nope")
    with pytest.raises(LayoutError, match="bad layout name"):
        load_template("../kiosk")


def test_template_errors_name_block(tmp_path):
    (tmp_path / "x.toml").write_text('[[blocks]]\nkind = "text"\ntext = "{a|shout}"\n', "utf-8")
    with pytest.raises(LayoutError, match=r"x: block 1 \(text\): unknown filter 'shout'"):
        load_template("x", tmp_path).expand({"a": "1"})
    (tmp_path / "y.toml").write_text('[[blocks]]\nkind = "blink"\n', "utf-8")
    with pytest.raises(LayoutError, match="unknown block kind"):
        load_template("y", tmp_path).expand({})


def test_text_mode_bytes():
    blocks = [TextBlock("受理：A", align="center", width=2, height=2, bold=True), QrBlock("T-1", module=4),
              BarcodeBlock("T1", height=50), CutBlock()]
    got = encode_text(blocks, Profile(80, "text", cut=True))
    assert got.startswith(esc.init() + esc.chinese_mode(True))
    assert (esc.align("center") + esc.size(2, 2) + esc.bold(True) + esc.underline(0)
            + "受理：A".encode("gb18030") + b"\n" + esc.size(1, 1)) in got
    assert esc.qr("T-1", 4) in got
    assert esc.barcode_code128("T1", 50) in got
    assert got.endswith(esc.feed_lines(4) + esc.cut(partial=True) + esc.align("left"))


def test_text_mode_wraps_to_columns_of_the_paper():
    long = "政" * 40
    for mm, cols in ((58, 32), (80, 48)):
        got = encode_text([TextBlock(long)], Profile(mm, "text"))
        lines = [ln for ln in got.split(b"\n") if "政".encode("gb18030") in ln]
        widest = max(len(ln.split(b"\x1b-\x00")[-1]) for ln in lines)
        assert widest <= cols


def test_no_cutter_feeds_to_tear_bar():
    got = encode_text([CutBlock()], Profile(80, "text", cut=False))
    assert b"\x1dV" not in got and esc.feed_lines(6) in got


def test_raster_mode_sends_only_images_and_motion():
    got = build("queue_ticket", SAMPLE_DATA["queue_ticket"], Profile(58, "raster"))
    assert b"\x1c&" not in got  # no Chinese mode needed
    assert "社保".encode("gb18030") not in got
    assert got.count(b"\x1dv0\x00\x30\x00") >= 1  # 48 bytes per row = 384 dots
    assert got.endswith(esc.feed_lines(4) + esc.cut(partial=True))


def test_fit_keeps_tracking_number_on_one_line_in_text_mode():
    tn = SAMPLE_DATA["submission_receipt"]["tracking_number"]  # 26 characters: too wide for 2x on 58 mm
    got = encode_text([TextBlock(tn, width=2, height=2, fit=True)], Profile(58, "text"))
    assert esc.size(1, 2) + esc.bold(False) + esc.underline(0) + tn.encode() + b"\n" in got


@pytest.mark.parametrize("bold", [True, False])
def test_fit_keeps_the_grouped_tracking_number_on_one_line_in_raster_mode(bold):
    from drivers.printer.raster import InkCanvas
    from protocol.tracking import grouped

    shown = grouped(SAMPLE_DATA["submission_receipt"]["tracking_number"])  # as the receipt prints it
    one, fitted = InkCanvas(384), InkCanvas(384)
    one.text("1", width=2, height=2, bold=bold)
    fitted.text(shown, width=2, height=2, bold=bold, fit=True)
    # the line was narrowed to the paper's width, not broken ("42N" alone on a second line)
    assert len(fitted._parts) == len(one._parts) == 1


def test_raster_bands_send_blank_paper_as_feeds_and_trim_to_ink():
    import numpy as np
    from PIL import Image

    from drivers.printer.raster import bands

    ink = np.zeros((100, 576), dtype=np.uint8)
    ink[0:10, 0:20] = 255  # a short left-aligned mark
    ink[60:70, 100:300] = 255  # 50 blank rows above it
    page = Image.fromarray(ink, "L").convert("1")
    got = [(rows, None if img is None else img.size) for rows, img in bands(page)]
    assert got == [(10, (24, 10)), (50, None), (10, (304, 10)), (30, None)]
    assert sum(rows for rows, _ in got) == 100


def test_raster_receipt_uses_feeds_between_images():
    got = build("submission_receipt", SAMPLE_DATA["submission_receipt"], Profile(80, "raster"))
    assert got.count(b"\x1bJ") >= 3 and got.count(b"\x1dv0") >= 3


@pytest.mark.parametrize("name", LAYOUTS)
def test_templates_declare_every_field_they_use(name):
    """A field used but not declared would fail only at print time, in front of a citizen."""
    import re

    t = load_template(name)
    optional = {b["when"] for b in t.blocks if "when" in b}
    used = set()
    for b in t.blocks:
        for key in ("text", "value", "data"):
            used |= set(re.findall(r"\{([a-z_][a-z0-9_]*)", b.get(key, "")))
        if b.get("kind") == "list":
            used.add(b["items"])
    assert used - optional <= set(t.fields), used - optional - set(t.fields)
    assert set(t.fields) <= used | optional  # and nothing declared for nothing


def test_certificate_prints_the_document_hash_the_verify_page_shows():
    blocks = load_template("certificate").expand(SAMPLE_DATA["certificate"])
    text = "\n".join(b.text for b in blocks if isinstance(b, TextBlock))
    assert "内容摘要：3f2a 9c1b 77d0 e415" in text and "验证码：7KQ3-M9XD-2B6F-H1QA" in text


def test_kept_drawings_do_not_leak_between_receipts():
    """Lines, rules and templates are kept between builds: a receipt is the same whatever was printed before."""
    from drivers.printer import layout, raster

    profile = Profile(80, "raster")
    first = dict(SAMPLE_DATA["submission_receipt"])
    second = dict(first, applicant_name="李四", tracking_number="SIM-0001-20261123-000777-N",
                  progress_qr="https://zwfw.example.gov.cn/p/SIM-0001-20261123-000777-N")
    a = build("submission_receipt", first, profile)
    b = build("submission_receipt", second, profile)
    assert a != b
    assert build("submission_receipt", first, profile) == a
    for kept in (raster._advance, raster._line_ink, raster._rule_ink, layout._parsed):
        kept.cache_clear()
    assert build("submission_receipt", second, profile) == b


def test_an_edited_template_is_read_again(tmp_path):
    (tmp_path / "note.toml").write_text('fields = ["x"]\n[[blocks]]\nkind = "text"\ntext = "A {x}"\n', "utf-8")
    assert load_template("note", tmp_path).expand({"x": "1"})[0].text == "A 1"
    (tmp_path / "note.toml").write_text('fields = ["x"]\n[[blocks]]\nkind = "text"\ntext = "B {x}"\n', "utf-8")
    assert load_template("note", tmp_path).expand({"x": "1"})[0].text == "B 1"
