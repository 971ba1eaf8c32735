"""Walk every citizen screen of a live UI in turn (voice and accessibility tests read each one as it shows)."""

from __future__ import annotations

from PySide6.QtQuick import QQuickItem

from kiosk.flow import Screen
from tests.helpers.apply import lift_card
from tests.helpers.apply_ui import SERVICE, card_on_home
from tests.helpers.qml import find, settle

# the staff's own screens speak to nobody; the attract loop is walked by the tests that want it
CITIZEN = [s.value for s in Screen if s not in (Screen.ATTRACT, Screen.MAINTENANCE, Screen.MAINTENANCE_CARE)]
PARAMS = {"Placeholder": {"title": "证明打印"}, "CatalogItems": {"title": "按主题"}, "Guide": {"code": SERVICE}}
NEED_ID = ["ApplyFor", "ApplyForm", "Certificates"]  # the others are opened before the card is read


def page(ui) -> QQuickItem:
    return find(ui.window, "screenStack").property("currentItem")


def arrive(qtbot, ui, screen: str, params: dict | None = None) -> str:
    """Onto `screen` from home; its prompt as the page gives it."""
    ui.shell.home()
    if screen != "Home":
        ui.shell.go(screen, PARAMS.get(screen, {}) if params is None else params)
    qtbot.waitUntil(lambda: ui.shell.currentScreen == screen and bool(page(ui).property("prompt")))
    settle(qtbot)
    assert ui.shell.currentScreen == screen  # the page did not send the visitor elsewhere
    return page(ui).property("prompt")


def every_screen(qtbot, ui):
    """Each citizen screen's name in turn: a visitor not yet identified, then identified (the card taken back)."""
    for screen in CITIZEN:
        if screen not in NEED_ID:
            yield screen
    ui.shell.home()  # off TakeCard: lifting the card there would end the visit
    card_on_home(qtbot, ui)
    ui.core.visit.service = SERVICE
    lift_card(ui.core)
    qtbot.waitUntil(lambda: not ui.bridges["identity"].cardOnReader)
    yield from NEED_ID
