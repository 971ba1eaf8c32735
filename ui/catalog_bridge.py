"""The catalog screens' view-model: browse groups, search as you type, guides, checklist printing and 取号."""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, Qt, Signal, Slot

from kiosk.app import KioskCore
from kiosk.catalog.errors import UnknownItem
from kiosk.catalog.model import HERE
from kiosk.i18n import Problem, Text
from kiosk.printing import Readiness
from ui.qr_provider import QrTexts
from ui.shell import Shell
from ui.bridge import registered

if TYPE_CHECKING:  # the catalog's models load with the catalog, after the first frame
    from kiosk.catalog.catalog import GroupSummary, ItemSummary
    from kiosk.catalog.guide import Guide
    from kiosk.catalog.tickets import Ticket

log = logging.getLogger(__name__)

MOST_USED = 8  # rows on the 常用 tab: one screenful even in elderly mode
IDLE, BUSY, PRINTED, FAILED = "", "busy", "printed", "failed"
TICKET_FAILED = Problem("catalog.ticket", Text("暂时无法取号，请到服务台咨询工作人员。",
                                               "A number cannot be issued right now; please ask at the front desk."),
                        "ticket counter failed")


@registered
class CatalogBridge(QObject):
    """Reads CatalogService on the GUI thread (fast, in memory); blocking work runs in workers.

    Print callbacks and ticket numbers arrive on worker threads and reach Qt only through the queued `_posted`
    signal, tagged with the session generation so a former visitor's late callback is dropped.
    """

    _posted = Signal(object, int)  # (what, payload), session generation
    changed = Signal()  # groups, language or catalog: everything bound to `revision` re-reads
    searchChanged = Signal()
    printerChanged = Signal()
    checklistChanged = Signal()
    ticketChanged = Signal()

    def __init__(self, core: KioskCore, shell: Shell, qr: QrTexts, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self._shell = shell
        self._qr = qr
        self._revision = 0
        self._search = None  # made with the catalog on first use: the attract screen must not wait for it
        self._service = None
        self._query = ""
        self._results: list[ItemSummary] = []
        self._printer: Readiness | None = None
        self._checklist = (IDLE, "", None, "")  # state, item code, problem, qr text
        self._ticket: Ticket | None = None
        self._ticket_code = ""
        self._ticket_state = IDLE
        self._ticket_problem: Problem | None = None
        self._posted.connect(self._on_posted, Qt.ConnectionType.QueuedConnection)
        shell.languageChanged.connect(self._bump)
        core.printing.subscribe(lambda r: self._posted.emit(("printer", r), -1))
        core.session.register_wipe("ui-catalog", self.clear)

    # ---- helpers

    def _catalog_service(self):
        """core.catalog builds the catalog and its pinyin indexes on first use (~0.4 s)."""
        if self._service is None:
            self._service = self._core.catalog
            self._service.on_catalog_changed(lambda new: self._posted.emit(("catalog", new), -1))
        return self._service

    def _search_session(self):
        if self._search is None:
            self._search = self._catalog_service().catalog.search_session()
        return self._search

    def _lang(self) -> str:
        return self._shell.language

    def _t(self, text: Text | None) -> str:
        return text.get(self._lang()) if text is not None else ""

    def _post(self, what: str, payload: object, generation: int) -> None:
        self._posted.emit((what, payload), generation)

    def _group(self, g: GroupSummary) -> dict:
        return {"kind": g.kind, "code": g.code, "title": self._t(g.title), "hint": g.hint, "count": g.count}

    def _handling(self, handling: Text) -> str:
        """How an item is handled, unless that is "this terminal takes it": the `hereLabel` badge says so once."""
        return "" if handling == HERE else self._t(handling)

    def _item(self, s: ItemSummary) -> dict:
        # why a search result matched (an alias, a misspelling) is not passed on: words the citizen never typed
        return {"code": s.code, "name": s.name, "shortName": s.short_name, "department": s.department,
                "handling": self._handling(s.handling), "here": s.kiosk_can_submit}

    def _bump(self) -> None:
        self._revision += 1
        self.changed.emit()
        self.searchChanged.emit()
        self.checklistChanged.emit()
        self.ticketChanged.emit()

    # ---- browsing

    @Property(int, notify=changed)
    def revision(self) -> int:
        """QML bindings that call slots read this first, so they re-run when the language or catalog changes."""
        return self._revision

    @Property(str, notify=changed)
    def hereLabel(self) -> str:
        """The one label for "this terminal takes the application" (lists, guide, printed checklist)."""
        return self._t(HERE)

    @Property("QVariantList", notify=changed)
    def themes(self) -> list[dict]:
        return [self._group(g) for g in self._catalog_service().catalog.themes()]

    @Property("QVariantList", notify=changed)
    def lifeEvents(self) -> list[dict]:
        return [self._group(g) for g in self._catalog_service().catalog.life_events()]

    @Property("QVariantList", notify=changed)
    def departments(self) -> list[dict]:
        return [self._group(g) for g in self._catalog_service().catalog.departments()]

    @Property("QVariantList", notify=changed)
    def mostUsed(self) -> list[dict]:
        return [self._item(s) for s in self._catalog_service().catalog.most_used(MOST_USED)]

    @Slot(str, str, result="QVariantList")
    def items(self, kind: str, code: str) -> list[dict]:
        try:
            return [self._item(s) for s in self._catalog_service().catalog.items_in(kind, code)]
        except ValueError:
            log.warning("unknown group kind %r", kind)
            return []

    # ---- search as you type

    @Property(str, notify=searchChanged)
    def query(self) -> str:
        return self._query

    @Property("QVariantList", notify=searchChanged)
    def results(self) -> list[dict]:
        return [self._item(s) for s in self._results]

    @Property(bool, notify=searchChanged)
    def noResult(self) -> bool:
        """Something was typed and nothing matched: the screen offers the themes and staff help."""
        return bool(self._query.strip()) and not self._results

    @Slot(str)
    def search(self, text: str) -> None:
        if text == self._query:
            return
        self._query = text
        limit = self._core.cfg.catalog.search_limit
        self._results = self._search_session().update(text, limit) if text.strip() else []
        self.searchChanged.emit()

    # ---- one item's guide

    @Slot(str, result="QVariantMap")
    def guide(self, code: str) -> dict:
        try:
            g = self._catalog_service().guide(code)
        except UnknownItem:  # a stale link after a catalog update
            return {"code": code, "missing": True}
        return self._guide_map(g)

    def _guide_map(self, g: Guide) -> dict:
        w = g.where
        return {
            "code": g.code, "missing": False, "name": g.name, "summary": g.summary,
            "audience": (", " if self._lang().startswith("en") else "、").join(self._t(a) for a in g.audience),
            "handling": self._handling(g.handling), "here": g.kiosk_can_submit, "conditions": list(g.conditions),
            "materials": [{"number": e.number, "name": e.name, "quantity": self._t(e.quantity), "when": e.when,
                           "notes": e.notes, "example": e.example, "capture": e.capture}
                          for e in g.checklist if e.bring],
            "shared": [e.name for e in g.checklist if not e.bring],
            "fees": list(g.fees), "statutory": self._t(g.statutory), "promised": self._t(g.promised),
            "department": self._t(w.department), "location": w.location, "windows": w.windows, "hours": w.hours,
            "phone": w.phone, "queue": w.queue.name, "legalBasis": list(g.legal_basis),
        }

    @Slot(str, result=int)
    def waiting(self, code: str) -> int:
        """People waiting in the item's queue (one small SQLite read), shown on the 取号 button."""
        try:
            return self._catalog_service().waiting_for(code)
        except Exception:  # a missing item or a locked database must not break the guide screen
            log.exception("waiting count failed")
            return -1

    # ---- printer readiness

    @Slot()
    def checkPrinter(self) -> None:
        """Asks the printer on the print worker; the answer arrives as printerReady/printerProblem."""
        gen = self._core.session.generation
        self._core.printing.check(lambda r: self._post("printer", r, gen))

    @Property(bool, notify=printerChanged)
    def printerReady(self) -> bool:
        return self._printer is None or self._printer.ready  # unknown yet: offer printing, the job checks again

    @Property(str, notify=printerChanged)
    def printerProblem(self) -> str:
        return self._t(self._printer.problem.citizen) if self._printer and self._printer.problem else ""

    # ---- print the materials checklist

    @Slot(str)
    def printChecklist(self, code: str) -> None:
        if self._checklist[0] == BUSY:
            return  # a second tap while the first job prints would give two sheets
        try:
            t = self._core.cfg.terminal
            data = self._catalog_service().checklist_print(code, site_name=t.site_name, hotline=t.hotline)
        except UnknownItem:
            return
        self._checklist = (BUSY, code, None, "")
        self.checklistChanged.emit()
        gen = self._core.session.generation
        self._core.printing.print("materials_checklist", data,
                                  lambda job: self._post("checklist_done", (code, job), gen),
                                  lambda job, problem: self._post("checklist_failed", (code, problem), gen))

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
            self._checklist = (IDLE, "", None, "")
            self.checklistChanged.emit()

    # ---- take a number

    @Slot(str)
    def takeNumber(self, code: str) -> None:
        """Issues the number in a worker (SQLite commit), then prints the ticket; the Ticket screen shows both."""
        if self._ticket_state == BUSY:
            return
        self._ticket, self._ticket_code, self._ticket_state, self._ticket_problem = None, code, BUSY, None
        self.ticketChanged.emit()
        gen = self._core.session.generation
        held = self._core.visit.tickets.get(code)
        if held is not None:  # asked again in the same visit: the number they hold (printed again), not a second one
            self._post("ticket", held, gen)
            return

        def work() -> None:
            try:
                ticket = self._catalog_service().take_number(code)
            except Exception:
                log.exception("take a number for %s failed", code)
                self._post("ticket_failed", TICKET_FAILED, gen)
                return
            self._post("ticket", ticket, gen)

        threading.Thread(target=work, name="take-number", daemon=True).start()

    def _print_ticket(self, ticket: Ticket) -> None:
        gen = self._core.session.generation
        data = self._catalog_service().ticket_print(ticket, site_name=self._core.cfg.terminal.site_name)
        self._core.printing.print("queue_ticket", data,
                                  lambda job: self._post("ticket_printed", job, gen),
                                  lambda job, problem: self._post("ticket_unprinted", problem, gen))

    @Property(str, notify=ticketChanged)
    def ticketState(self) -> str:
        """"busy" (taking or printing), "printed", "failed" (number shown with a QR instead of paper), ""."""
        return self._ticket_state

    @Property(str, notify=ticketChanged)
    def ticketNumber(self) -> str:
        return self._ticket.number if self._ticket else ""

    def _ticket_place(self):
        """(name, Where) of what the current ticket is for (an item, or the general desk), None if unknown."""
        if self._ticket_state == IDLE:
            return None
        try:
            return self._catalog_service().ticket_place(self._ticket_code)
        except UnknownItem:
            return None

    @Property(str, notify=ticketChanged)
    def ticketService(self) -> str:
        place = self._ticket_place()
        return self._t(place[0]) if place else ""

    @Property(bool, notify=changed)
    def generalDesk(self) -> bool:
        """The catalog has a general enquiry desk (综合咨询): take-a-number offers it to the undecided."""
        try:
            return self._catalog_service().has_general_desk()
        except Exception:  # catalog not loaded: the button simply does not show
            return False

    @Property(int, notify=ticketChanged)
    def ticketAhead(self) -> int:
        return self._ticket.ahead if self._ticket else 0

    @Property(str, notify=ticketChanged)
    def ticketWaitingText(self) -> str:
        return self._t(self._ticket.waiting_text()) if self._ticket else ""

    @Property(str, notify=ticketChanged)
    def ticketWindow(self) -> str:
        place = self._ticket_place() if self._ticket else None
        return f"{place[1].location} {place[1].queue.windows}" if place else ""

    @Property(str, notify=ticketChanged)
    def ticketIssuedAt(self) -> str:
        return f"{self._ticket.issued_at:%Y-%m-%d %H:%M}" if self._ticket else ""

    @Property(str, notify=ticketChanged)
    def ticketProblem(self) -> str:
        return self._t(self._ticket_problem.citizen) if self._ticket_problem else ""

    @Property(str, notify=ticketChanged)
    def ticketQr(self) -> str:
        """The number as a QR (number, service, time, terminal) when no paper ticket came out."""
        if self._ticket is None or self._ticket_state != FAILED:
            return ""
        t = self._ticket
        text = f"{t.number} {self.ticketService} {t.issued_at:%Y-%m-%d %H:%M} {self._core.cfg.terminal.id}"
        return self._qr.source(text)

    # ---- events on the GUI thread

    def _on_posted(self, event: tuple, generation: int) -> None:
        what, payload = event
        if generation not in (-1, self._core.session.generation):
            return  # the visitor who started it has gone; the wipe already cleared the screens
        if what == "catalog":
            self._search = payload.search_session()
            self._results = self._search.update(self._query, self._core.cfg.catalog.search_limit) \
                if self._query.strip() else []
            self._bump()
        elif what == "printer":
            self._printer = payload
            self.printerChanged.emit()
        elif what == "checklist_done":
            code, _job = payload
            self._checklist = (PRINTED, code, None, "")
            self.checklistChanged.emit()
        elif what == "checklist_failed":
            code, problem = payload
            url = self._catalog_service().guide(code).qr_url if code in self._catalog_service().catalog else ""
            self._checklist = (FAILED, code, problem, url)
            self.checklistChanged.emit()
            self.checkPrinter()  # the guide screen's hint follows what the printer says now
        elif what == "ticket":
            self._ticket = self._core.visit.tickets[self._ticket_code] = payload
            self.ticketChanged.emit()
            self._print_ticket(payload)
        elif what == "ticket_failed":
            self._ticket_state, self._ticket_problem = FAILED, payload
            self.ticketChanged.emit()
        elif what == "ticket_printed":
            self._ticket_state = PRINTED
            self.ticketChanged.emit()
        elif what == "ticket_unprinted":
            self._ticket_state, self._ticket_problem = FAILED, payload
            self.ticketChanged.emit()

    def clear(self) -> None:
        """Session wipe: search text, results, print states and the ticket go; QR texts are forgotten."""
        if self._search is not None:
            self._search.clear()
        self._query, self._results = "", []
        self._checklist = (IDLE, "", None, "")
        self._ticket, self._ticket_code, self._ticket_state, self._ticket_problem = None, "", IDLE, None
        self._qr.clear()
        self._bump()
