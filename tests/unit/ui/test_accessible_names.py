"""A screen reader can name everything a finger can use: every visible interactive item on every citizen screen
(buttons, fields, touch areas) has an accessible name, read through Qt's accessibility interface."""

from __future__ import annotations

from PySide6.QtGui import QAccessible

from tests.helpers.qml import _items, find, settle
from tests.helpers.screens import arrive, every_screen


def _interactive(item) -> bool:
    if not (item.isVisible() and item.isEnabled() and item.width() > 0 and item.height() > 0):
        return False
    if any(item.inherits(c) for c in ("QQuickAbstractButton", "QQuickTextInput", "QQuickTextEdit", "QQuickMouseArea")):
        return True
    return any(child.inherits("QQuickTapHandler") for child in item.children())


def _name(item) -> str:
    """The item's own accessible name; a touch area is named by the item it covers (its parent)."""
    for holder in (item, item.parentItem()) if item.inherits("QQuickMouseArea") else (item,):
        iface = QAccessible.queryAccessibleInterface(holder) if holder is not None else None
        if iface is not None and iface.text(QAccessible.Text.Name).strip():
            return iface.text(QAccessible.Text.Name).strip()
    return ""


def _in_keyboard(item) -> bool:
    """Qt's virtual keyboard names its own keys."""
    while item is not None:
        if item.objectName() == "inputPanel":
            return True
        item = item.parentItem()
    return False


def _unnamed(ui) -> list[str]:
    return [f"{item.metaObject().className()} {item.objectName()!r}"
            for item in _items(ui.window) if _interactive(item) and not _name(item) and not _in_keyboard(item)]


def test_every_interactive_item_on_every_screen_has_an_accessible_name(qtbot, make_ui):
    ui = make_ui(locale={"voice_prompts": True})
    QAccessible.setActive(True)
    missing = {}
    settle(qtbot)
    if found := _unnamed(ui):
        missing["Attract"] = found
    ui.shell.start()
    for screen in every_screen(qtbot, ui):
        arrive(qtbot, ui, screen)
        if found := _unnamed(ui):
            missing[screen] = found
    ui.shell.home()
    settle(qtbot)
    find(ui.window, "exitConfirm").setProperty("visible", True)  # 退出 after a card was read
    if found := _unnamed(ui):
        missing["ExitConfirm"] = found
    find(ui.window, "exitConfirm").setProperty("visible", False)
    idle = ui.core.idle
    idle._last -= (idle.elderly_timeout if idle.elderly else idle.timeout) - 10  # the countdown shows
    ui.shell.tick()
    qtbot.waitUntil(lambda: find(ui.window, "idleOverlay").isVisible())
    if found := _unnamed(ui):
        missing["IdleOverlay"] = found
    assert not missing, "\n".join(f"{s}: {', '.join(f)}" for s, f in missing.items())
