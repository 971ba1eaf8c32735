"""No time pressure in elderly mode: no screen runs a timer that moves the visitor on (the receipt's rating, the
thank-you's end), and the idle countdown is the longer one; the same sweep finds those timers in standard mode."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject

from tests.helpers.qml import find, settle
from tests.helpers.screens import arrive, every_screen

# they redraw the clock and hide the "card read" notice: neither moves the visitor anywhere
HARMLESS = {"clockTick", "cardNoticeHide"}


def _running_timers(ui) -> set[str]:
    return {o.objectName() or "(a timer without a name)" for o in ui.window.findChildren(QObject)
            if o.metaObject().className() == "QQmlTimer" and o.property("running")}


def _finished(qtbot, ui):
    """The two states that end a matter: the receipt printed, the rating given."""
    arrive(qtbot, ui, "Submitted")
    ui.bridges["apply"]._printed(("printed", None))  # what the printer's callback hands back
    settle(qtbot)
    yield "Submitted, receipt printed"
    arrive(qtbot, ui, "Rating")
    ui.bridges["rating"]._rated(("done", None))  # what the worker hands back once the rating is queued
    settle(qtbot)
    yield "Rating, thanks"


def test_in_elderly_mode_no_screen_moves_the_visitor_on_by_itself(qtbot, make_ui):
    ui = make_ui(locale={"voice_prompts": True})
    ui.shell.start(True)
    hurried = {}
    for screen in every_screen(qtbot, ui):
        arrive(qtbot, ui, screen)
        if running := _running_timers(ui) - HARMLESS:
            hurried[screen] = sorted(running)
    for state in _finished(qtbot, ui):
        if running := _running_timers(ui) - HARMLESS:
            hurried[state] = sorted(running)
    assert not hurried, hurried


def test_the_sweep_sees_the_timers_that_move_a_standard_visitor_on(qtbot, make_ui):
    ui = make_ui()
    ui.shell.start()
    states = _finished(qtbot, ui)
    next(states)
    assert "submittedRatingTimer" in _running_timers(ui)
    next(states)
    assert "ratingEndTimer" in _running_timers(ui)


@pytest.mark.parametrize("elderly", [False, True], ids=["normal", "elderly"])
def test_the_elderly_countdown_is_the_longer_one(qtbot, make_ui, elderly):
    ui = make_ui(display={"idle_warning_seconds": 15, "elderly_idle_warning_seconds": 30})
    ui.shell.start(elderly)
    idle = ui.core.idle
    idle._last -= (idle.elderly_timeout if elderly else idle.timeout) - 25  # 25 s before the wipe
    ui.shell.tick()
    settle(qtbot)
    overlay = find(ui.window, "idleOverlay")
    assert overlay.isVisible() == elderly  # 25 s left: inside the 30 s countdown, outside the 15 s one
    if elderly:
        assert "25" in find(ui.window, "idleQuestion").property("text")
