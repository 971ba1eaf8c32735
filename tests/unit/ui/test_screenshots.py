"""Renders every shell screen in both orientations and both modes to PNG (test-artifacts/screens) for review."""

import pytest

from tests.helpers.qml import distinct_colours, grab, settle, tap

SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080)}


def _show(ui, qtbot, screen: str) -> None:
    shell = ui.shell
    if screen == "attract":
        return
    shell.start()
    if screen == "placeholder":
        shell.go("Placeholder", {"title": "证明打印"})
    elif screen == "idle":
        idle = ui.core.idle
        limit = idle.elderly_timeout if idle.elderly else idle.timeout
        idle._last -= limit - 10  # ten seconds before the wipe
        shell.tick()
    elif screen == "simtray":
        tap(qtbot, ui.window, "simTrayButton")


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize("elderly", [False, True], ids=["normal", "elderly"])
@pytest.mark.parametrize("screen", ["attract", "home", "placeholder", "idle", "simtray"])
def test_screenshot(qtbot, make_ui, artifacts_dir, orientation, elderly, screen):
    w, h = SIZES[orientation]
    # the tray needs the simulated devices running; the faces folder is only there with ../shared
    ui = make_ui(orientation, hardware=(screen == "simtray"), display={"width": w, "height": h},
                 queue={"database": "q.sqlite3", "key_file": "q.key"}, logging={"directory": "log"},
                 **{"devices.printer": {"sim_output_dir": "receipts"}})
    ui.shell.elderly = elderly
    _show(ui, qtbot, screen)
    settle(qtbot, 500)
    assert (ui.window.width(), ui.window.height()) == (w, h)
    mode = "elderly" if elderly else "normal"
    path = grab(ui.window, artifacts_dir / "screens" / f"shell_{screen}_{orientation}_{mode}.png")
    assert distinct_colours(path) > 8, f"{path} looks blank"
