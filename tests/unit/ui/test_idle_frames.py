"""An idle attract screen stops drawing: the Start pulse comes now and then, not forever (each frame is a repaint)."""

from __future__ import annotations

from tests.helpers.qml import settle


def test_attract_screen_goes_quiet(qtbot, make_ui):
    ui = make_ui("portrait")
    ui.window.resize(1080, 1920)
    ui.shell.start()
    settle(qtbot)
    frames = []
    ui.window.frameSwapped.connect(lambda: frames.append(1))

    def quiet() -> bool:
        # over 1.5 s at most the clock's once-a-second tick may draw; an endless animation draws dozens
        frames.clear()
        qtbot.wait(1500)
        return len(frames) <= 3

    # generous ceiling: the pulse when the screen appears lasts 2.4 s; a busy machine draws fewer frames, not more
    assert any(quiet() for _ in range(12)), f"still drawing {len(frames)} frames in 1.5 s"
