"""systemd watchdog for the Qt UI: READY after the first frame, pings only while the loop runs and frames render."""

from __future__ import annotations

import logging
import os
import signal
import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickWindow

from kiosk.notify import Notifier

log = logging.getLogger(__name__)
# test hook: with this set, SIGUSR2 blocks the Qt thread for that many seconds (a hung UI on demand)
FREEZE_ENV = "KIOSK_DEBUG_FREEZE_SECONDS"


class UiWatchdog(QObject):
    """A ping needs both a running event loop (the timer fires) and a frame swapped within the last interval;
    frames are requested regularly so an idle but healthy attract screen still renders."""

    def __init__(self, window: QQuickWindow, notifier: Notifier | None = None) -> None:
        super().__init__()
        self.window = window
        self.notifier = notifier or Notifier()
        self.last_frame: float | None = None
        self.pings = 0
        window.frameSwapped.connect(self._frame)
        interval = self.notifier.watchdog_interval
        self._ping = QTimer(self)
        self._redraw = QTimer(self)
        if interval:
            self._ping.timeout.connect(self._tick)
            self._ping.start(int(interval * 1000))
            # several frames per ping interval: one slow frame does not cost a ping
            self._redraw.timeout.connect(window.update)
            self._redraw.start(max(50, int(interval * 250)))
        app = QGuiApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._stopping)

    def _frame(self) -> None:
        first = self.last_frame is None
        self.last_frame = time.monotonic()
        if first:
            self.notifier.ready("attract screen shown")

    def _stopping(self) -> None:
        self.notifier.stopping()

    def _tick(self) -> None:
        interval = self.notifier.watchdog_interval or 0
        if self.last_frame is not None and time.monotonic() - self.last_frame <= interval:
            self.notifier.watchdog()
            self.pings += 1
        else:
            log.warning("watchdog ping withheld: no frame rendered in the last %.1f s", interval)

    def stop(self) -> None:
        self._ping.stop()
        self._redraw.stop()
        self.notifier.close()


def install(window: QQuickWindow) -> UiWatchdog:
    freeze = os.environ.get(FREEZE_ENV)
    if freeze:
        signal.signal(signal.SIGUSR2, lambda *_: time.sleep(float(freeze)))
    return UiWatchdog(window)
