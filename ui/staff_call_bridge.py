"""Call staff from any citizen screen: the call and its cancellation recorded off the GUI thread
(kiosk/staff_call.py), and the confirmation panel's state."""

from __future__ import annotations

from PySide6.QtCore import Property, Signal, Slot

from kiosk.flow import STAFF_ONLY
from kiosk.staff_call import staff_location
from ui.bridge import Bridge, registered

IDLE, BUSY, CALLED, FAILED = "", "busy", "called", "failed"


@registered
class StaffCallBridge(Bridge):
    changed = Signal()

    def __init__(self, core, shell, parent=None) -> None:
        super().__init__(core, shell, parent)
        self._state, self._panel, self._cancelling = IDLE, False, False
        self._where = staff_location(core.cfg.terminal)
        shell.languageChanged.connect(self.changed)
        shell.stackChanged.connect(self.changed)
        core.session.register_wipe("ui-staff-call", self._clear)

    @Property(str, notify=changed)
    def state(self) -> str:
        """"busy" (being recorded), "called" (committed; central hears of it at once when online), "failed" (the
        terminal could not record it: the panel sends the citizen to where staff sit), "" (no call)."""
        return self._state

    @Property(bool, notify=changed)
    def called(self) -> bool:
        return self._state == CALLED

    @Property(bool, notify=changed)
    def panelOpen(self) -> bool:
        """The confirmation ("工作人员马上就来") shows over the screen."""
        return self._panel

    @Property(bool, notify=changed)
    def cancelling(self) -> bool:
        return self._cancelling

    @Property(bool, notify=changed)
    def offered(self) -> bool:
        """The screen is a citizen's: staff's own screens (maintenance) have no call button."""
        return self._shell.currentScreen not in STAFF_ONLY

    @Property(str, notify=changed)
    def location(self) -> str:
        """Where staff sit ([terminal] staff_location), in the current language."""
        return self._t(self._where)

    @Slot()
    def call(self) -> None:
        """One tap: the call is recorded (a second tap within a minute is the same call) and the panel opens."""
        self._panel = True
        if self._state != BUSY and not self._cancelling:
            self._state = BUSY if self._state != CALLED else CALLED
            screen, generation = self._shell.currentScreen, self._core.session.generation
            self.run("staff-call", lambda: self._core.staff_calls.call(screen, generation), self._called,
                     lambda exc: self._called(False))
        self.changed.emit()

    def _called(self, ok: bool) -> None:
        self._state = CALLED if ok else FAILED
        self.changed.emit()

    @Slot()
    def cancel(self) -> None:
        """Staff are no longer needed: central is told to drop the call, and the panel closes once it is recorded."""
        if self._state != CALLED or self._cancelling:
            self._panel = False  # nothing recorded to take back: the panel just closes
            self.changed.emit()
            return
        self._cancelling = True
        self.changed.emit()
        screen, generation = self._shell.currentScreen, self._core.session.generation
        self.run("staff-call-cancel", lambda: self._core.staff_calls.cancel(screen, generation), self._cancelled,
                 lambda exc: self._cancelled(False))

    def _cancelled(self, ok: bool) -> None:
        self._cancelling = False
        if ok:
            self._state, self._panel = IDLE, False
        self.changed.emit()

    @Slot()
    def close(self) -> None:
        """"好的": the panel goes, the call stands (the call button shows it is on its way)."""
        self._panel = False
        self.changed.emit()

    def _clear(self) -> None:
        self._state, self._panel, self._cancelling = IDLE, False, False
        self.changed.emit()
