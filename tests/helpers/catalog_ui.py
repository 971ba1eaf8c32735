"""Helpers for the catalog screen tests: type through the on-screen keyboard, read what the simulated printer got."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtQml import QQmlComponent

from tests.helpers.qml import find, tap

# a tiny driver living in the kiosk's own engine, so it reaches the same InputContext as the screens
KEYBOARD_DRIVER = b"""
import QtQuick
import QtQuick.VirtualKeyboard
QtObject {
    function click(key, text) { return InputContext.inputEngine.virtualKeyClick(key, text, 0) }
    function locale() { return InputContext.locale }
}
"""


_keep: list = []


def keyboard_driver(ui):
    component = QQmlComponent(ui.engine)
    component.setData(KEYBOARD_DRIVER, QUrl("driver.qml"))
    driver = component.create()
    assert driver is not None, [e.toString() for e in component.errors()]
    _keep.append(component)  # the object's methods live in the component's compiled unit: keep it alive
    return driver


def type_on_keyboard(qtbot, ui, field_name: str, letters: str, locale: str = "zh_CN"):
    """Taps the field, waits for the on-screen keyboard, then clicks its keys one letter at a time."""
    field = tap(qtbot, ui.window, field_name)
    qtbot.waitUntil(lambda: field.hasActiveFocus())
    panel = find(ui.window, "inputPanel")
    qtbot.waitUntil(lambda: panel is not None and panel.property("active"))
    driver = keyboard_driver(ui)
    qtbot.waitUntil(lambda: driver.locale() == locale)
    for letter in letters:
        driver.click(int(getattr(Qt.Key, f"Key_{letter.upper()}").value), letter)
    return field, driver


def virtual_printer(core):
    """The in-process simulated printer behind the configured `sim:` printer device."""
    device = core.devices.get("printer")
    assert device is not None, "no printer device opened"
    return device.transport.printer


class ByteSpy:
    """Records every byte the virtual printer receives (the same bytes a cable would carry)."""

    def __init__(self, printer) -> None:
        self.data = bytearray()
        original = printer.receive

        def receive(data: bytes) -> bytes:
            self.data += data
            return original(data)

        printer.receive = receive

    def contains(self, text: str) -> bool:
        return text.encode("gb18030") in self.data
