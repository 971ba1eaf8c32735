"""The ApplyFor screen (本人办理 / 为他人代办): the applicant's details checked on screen, the form and review of a
proxy application, a card swap or a wipe dropping the applicant's details; screenshots in elderly mode and 繁體,
portrait and landscape (test-artifacts/screens)."""

from __future__ import annotations

import pytest

from tests.helpers.apply import lift_card, present_card
from tests.helpers.apply_ui import card_on_home, text_of
from tests.helpers.proxy import PRINCIPAL_NUMBER, PROXY_ITEM, SELF_ONLY_ITEM, WRONG_CHECK
from tests.helpers.qml import distinct_colours, find_visible, grab, settle, tap

SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080)}


def _on_apply_for(qtbot, ui, code: str = PROXY_ITEM) -> None:
    ui.shell.start(ui.shell.elderly)
    card_on_home(qtbot, ui)
    lift_card(ui.core)  # taken back, as the helper does before typing
    qtbot.waitUntil(lambda: not ui.bridges["identity"].cardOnReader)
    ui.bridges["apply"].choose(code)
    settle(qtbot)


def _someone_else(qtbot, ui, number: str) -> None:
    tap(qtbot, ui.window, "applyForOther")
    settle(qtbot)
    for name, text in (("principal_name", "钱样例"), ("principal_id_number", number)):
        field = find_visible(ui.window, name)
        field.forceActiveFocus()
        field.setProperty("text", text)
    ui.window.contentItem().forceActiveFocus()  # the keyboard away
    settle(qtbot)
    tap(qtbot, ui.window, "relation_1")
    tap(qtbot, ui.window, "principalNext")
    settle(qtbot)


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize(("mode", "language"), [("elderly", "zh_CN"), ("normal", "zh_TW"), ("elderly", "en")])
def test_screens_of_a_proxy_application(qtbot, make_ui, artifacts_dir, orientation, mode, language):
    w, h = SIZES[orientation]
    ui = make_ui(orientation, display={"width": w, "height": h}, locale={"language": language})
    ui.shell.elderly = mode == "elderly"
    _on_apply_for(qtbot, ui)
    assert ui.shell.currentScreen == "ApplyFor"
    shots = artifacts_dir / "screens"
    tag = f"{orientation}_{mode}_{language}"
    assert distinct_colours(grab(ui.window, shots / f"proxy_apply_for_{tag}.png")) > 8
    _someone_else(qtbot, ui, WRONG_CHECK)
    assert ui.shell.currentScreen == "ApplyFor"
    error = text_of(ui, "principalError_id_number")
    assert ("校驗位" if language == "zh_TW" else "check digit" if language == "en" else "校验位") in error
    grab(ui.window, shots / f"proxy_principal_error_{tag}.png")
    field = find_visible(ui.window, "principal_id_number")
    field.setProperty("text", PRINCIPAL_NUMBER)
    tap(qtbot, ui.window, "principalNext")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "ApplyForm")
    settle(qtbot)
    assert text_of(ui, "locked_id_number") == "110105********0029"
    grab(ui.window, shots / f"proxy_form_{tag}.png")
    ui.shell.go("Review")
    settle(qtbot)
    assert "110105********0039" in text_of(ui, "reviewProxy") and "110105********0029" in text_of(ui, "reviewProxy")
    grab(ui.window, shots / f"proxy_review_{tag}.png")


def test_an_item_without_proxy_goes_straight_to_the_form(qtbot, make_ui):
    ui = make_ui()
    _on_apply_for(qtbot, ui, SELF_ONLY_ITEM)
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "ApplyForm")


def test_apply_for_myself_opens_the_form_of_my_own_card(qtbot, make_ui):
    ui = make_ui()
    _on_apply_for(qtbot, ui)
    tap(qtbot, ui.window, "applyForSelf")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "ApplyForm")
    settle(qtbot)
    assert text_of(ui, "locked_id_number") == "110105********0039" and ui.core.visit.principal is None


def test_a_card_swap_during_a_proxy_application_drops_the_applicants_details(qtbot, make_ui):
    ui = make_ui()
    _on_apply_for(qtbot, ui)
    _someone_else(qtbot, ui, PRINCIPAL_NUMBER)
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "ApplyForm")
    assert ui.core.visit.principal is not None
    present_card(ui.core, "li_longterm")  # another card: back to identification, the typed details gone
    # the new card's holder goes through their own face check: nothing of the old visit's form stays
    qtbot.waitUntil(lambda: ui.shell.currentScreen in ("Identify", "FaceCheck"))
    assert ui.core.visit.principal is None and ui.core.visit.verified() is None


def test_a_wipe_during_a_proxy_application_drops_the_applicants_details(qtbot, make_ui):
    ui = make_ui()
    _on_apply_for(qtbot, ui)
    _someone_else(qtbot, ui, PRINCIPAL_NUMBER)
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "ApplyForm")
    ui.shell.endSession()
    settle(qtbot)
    assert ui.core.visit.principal is None and ui.core.visit.form is None
    assert ui.bridges["applyFor"].principalErrors == {} and ui.bridges["apply"].proxyLine == ""
