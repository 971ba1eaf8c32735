"""Traps a citizen fell into on a walkthrough, each walked through the real UI: cards left on the reader, no
Start in landscape, elderly mode hard to find and easy to lose, 退出 throwing away what was entered."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QPointF

from drivers.idcard.events import CardRemoved
from tests.helpers.apply import present_card
from tests.helpers.qml import _items, find_visible, grab, settle, tap

SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080)}


def lift_card(core) -> None:
    t = threading.Thread(target=core.identity._on_card_event, args=(CardRemoved("idcard"),))
    t.start()
    t.join()


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
    ui.shell.endSession()  # what the rating's thank-you (or 结束) asks for
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "TakeCard")
    assert not ui.core.session.empty or ui.core.visit.identity is not None  # nothing wiped yet
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
    ui.bridges["apply"]._rating = ("done", None)
    ui.bridges["apply"].ratingChanged.emit()
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
