"""The citizen's "请工作人员协助": records the call for central off the GUI thread (kiosk/staff_call.py)."""

from __future__ import annotations

from PySide6.QtCore import Property, Signal, Slot

from ui.bridge import Bridge, registered


@registered
class StaffCallBridge(Bridge):
    changed = Signal()

    def __init__(self, core, shell, parent=None) -> None:
        super().__init__(core, shell, parent)
        self._called = False
        core.session.register_wipe("ui-staff-call", self._clear)

    @Property(bool, notify=changed)
    def called(self) -> bool:
        """Staff have been told (the call is committed; it reaches central at once when online)."""
        return self._called

    @Slot(str)
    def call(self, screen: str) -> None:
        generation = self._core.session.generation
        self.run("staff-call", lambda: self._core.staff_calls.call(screen, generation), self._done,
                 lambda exc: self._done(False))

    def _done(self, ok: bool) -> None:
        self._called = bool(ok)
        self.changed.emit()

    def _clear(self) -> None:
        self._called = False
        self.changed.emit()
