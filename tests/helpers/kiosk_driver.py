"""Runs the real `kiosk run` in this process and drives its UI through a script of steps, reporting on stdout.

`python -m tests.helpers.kiosk_driver SCRIPT CONFIG`: the crash test (tests/e2e/test_crash_recovery.py) starts it
as a child process, reads the lines and kills it when it chooses. The kiosk is built by the real command line;
only a hook on KioskUi's constructor hands the running UI to the script."""

from __future__ import annotations

import json
import sys
from typing import Callable

SERVICE = "ZJ-002"
STAFF_PIN = "80264719"


def say(*words) -> None:
    print(*words, flush=True)


class Script:
    """Steps of (ready?, action), checked every 100 ms on the GUI thread; the action of a ready step runs once."""

    def __init__(self, ui, steps: list[tuple[Callable[[], bool], Callable[[], None]]]) -> None:
        from PySide6.QtCore import QTimer

        self.ui, self.steps = ui, list(steps)
        self.timer = QTimer()
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        if self.steps and self.steps[0][0]():
            _, action = self.steps.pop(0)
            action()


def visit(ui) -> list:
    """Card, face check, the form, submit; then report the tracking number once its receipt is on its way."""
    core, apply = ui.core, ui.bridges["apply"]

    def fill_and_submit() -> None:
        for f in core.visit.form.fields:
            if f.key in core.visit.form.locked:
                continue
            if f.type == "multi_choice":
                apply.setValue(f.key, [f.choices[0]])
            elif f.choices:
                apply.setValue(f.key, f.choices[0])
            elif f.key == "phone":
                apply.setValue(f.key, "13800138000")
        apply.submit(True)

    def pass_face() -> None:
        from tests.helpers.apply import pass_face_check

        pass_face_check(core)
        apply.choose(SERVICE)

    journal = lambda: core.printing.journal  # noqa: E731
    return [
        (lambda: core.submissions is not None and journal() is not None,
         lambda: (ui.shell.start(), core.tray.choose("idcard", "card", "zhang_normal"))),
        (lambda: core.identity.current is not None, pass_face),
        (lambda: ui.shell.currentScreen == "ApplyForm" and core.visit.form is not None, fill_and_submit),
        (lambda: apply.printState == "busy" and journal().inflight.exists(),
         lambda: say("INFLIGHT", apply.trackingNumber)),
    ]


def staff(ui) -> list:
    """After a restart: what shows first, then staff mode with the unfinished print, reprinted."""
    from tests.helpers.qml import find_visible

    core, maint = ui.core, ui.bridges["maintenance"]

    def unfinished_row() -> bool:
        return ui.shell.currentScreen == "Maintenance" and find_visible(ui.window, "maintUnfinished") is not None

    # every message the screen showed: "reprinted" can be replaced by the next one between two 100 ms ticks
    shown: list[str] = []
    maint.changed.connect(lambda: shown.append(maint.message))

    return [
        (lambda: True, lambda: say("SCREEN", json.dumps({"stack": list(ui.shell.stack)}))),
        (lambda: core.submissions is not None and core.printing.journal is not None,
         lambda: (ui.shell.open("staff"), maint.submit("maintenance", STAFF_PIN))),
        (unfinished_row, lambda: (say("UNFINISHED", maint.unfinishedPrint), maint.reprintUnfinished())),
        (lambda: "已重新打印。" in shown,
         lambda: say("REPRINTED", json.dumps({"row": find_visible(ui.window, "maintUnfinished") is not None}))),
    ]


SCRIPTS = {"visit": visit, "staff": staff}


def main(script: str, config: str) -> int:
    from PySide6.QtCore import QTimer

    import ui.app
    from kiosk.cli import main as kiosk_main

    build = ui.app.KioskUi.__init__
    scripts = []

    def hooked(self, *args, **kwargs) -> None:
        build(self, *args, **kwargs)
        QTimer.singleShot(0, lambda: scripts.append(Script(self, SCRIPTS[script](self))))

    ui.app.KioskUi.__init__ = hooked
    return kiosk_main(["run", "--windowed", "--config", config])


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
