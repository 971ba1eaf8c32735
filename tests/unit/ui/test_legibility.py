"""适老化 measured, not eyeballed: every citizen screen (and the panels over them) in both orientations, normal and
elderly mode, Chinese and English, measured from the live item tree against DESIGN.md's numbers: text size,
heading size, touch targets, contrast against the colours really behind each text, line spacing. Prints a table
per screen; fails on any violation."""

from __future__ import annotations

import threading

import pytest

from drivers.cards.events import ReaderError
from tests.helpers.legibility import ELDERLY, NORMAL, measure, table
from tests.helpers.qml import find, settle, tap
from kiosk.application import choose_service
from tests.helpers.apply import lift_card
from tests.helpers.apply_ui import card_on_home
from tests.helpers.proxy import PROXY_ITEM, WRONG_CHECK
from tests.helpers.screens import arrive, every_screen, page

SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080)}


def _ticket(qtbot, ui, take):
    ui.shell.home()
    take("HJ-001")
    ui.shell.go("Ticket", {"code": "HJ-001"})
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Ticket" and ui.bridges["ticket"].ticketState in ("choose", "failed"),
                    timeout=10_000)
    settle(qtbot)


def _onto(qtbot, ui, screen, params):
    ui.shell.home()
    ui.shell.go(screen, params)
    qtbot.waitUntil(lambda: ui.shell.currentScreen == screen)
    ui.window.contentItem().forceActiveFocus()  # the keyboard away: the screen is what is measured
    settle(qtbot)


def _for_someone_else(qtbot, ui, elderly):
    """亲友代办: the applicant's details open, each with its message (then a new visitor, on home)."""
    card_on_home(qtbot, ui)
    lift_card(ui.core)  # the card taken back: its notice gone, as when the helper types
    qtbot.waitUntil(lambda: not ui.bridges["identity"].cardOnReader)
    choose_service(ui.core.visit, ui.core.catalog.catalog, PROXY_ITEM)
    _onto(qtbot, ui, "ApplyFor", {})
    page(ui).setProperty("other", True)
    ui.bridges["applyFor"].forSomeoneElse("", WRONG_CHECK, "", "123")
    ui.window.contentItem().forceActiveFocus()
    settle(qtbot)
    return ui.window.contentItem()


def _walk(qtbot, ui, elderly):
    """(name, root item to measure) for each state in turn: the screens as they open, screens with what they
    show once used (lists, results, problems), then the panels that cover them."""
    window = ui.window.contentItem()
    settle(qtbot)
    yield "Attract", window
    ui.shell.start(elderly)
    for screen in every_screen(qtbot, ui):
        arrive(qtbot, ui, screen)
        yield screen, window
    ui.shell.endSession()  # a new visitor: no card read yet
    ui.shell.start(elderly)
    _onto(qtbot, ui, "Catalog", {"view": "most_used", "purpose": "ticket"})
    yield "Catalog: for a number", window
    theme = ui.bridges["catalog"].themes[0]
    _onto(qtbot, ui, "CatalogItems", {"kind": "theme", "code": theme["code"], "title": theme["title"]})
    yield "CatalogItems: a theme", window
    _onto(qtbot, ui, "Search", {"text": "gjj"})
    yield "Search: results", window
    _onto(qtbot, ui, "Search", {"text": "qqqqxz"})
    yield "Search: no result", window
    _onto(qtbot, ui, "Guide", {"code": "GJ-003"})  # can be applied for here: all three actions
    yield "Guide: all actions", window
    ui.bridges["apply"].start("YL-002")  # a helper may apply for someone else: the card screen says whose card
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Identify")
    settle(qtbot)
    yield "Identify: a helper may apply", window
    _onto(qtbot, ui, "Identify", {})
    reader = threading.Thread(target=ui.core.identity._on_card_event, args=(ReaderError("idcard", "checksum", "x"),))
    reader.start()
    reader.join()
    qtbot.waitUntil(lambda: ui.bridges["identity"].state == "problem")
    settle(qtbot)
    yield "Identify: a read failed", window
    _onto(qtbot, ui, "Rating", {})
    ui.bridges["rating"]._rated(("done", None))  # what the worker hands back once the rating is queued
    settle(qtbot)
    yield "Rating: thanks", window
    ticket = ui.bridges["ticket"]
    _ticket(qtbot, ui, ticket.offer)
    yield "Ticket: normal or priority", window
    _ticket(qtbot, ui, ticket.takePriorityNumber)
    qtbot.waitUntil(lambda: find(ui.window, "ticketQrImage").isVisible(), timeout=10_000)
    settle(qtbot)
    yield "Ticket: a priority number, no paper", window
    ui.shell.endSession()
    ui.shell.start(elderly)
    settle(qtbot)
    yield "ApplyFor: for someone else, details to fix", _for_someone_else(qtbot, ui, elderly)
    staff = ui.bridges["staffCall"]
    staff.call()  # no queue in this kiosk: the panel sends the visitor to where staff sit
    qtbot.waitUntil(lambda: staff.state == "failed", timeout=10_000)
    settle(qtbot)
    yield "Staff call: cannot be recorded", find(ui.window, "staffCallPanel")
    staff._called(True)  # what the worker hands back when the queue took the call
    settle(qtbot)
    yield "Staff call: on their way", find(ui.window, "staffCallPanel")
    staff.close()
    exit_confirm = find(ui.window, "exitConfirm")
    exit_confirm.setProperty("visible", True)
    settle(qtbot)
    yield "Exit question", exit_confirm
    exit_confirm.setProperty("visible", False)
    menu = find(ui.window, "languageMenu")
    menu.open()
    qtbot.waitUntil(lambda: menu.property("opened"))
    settle(qtbot)
    yield "Language menu", menu.property("contentItem")
    menu.close()
    if elderly:  # the voice panel is offered in elderly mode only
        from PySide6.QtCore import QObject

        tap(qtbot, ui.window, "voiceSettings")  # the panel is made when first opened
        voice = ui.window.findChildren(QObject, "voicePanel")[0]
        qtbot.waitUntil(lambda: voice.property("opened"))
        settle(qtbot)
        yield "Voice loudness and speed", voice.property("contentItem")
        voice.close()
    idle = ui.core.idle
    idle._last -= (idle.elderly_timeout if idle.elderly else idle.timeout) - 5  # the countdown shows
    ui.shell.tick()
    qtbot.waitUntil(lambda: find(ui.window, "idleOverlay").isVisible())
    settle(qtbot)
    yield "Idle countdown", find(ui.window, "idleOverlay")


@pytest.mark.parametrize("language", ["zh_CN", "en", "zh_TW"])
@pytest.mark.parametrize("elderly", [False, True], ids=["normal", "elderly"])
@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_every_citizen_screen_meets_the_elderly_friendly_numbers(qtbot, make_ui, orientation, elderly, language):
    w, h = SIZES[orientation]
    ui = make_ui(orientation, display={"width": w, "height": h}, locale={"voice_prompts": True, "language": language})
    ui.shell.elderly = elderly
    dp = min(w, h) / 720
    rules = ELDERLY if elderly else NORMAL
    mode = f"{orientation}, {'elderly' if elderly else 'normal'}, {language}"
    report, bad = [], []
    for name, root in _walk(qtbot, ui, elderly):
        assert ui.shell.elderly == elderly and ui.shell.language == language, name
        found = measure(ui.window, root, dp, rules)
        assert any(f.check == "text" for f in found), f"{name}: nothing measured"
        report.append(table(found, f"{name} ({mode})"))
        bad += [f"{name}: {f.check} {f.what!r} {f.value} < {f.need} [{f.where}]" for f in found if not f.ok]
    print("\n".join(report))
    assert not bad, f"{len(bad)} violations ({mode}):\n" + "\n".join(bad)
