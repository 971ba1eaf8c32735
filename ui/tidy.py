"""After each visit, once the attract screen is back: QML garbage, unused scene resources and free heap pages go."""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtQml import QQmlEngine
from PySide6.QtQuick import QQuickWindow

from kiosk.memory import hand_free_memory_back

log = logging.getLogger(__name__)
# the visit's screens are destroyed when the stack's pop transition ends: tidy after that, before a next visitor
SETTLE_MS = 800


class VisitTidy(QObject):
    """Runs once per return to a quiet attract screen (no visit, nothing in the session).

    Without it an appliance that runs for months keeps what its busiest visit left: the JavaScript heap collects
    only when it decides to, the scene graph keeps textures and glyph caches of destroyed screens, and glibc
    keeps the freed pages of both. bench/visit.py measures the growth over 200 visits."""

    def __init__(self, engine: QQmlEngine, window: QQuickWindow, shell) -> None:
        super().__init__(window)
        self._engine, self._window, self._shell = engine, window, shell
        self.count = 0  # tidies done: the visit bench waits for one before its next visitor, as a hall's pace does
        self.last_ms = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self._tidy)
        shell.stackChanged.connect(self._stack_changed)

    def close(self) -> None:
        """The window is closing: no tidy after it, and no reference that would keep its engine alive."""
        self._timer.stop()
        self._shell.stackChanged.disconnect(self._stack_changed)
        self._engine = self._window = None

    def _stack_changed(self) -> None:
        if self._shell.quiet:
            self._timer.start()
        else:
            self._timer.stop()  # a visitor came first: tidying then would cost them a frame

    def _tidy(self) -> None:
        if self._engine is None or not self._shell.quiet:
            return
        t0 = time.perf_counter()
        self._engine.collectGarbage()
        self._window.releaseResources()
        hand_free_memory_back()
        self.last_ms = (time.perf_counter() - t0) * 1000
        self.count += 1
        log.debug("visit tidy %d done in %.0f ms", self.count, self.last_ms)
