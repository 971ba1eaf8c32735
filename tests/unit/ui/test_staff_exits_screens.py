"""Staff mode's ways out: restart the kiosk (audited) and leave to the desktop behind the maintenance PIN entered
once more (audited, a wrong entry counted); screenshots of both screens in both orientations."""

import pytest

from kiosk.staff_exits import DESKTOP_MARKER
from tests.helpers.qml import distinct_colours, find_visible, grab, settle, tap
from tests.unit.ui.test_maintenance_screens import STAFF, STAFF_PIN, _type_pin, _ui, _wait_message


def _signed_in(qtbot, make_ui, orientation="portrait"):
    ui = _ui(make_ui, orientation, maintenance=STAFF)
    ui.shell.go("PinPad")
    settle(qtbot)
    _type_pin(qtbot, ui, STAFF_PIN)
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Maintenance", timeout=30_000)
    qtbot.waitUntil(lambda: ui.core.submissions is not None, timeout=30_000)
    qtbot.waitUntil(lambda: find_visible(ui.window, "health_queue") is not None, timeout=30_000)
    settle(qtbot)
    ended = []
    ui.bridges["maintenance"].on_leave = lambda: ended.append(ui.shell.currentScreen)
    return ui, ended


def _actions(ui) -> list[str]:
    return [e["action"] for e in ui.core.audit.entries(200)]


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_restart_and_leave_to_the_desktop(qtbot, make_ui, artifacts_dir, orientation):
    ui, ended = _signed_in(qtbot, make_ui, orientation)
    shots = artifacts_dir / "screens"
    assert distinct_colours(grab(ui.window, shots / f"maintenance_exits_{orientation}.png")) > 8
    tap(qtbot, ui.window, "maintRestart")
    assert ended == ["Maintenance"] and "kiosk.restart" in _actions(ui)
    marker = ui.core.cfg.path(ui.core.cfg.storage.state_directory) / DESKTOP_MARKER
    assert not marker.exists()  # a restart comes back

    tap(qtbot, ui.window, "maintDesktop")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "PinPad")
    settle(qtbot)
    assert "再次输入维护密码" in find_visible(ui.window, "pinPrompt").property("text")
    grab(ui.window, shots / f"maintenance_desktop_pin_{orientation}.png")
    _type_pin(qtbot, ui, "13572468")
    _wait_message(qtbot, ui, "密码不正确")
    assert len(ended) == 1 and not marker.exists()
    _type_pin(qtbot, ui, STAFF_PIN)
    qtbot.waitUntil(lambda: len(ended) == 2, timeout=30_000)
    assert marker.exists() and "kiosk.leave_to_desktop" in _actions(ui)
    outcomes = [e["details"]["outcome"] for e in ui.core.audit.entries(200) if e["action"] == "pin.desktop"]
    assert outcomes == ["ok", "wrong"]  # newest first


def test_cancel_returns_to_maintenance_and_nothing_ends(qtbot, make_ui):
    ui, ended = _signed_in(qtbot, make_ui)
    tap(qtbot, ui.window, "maintDesktop")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "PinPad")
    settle(qtbot)
    tap(qtbot, ui.window, "pinCancel")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Maintenance")
    assert ended == []


def test_nothing_ends_without_the_sign_in(qtbot, make_ui):
    ui = _ui(make_ui, maintenance=STAFF)
    ended = []
    bridge = ui.bridges["maintenance"]
    bridge.on_leave = lambda: ended.append(1)
    bridge.restartKiosk()
    bridge.submit("desktop", STAFF_PIN)
    qtbot.waitUntil(lambda: not bridge.checking, timeout=30_000)
    assert ended == []
