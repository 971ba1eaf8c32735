"""Staff mode view-model: staff PINs (checked off the GUI thread), device and queue health, log, test page."""

from __future__ import annotations

import logging
import threading
from typing import Callable

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from kiosk import staff_exits
from kiosk.app import KioskCore
from kiosk.maintenance import as_dicts, health_rows, log_tail
from kiosk.staff_access import MAINTENANCE, STAFF_VERIFY, Outcome, StaffAccess
from ui.shell import Shell
from ui.bridge import Bridge, registered

log = logging.getLogger(__name__)

# PinPad purposes -> what they check or set; "desktop" is the second entry of the maintenance PIN before leaving
PURPOSES = ("maintenance", "staff_verify", "change", "set_verify", "desktop")


@registered
class MaintenanceBridge(Bridge):
    changed = Signal()
    pinChanged = Signal()
    pinResult = Signal(str, str)  # purpose, outcome (kiosk.staff_access.Outcome values)
    _posted = Signal(str, object)  # worker threads hand results to the GUI thread through this queued signal

    def __init__(self, core: KioskCore, shell: Shell, parent: QObject | None = None,
                 access: StaffAccess | None = None) -> None:
        super().__init__(core, shell, parent)
        self._access = access or StaffAccess.from_config(core.cfg)
        self.access = self._access  # shared with the care bridge: one sign-in for all of staff mode
        self._checking = False
        self._verify_for = None  # the card read a staff verification is for (begin)
        self._notice = ""
        self._rows: list[dict] = []
        self._log: list[str] = []
        self._message = ""
        self._busy = False
        self._unfinished = ""  # the job a crashed run left unprinted: "title · started at", or ""
        self._resendable = False
        self._posted.connect(self._on_posted)
        # set by `kiosk run`: ends the process (the service unit starts it again, or, after leaving to the desktop,
        # does not); elsewhere (tests, previews) staff actions are recorded and nothing ends
        self.on_leave: Callable[[], None] | None = None
        self._ticker = QTimer(self)  # the lockout countdown on the PIN pad
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)
        self._tick()
        core.session.register_wipe("ui-maintenance", self._clear)

    # ---- PINs
    @Property(int, notify=pinChanged)
    def lockedFor(self) -> int:
        return self._access.locked_for(MAINTENANCE)

    @Property(int, notify=pinChanged)
    def verifyLockedFor(self) -> int:
        return self._access.locked_for(STAFF_VERIFY)

    @Property(bool, notify=pinChanged)
    def verifyAvailable(self) -> bool:
        return self._access.available(STAFF_VERIFY)

    @Property(bool, notify=pinChanged)
    def checking(self) -> bool:
        return self._checking

    @Property(str, notify=pinChanged)
    def pinNotice(self) -> str:
        """"changed" or "verify_set" after a PIN was set, for the maintenance screen to confirm."""
        return self._notice

    @Slot(str)
    def begin(self, purpose: str) -> None:
        """The PIN pad opened: for a staff verification, the card read staff are about to vouch for."""
        self._verify_for = self._core.visit.identity if purpose == "staff_verify" else None

    @Slot(str, str)
    @Slot(str, str, str)
    def submit(self, purpose: str, pin: str, confirm: str = "") -> None:
        """PBKDF2 takes up to a second by design: it runs in a worker, the answer comes as pinResult."""
        if self._checking or purpose not in PURPOSES:
            return
        self._checking = True
        self.pinChanged.emit()
        generation = self._core.session.generation
        access = self._access

        def work() -> None:
            try:
                if purpose == "maintenance":
                    outcome = access.sign_in(pin)
                elif purpose == "staff_verify":
                    outcome = access.verify_citizen(pin)
                elif purpose == "desktop":
                    outcome = access.confirm(pin)
                else:
                    outcome = access.set_pin(MAINTENANCE if purpose == "change" else STAFF_VERIFY, pin, confirm)
            except Exception:
                log.exception("staff PIN check failed")
                outcome = Outcome.NOT_SAVED if purpose in ("change", "set_verify") else Outcome.WRONG
            self._posted.emit("pin", (purpose, outcome, generation))

        threading.Thread(target=work, name="staff-pin", daemon=True).start()

    def _pin_done(self, purpose: str, outcome: Outcome, generation: int) -> None:
        self._checking = False
        log.info("staff PIN (%s): %s", purpose, outcome.value)  # never the PIN itself
        slot = STAFF_VERIFY if purpose in ("staff_verify", "set_verify") else MAINTENANCE
        self._core.audit.record(slot, f"pin.{purpose}", outcome=outcome.value)
        if generation != self._core.session.generation:  # the session ended while the PIN was checked
            self._access.sign_out()
            self.pinChanged.emit()
            return
        # staff_verified records the verification: asked only after the right PIN
        if (outcome is Outcome.OK and purpose == "staff_verify"
                and not self._core.visit.staff_verified(self._verify_for)):
            outcome = Outcome.NOT_ALLOWED  # staff vouch only for the holder of an accepted card read in this visit
        if outcome is Outcome.OK and purpose == "staff_verify":
            pass  # staff checked the card against the person (no card photo to compare): the visit records it
        elif outcome is Outcome.OK and purpose in ("change", "set_verify"):
            self._notice = "changed" if purpose == "change" else "verify_set"
        self._tick()
        self.pinResult.emit(purpose, outcome.value)
        if outcome is Outcome.MUST_CHANGE:
            self._shell.open("staff", {"purpose": "change", "forced": True})
        elif outcome is Outcome.OK and purpose in ("maintenance", "change"):
            self._shell.open("maintenance")
            self.refresh()
        elif outcome is Outcome.OK and purpose == "set_verify":
            self._shell.back()
        elif outcome is Outcome.OK and purpose == "desktop":
            self._leave_to_desktop()

    def _tick(self) -> None:
        locked = self._access.locked_for(MAINTENANCE) or self._access.locked_for(STAFF_VERIFY)
        if locked and not self._ticker.isActive():
            self._ticker.start()
        elif not locked:
            self._ticker.stop()
        self.pinChanged.emit()

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

    @Property(str, notify=changed)
    def unfinishedPrint(self) -> str:
        """What the last run was printing when it ended, for the row "上次打印未完成"; "" when nothing was left."""
        return self._unfinished

    @Property(bool, notify=changed)
    def unfinishedResendable(self) -> bool:
        return self._resendable

    def _read_unfinished(self) -> None:
        journal = self._core.printing.journal
        job = journal.unfinished() if journal is not None else None
        if job is None:
            self._unfinished, self._resendable = "", False
            return
        import time

        self._unfinished = f"{job.title} · {time.strftime('%Y-%m-%d %H:%M:%S', time.localtime(job.started))}"
        self._resendable = bool(job.data)

    @Slot()
    def reprintUnfinished(self) -> None:
        if not self._access.may_maintain:
            return
        if self._core.printing.reprint_unfinished(lambda job: self._posted.emit("reprinted", None),
                                                  lambda job, problem: self._posted.emit("print-failed", problem)):
            self._message = "正在重新打印…"
            self.changed.emit()

    @Slot()
    def dismissUnfinished(self) -> None:
        journal = self._core.printing.journal
        if self._access.may_maintain and journal is not None:
            journal.dismiss()
            log.info("unfinished print job dismissed by staff")
            self._read_unfinished()
            self.changed.emit()

    @Slot()
    def restartKiosk(self) -> None:
        """A clean end that kiosk.service (Restart=always) follows with a fresh start; audited."""
        if not self._access.may_maintain:
            return
        staff_exits.restart(self._core)
        self._end()

    def _leave_to_desktop(self) -> None:
        if not staff_exits.leave_to_desktop(self._core):
            self._message = "无法退出到桌面：状态目录不可写，请查看日志。"
            self._shell.back()
            self.changed.emit()
            return
        self._end()

    def _end(self) -> None:
        if self.on_leave is None:
            log.info("staff ended the kiosk, but this process is not `kiosk run`: nothing ends")
            return
        self.on_leave()

    @Slot()
    def refresh(self) -> None:
        """Device health may wait on a port or the printer's status reply: never on the GUI thread."""
        if self._busy or not self._access.may_maintain:
            return
        self._busy = True
        self._read_unfinished()
        self.changed.emit()

        def work() -> None:
            try:
                rows = as_dicts(health_rows(self._core.health()))
                lines = log_tail(self._core.cfg)
                self._posted.emit("health", (rows, lines))
            except Exception as e:  # the screen must say so rather than hang on "checking"
                log.exception("health check failed")
                self._posted.emit("health", ([{"key": "error", "title": "诊断", "ok": False, "detail": str(e)}], []))

        threading.Thread(target=work, name="diagnostics", daemon=True).start()

    @Slot()
    def printTestPage(self) -> None:
        if not self._access.may_maintain:
            return
        self._message = "正在打印测试页…"
        self.changed.emit()
        self._core.audit.record(MAINTENANCE, "printer.test_page")
        self._core.printing.print_test_page(lambda job: self._posted.emit("printed", None),
                                            lambda job, problem: self._posted.emit("print-failed", problem))

    def _on_posted(self, what: str, payload: object) -> None:
        if what == "pin":
            self._pin_done(*payload)  # type: ignore[misc]
            return
        if what == "health":
            self._rows, self._log = payload  # type: ignore[misc]
            self._busy = False
        elif what == "printed":
            self._message = "测试页已打印。"
        elif what == "reprinted":
            self._message = "已重新打印。"
            self._read_unfinished()
        elif what == "print-failed":
            self._message = f"测试页打印失败：{payload.technician}"  # type: ignore[attr-defined]
            self.refresh()
        self.changed.emit()

    def _clear(self) -> None:
        if self._access.may_maintain:
            self._core.audit.record(MAINTENANCE, "sign_out")
        self._access.sign_out()
        self._rows, self._log, self._message, self._notice = [], [], "", ""
        self._unfinished, self._resendable = "", False
        self.changed.emit()
        self.pinChanged.emit()
