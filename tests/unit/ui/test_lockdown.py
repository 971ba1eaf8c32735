"""The kiosk session's event filter: leaving keys, context menus and multi-finger gestures are eaten, typing is not."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtTest import QTest

from tests.helpers.kiosk import write_config
from tests.helpers.qml import settle
from ui.lockdown import forbidden_key

K, M = Qt.Key, Qt.KeyboardModifier
QML = Path(__file__).resolve().parents[3] / "ui" / "qml"
LEAVING = [(K.Key_F4, M.AltModifier), (K.Key_Tab, M.AltModifier), (K.Key_Q, M.ControlModifier),
           (K.Key_W, M.ControlModifier), (K.Key_Backspace, M.ControlModifier | M.AltModifier),
           (K.Key_Meta, M.MetaModifier), (K.Key_Super_L, M.NoModifier), (K.Key_E, M.MetaModifier)]
LEAVING += [(getattr(K, f"Key_F{n}"), M.ControlModifier | M.AltModifier) for n in range(1, 13)]
TYPING = [(K.Key_A, M.NoModifier), (K.Key_A, M.ShiftModifier), (K.Key_Backspace, M.NoModifier),
          (K.Key_Return, M.NoModifier), (K.Key_F4, M.NoModifier), (K.Key_Tab, M.NoModifier), (K.Key_5, M.NoModifier)]


@pytest.mark.parametrize(("key", "mods"), LEAVING)
def test_leaving_keys_are_forbidden(key, mods):
    assert forbidden_key(key, mods)


@pytest.mark.parametrize(("key", "mods"), TYPING)
def test_typing_keys_pass(key, mods):
    assert not forbidden_key(key, mods)


@pytest.fixture(params=[False, True], ids=["at-once", "as-kiosk-run"])
def kiosk_ui(request, qapp, tmp_path):
    """The UI in fullscreen (the only mode that locks down), built whole or as `kiosk run` builds it: the filter
    goes on with the rest after the first frame (finish_start)."""
    from kiosk.app import KioskCore
    from kiosk.config import load
    from ui.app import KioskUi

    cfg = load(write_config(tmp_path, display={"fullscreen": True, "hide_cursor": False},
                            locale={"voice_prompts": False}))
    core = KioskCore(cfg, open_hardware=False)
    ui = KioskUi(core, qapp, defer=request.param)
    if request.param:
        ui.finish_start()
    yield ui
    ui.close()
    core.close()


def test_filter_eats_leaving_keys_menus_and_gestures_in_fullscreen(qtbot, kiosk_ui):
    ui = kiosk_ui
    assert ui.lockdown is not None
    settle(qtbot)
    eaten = ui.lockdown.eaten
    for key, mods in LEAVING:
        QTest.keyClick(ui.window, key, mods)
    assert ui.lockdown.eaten >= eaten + len(LEAVING)  # press and release of each, at least the press
    before = ui.lockdown.eaten
    for key, mods in TYPING:
        QTest.keyClick(ui.window, key, mods)
    assert ui.lockdown.eaten == before
    QGuiApplication.sendEvent(ui.window, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(50, 50), QPoint(50, 50)))
    assert ui.lockdown.eaten == before + 1
    device = QTest.createTouchDevice()
    QTest.touchEvent(ui.window, device).press(0, QPoint(100, 100)).press(1, QPoint(300, 300)).commit()
    QTest.touchEvent(ui.window, device).release(0, QPoint(100, 100)).release(1, QPoint(300, 300)).commit()
    assert ui.lockdown.eaten >= before + 2
    assert ui.window.isVisible() and ui.shell.stack == ["Attract"]
    ui.window.close()  # what a window manager's close (Alt+F4 elsewhere) asks for: refused in the kiosk session
    assert ui.window.isVisible()


def test_windowed_kiosk_has_no_lockdown(make_ui):
    assert make_ui().lockdown is None


def test_text_fields_offer_no_menu_selection_or_file_dialog():
    """Every typed field in QML: no cut/copy/paste menu, no selection handles; no file dialog anywhere."""
    for path in QML.rglob("*.qml"):
        text = path.read_text(encoding="utf-8")
        assert "FileDialog" not in text and "FolderDialog" not in text, path
        for m in re.finditer(r"\b(TextField|TextArea|TextInput|TextEdit)\s*\{", text):
            body = text[m.end():m.end() + 1500]
            assert "ContextMenu.menu: null" in body and "selectByMouse: false" in body, f"{path}: {m.group(1)}"


def test_before_the_first_frame_the_window_is_already_locked(qtbot, qapp, tmp_path):
    """kiosk run puts the application-wide filter on after the first frame; until then the window's own keys
    are already eaten, so there is no moment without the lockdown."""
    from kiosk.app import KioskCore
    from kiosk.config import load
    from ui.app import KioskUi

    cfg = load(write_config(tmp_path, display={"fullscreen": True, "hide_cursor": False},
                            locale={"voice_prompts": False}))
    core = KioskCore(cfg, open_hardware=False)
    ui = KioskUi(core, qapp, defer=True)
    try:
        before = ui.lockdown.eaten
        QTest.keyClick(ui.window, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
        assert ui.lockdown.eaten > before
        ui.finish_start()
        before = ui.lockdown.eaten
        QTest.keyClick(ui.window, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
        # press, release (and Qt's shortcut override), each eaten once: not twice, by the window's filter too
        assert ui.lockdown.eaten - before in (2, 3)
    finally:
        ui.close()
        core.close()
