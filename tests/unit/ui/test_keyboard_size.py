"""The on-screen keyboard follows elderly mode: keys from the theme (>= 64 dp, labels >= 28 dp), every key says
what it does, and a digits-only field gets a pad of digits with no '.', space or language key."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.helpers.apply import DEAD_CENTRAL, pass_face_check, present_card
from tests.helpers.qml import centre, find, grab, settle, tap

SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080)}
# (key, label) in dp: elderly mode's promise; normal mode still gives the theme's 48 dp targets
MINIMUM = {True: (64, 28), False: (48, 20)}


def _keys(window) -> list:
    """The keys of the keyboard's current layout (filler keys are empty space)."""
    panel = find(window, "inputPanel")
    out, todo = [], [panel]
    while todo:
        item = todo.pop()
        if not item.isVisible():
            continue
        if item.property("keyType") is not None:
            if "FillerKey" not in item.metaObject().className():
                out.append(item)
            continue
        todo.extend(item.childItems())
    return out


def _label(key):
    """The visible words on a key's cap."""
    todo = list(key.childItems())
    while todo:
        item = todo.pop()
        if item.isVisible() and item.inherits("QQuickText") and str(item.property("text") or "").strip():
            return item
        todo.extend(item.childItems())
    return None


def _measure(window, dp: float, elderly: bool) -> list[str]:
    key_min, label_min = MINIMUM[elderly]
    problems = []
    for key in _keys(window):
        what = f"{key.metaObject().className().split('_')[0]} {key.property('text')!r}"
        w, h = key.width() / dp, key.height() / dp
        if min(w, h) < key_min - 0.5:
            problems.append(f"{what}: {w:.0f}x{h:.0f} dp < {key_min} dp")
        label = _label(key)
        if label is None:
            problems.append(f"{what}: blank key")
            continue
        size = label.property("font").pixelSize() / dp
        if size < label_min - 0.5:
            problems.append(f"{what}: label {label.property('text')!r} {size:.1f} dp < {label_min} dp")
        if label.property("contentWidth") > label.width() + 0.5:
            problems.append(f"{what}: label {label.property('text')!r} wider than its key")
    return problems


def _search_keyboard(qtbot, ui):
    ui.shell.start()
    ui.shell.go("Search", {"text": ""})
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Search")
    settle(qtbot)
    tap(qtbot, ui.window, "searchField")
    panel = find(ui.window, "inputPanel")
    qtbot.waitUntil(lambda: panel.property("active"))
    settle(qtbot, 500)


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize("elderly", [False, True], ids=["normal", "elderly"])
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_keys_and_labels_follow_the_theme(qtbot, make_ui, artifacts_dir, orientation, elderly, language):
    w, h = SIZES[orientation]
    ui = make_ui(orientation, display={"width": w, "height": h})
    ui.shell.elderly = elderly
    ui.shell.language = language
    dp = min(w, h) / 720
    _search_keyboard(qtbot, ui)
    mode = "elderly" if elderly else "normal"
    grab(ui.window, artifacts_dir / "screens" / f"keyboard_letters_{language}_{orientation}_{mode}.png")
    letters = _keys(ui.window)
    assert len(letters) >= 30
    problems = [f"letters: {p}" for p in _measure(ui.window, dp, elderly)]
    symbol_key = next(k for k in letters if "SymbolModeKey" in k.metaObject().className())
    QTest.mouseClick(ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre(symbol_key))
    qtbot.waitUntil(lambda: any(k.property("text") == "1" for k in _keys(ui.window)))
    settle(qtbot, 300)
    problems += [f"symbols: {p}" for p in _measure(ui.window, dp, elderly)]
    assert not problems, "\n".join(problems)


def _phone_field_keyboard(qtbot, ui):
    """ApplyForm of an item with a phone field, identified by card and face; the phone field tapped."""
    ui.shell.start()
    present_card(ui.core)
    qtbot.waitUntil(lambda: ui.bridges["identity"].hasIdentity)
    pass_face_check(ui.core)
    ui.core.visit.service = "GJ-003"
    ui.shell.go("Identified")
    settle(qtbot)
    tap(qtbot, ui.window, "identifiedContinue")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "ApplyForm")
    settle(qtbot)
    field = tap(qtbot, ui.window, "field_phone")
    qtbot.waitUntil(lambda: field.hasActiveFocus())
    panel = find(ui.window, "inputPanel")
    qtbot.waitUntil(lambda: panel.property("active"))
    settle(qtbot, 500)


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize("elderly", [False, True], ids=["normal", "elderly"])
def test_a_phone_field_gets_a_pad_of_digits(qtbot, make_ui, artifacts_dir, orientation, elderly):
    w, h = SIZES[orientation]
    ui = make_ui(orientation, display={"width": w, "height": h}, central={"url": DEAD_CENTRAL})
    ui.shell.elderly = elderly
    _phone_field_keyboard(qtbot, ui)
    grab(ui.window, artifacts_dir / "screens" / f"keyboard_digits_{orientation}_{'elderly' if elderly else 'normal'}.png")
    keys = _keys(ui.window)
    characters = sorted(str(k.property("text")) for k in keys if k.metaObject().className().startswith("Key_"))
    assert characters == list("0123456789"), characters  # no '.', no space
    kinds = {k.metaObject().className().split("_")[0] for k in keys}
    assert "ChangeLanguageKey" not in kinds and "SpaceKey" not in kinds, kinds
    assert "BackspaceKey" in kinds
    problems = _measure(ui.window, min(w, h) / 720, elderly)
    assert not problems, "\n".join(problems)


# a field as a form builds it from the catalog's field type (Kiosk/FieldHints), placed on the kiosk window
ID_FIELD = b"""
import QtQuick
import QtQuick.Controls
import Kiosk
TextField {
    objectName: "idNumberProbe"; x: 40; y: 200; width: 600; height: 120
    inputMethodHints: FieldHints.forType("id_number")
}
"""
_keep = []


def test_an_id_number_field_gets_digits_and_x(qtbot, make_ui):
    from PySide6.QtCore import QUrl
    from PySide6.QtQml import QQmlComponent

    ui = make_ui(display={"width": 1080, "height": 1920})
    ui.shell.elderly = True
    ui.shell.start()
    settle(qtbot)
    component = QQmlComponent(ui.engine)
    component.setData(ID_FIELD, QUrl("id_probe.qml"))
    field = component.create()
    assert field is not None, [e.toString() for e in component.errors()]
    _keep.append((component, field))
    field.setParentItem(ui.window.contentItem())
    field.setZ(1000)
    tap(qtbot, ui.window, "idNumberProbe")
    panel = find(ui.window, "inputPanel")
    qtbot.waitUntil(lambda: panel.property("active"))
    settle(qtbot, 500)
    keys = _keys(ui.window)
    characters = sorted(str(k.property("text")) for k in keys if k.metaObject().className().startswith("Key_"))
    assert characters == list("0123456789X"), characters
    assert not _measure(ui.window, 1080 / 720, True)
