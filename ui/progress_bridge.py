"""The progress screen's view-model: a typed tracking number or the card on the reader -> case states."""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import Property, QObject, Qt, Signal, Slot

from kiosk.app import KioskCore
from kiosk.catalog.errors import UnknownItem
from kiosk.i18n import Problem, Text
from kiosk.identity import IdentityPresented
from kiosk.presence import Citizen
from kiosk.application import NO_QUEUE
from ui.shell import Shell
from ui.bridge import registered

log = logging.getLogger(__name__)

IDLE, BUSY, DONE, FAILED = "", "busy", "done", "failed"
SCREEN = "Progress"
NONE_FOR_CARD = Problem("progress.none_for_card",
                        Text("没有查到您名下的办件。", "No applications were found for this card."),
                        "no cases for the card on the reader")
FAULT = Problem("progress.fault", Text("暂时无法查询，请稍后再试或咨询工作人员。",
                                       "Progress cannot be checked right now. Please try later or ask staff."),
                "progress query failed")


@registered
class ProgressBridge(QObject):
    """Queries run in worker threads (central may take its whole timeout); answers come back queued."""

    _posted = Signal(object, int)
    changed = Signal()

    def __init__(self, core: KioskCore, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._core, self._shell = core, shell
        self._state, self._problem, self._results, self._by_card = IDLE, None, [], False
        self._posted.connect(self._on_posted, Qt.ConnectionType.QueuedConnection)
        shell.languageChanged.connect(self.changed)
        # a card placed while this screen shows asks for that person's applications
        core.identity.subscribe(lambda e: self._posted.emit(("card", e), core.session.generation))
        core.session.register_wipe("ui-progress", self.clear)

    def _t(self, text: Text | None) -> str:
        return text.get(self._shell.language) if text is not None else ""

    @Property(str, notify=changed)
    def state(self) -> str:
        """"busy", "done" (results), "failed" (problem) or ""."""
        return self._state

    @Property(str, notify=changed)
    def problem(self) -> str:
        return self._t(self._problem.citizen) if self._problem else ""

    @Property(bool, notify=changed)
    def byCard(self) -> bool:
        return self._by_card

    @Property("QVariantList", notify=changed)
    def results(self) -> list[dict]:
        out = []
        for p in self._results:
            try:
                name = self._core.catalog.catalog.item(p.service_code).name if p.service_code else ""
            except UnknownItem:
                name = p.service_code or ""
            out.append({"tracking": p.tracking, "source": p.source, "local": p.source == "local",
                        "status": p.status, "text": self._t(p.text), "caseNumber": p.case_number or "",
                        "service": name})
        return out

    @Slot(str)
    def query(self, typed: str) -> None:
        submissions = self._core.submissions
        if not typed.strip() or self._state == BUSY:
            return
        if submissions is None:
            self._set(FAILED, NO_QUEUE, [])
            return
        self._by_card = False
        self._run(lambda: [submissions.progress(typed)])

    @Slot()
    def queryCard(self) -> None:
        """The card already on the reader (read before this screen opened)."""
        current = self._core.identity.current
        if current is not None and current.accepted:
            self._query_card(self._citizen_for(current))

    def _citizen_for(self, presented: IdentityPresented) -> Citizen:
        """The visit's verified person when this is their card (central answers with a presence proof); a card
        without its own face check gets this terminal's own records only."""
        if self._core.visit.is_verified(presented):
            return self._core.visit.citizen()
        return Citizen(presented.identity.id_number, presented.source)

    def _query_card(self, citizen: Citizen) -> None:
        submissions = self._core.submissions
        if self._state == BUSY:
            return
        if submissions is None:
            self._set(FAILED, NO_QUEUE, [])
            return
        self._by_card = True
        self._run(lambda: submissions.progress_by_id_number(citizen))

    def _run(self, ask) -> None:
        gen = self._core.session.generation
        self._set(BUSY, None, [])

        def work() -> None:
            try:
                found = ask()
            except (LookupError, ValueError) as e:  # not found / mistyped: their Problem says it plainly
                problem = e.args[0] if e.args and isinstance(e.args[0], Problem) else getattr(e, "problem", FAULT)
                self._posted.emit(("failed", problem), gen)
                return
            except Exception:
                log.exception("progress query failed")
                self._posted.emit(("failed", FAULT), gen)
                return
            self._posted.emit(("found", found), gen)

        threading.Thread(target=work, name="progress-query", daemon=True).start()

    def _set(self, state: str, problem: Problem | None, results: list) -> None:
        self._state, self._problem, self._results = state, problem, results
        self.changed.emit()

    def _on_posted(self, event: tuple, generation: int) -> None:
        what, payload = event
        if generation != self._core.session.generation:
            return
        if what == "card":
            if isinstance(payload, IdentityPresented) and payload.accepted and self._shell.currentScreen == SCREEN:
                self._query_card(self._citizen_for(payload))
        elif what == "found":
            if payload:
                self._set(DONE, None, list(payload))
            else:
                self._set(FAILED, NONE_FOR_CARD, [])
        elif what == "failed":
            self._set(FAILED, payload, [])

    @Slot()
    def clear(self) -> None:
        """Session wipe (and a fresh Progress screen): no former query stays."""
        self._by_card = False
        self._set(IDLE, None, [])
