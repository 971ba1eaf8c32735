"""The restart the kiosk asks of itself: a configuration overlay from central is applied at the next quiet moment."""

from __future__ import annotations

import logging
import time
from typing import Callable

from PySide6.QtCore import QObject, QTimer

from kiosk.app import KioskCore
from ui.shell import Shell

log = logging.getLogger(__name__)
CHECK_MS = 2000
# the attract screen must have stood this long: a visitor who just finished may turn back, the next one step up
QUIET_SECONDS = 10.0


class QuietRestart(QObject):
    """Watches for a checked overlay waiting (kiosk/overlay); once nobody has used the terminal for QUIET_SECONDS it
    makes the overlay the active one and calls `restart` (the kiosk's own end; the service unit starts it again)."""

    def __init__(self, core: KioskCore, shell: Shell, restart: Callable[[], None],
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self._core, self._shell, self._restart, self._clock = core, shell, restart, clock
        self._quiet_since: float | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._timer.start(CHECK_MS)

    def tick(self) -> None:
        if not self._shell.quiet:
            self._quiet_since = None
            return
        now = self._clock()
        if self._quiet_since is None:
            self._quiet_since = now
        if now - self._quiet_since < QUIET_SECONDS or not self._core.overlay.waiting():
            return
        try:
            version = self._core.overlay.begin_apply()
        except OSError as e:  # nothing was swapped that a restart would pick up: try again at the next tick
            log.error("configuration overlay not applied: %s", e)
            return
        if version is not None:
            self._timer.stop()
            self._restart()
