"""The idle countdown hears the citizen: a tap, a drag or a key on the kiosk window counts as activity (the
watch sits on the window, where every input arrives first)."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from tests.helpers.qml import settle


def _stale(ui) -> float:
    ui.core.idle._last -= 100
    return ui.core.idle._last


def test_a_tap_a_drag_and_a_key_each_count_as_activity(qtbot, make_ui):
    ui = make_ui()
    ui.shell.start()
    settle(qtbot)
    spot = QPoint(ui.window.width() // 2, ui.window.height() // 3)
    before = _stale(ui)
    QTest.mousePress(ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot)
    QTest.mouseRelease(ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot)
    assert ui.core.idle._last > before
    before = _stale(ui)
    QTest.mouseMove(ui.window, spot + QPoint(40, 40))
    qtbot.waitUntil(lambda: ui.core.idle._last > before)
    before = _stale(ui)
    QTest.keyClick(ui.window, Qt.Key.Key_Tab)
    assert ui.core.idle._last > before


def test_nothing_the_screen_does_by_itself_counts(qtbot, make_ui):
    """Animations, timers and repaints are not a citizen: the countdown keeps running through them."""
    ui = make_ui()
    ui.shell.start()
    settle(qtbot)
    before = _stale(ui)
    ui.window.update()
    qtbot.wait(300)  # frames, timers and the clock's ticks go by
    assert ui.core.idle._last == before
