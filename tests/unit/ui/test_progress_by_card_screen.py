"""The progress screen offers "by ID card" as a face-checked lookup and takes the citizen to identification; a card
placed here shows nothing of its holder. Both orientations; screenshots in test-artifacts/screens for review."""

from __future__ import annotations

import pytest

from tests.helpers.e2e import screen_texts, text_of
from tests.helpers.qml import find_visible, grab, settle, tap

SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080)}


@pytest.mark.parametrize("orientation", sorted(SIZES))
def test_by_card_on_progress_leads_to_identification(qtbot, make_ui, artifacts_dir, orientation):
    w, h = SIZES[orientation]
    ui = make_ui(orientation, display={"width": w, "height": h})
    ui.shell.start()
    tap(qtbot, ui.window, "home_progress")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Progress")
    settle(qtbot, 500)
    assert text_of(ui, "progressByCard") == "按身份证查询（需人脸核验）"
    grab(ui.window, artifacts_dir / "screens" / f"progress_by_card_{orientation}.png")
    ui.shell.language = "en"
    settle(qtbot, 300)
    assert text_of(ui, "progressByCard") == "Look up by ID card (face check required)"
    grab(ui.window, artifacts_dir / "screens" / f"progress_by_card_{orientation}_en.png")
    ui.shell.language = "zh_CN"
    settle(qtbot, 300)
    tap(qtbot, ui.window, "progressByCard")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Identify")
    assert ui.core.visit.purpose == "progress"
    settle(qtbot, 500)
    grab(ui.window, artifacts_dir / "screens" / f"progress_by_card_identify_{orientation}.png")
    assert text_of(ui, "identifyInstruction") == "请将身份证放在读卡区"  # back in Chinese after English
    assert find_visible(ui.window, "progressSource_0") is None and "您名下的办件" not in screen_texts(ui)
