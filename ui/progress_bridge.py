"""The progress screen's view-model: a typed tracking number, or the person identified in this visit -> case states."""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk import flow, glossary, receipt_scan
from kiosk.app import KioskCore
from kiosk.application import NO_QUEUE
from kiosk.catalog.errors import UnknownItem
from kiosk.catalog.language import in_language
from kiosk.flow import Screen
from kiosk.i18n import Problem, Text
from kiosk.identity import IdentityPresented
from kiosk.visit import IdentityChanged
from protocol.tracking import grouped
from ui.bridge import Bridge, registered
from ui.preview import FrameStore, LivePreview
from ui.shell import Shell

log = logging.getLogger(__name__)
PROVIDER = "scanpreview"  # what the camera sees while it looks for a receipt's QR code

IDLE, BUSY, DONE, FAILED, SCANNING = "", "busy", "done", "failed", "scanning"
NONE_FOR_CARD = Problem("progress.none_for_card",
                        Text("没有查到您名下的办件。", "No applications were found for this card."),
                        "no cases for the card on the reader")
FAULT = Problem("progress.fault", Text("暂时无法查询，请稍后再试或咨询工作人员。",
                                       "Progress cannot be checked right now. Please try later or ask staff."),
                "progress query failed")


@registered
class ProgressBridge(Bridge):
    """Queries run in workers (central may take its whole timeout). A person's applications need their face check
    for that card read (kiosk.flow.identify_for): a card placed here without one goes to the face check first."""

    _card = Signal(object, int)  # a card read (reader thread) -> the GUI thread
    changed = Signal()
    frameChanged = Signal()

    def __init__(self, core: KioskCore, shell: Shell, store: FrameStore | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(core, shell, parent)
        self._state, self._problem, self._results, self._by_card = IDLE, None, [], False
        self._terms: list[glossary.Term] | None = None  # the glossary, read with each answer
        # the citizen sees what the camera sees while it looks: they can move the paper into view
        self._preview = LivePreview(store or FrameStore(), lambda: core.session.generation, mirror=True, parent=self)
        self._preview.shown.connect(self.frameChanged)
        self._scan_cancel = threading.Event()
        shell.languageChanged.connect(self.changed)
        # a card placed while this screen shows asks for that person's applications
        core.identity.subscribe(lambda e: self.post(self._card_read, e) if isinstance(e, IdentityPresented) else None)
        core.session.register_wipe("ui-progress", self.clear)

    @Property(str, notify=changed)
    def state(self) -> str:
        """"busy", "scanning" (camera looks for a receipt QR), "done" (results), "failed" (problem) or ""."""
        return self._state

    @Property(int, notify=frameChanged)
    def scanFrameNo(self) -> int:
        return self._preview.frame_no

    @Property(bool, notify=frameChanged)
    def scanHasFrame(self) -> bool:
        return self._preview.frame_no > 0 and self._preview.has_frame

    @Property(str, constant=True)
    def scanSource(self) -> str:
        return f"image://{PROVIDER}/"

    @Property(str, notify=changed)
    def problem(self) -> str:
        return self._t(self._problem.citizen) if self._problem else ""

    @Property(bool, notify=changed)
    def byCard(self) -> bool:
        return self._by_card

    @Property("QVariantList", notify=changed)
    def results(self) -> list[dict]:
        out = []
        terms = self._glossary()
        for p in self._results:
            try:
                item = self._core.catalog.catalog.item(p.service_code) if p.service_code else None
                # the service's name as the catalog screens show it: English or 繁體 when the screen is
                name = in_language(item.name_en, item.name, self._shell.language) if item else ""
            except UnknownItem:
                name = p.service_code or ""
            local = p.source == "local"
            out.append({"tracking": p.tracking, "grouped": grouped(p.tracking), "source": p.source,
                        "local": local,
                        "status": p.status, "text": self._t(p.text), "caseNumber": p.case_number or "",
                        "service": name, "reason": p.reason or ""} | self._term(p.status, terms))
        return out

    def _glossary(self) -> list[glossary.Term]:
        if self._terms is None:
            try:
                self._terms = glossary.load()
            except glossary.GlossaryError as exc:  # no explanation offered; the answer itself still shows
                log.error("glossary unavailable: %s", exc)
                self._terms = []
        return self._terms

    def _term(self, status: str, terms: list[glossary.Term]) -> dict:
        """The official word in a status (受理 in 已受理) the glossary explains: its key and how it reads here."""
        term = glossary.term_for_status(status, terms)
        return {"term": term.term.zh if term else "", "termWord": self._t(term.term) if term else ""}

    @Slot(str)
    def query(self, typed: str) -> None:
        submissions = self._core.submissions
        if not typed.strip() or self._state == BUSY:
            return
        self._scan_cancel.set()  # typed while the camera looked: the typed number wins
        if submissions is None:
            self._set(FAILED, NO_QUEUE, [])
            return
        self._by_card = False
        self._ask(lambda: [submissions.progress(typed)])

    @Slot()
    def scanReceipt(self) -> None:
        """The citizen holds the receipt's QR code to the camera: its number is asked like a typed one."""
        if self._state in (BUSY, SCANNING):
            return
        self._scan_cancel.set()  # a former scan still winding down stops for good
        cancel = self._scan_cancel = threading.Event()
        camera = self._core.devices.get("camera")
        self._by_card = False
        self._set(SCANNING, None, [])
        if camera is not None:
            self._preview.mirror = bool(getattr(camera, "mirror", True))
            self._preview.start(camera)
        self.run("progress-scan", lambda: receipt_scan.scan(camera, cancel), self._scanned, self._scan_failed)

    @Slot()
    def cancelScan(self) -> None:
        self._scan_cancel.set()
        if self._state == SCANNING:
            self._set(IDLE, None, [])

    def _scanned(self, number: str) -> None:
        if self._state != SCANNING:  # the citizen left the scan meanwhile
            return
        self._set(IDLE, None, [])
        self.query(number)

    def _scan_failed(self, exc: Exception) -> None:
        if self._state != SCANNING or isinstance(exc, receipt_scan.ScanCancelled):
            return
        if isinstance(exc, receipt_scan.ScanFailed):
            self._set(FAILED, exc.args[0], [])
        else:
            log.error("receipt scan failed: %s", type(exc).__name__)
            self._set(FAILED, FAULT, [])

    @Slot()
    def queryCard(self) -> None:
        """The screen opened: the person verified in this visit (their card may be back in their hand); a card
        merely lying on the reader shows nothing (choosing "by ID card" takes it to its face check)."""
        if self._core.visit.verified() is not None:
            self._query_card()

    def _card_read(self, presented: IdentityPresented) -> None:
        if self._by_card and not self._core.visit.is_verified(presented):
            self.clear()  # another card (read well or not): the former holder's list goes at once
        if not presented.accepted or self._shell.currentScreen != Screen.PROGRESS:
            return
        intent = flow.identify_for(Screen.PROGRESS, self._core.visit.is_verified(presented))
        if intent is not None:
            self.clear()  # nothing of a former query stays behind the face check
            self._shell.open(intent)
        else:
            self._query_card()

    def _query_card(self) -> None:
        submissions = self._core.submissions
        if self._state == BUSY:
            return
        if submissions is None:
            self._set(FAILED, NO_QUEUE, [])
            return
        visit = self._core.visit
        presented, citizen = visit.verified(), visit.citizen()
        if presented is None:
            return
        self._by_card = True
        # central may answer after another card was placed: then the answer is dropped (IdentityChanged)
        self._ask(lambda: visit.asking_for(presented, lambda: submissions.progress_by_id_number(citizen)))

    def _ask(self, ask) -> None:
        self._set(BUSY, None, [])
        self.run("progress-query", ask, self._found, self._failed)

    def _found(self, found: list) -> None:
        if found:
            self._set(DONE, None, list(found))
        else:
            self._set(FAILED, NONE_FOR_CARD, [])

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, IdentityChanged):  # asked for a person whose card has gone: nothing of theirs is shown
            self.clear()
            return
        if isinstance(exc, (LookupError, ValueError)):  # not found / mistyped: their Problem says it plainly
            problem = exc.args[0] if exc.args and isinstance(exc.args[0], Problem) else getattr(exc, "problem", FAULT)
        else:
            log.error("progress query failed: %s", type(exc).__name__)
            problem = FAULT
        self._set(FAILED, problem, [])

    def _set(self, state: str, problem: Problem | None, results: list) -> None:
        if state != SCANNING and self._state == SCANNING:
            self._preview.stop()
        self._state, self._problem, self._results = state, problem, results
        self._terms = None  # read again with the next answer: a fixed file is picked up without a restart
        self.changed.emit()

    @Slot()
    def clear(self) -> None:
        """Session wipe (and a fresh Progress screen): no former query stays, no scan goes on."""
        self._scan_cancel.set()
        self._by_card = False
        self._set(IDLE, None, [])
