"""A configuration overlay waiting is applied only when nobody uses the terminal, after a while of quiet."""

from kiosk.overlay.check import effective
from kiosk.overlay.state import Overlay
from ui.quiet_restart import QUIET_SECONDS, QuietRestart


def test_waits_for_a_quiet_attract_screen(make_ui, clock):
    ui = make_ui()
    restarts = []
    watch = QuietRestart(ui.core, ui.shell, lambda: restarts.append(1), clock=clock)
    watch.tick()
    clock.advance(QUIET_SECONDS + 1)
    watch.tick()
    assert restarts == []  # quiet, but nothing waits
    files = ui.core.overlay
    assert files.offer(Overlay(3, "[display]\nidle_timeout_seconds = 120\n"),
                       lambda text: effective(ui.core.cfg.source, text)) == "pending"
    ui.shell.open("search")  # a visitor arrives
    watch.tick()
    clock.advance(QUIET_SECONDS * 10)
    watch.tick()
    assert restarts == [] and files.waiting()
    ui.shell.endSession()
    watch.tick()  # quiet again: the clock starts over
    clock.advance(QUIET_SECONDS - 1)
    watch.tick()
    assert restarts == []
    clock.advance(2)
    watch.tick()
    assert restarts == [1] and not files.waiting() and files.report()["state"] == "applying"
    assert files.running().version == 3
