"""The on-screen keyboard types Chinese through pinyin: z-h-a-n-g, first candidate, 张 in the field."""

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtQml import QQmlComponent

from tests.helpers.qml import find, settle, tap

# a tiny driver component living in the kiosk's own engine, so it reaches the same InputContext
DRIVER = b"""
import QtQuick
import QtQuick.VirtualKeyboard
QtObject {
    function click(key, text) { return InputContext.inputEngine.virtualKeyClick(key, text, 0) }
    function candidates() { return InputContext.inputEngine.wordCandidateListModel.count }
    function pick(i) { InputContext.inputEngine.wordCandidateListModel.selectItem(i) }
    function locale() { return InputContext.locale }
}
"""


def test_pinyin_zhang_types_the_character(qtbot, make_ui):
    ui = make_ui()
    ui.shell.start()
    settle(qtbot)
    field = tap(qtbot, ui.window, "homeSearch")
    qtbot.waitUntil(lambda: field.hasActiveFocus())
    panel = find(ui.window, "inputPanel")
    qtbot.waitUntil(lambda: panel is not None and panel.property("active"))

    component = QQmlComponent(ui.engine)
    component.setData(DRIVER, QUrl("driver.qml"))
    driver = component.create()
    assert driver is not None, [e.toString() for e in component.errors()]
    qtbot.waitUntil(lambda: driver.locale() == "zh_CN")
    for key, letter in ((Qt.Key_Z, "z"), (Qt.Key_H, "h"), (Qt.Key_A, "a"), (Qt.Key_N, "n"), (Qt.Key_G, "g")):
        driver.click(int(key.value), letter)
    qtbot.waitUntil(lambda: driver.candidates() > 0)
    driver.pick(0)
    qtbot.waitUntil(lambda: field.property("text") == "张")
