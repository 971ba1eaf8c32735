"""Staff mode: hidden long press on the attract screen, PIN pad, health of every device, test page, screenshots."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.presence import passed as face_passed
from tests.helpers.apply import pass_face_check, present_card
from tests.helpers.qml import centre, distinct_colours, find_visible, grab, settle, tap

SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080)}


def _ui(make_ui, orientation="portrait"):
    w, h = SIZES[orientation]
    return make_ui(orientation, hardware=True, display={"width": w, "height": h},
                   queue={"database": "q.sqlite3", "key_file": "q.key"}, logging={"directory": "log"},
                   **{"devices.printer": {"sim_output_dir": "receipts"}})


def _type_pin(qtbot, ui, pin):
    for digit in pin:
        tap(qtbot, ui.window, f"pin_{digit}")
    tap(qtbot, ui.window, "pin_ok")


def test_long_press_pin_and_diagnostics(qtbot, make_ui, artifacts_dir):
    ui = _ui(make_ui)
    settle(qtbot)
    entry = find_visible(ui.window, "maintenanceEntry")
    QTest.mousePress(ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre(entry))
    qtbot.wait(3300)
    QTest.mouseRelease(ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre(entry))
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "PinPad")

    _type_pin(qtbot, ui, "1357")
    qtbot.waitUntil(lambda: find_visible(ui.window, "pinMessage") is not None)
    assert ui.shell.currentScreen == "PinPad"
    _type_pin(qtbot, ui, "2468")  # the shipped PIN
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Maintenance")
    qtbot.waitUntil(lambda: find_visible(ui.window, "health_printer") is not None, timeout=10_000)
    rows = {r["key"]: r for r in ui.bridges["maintenance"].rows}
    assert rows["idcard"]["ok"] and rows["printer"]["ok"] and rows["camera"]["ok"]
    assert rows["queue"]["ok"] is False  # no central runs in this test: the technician sees it at once
    assert "link=" in rows["queue"]["detail"]

    tap(qtbot, ui.window, "maintTestPage")
    qtbot.waitUntil(lambda: ui.bridges["maintenance"].message == "测试页已打印。", timeout=10_000)
    settle(qtbot)
    path = grab(ui.window, artifacts_dir / "screens" / "maintenance_portrait_normal.png")
    assert distinct_colours(path) > 8


def test_paper_out_shows_as_fault(qtbot, make_ui):
    ui = _ui(make_ui)
    ui.core.tray.choose("printer", "paper", "out")
    ui.shell.go("PinPad")
    settle(qtbot)
    _type_pin(qtbot, ui, "2468")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Maintenance")
    qtbot.waitUntil(lambda: any(r["key"] == "printer" for r in ui.bridges["maintenance"].rows), timeout=10_000)
    printer = next(r for r in ui.bridges["maintenance"].rows if r["key"] == "printer")
    assert not printer["ok"] and "out" in printer["detail"]


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_screenshots(qtbot, make_ui, artifacts_dir, orientation):
    ui = _ui(make_ui, orientation)
    ui.shell.go("PinPad")
    settle(qtbot)
    grab(ui.window, artifacts_dir / "screens" / f"maintenance_pinpad_{orientation}.png")
    _type_pin(qtbot, ui, "2468")
    qtbot.waitUntil(lambda: find_visible(ui.window, "health_queue") is not None, timeout=10_000)
    settle(qtbot)
    path = grab(ui.window, artifacts_dir / "screens" / f"maintenance_{orientation}.png")
    assert distinct_colours(path) > 8


def test_staff_verification_needs_the_staff_pin(qtbot, make_ui):
    ui = make_ui()
    ui.shell.start()
    present_card(ui.core)
    # the face check could not compare and handed over to staff: that alone must not let the citizen apply
    pass_face_check(ui.core, {"decision": "no_card_photo", "staff_verification": True})
    assert not face_passed(ui.core.visit.face_record) and ui.core.visit.verified() is None
    ui.shell.go("PinPad", {"purpose": "staff_verify"})
    settle(qtbot)
    _type_pin(qtbot, ui, "1111")
    qtbot.waitUntil(lambda: find_visible(ui.window, "pinMessage") is not None)
    assert not ui.core.visit.face_record.get("staff_verified")
    _type_pin(qtbot, ui, "2468")
    qtbot.waitUntil(lambda: ui.shell.currentScreen in ("ApplyChoose", "ApplyForm"))
    assert ui.core.visit.face_record["staff_verified"] is True
    assert face_passed(ui.core.visit.face_record) and ui.core.visit.verified() is ui.core.visit.identity
