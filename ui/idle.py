"""Feeds every touch, click and key press to the idle policy and ticks the countdown once a second."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer

from kiosk.session import IdlePolicy
from ui.shell import Shell

_ACTIVITY = {
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.KeyPress, QEvent.Type.Wheel,
}


class IdleWatch(QObject):
    def __init__(self, policy: IdlePolicy, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._policy = policy
        self._shell = shell
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(shell.tick)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() in _ACTIVITY:
            self._policy.touch()
        return False
