"""Staff mode view-model: PIN entry with lockout, device and queue health, log tail, printer test page."""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.app import KioskCore
from kiosk.maintenance import PinGate, as_dicts, health_rows, recent_log
from ui.shell import Shell

log = logging.getLogger(__name__)


class MaintenanceBridge(QObject):
    changed = Signal()
    _posted = Signal(str, object)  # worker threads hand results to the GUI thread through this queued signal

    def __init__(self, core: KioskCore, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self._shell = shell
        self._gate = PinGate(core.cfg.maintenance.pin_hash)
        self._rows: list[dict] = []
        self._log: list[str] = []
        self._message = ""
        self._busy = False
        self._posted.connect(self._on_posted)
        core.session.register_wipe("ui-maintenance", self._clear)

    # ---- PIN
    @Property(int, notify=changed)
    def lockedFor(self) -> int:
        return self._gate.locked_for()

    @Slot(str, result=bool)
    def enter(self, pin: str) -> bool:
        ok = self._gate.check(pin)
        log.info("maintenance PIN %s", "accepted" if ok else "refused")  # never the PIN itself
        if ok:
            self._shell.go("Maintenance")
            self.refresh()
        self.changed.emit()
        return ok

    @Slot(str, result=bool)
    def verifyCitizen(self, pin: str) -> bool:
        """Staff checked the card against the person (no card photo to compare): their PIN records it."""
        ok = self._gate.check(pin)
        log.info("staff verification of the citizen %s", "recorded" if ok else "refused")
        if ok:
            ok = self._core.visit.staff_verified()  # only for an accepted card: staff vouch for its holder
        self.changed.emit()
        return ok

    # ---- health
    @Property("QVariantList", notify=changed)
    def rows(self) -> list[dict]:
        return self._rows

    @Property("QStringList", notify=changed)
    def logLines(self) -> list[str]:
        return self._log

    @Property(str, notify=changed)
    def message(self) -> str:
        return self._message

    @Property(bool, notify=changed)
    def busy(self) -> bool:
        return self._busy

    @Property(str, constant=True)
    def terminal(self) -> str:
        t = self._core.cfg.terminal
        return f"{t.id} · {t.site_name} · {t.site_kind}"

    @Slot()
    def refresh(self) -> None:
        """Device health may wait on a port or the printer's status reply: never on the GUI thread."""
        if self._busy:
            return
        self._busy = True
        self.changed.emit()

        def work() -> None:
            try:
                rows = as_dicts(health_rows(self._core.health()))
                lines = recent_log(self._core.cfg.path(self._core.cfg.logging.directory))
                self._posted.emit("health", (rows, lines))
            except Exception as e:  # the screen must say so rather than hang on "checking"
                log.exception("health check failed")
                self._posted.emit("health", ([{"key": "error", "title": "诊断", "ok": False, "detail": str(e)}], []))

        threading.Thread(target=work, name="diagnostics", daemon=True).start()

    @Slot()
    def printTestPage(self) -> None:
        self._message = "正在打印测试页…"
        self.changed.emit()
        self._core.printing.print_test_page(lambda job: self._posted.emit("printed", None),
                                            lambda job, problem: self._posted.emit("print-failed", problem))

    def _on_posted(self, what: str, payload: object) -> None:
        if what == "health":
            self._rows, self._log = payload  # type: ignore[misc]
            self._busy = False
        elif what == "printed":
            self._message = "测试页已打印。"
        elif what == "print-failed":
            self._message = f"测试页打印失败：{payload.technician}"  # type: ignore[attr-defined]
            self.refresh()
        self.changed.emit()

    def _clear(self) -> None:
        self._rows, self._log, self._message = [], [], ""
        self.changed.emit()
