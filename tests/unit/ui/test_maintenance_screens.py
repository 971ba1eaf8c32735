"""Staff mode: hidden long press on the attract screen, forced change of the shipped PIN, health of every
device, test page, staff verification with its own PIN and lockout, screenshots."""

import stat
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.pins import MIN_ITERATIONS, hash_pin
from kiosk.staff_access import MAX_TRIES
from kiosk.presence import passed as face_passed
from tests.helpers.apply import pass_face_check, present_card
from tests.helpers.qml import centre, distinct_colours, find_visible, grab, settle, tap

SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080)}
STAFF_PIN = "80264719"
VERIFY_PIN = "5938172"
STAFF = {"pin_hash": hash_pin(STAFF_PIN, iterations=MIN_ITERATIONS)}
BOTH = {**STAFF, "staff_verify_pin_hash": hash_pin(VERIFY_PIN, iterations=MIN_ITERATIONS)}


def _ui(make_ui, orientation="portrait", maintenance=None, hardware=True):
    w, h = SIZES[orientation]
    extra = {"maintenance": maintenance} if maintenance else {}
    return make_ui(orientation, hardware=hardware, display={"width": w, "height": h},
                   queue={"database": "q.sqlite3", "key_file": "q.key"}, logging={"directory": "log"},
                   **{"devices.printer": {"sim_output_dir": "receipts"}}, **extra)


def _type_pin(qtbot, ui, pin):
    qtbot.waitUntil(lambda: not ui.bridges["maintenance"].checking, timeout=30_000)
    settle(qtbot, 200)
    for digit in pin:
        tap(qtbot, ui.window, f"pin_{digit}")
    tap(qtbot, ui.window, "pin_ok")


def _message(ui) -> str:
    item = find_visible(ui.window, "pinMessage")
    return item.property("text") if item is not None else ""


def _wait_message(qtbot, ui, words: str) -> None:
    qtbot.waitUntil(lambda: words in _message(ui), timeout=30_000)


def test_long_press_pin_and_diagnostics(qtbot, make_ui, artifacts_dir):
    ui = _ui(make_ui)
    settle(qtbot)
    entry = find_visible(ui.window, "maintenanceEntry")
    QTest.mousePress(ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre(entry))
    qtbot.wait(3300)
    QTest.mouseRelease(ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre(entry))
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "PinPad")

    _type_pin(qtbot, ui, "1357")
    _wait_message(qtbot, ui, "密码不正确")
    assert ui.shell.currentScreen == "PinPad"
    _type_pin(qtbot, ui, "2468")  # the shipped PIN opens nothing but the forced change
    qtbot.waitUntil(lambda: ui.shell.stack[-2:] == ["PinPad", "PinPad"], timeout=30_000)
    assert "出厂密码只能用来设置新密码" in find_visible(ui.window, "pinPrompt").property("text")
    assert not ui.bridges["maintenance"].rows
    _type_pin(qtbot, ui, "123456")
    _type_pin(qtbot, ui, "123456")
    _wait_message(qtbot, ui, "太容易猜到")
    _type_pin(qtbot, ui, STAFF_PIN)
    _type_pin(qtbot, ui, STAFF_PIN)
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Maintenance", timeout=30_000)
    state = ui.core.cfg.path(ui.core.cfg.maintenance.state_file)
    assert stat.S_IMODE(state.stat().st_mode) == 0o600 and STAFF_PIN not in state.read_text(encoding="utf-8")
    assert find_visible(ui.window, "maintPinNotice").property("text") == "维护密码已更新。"
    qtbot.waitUntil(lambda: find_visible(ui.window, "health_printer") is not None, timeout=10_000)
    rows = {r["key"]: r for r in ui.bridges["maintenance"].rows}
    assert rows["idcard"]["ok"] and rows["printer"]["ok"] and rows["camera"]["ok"]
    assert rows["queue"]["ok"] is False  # no central runs in this test: the technician sees it at once
    assert "link=" in rows["queue"]["detail"]

    settle(qtbot)  # the rows just arrived: let the layout take its place before a finger lands
    tap(qtbot, ui.window, "maintTestPage")
    qtbot.waitUntil(lambda: ui.bridges["maintenance"].message == "测试页已打印。", timeout=10_000)
    settle(qtbot)
    path = grab(ui.window, artifacts_dir / "screens" / "maintenance_portrait_normal.png")
    assert distinct_colours(path) > 8


def test_paper_out_shows_as_fault(qtbot, make_ui):
    ui = _ui(make_ui, maintenance=STAFF)
    ui.core.tray.choose("printer", "paper", "out")
    ui.shell.go("PinPad")
    settle(qtbot)
    _type_pin(qtbot, ui, STAFF_PIN)
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
    qtbot.waitUntil(lambda: find_visible(ui.window, "pinPrompt") is not None
                    and "出厂密码" in find_visible(ui.window, "pinPrompt").property("text"), timeout=30_000)
    settle(qtbot)
    grab(ui.window, artifacts_dir / "screens" / f"maintenance_forced_change_{orientation}.png")
    _type_pin(qtbot, ui, STAFF_PIN)
    _type_pin(qtbot, ui, STAFF_PIN)
    qtbot.waitUntil(lambda: find_visible(ui.window, "health_queue") is not None, timeout=30_000)
    settle(qtbot)
    path = grab(ui.window, artifacts_dir / "screens" / f"maintenance_{orientation}.png")
    assert distinct_colours(path) > 8
    ui.shell.go("PinPad", {"purpose": "staff_verify"})
    settle(qtbot)
    grab(ui.window, artifacts_dir / "screens" / f"maintenance_verify_unset_{orientation}.png")
    ui.shell.endSession()
    ui.shell.go("PinPad")
    settle(qtbot)
    for _ in range(MAX_TRIES - 1):
        _type_pin(qtbot, ui, "1111")
        _wait_message(qtbot, ui, "密码不正确")
    _type_pin(qtbot, ui, "1111")
    _wait_message(qtbot, ui, "请 5 分钟后再试")
    settle(qtbot)
    grab(ui.window, artifacts_dir / "screens" / f"maintenance_pin_locked_{orientation}.png")


def test_staff_verification_needs_its_own_pin(qtbot, make_ui):
    ui = _ui(make_ui, maintenance=BOTH, hardware=False)
    ui.shell.start()
    present_card(ui.core)
    # the face check could not compare and handed over to staff: that alone must not let the citizen apply
    pass_face_check(ui.core, {"decision": "no_card_photo", "staff_verification": True})
    assert not face_passed(ui.core.visit.face_record) and ui.core.visit.verified() is None
    ui.shell.go("PinPad", {"purpose": "staff_verify"})
    settle(qtbot)
    _type_pin(qtbot, ui, STAFF_PIN)  # the maintenance PIN is not the verification PIN
    _wait_message(qtbot, ui, "密码不正确")
    assert not ui.core.visit.face_record.get("staff_verified")
    _type_pin(qtbot, ui, VERIFY_PIN)
    qtbot.waitUntil(lambda: ui.shell.currentScreen in ("ApplyChoose", "ApplyForm"), timeout=30_000)
    assert ui.core.visit.face_record["staff_verified"] is True
    assert face_passed(ui.core.visit.face_record) and ui.core.visit.verified() is ui.core.visit.identity


def test_without_a_verification_pin_staff_cannot_verify(qtbot, make_ui):
    ui = _ui(make_ui, maintenance=STAFF, hardware=False)
    ui.shell.start()
    present_card(ui.core)
    pass_face_check(ui.core, {"decision": "no_card_photo", "staff_verification": True})
    ui.shell.go("PinPad", {"purpose": "staff_verify"})
    settle(qtbot)
    _wait_message(qtbot, ui, "核验密码尚未设置")
    assert find_visible(ui.window, "pin_ok") is None  # no pad to type the maintenance PIN into


def test_citizen_typing_codes_cannot_lock_maintenance_out(qtbot, make_ui):
    ui = _ui(make_ui, maintenance=BOTH, hardware=False)
    ui.shell.start()
    ui.shell.go("PinPad", {"purpose": "staff_verify"})
    settle(qtbot)
    for _ in range(MAX_TRIES):
        _type_pin(qtbot, ui, "1111")
        qtbot.waitUntil(lambda: not ui.bridges["maintenance"].checking, timeout=30_000)
    _wait_message(qtbot, ui, "错误次数过多")
    assert ui.bridges["maintenance"].lockedFor == 0
    ui.shell.endSession()
    ui.shell.go("PinPad")
    settle(qtbot)
    assert _message(ui) == ""
    _type_pin(qtbot, ui, STAFF_PIN)
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Maintenance", timeout=30_000)


def test_set_the_verification_pin_in_maintenance(qtbot, make_ui):
    ui = _ui(make_ui, maintenance=STAFF, hardware=False)
    ui.shell.go("PinPad")
    settle(qtbot)
    _type_pin(qtbot, ui, STAFF_PIN)
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Maintenance", timeout=30_000)
    assert "未设置" in find_visible(ui.window, "maintVerifyState").property("text")
    tap(qtbot, ui.window, "maintSetVerifyPin")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "PinPad")
    _type_pin(qtbot, ui, STAFF_PIN)  # the maintenance PIN again: refused
    _type_pin(qtbot, ui, STAFF_PIN)
    _wait_message(qtbot, ui, "不能与维护密码相同")
    _type_pin(qtbot, ui, VERIFY_PIN)
    _type_pin(qtbot, ui, VERIFY_PIN)
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Maintenance", timeout=30_000)
    qtbot.waitUntil(lambda: "已设置" in find_visible(ui.window, "maintVerifyState").property("text"))
    assert find_visible(ui.window, "maintPinNotice").property("text") == "核验密码已设置。"


def test_pin_is_checked_off_the_gui_thread(qtbot, make_ui, monkeypatch):
    import kiosk.staff_access

    ui = _ui(make_ui, maintenance=STAFF, hardware=False)
    checked_on, release = [], threading.Event()
    real = kiosk.staff_access.check_pin

    def slow_check(pin, pin_hash):
        checked_on.append(threading.current_thread())
        release.wait(60)  # a 2,000,000-iteration hash on a slow kiosk, for as long as the test wants
        return real(pin, pin_hash)

    monkeypatch.setattr(kiosk.staff_access, "check_pin", slow_check)
    ui.shell.go("PinPad")
    settle(qtbot)
    _type_pin(qtbot, ui, STAFF_PIN)
    # the event loop still runs (waitUntil polls it) and the pad says it is checking
    qtbot.waitUntil(lambda: checked_on and find_visible(ui.window, "pinDots").property("text") == "正在核对…")
    assert checked_on[0] is not threading.main_thread()
    assert ui.shell.currentScreen == "PinPad"
    release.set()
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Maintenance", timeout=30_000)


def test_the_log_tail_shows_the_kiosks_journal_when_logging_goes_there(qtbot, make_ui, tmp_path, monkeypatch):
    from pathlib import Path

    # journalctl answers with output captured from a real journal (tests/unit/kiosk/test_journal_tail.py); the
    # live journal end to end: tests/integration/test_staff_log_journald.py
    captured = Path(__file__).parents[1] / "kiosk" / "journalctl.jsonl"
    journalctl = tmp_path / "bin" / "journalctl"
    journalctl.parent.mkdir()
    journalctl.write_text(f'#!/bin/sh\ncat "{captured}"\n')
    journalctl.chmod(0o755)
    monkeypatch.setenv("PATH", f"{journalctl.parent}:/usr/bin:/bin")
    w, h = SIZES["portrait"]
    ui = make_ui("portrait", hardware=True, display={"width": w, "height": h}, maintenance=STAFF,
                 queue={"database": "q.sqlite3", "key_file": "q.key"}, logging={"target": "journald"})
    ui.shell.go("PinPad")
    settle(qtbot)
    _type_pin(qtbot, ui, STAFF_PIN)
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Maintenance", timeout=30_000)
    qtbot.waitUntil(lambda: len(ui.bridges["maintenance"].logLines) > 1, timeout=30_000)
    lines = ui.bridges["maintenance"].logLines
    assert lines[0].endswith(" WARNING kiosk.sync: central unreachable: ConnectError")
    assert lines[-1].endswith(" INFO cage: output line 139****9000")  # masked on the way to the screen
    qtbot.waitUntil(lambda: find_visible(ui.window, "maintLog") is not None)
    assert find_visible(ui.window, "maintLog").property("count") == len(lines) == 8
