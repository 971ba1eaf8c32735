"""Service hours on screen (open or closed, the hours) and the nightly care, run when nobody uses the terminal."""

from __future__ import annotations

import logging
import logging.handlers
from datetime import datetime
from typing import Callable

from PySide6.QtCore import Property, QObject, QTimer, Signal

from kiosk.app import KioskCore
from kiosk.hours import NightlyCare, ServiceHours
from ui.bridge import Bridge, registered
from ui.shell import Shell

log = logging.getLogger(__name__)


@registered
class HoursBridge(Bridge):
    changed = Signal()

    def __init__(self, core: KioskCore, shell: Shell, parent: QObject | None = None,
                 now: Callable[[], datetime] = datetime.now, on_restart: Callable[[], None] | None = None) -> None:
        super().__init__(core, shell, parent)
        self.now = now  # tests set a fake clock
        self._hours = ServiceHours.from_config(core.cfg.hours)
        self._care = NightlyCare(core.cfg.hours.nightly_restart, now())
        self.on_restart = on_restart  # set by `kiosk run`: ends the process for its service unit to start again
        self._open = self._hours.is_open(now())
        self._next = self._hours.next_opening(now())
        self._timer = QTimer(self)
        self._timer.setInterval(20_000)
        self._timer.timeout.connect(self.tick)
        self._timer.start()
        shell.languageChanged.connect(self.changed)

    @Property(bool, notify=changed)
    def open(self) -> bool:
        return self._open

    @Property(str, notify=changed)
    def hoursText(self) -> str:
        return "" if self._hours.always_open else self._t(self._hours.describe())

    @Property(str, notify=changed)
    def nextOpening(self) -> str:
        at = self._next
        return at.strftime("%Y-%m-%d %H:%M") if at is not None and not self._open else ""

    def tick(self) -> None:
        now = self.now()
        is_open, next_opening = self._hours.is_open(now), self._hours.next_opening(now)
        if is_open != self._open:
            log.info("service hours: %s", "open" if is_open else "closed")
        if (is_open, next_opening) != (self._open, self._next):
            self._open, self._next = is_open, next_opening
            self.changed.emit()
        if self.on_restart is not None and self._care.due(now, visit_active=not self._shell.quiet):
            self._nightly()

    def _nightly(self) -> None:
        log.info("nightly care: log rotation, queue purge, restart")
        submissions = self._core.submissions
        if submissions is not None:
            try:
                purged = submissions.store.purge()
                log.info("nightly care: %d record(s) past retention purged", purged)
            except Exception:
                log.exception("nightly care: queue purge failed")
        for handler in logging.getLogger().handlers:
            if isinstance(handler, logging.handlers.RotatingFileHandler):
                handler.doRollover()
        self._timer.stop()
        self.on_restart()
