"""Plain words on the citizen screens: every qsTr string in the QML a citizen sees (and its English in
ui/i18n/kiosk_en.ts) is in short sentences, names no internal code, and says what to do next when it reports
something wrong — the rules tests/unit/kiosk/test_plain_words.py applies to the core's messages.

Not checked: the screens only staff reach behind the PIN (Maintenance, MaintenanceCare, PinPad) and the simulated
devices' demo tray (SimTrayPanel, shown only when a device is simulated); their readers are trained staff."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.helpers.plain_words import (
    CODE, EN_SENTENCE, ZH_SENTENCE, longest_en, longest_zh, reports_wrong, says_next_en, says_next_zh,
)

UI = Path(__file__).resolve().parents[3] / "ui"
TS = UI / "i18n" / "kiosk_en.ts"
QSTR = re.compile(r'qsTr\("((?:[^"\\]|\\.)*)"\)')
STAFF_ONLY = {"Maintenance", "MaintenanceCare", "PinPad", "SimTrayPanel"}
# a headline shown only above the detail that carries its way forward (file: headline -> detail)
SHOWN_WITH = {"Search": {"没有找到“%1”": "换个说法试试，或按主题查找；也可以请工作人员帮忙，服务热线 %1。"}}


def _english() -> dict[tuple[str, str], str]:
    """English by (QML file name, Chinese source), as lupdate files them."""
    out = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name")
        for m in context.iter("message"):
            out[(name, m.findtext("source"))] = m.findtext("translation") or ""
    return out


def _strings() -> dict[str, tuple[str, str]]:
    """Every citizen-facing qsTr source with its English, keyed by file, line and offset."""
    english = _english()
    found = {}
    for qml in sorted(UI.rglob("*.qml")):
        if qml.stem in STAFF_ONLY:
            continue
        text = qml.read_text(encoding="utf-8")
        for match in QSTR.finditer(text):
            source = match.group(1)
            line = text.count("\n", 0, match.start()) + 1
            found[f"{qml.relative_to(UI)}:{line}:{match.start()}"] = (source, english.get((qml.stem, source), ""))
    return found


STRINGS = _strings()


def test_the_citizen_screens_have_many_strings_to_check():
    assert len(STRINGS) > 250
    assert not any(path.startswith(("qml/screens/Maintenance", "qml/screens/PinPad")) for path in STRINGS)
    assert sum(reports_wrong(zh) for zh, _ in STRINGS.values()) > 5


@pytest.mark.parametrize("where", sorted(STRINGS))
def test_short_sentences_without_internal_codes(where):
    zh, en = STRINGS[where]
    assert longest_zh(zh) <= ZH_SENTENCE, zh
    assert longest_en(en) <= EN_SENTENCE, en
    assert not CODE.search(zh), zh
    assert not CODE.search(en), en


@pytest.mark.parametrize("where", sorted(w for w, (zh, _) in STRINGS.items() if reports_wrong(zh)))
def test_every_problem_says_what_to_do_next(where):
    zh, en = STRINGS[where]
    partner = SHOWN_WITH.get(Path(where.split(":")[0]).stem, {}).get(zh)
    if partner is not None:
        shown = [pair for pair in STRINGS.values() if pair[0] == partner]
        assert shown, f"{zh} is no longer shown with {partner}"
        zh, en = shown[0]
    assert says_next_zh(zh), zh
    assert says_next_en(en), en
