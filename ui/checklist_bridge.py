"""The guide's printing: whether the printer can print now, and the printed checklist of materials to bring."""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.app import KioskCore
from kiosk.catalog.errors import UnknownItem
from kiosk.i18n import Problem
from kiosk.printing import Readiness
from ui.bridge import Bridge, registered
from ui.qr_provider import QrTexts
from ui.shell import Shell

IDLE, BUSY, PRINTED, FAILED = "", "busy", "printed", "failed"


@registered
class ChecklistBridge(Bridge):
    """A failed print shows the web guide as a QR instead, so the citizen still leaves with the list."""

    printerChanged = Signal()
    checklistChanged = Signal()

    def __init__(self, core: KioskCore, shell: Shell, qr: QrTexts, parent: QObject | None = None) -> None:
        super().__init__(core, shell, parent)
        self._qr = qr
        self._printer: Readiness | None = None
        self._checklist: tuple[str, str, Problem | None, str] = (IDLE, "", None, "")  # state, item, problem, qr text
        core.printing.subscribe(lambda r: self.post(self._readiness, r))
        shell.languageChanged.connect(self.printerChanged)
        shell.languageChanged.connect(self.checklistChanged)
        core.session.register_wipe("ui-checklist", self.clear)

    # ---- printer readiness

    @Slot()
    def checkPrinter(self) -> None:
        """Asks the printer on the print worker; the answer arrives as printerReady/printerProblem."""
        gen = self._core.session.generation
        self._core.printing.check(lambda r: self.post(self._readiness, r, gen))

    def _readiness(self, readiness: Readiness) -> None:
        self._printer = readiness
        self.printerChanged.emit()

    @Property(bool, notify=printerChanged)
    def printerReady(self) -> bool:
        return self._printer is None or self._printer.ready  # unknown yet: offer printing, the job checks again

    @Property(str, notify=printerChanged)
    def printerProblem(self) -> str:
        return self._t(self._printer.problem.citizen) if self._printer and self._printer.problem else ""

    # ---- the checklist

    @Slot(str)
    def printChecklist(self, code: str) -> None:
        if self._checklist[0] == BUSY:
            return  # a second tap while the first job prints would give two sheets
        try:
            t = self._core.cfg.terminal
            data = self._core.catalog.checklist_print(code, site_name=t.site_name, hotline=t.hotline)
        except UnknownItem:
            return
        self._set((BUSY, code, None, ""))
        gen = self._core.session.generation
        self._core.printing.print("materials_checklist", data,
                                  lambda job: self.post(self._set, (PRINTED, code, None, ""), gen),
                                  lambda job, problem: self.post(self._failed, (code, problem), gen))

    def _failed(self, failure: tuple) -> None:
        code, problem = failure
        catalog = self._core.catalog
        self._set((FAILED, code, problem, catalog.guide(code).qr_url if code in catalog.catalog else ""))
        self.checkPrinter()  # the guide screen's hint follows what the printer says now

    def _set(self, checklist: tuple) -> None:
        self._checklist = checklist
        self.checklistChanged.emit()

    @Property(str, notify=checklistChanged)
    def checklistState(self) -> str:
        return self._checklist[0]

    @Property(str, notify=checklistChanged)
    def checklistCode(self) -> str:
        return self._checklist[1]

    @Property(str, notify=checklistChanged)
    def checklistProblem(self) -> str:
        return self._t(self._checklist[2].citizen) if self._checklist[2] else ""

    @Property(str, notify=checklistChanged)
    def checklistQr(self) -> str:
        """image:// URL of the web guide's QR, when the checklist could not be printed."""
        return self._qr.source(self._checklist[3])

    @Slot()
    def resetChecklist(self) -> None:
        """A guide screen opened: a former item's print state must not show on it."""
        if self._checklist[0] != BUSY:
            self._set((IDLE, "", None, ""))

    def clear(self) -> None:
        self._set((IDLE, "", None, ""))
