"""Every citizen screen in the common frame (title, call staff, listen again), both orientations, both modes, both
languages, rendered to PNG (test-artifacts/screens/frame_*) for review."""

from __future__ import annotations

import pytest

from tests.helpers.qml import distinct_colours, grab, settle
from tests.helpers.screens import arrive, every_screen

SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080)}


@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("elderly", [False, True], ids=["normal", "elderly"])
@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_every_citizen_screen_in_the_frame(qtbot, make_ui, artifacts_dir, orientation, elderly, language):
    w, h = SIZES[orientation]
    ui = make_ui(orientation, display={"width": w, "height": h}, locale={"voice_prompts": True, "language": language})
    ui.shell.start(elderly)
    mode = "elderly" if elderly else "normal"
    for screen in every_screen(qtbot, ui):
        arrive(qtbot, ui, screen)
        ui.window.contentItem().forceActiveFocus()  # the keyboard away: the frame is what is looked at
        settle(qtbot)
        path = grab(ui.window, artifacts_dir / "screens" / f"frame_{screen}_{orientation}_{mode}_{language}.png")
        assert distinct_colours(path) > 8, f"{path} looks blank"


@pytest.mark.parametrize("language", ["zh_CN", "en", "zh_TW"])
@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_the_voice_panel_in_elderly_mode(qtbot, make_ui, artifacts_dir, orientation, language):
    from tests.helpers.qml import find_visible, tap

    w, h = SIZES[orientation]
    ui = make_ui(orientation, display={"width": w, "height": h}, locale={"voice_prompts": True, "language": language})
    ui.shell.start(True)
    arrive(qtbot, ui, "Progress")
    ui.window.contentItem().forceActiveFocus()
    tap(qtbot, ui.window, "voiceSettings")
    qtbot.waitUntil(lambda: find_visible(ui.window, "voiceLouder") is not None)
    tap(qtbot, ui.window, "voiceLouder")
    settle(qtbot, 300)
    path = grab(ui.window, artifacts_dir / "screens" / f"voice_panel_{orientation}_{language}.png")
    assert distinct_colours(path) > 8, f"{path} looks blank"
