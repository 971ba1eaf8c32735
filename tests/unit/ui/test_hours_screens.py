"""Outside service hours: the attract screen dims and shows the hours and what still works; home offers no
applying; inside them everything is back. Screenshots portrait and landscape."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.helpers.qml import find_visible, grab, settle

HOURS = {"open": "08:30-12:00,14:00-17:30", "days": ["mon", "tue", "wed", "thu", "fri"],
         "closed_dates": ["2025-10-01"]}
SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080)}
EVENING = datetime(2025, 9, 29, 19, 5)  # a Monday
MORNING = datetime(2025, 9, 30, 9, 0)


def _ui(make_ui, orientation):
    w, h = SIZES[orientation]
    ui = make_ui(orientation, display={"width": w, "height": h}, hours=HOURS)
    ui.window.resize(w, h)
    return ui


def _at(ui, when):
    ui.bridges["hours"].now = lambda: when
    ui.bridges["hours"].tick()


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_closed_attract_shows_hours_and_what_works(qtbot, make_ui, artifacts_dir, orientation):
    ui = _ui(make_ui, orientation)
    _at(ui, EVENING)
    settle(qtbot)
    assert find_visible(ui.window, "attractDim") is not None
    assert find_visible(ui.window, "attractHours").property("text") == "办公时间：周一至周五 08:30-12:00、14:00-17:30"
    assert find_visible(ui.window, "attractNextOpening").property("text") == "下次开放：2025-09-30 08:30"
    grab(ui.window, artifacts_dir / "screens" / f"attract_closed_{orientation}.png")
    ui.shell.start()
    settle(qtbot)
    assert find_visible(ui.window, "home_apply") is None and find_visible(ui.window, "home_ticket") is None
    assert find_visible(ui.window, "home_guide") is not None and find_visible(ui.window, "home_progress") is not None
    ui.shell.endSession()
    _at(ui, MORNING)
    settle(qtbot)
    assert find_visible(ui.window, "attractDim") is None and find_visible(ui.window, "attractClosed") is None
    ui.shell.start()
    settle(qtbot)
    assert find_visible(ui.window, "home_apply") is not None


def test_english_hours(qtbot, make_ui):
    ui = _ui(make_ui, "portrait")
    _at(ui, EVENING)
    ui.shell.language = "en"
    settle(qtbot)
    assert "Mon-Fri 08:30-12:00, 14:00-17:30" in find_visible(ui.window, "attractHours").property("text")


def test_always_open_by_default(qtbot, make_ui):
    ui = make_ui("portrait")
    _at(ui, datetime(2025, 10, 5, 3, 0))
    settle(qtbot)
    assert ui.bridges["hours"].open and find_visible(ui.window, "attractClosed") is None


def test_nightly_care_waits_for_the_visit_then_rotates_purges_and_restarts(qtbot, make_ui, tmp_path):
    ui = make_ui("portrait", hours={"nightly_restart": "03:30"})
    hours = ui.bridges["hours"]
    restarts = []
    hours.on_restart = lambda: restarts.append(True)
    due = hours._care.due_at
    ui.shell.start()  # somebody is using the terminal
    _at(ui, due.replace(minute=45))
    assert restarts == []
    ui.shell.endSession()
    hours.tick()
    assert restarts == [True]
