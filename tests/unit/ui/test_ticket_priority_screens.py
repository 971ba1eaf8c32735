"""取号 offers a normal and a priority (green-channel) number with one clear button each: the priority number has
its own letter and says so on screen, nobody is asked for proof, and the normal series carries on apart; the
configuration can switch priority numbers off. Screenshots of the choice and of a priority number."""

from __future__ import annotations

import pytest

from tests.helpers.qml import distinct_colours, find_visible, grab, settle, tap

SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080)}


def _ui(make_ui, orientation="portrait", **sections):
    w, h = SIZES[orientation]
    return make_ui(orientation, display={"width": w, "height": h}, **sections)


def _to_choice(qtbot, ui, code="HJ-001"):
    ui.shell.go("Guide", {"code": code})
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Guide")
    settle(qtbot)
    tap(qtbot, ui.window, "guideTicket")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Ticket" and ui.bridges["ticket"].ticketState == "choose")
    settle(qtbot)


def test_one_tap_gives_a_priority_number_with_its_own_letter(qtbot, make_ui):
    ui = _ui(make_ui)
    ticket = ui.bridges["ticket"]
    ui.shell.start()
    _to_choice(qtbot, ui)
    assert find_visible(ui.window, "ticketTakeNormal") is not None
    assert "老年人" in find_visible(ui.window, "ticketTakePriority").property("text")
    assert ui.core.catalog.waiting_for("HJ-001") == 0  # the choice alone takes no number
    tap(qtbot, ui.window, "ticketTakePriority")
    qtbot.waitUntil(lambda: ticket.ticketNumber != "", timeout=10_000)  # no printer here: number and QR
    # numbered without central (none here): the people ahead are not known, and the screen says so
    assert ticket.ticketNumber == "V001" and ticket.ticketPriority and ticket.ticketAhead == -1
    assert ticket.ticketWaitingText == "前面人数暂不可知"
    settle(qtbot)
    assert find_visible(ui.window, "ticketPriorityNote").property("text") == "优先号 · 老年人、残疾人、孕妇优先办理"
    assert find_visible(ui.window, "ticketChoice") is None
    # asked again in the same visit: the number held, not a second one
    ui.shell.home()
    ui.shell.go("Guide", {"code": "HJ-001"})
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Guide")
    settle(qtbot)
    tap(qtbot, ui.window, "guideTicket")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Ticket" and ticket.ticketNumber == "V001", timeout=10_000)
    assert ui.core.catalog.waiting_for("HJ-001") == 1
    # the next visitor's normal number keeps the queue's own series and waits behind the priority one
    ui.shell.endSession()
    ui.shell.start()
    _to_choice(qtbot, ui)
    tap(qtbot, ui.window, "ticketTakeNormal")
    letter = ui.core.catalog.catalog.where("HJ-001").queue.code
    qtbot.waitUntil(lambda: ticket.ticketNumber == f"{letter}001", timeout=10_000)
    assert not ticket.ticketPriority and ticket.ticketAhead == -1


def test_the_general_desk_gives_priority_numbers_too(qtbot, make_ui):
    ui = _ui(make_ui)
    ui.shell.start()
    ui.shell.go("Catalog", {"view": "most_used", "purpose": "ticket"})
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Catalog")
    settle(qtbot)
    tap(qtbot, ui.window, "catalogGeneralTicket")
    qtbot.waitUntil(lambda: ui.bridges["ticket"].ticketState == "choose")
    settle(qtbot)
    tap(qtbot, ui.window, "ticketTakePriority")
    qtbot.waitUntil(lambda: ui.bridges["ticket"].ticketNumber == "V001", timeout=10_000)
    assert ui.bridges["ticket"].ticketService == "综合咨询"


def test_without_a_priority_letter_the_choice_is_one_button(qtbot, make_ui):
    ui = _ui(make_ui, catalog={"priority_ticket_letter": ""})
    ui.shell.start()
    _to_choice(qtbot, ui)
    assert find_visible(ui.window, "ticketTakePriority") is None
    assert find_visible(ui.window, "ticketTakeNormal").property("text") == "取号"
    tap(qtbot, ui.window, "ticketTakeNormal")
    qtbot.waitUntil(lambda: ui.bridges["ticket"].ticketNumber.startswith("A"), timeout=10_000)


def test_elderly_mode_speaks_the_choice_and_the_priority_number(qtbot, make_ui):
    ui = _ui(make_ui, locale={"voice_prompts": True})
    spoken: list[str] = []
    ui.voice.spoken.connect(spoken.append)
    ui.shell.start(True)
    _to_choice(qtbot, ui)
    qtbot.waitUntil(lambda: any("取优先号" in s for s in spoken))
    tap(qtbot, ui.window, "ticketTakePriority")
    qtbot.waitUntil(lambda: any("V001" in s and "优先号" in s for s in spoken), timeout=10_000)


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize("elderly", [False, True], ids=["normal", "elderly"])
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_screenshots_of_the_choice_and_a_priority_number(qtbot, make_ui, artifacts_dir, orientation, elderly,
                                                         language):
    ui = _ui(make_ui, orientation)
    ui.shell.start(elderly)
    ui.shell.language = language
    mode = "elderly" if elderly else "normal"
    shots = artifacts_dir / "screens"
    _to_choice(qtbot, ui)
    path = grab(ui.window, shots / f"ticket_choice_{orientation}_{mode}_{language}.png")
    assert distinct_colours(path) > 8
    tap(qtbot, ui.window, "ticketTakePriority")
    qtbot.waitUntil(lambda: ui.bridges["ticket"].ticketState == "failed", timeout=10_000)  # no printer: the QR
    qtbot.waitUntil(lambda: find_visible(ui.window, "ticketQrImage") is not None)
    settle(qtbot, 500)
    grab(ui.window, shots / f"ticket_priority_qr_{orientation}_{mode}_{language}.png")
