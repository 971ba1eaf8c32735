"""Every qsTr string in the QML has a finished English translation in ui/i18n/kiosk_en.ts."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from ui.translations import compile_qm

UI = Path(__file__).resolve().parents[3] / "ui"
TS = UI / "i18n" / "kiosk_en.ts"
QSTR = re.compile(r'qsTr\("((?:[^"\\]|\\.)*)"\)')


def _translations() -> dict[str, str]:
    root = ET.parse(TS).getroot()
    out = {}
    for m in root.iter("message"):
        tr = m.find("translation")
        if tr is not None and tr.get("type") not in ("unfinished", "obsolete", "vanished") and (tr.text or "").strip():
            out[m.findtext("source")] = tr.text
    return out


def test_every_qml_string_is_translated():
    have = _translations()
    missing = []
    for qml in sorted(UI.rglob("*.qml")):
        for source in QSTR.findall(qml.read_text(encoding="utf-8")):
            if source not in have:
                missing.append(f"{qml.relative_to(UI)}: {source}")
    assert not missing, "untranslated (run pyside6-lupdate, then translate):\n" + "\n".join(missing)


def test_placeholders_survive_translation():
    for source, english in _translations().items():
        assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", english)), source


def test_ts_compiles(tmp_path):
    copy = tmp_path / TS.name
    copy.write_bytes(TS.read_bytes())
    qm = compile_qm(copy)
    assert qm is not None and qm.stat().st_size > 100


def test_a_window_closed_in_english_leaves_the_next_one_in_its_own_language(qtbot, make_ui):
    from tests.helpers.qml import find, settle

    english = make_ui(locale={"language": "en"})
    english.shell.start()
    settle(qtbot)
    assert find(english.window, "navHome").property("text") == "⌂ Home"
    english.close()  # as the fixture does between tests: the application (and its translators) lives on
    english.core.close()
    chinese = make_ui()
    chinese.shell.start()
    settle(qtbot)
    assert find(chinese.window, "navHome").property("text") == "⌂ 首页"


def test_traditional_chinese_is_made_from_the_sources_by_opencc(tmp_path):
    from protocol.bilingual import traditional
    from ui import traditional_ts

    committed = UI / "i18n" / "kiosk_zh_TW.ts"
    assert committed.read_bytes() == traditional_ts.make(), "stale: run .venv/bin/python -m ui.traditional_ts"
    messages = list(ET.parse(committed).getroot().iter("message"))
    assert {m.findtext("source") for m in messages} == set(_translations())
    for m in messages:
        assert m.findtext("translation") == traditional(m.findtext("source")), m.findtext("source")
    assert any(m.findtext("translation") == "辦事指南" for m in messages)
    copy = tmp_path / committed.name
    copy.write_bytes(committed.read_bytes())
    qm = compile_qm(copy)
    assert qm is not None and qm.stat().st_size > 100
