"""Steps of the application screens shared by UI tests: open the form for a card, type into fields, review."""

from __future__ import annotations

from tests.helpers.apply import pass_face_check, present_card
from tests.helpers.qml import _items, find_visible, settle, tap

SERVICE = "GJ-003"  # 退休提取住房公积金: name and number from the card, phone and bank account typed


def texts(ui) -> str:
    return " ".join(str(i.property("text")) for i in _items(ui.window) if i.isVisible() and i.property("text") is not None)


def text_of(ui, name: str) -> str:
    item = find_visible(ui.window, name)
    assert item is not None, f"{name} not visible"
    return str(item.property("text"))


def type_into(qtbot, ui, key: str, value: str) -> None:
    """Sets a form field's text as the keyboard would leave it (the keyboard itself is tested elsewhere)."""
    settle(qtbot, 300)
    field = find_visible(ui.window, f"field_{key}")
    assert field is not None, f"no field {key}"
    field.forceActiveFocus()  # as a tap does; the form scrolls it above the keyboard (a tap could miss it below)
    qtbot.waitUntil(lambda: field.hasActiveFocus())
    field.setProperty("text", value)


def card_on_home(qtbot, ui) -> None:
    """The card read while Home shows (the identity bridge takes it before Identified opens)."""
    present_card(ui.core)
    qtbot.waitUntil(lambda: ui.bridges["identity"].hasIdentity)
    pass_face_check(ui.core)  # the face screens' own tests check how it passes


def enter(qtbot, ui) -> None:
    """The keyboard's Enter in the field being typed: on to the review (the only way in landscape)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.keyClick(ui.window, Qt.Key.Key_Return)


def open_form(qtbot, ui, code: str = SERVICE) -> None:
    ui.shell.start()
    card_on_home(qtbot, ui)
    ui.core.visit.service = code
    ui.shell.go("Identified")
    settle(qtbot)  # a StackView in transition takes no taps
    tap(qtbot, ui.window, "identifiedContinue")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "ApplyForm")
    settle(qtbot)


def fill_and_review(qtbot, ui) -> None:
    type_into(qtbot, ui, "phone", "13800138000")
    type_into(qtbot, ui, "bank_account", "6222020200112233445")
    enter(qtbot, ui)
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Review")
    settle(qtbot)
