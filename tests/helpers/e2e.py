"""Helpers for whole-flow tests: screen texts, printed receipts, stopping central mid-test."""

from __future__ import annotations

import os

from tests.helpers.qml import _items, find_visible, settle, tap

FLOW = 120_000  # ms; generous: the face models load and the simulated person blinks, on a busy machine maybe twice


def text_of(ui, name: str) -> str:
    item = find_visible(ui.window, name)
    assert item is not None, f"{name} not visible"
    return str(item.property("text"))


def screen_texts(ui) -> str:
    return " ".join(str(i.property("text")) for i in _items(ui.window) if i.isVisible() and i.property("text") is not None)


def receipts(ui) -> list:
    return sorted(ui.receipts.glob("*.png"), key=os.path.getmtime) if ui.receipts.is_dir() else []


def stop_central(central) -> None:
    central.stop()
    central.stopped = True


def pass_face_check(qtbot, ui) -> None:
    """Wait for Identified as the citizen in front of the camera would: when the check asks to try again (a busy
    machine can miss the simulated person's short blink), tap 再试一次; three misses end at staff and fail."""
    def identified() -> bool:
        if ui.shell.currentScreen == "FaceCheck" and ui.bridges["faceCheck"].phase == "retry":
            button = find_visible(ui.window, "faceRetry")
            if button is not None:
                tap(qtbot, ui.window, "faceRetry")
        return ui.shell.currentScreen == "Identified"

    qtbot.waitUntil(identified, timeout=FLOW)


def identify_from_home(qtbot, ui, tile: str) -> None:
    """Home tile -> the card placed on the simulated reader and its holder in front of the simulated camera ->
    the real face check passes -> Identified -> continue."""
    ui.shell.start()
    tap(qtbot, ui.window, tile)
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Identify")
    ui.core.tray.choose("camera", "person", "obama")
    ui.core.tray.choose("idcard", "card", "zhang_normal")  # the card photo is obama_1
    pass_face_check(qtbot, ui)
    settle(qtbot)
    tap(qtbot, ui.window, "identifiedContinue")
