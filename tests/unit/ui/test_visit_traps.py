"""Traps a citizen fell into on a walkthrough, each walked through the real UI: cards left on the reader, no
Start in landscape, elderly mode hard to find and easy to lose, 退出 throwing away what was entered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF

from tests.helpers.apply import lift_card, present_card
from tests.helpers.qml import _items, find_visible, grab, settle, tap

SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080)}


def make(make_ui, orientation="portrait", voice=False, **sections):
    ui = make_ui(orientation, locale={"voice_prompts": voice}, **sections)
    ui.window.resize(*SIZES[orientation])
    return ui


def test_every_read_says_take_your_card_back_on_screen_in_voice_and_with_a_beep(qtbot, make_ui, artifacts_dir):
    ui = make(make_ui, voice=True)
    spoken, beeps = [], []
    ui.voice.spoken.connect(spoken.append)
    ui.voice.beeped.connect(lambda: beeps.append(1))
    ui.shell.start()
    settle(qtbot)
    present_card(ui.core)
    qtbot.waitUntil(lambda: find_visible(ui.window, "cardNoticeText") is not None)
    assert find_visible(ui.window, "cardNoticeText").property("text") == "读卡成功，请取回身份证"
    assert "读卡成功，请取回身份证" in spoken and beeps
    assert find_visible(ui.window, "navTakeCard") is not None  # the bar keeps saying it while the card lies there
    settle(qtbot)
    grab(ui.window, artifacts_dir / "screens" / "traps_card_read_notice_portrait.png")
    lift_card(ui.core)
    qtbot.waitUntil(lambda: find_visible(ui.window, "navTakeCard") is None)
    assert find_visible(ui.window, "cardNoticeText") is None


@pytest.mark.parametrize("elderly", [False, True])
def test_a_visit_does_not_end_while_the_card_lies_on_the_reader(qtbot, make_ui, artifacts_dir, elderly):
    ui = make(make_ui)
    ui.shell.start(elderly)
    present_card(ui.core)
    qtbot.waitUntil(lambda: ui.bridges["identity"].cardOnReader)
    ui.shell.go("Rating")
    settle(qtbot)
    ui.shell.endSession()  # what the rating's thank-you (or 结束, or the idle countdown) asks for
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "TakeCard")
    assert ui.core.visit.identity is None and ui.shell.elderly == elderly  # wiped at once, in the mode they used
    settle(qtbot)
    assert find_visible(ui.window, "takeCardText").property("text") == "请取走身份证和回执"
    grab(ui.window, artifacts_dir / "screens" / f"traps_take_card_portrait_{'elderly' if elderly else 'normal'}.png")
    lift_card(ui.core)
    qtbot.waitUntil(lambda: ui.shell.stack == ["Attract"])
    assert ui.core.visit.identity is None and not ui.shell.elderly


def test_the_rating_never_hurries_an_elderly_visitor(qtbot, make_ui):
    ui = make(make_ui)
    ui.shell.start(True)
    ui.shell.go("Rating")
    settle(qtbot)
    timer = next(i for i in _items_and_objects(ui) if i.objectName() == "ratingEndTimer")
    ui.bridges["rating"]._rated(("done", None))
    qtbot.wait(50)
    assert not timer.property("running")  # the thank-you stays until the visitor taps 结束
    ui.shell.elderly = False
    qtbot.waitUntil(lambda: timer.property("running"))


def _items_and_objects(ui):
    from PySide6.QtCore import QObject

    return ui.window.findChildren(QObject)


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_the_attract_screen_shows_start_and_elderly_mode_in_full(qtbot, make_ui, artifacts_dir, orientation):
    ui = make(make_ui, orientation)
    settle(qtbot, 600)
    width, height = SIZES[orientation]
    for name in ("attractStart", "attractElderly"):
        card = find_visible(ui.window, name)
        assert card is not None
        top_left = card.mapToScene(QPointF(0, 0))
        assert card.width() >= width * 0.3 and card.height() >= 100, (name, card.width(), card.height())
        assert 0 <= top_left.x() and top_left.x() + card.width() <= width and top_left.y() + card.height() <= height
        for text in (i for i in _items(ui.window) if i.isVisible() and i.property("text") and _inside(i, card)):
            box = text.mapToScene(QPointF(0, 0))
            assert box.x() >= top_left.x() and box.x() + text.width() <= top_left.x() + card.width() + 1, text.property("text")
            assert text.property("implicitWidth") <= text.width() + 1 or text.property("wrapMode"), text.property("text")
    grab(ui.window, artifacts_dir / "screens" / f"shell_attract_{orientation}_normal.png")


def _inside(item, ancestor) -> bool:
    parent = item.parentItem()
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.parentItem()
    return False


def test_elderly_mode_is_chosen_on_the_attract_screen_and_shown_as_a_state(qtbot, make_ui, artifacts_dir):
    ui = make(make_ui)
    settle(qtbot, 600)
    tap(qtbot, ui.window, "attractElderly")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Home")
    assert ui.shell.elderly
    settle(qtbot)
    assert find_visible(ui.window, "navElderly").property("text").startswith("✓")
    assert not find_visible(ui.window, "navStandard").property("text").startswith("✓")
    grab(ui.window, artifacts_dir / "screens" / "shell_home_portrait_elderly.png")
    tap(qtbot, ui.window, "navStandard")
    qtbot.waitUntil(lambda: not ui.shell.elderly)
    assert find_visible(ui.window, "navStandard").property("text").startswith("✓")


def test_exit_asks_first_once_something_was_entered(qtbot, make_ui, artifacts_dir):
    ui = make(make_ui)
    ui.shell.start()
    settle(qtbot)
    tap(qtbot, ui.window, "navFinish")  # nothing given yet: straight out
    qtbot.waitUntil(lambda: ui.shell.stack == ["Attract"])
    ui.shell.start()
    present_card(ui.core)
    qtbot.waitUntil(lambda: ui.core.visit.identity is not None)
    lift_card(ui.core)
    settle(qtbot)
    tap(qtbot, ui.window, "navFinish")
    qtbot.waitUntil(lambda: find_visible(ui.window, "exitQuestion") is not None)
    settle(qtbot)
    grab(ui.window, artifacts_dir / "screens" / "traps_exit_confirm_portrait.png")
    tap(qtbot, ui.window, "exitStay")
    qtbot.waitUntil(lambda: find_visible(ui.window, "exitQuestion") is None)
    assert ui.shell.currentScreen == "Home" and ui.core.visit.identity is not None
    tap(qtbot, ui.window, "navFinish")
    tap(qtbot, ui.window, "exitLeave")
    qtbot.waitUntil(lambda: ui.shell.stack == ["Attract"])
    assert ui.core.visit.identity is None


def test_back_after_a_submission_goes_to_the_rating_never_into_the_finished_form(qtbot, make_ui):
    from tests.helpers.apply import DEAD_CENTRAL, attach_queue, pass_face_check

    ui = make(make_ui, central={"url": DEAD_CENTRAL})
    attach_queue(ui.core)
    ui.shell.start()
    present_card(ui.core)
    pass_face_check(ui.core)
    apply = ui.bridges["apply"]
    apply.choose("GJ-003")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "ApplyForm")
    settle(qtbot)
    apply.setValue("phone", "13800138000")
    apply.setValue("bank_account", "6222020200112233445")
    ui.shell.go("Review")
    settle(qtbot)
    apply.submit(True)
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Submitted", timeout=10_000)
    assert ui.shell.stack == ["Attract", "Home", "Submitted"]  # the form and review are no longer behind it
    settle(qtbot)
    tap(qtbot, ui.window, "navBack")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Rating")
    assert "Review" not in ui.shell.stack and "ApplyForm" not in ui.shell.stack
    settle(qtbot)
    tap(qtbot, ui.window, "navBack")  # not rating it: home, and the finished application is not reachable
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Home")
    assert ui.shell.stack == ["Attract", "Home"]


def test_asking_again_for_a_number_shows_the_one_already_held(qtbot, make_ui):
    ui = make(make_ui)
    ui.shell.start()
    catalog = ui.bridges["catalog"]
    ui.bridges["ticket"].takeNumber("ZJ-002")
    ui.shell.go("Ticket", {"code": "ZJ-002"})
    qtbot.waitUntil(lambda: ui.bridges["ticket"].ticketNumber != "", timeout=10_000)
    first, ahead = ui.bridges["ticket"].ticketNumber, ui.bridges["ticket"].ticketAhead
    assert ui.shell.stack == ["Attract", "Home", "Ticket"]
    settle(qtbot)
    tap(qtbot, ui.window, "navBack")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Home")
    ui.bridges["ticket"].takeNumber("ZJ-002")  # the same visitor asks again for the same window
    ui.shell.go("Ticket", {"code": "ZJ-002"})
    qtbot.waitUntil(lambda: ui.bridges["ticket"].ticketNumber != "", timeout=10_000)
    assert ui.bridges["ticket"].ticketNumber == first and ui.bridges["ticket"].ticketAhead == ahead  # not behind themselves
    ui.shell.endSession()
    ui.shell.start()
    ui.bridges["ticket"].takeNumber("ZJ-002")  # the next visitor gets the next number
    qtbot.waitUntil(lambda: ui.bridges["ticket"].ticketNumber not in ("", first), timeout=10_000)


def _in_view(item, flick) -> bool:
    """The whole item lies inside the flickable's visible window."""
    top = item.mapToItem(flick, QPointF(0, 0)).y()
    return top >= -1 and top + item.height() <= flick.height() + 1


@pytest.fixture
def form(make_ui):
    from tests.helpers.apply import DEAD_CENTRAL, attach_queue

    def open_(qtbot, orientation="landscape", elderly=False):
        from tests.helpers.apply_ui import open_form

        ui = make(make_ui, orientation, central={"url": DEAD_CENTRAL})
        attach_queue(ui.core)
        ui.shell.elderly = elderly
        open_form(qtbot, ui)
        return ui

    return open_


@pytest.mark.parametrize("elderly", [False, True])
def test_next_too_early_shows_and_focuses_the_first_field_to_fix(qtbot, form, artifacts_dir, elderly):
    ui = form(qtbot, elderly=elderly)
    tap(qtbot, ui.window, "applyNext")
    qtbot.waitUntil(lambda: ui.bridges["apply"].errorCount > 0)
    phone = find_visible(ui.window, "field_phone")
    qtbot.waitUntil(lambda: phone.hasActiveFocus())  # the first field to fix, ready to type in
    settle(qtbot)
    flick = find_visible(ui.window, "applyFormFlick")
    assert _in_view(phone, flick) and _in_view(find_visible(ui.window, "fieldError_phone"), flick)
    mode = "elderly" if elderly else "normal"
    grab(ui.window, artifacts_dir / "screens" / f"apply_form_errors_landscape_{mode}.png")


def test_a_field_being_typed_stays_in_view_and_hiding_the_keyboard_brings_next_back(qtbot, form, artifacts_dir):
    ui = form(qtbot)
    tap(qtbot, ui.window, "applyNext")  # messages above and under the fields, which typing then removes
    phone = find_visible(ui.window, "field_phone")
    qtbot.waitUntil(lambda: phone.hasActiveFocus())
    from PySide6.QtGui import QGuiApplication

    qtbot.waitUntil(lambda: QGuiApplication.inputMethod().isVisible())
    flick = find_visible(ui.window, "applyFormFlick")
    typed = ""
    for digit in "13800138000":
        typed += digit
        phone.setProperty("text", typed)
        qtbot.wait(30)
        assert _in_view(phone, flick), f"field left the screen after {len(typed)} digits"
    assert find_visible(ui.window, "applyNext") is None  # typing: the keyboard's Enter goes on
    settle(qtbot)
    grab(ui.window, artifacts_dir / "screens" / "apply_form_keyboard_landscape_normal.png")
    QGuiApplication.inputMethod().hide()  # the keyboard's own hide key
    qtbot.waitUntil(lambda: find_visible(ui.window, "applyNext") is not None)
    assert phone.hasActiveFocus()  # nothing else had to be tapped


@pytest.mark.parametrize("orientation,elderly", [("landscape", False), ("landscape", True), ("portrait", True)])
def test_review_keeps_consent_beside_submit_and_says_why_it_waits(qtbot, form, artifacts_dir, orientation, elderly):
    from tests.helpers.apply_ui import fill_and_review

    ui = form(qtbot, orientation, elderly)
    fill_and_review(qtbot, ui)
    consent, submit = find_visible(ui.window, "reviewConsent"), find_visible(ui.window, "reviewSubmit")
    height = SIZES[orientation][1]
    for item in (consent, submit):  # both on screen without scrolling
        top = item.mapToScene(QPointF(0, 0)).y()
        assert 0 <= top and top + item.height() <= height
    assert not submit.isEnabled()
    assert find_visible(ui.window, "reviewSubmitWhy").property("text") == "勾选上面的“我已阅读并同意”后，才能提交"
    mode = "elderly" if elderly else "normal"
    grab(ui.window, artifacts_dir / "screens" / f"apply_review_{orientation}_{mode}.png")
    tap(qtbot, ui.window, "reviewConsent")
    qtbot.waitUntil(lambda: submit.isEnabled())
    assert find_visible(ui.window, "reviewSubmitWhy") is None


def test_the_home_address_is_masked_like_the_name(qtbot, form):
    """The name showed as 张** while the full home address was on screen for whoever stood behind."""
    from tests.helpers.apply import CARD_NAME

    ui = make_form_for(qtbot, form, "ZJ-002")
    assert find_visible(ui.window, "locked_name").property("text") == "张**"
    shown = find_visible(ui.window, "locked_address").property("text")
    assert shown == "北京市朝阳区****" and CARD_NAME not in shown
    rows = {r["key"]: r["value"] for r in ui.bridges["apply"].reviewRows}
    assert rows["address"] == "北京市朝阳区****"


def make_form_for(qtbot, form, code):
    from tests.helpers.apply_ui import open_form

    ui = form(qtbot, "portrait")
    ui.shell.home()
    open_form(qtbot, ui, code)
    return ui
