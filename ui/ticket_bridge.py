"""The take-a-number screens' view-model (取号): a normal or a priority number per window, once per visit, printed
as a ticket."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.app import KioskCore
from kiosk.catalog.errors import UnknownItem
from kiosk.catalog.tickets import PRIORITY_NOTE, WAITING_COUNTING, waiting_now
from kiosk.i18n import Problem, Text
from ui.bridge import Bridge, registered
from ui.qr_provider import QrTexts
from ui.shell import Shell

if TYPE_CHECKING:  # the catalog's models load with the catalog, after the first frame
    from kiosk.catalog.tickets import Ticket

log = logging.getLogger(__name__)

IDLE, CHOOSE, BUSY, PRINTED, FAILED = "", "choose", "busy", "printed", "failed"
TICKET_FAILED = Problem("catalog.ticket", Text("暂时无法取号，请到服务台咨询工作人员。",
                                               "A number cannot be issued right now; please ask at the front desk."),
                        "ticket counter failed")


@registered
class TicketBridge(Bridge):
    """The 取号 button offers the choice of a normal and a priority (green-channel) number; the number is issued in
    a worker (one SQLite commit), then printed. Asked again in the same visit, the number already held is shown
    (and printed again), never a second place behind oneself."""

    changed = Signal()

    def __init__(self, core: KioskCore, shell: Shell, qr: QrTexts, parent: QObject | None = None) -> None:
        super().__init__(core, shell, parent)
        self._qr = qr
        self._reset_state()
        shell.languageChanged.connect(self.changed)
        core.session.register_wipe("ui-ticket", self.clear)

    def _reset_state(self) -> None:
        self._ticket: Ticket | None = None
        self._code, self._state, self._problem = "", IDLE, None
        self._waiting: int | None = None  # people at the windows when the choice was offered; None: not known
        self._counting = False

    def _set(self, state: str, problem: Problem | None = None) -> None:
        self._state, self._problem = state, problem
        self.changed.emit()

    @Slot(str)
    def offer(self, code: str) -> None:
        """The 取号 button of `code` ("" the general desk): the ticket screen offers a normal and a priority number,
        unless this visit already holds one for it (shown and printed again)."""
        if self._state == BUSY:
            return
        if code in self._core.visit.tickets:
            self.takeNumber(code)
            return
        self._ticket, self._code = None, code
        self._waiting, self._counting = None, True
        self._set(CHOOSE)
        # central counts for the whole hall and may take seconds: the choice shows at once, the count when it comes
        self.run("waiting-count", lambda: self._core.catalog.waiting_for(code), lambda n: self._counted(code, n),
                 lambda exc: self._counted(code, None))

    def _counted(self, code: str, count: int | None) -> None:
        if code != self._code or not self._counting:
            return  # another item was chosen meanwhile
        self._waiting, self._counting = count, False
        self.changed.emit()

    @Slot(str)
    def takeNumber(self, code: str) -> None:
        self._take(code, priority=False)

    @Slot(str)
    def takePriorityNumber(self, code: str) -> None:
        """A green-channel number: the visitor says they are elderly, disabled or pregnant; nobody asks for proof."""
        self._take(code, priority=True)

    def _take(self, code: str, priority: bool) -> None:
        if self._state == BUSY:
            return
        self._ticket, self._code = None, code
        self._set(BUSY)
        held = self._core.visit.tickets.get(code)
        if held is not None:
            self.post(self._issued, held)
            return
        self.run("take-number", lambda: self._core.catalog.take_number(code, priority), self._issued, self._failed)

    def _failed(self, exc: Exception) -> None:
        log.error("take a number for %s failed: %s", self._code or "the general desk", type(exc).__name__)
        self._set(FAILED, TICKET_FAILED)

    def _issued(self, ticket: Ticket) -> None:
        self._ticket = self._core.visit.tickets[self._code] = ticket
        self.changed.emit()
        gen = self._core.session.generation
        data = self._core.catalog.ticket_print(ticket, site_name=self._core.cfg.terminal.site_name)
        self._core.printing.print("queue_ticket", data,
                                  lambda job: self.post(lambda _: self._set(PRINTED), None, gen),
                                  lambda job, problem: self.post(lambda p: self._set(FAILED, p), problem, gen))

    @Property(str, notify=changed)
    def ticketState(self) -> str:
        """"choose" (normal or priority?), "busy" (taking or printing), "printed", "failed" (number shown with a
        QR instead of paper), ""."""
        return self._state

    @Property(bool, notify=changed)
    def priorityOffered(self) -> bool:
        """This terminal gives priority numbers ([catalog] priority_ticket_letter)."""
        try:
            return self._core.catalog.gives_priority_numbers
        except Exception:  # catalog not loaded: the button simply does not show
            return False

    @Property(bool, notify=changed)
    def ticketPriority(self) -> bool:
        return bool(self._ticket and self._ticket.priority)

    @Property(str, notify=changed)
    def ticketPriorityNote(self) -> str:
        """The line that marks a priority number, as on the paper."""
        return self._t(PRIORITY_NOTE) if self._ticket and self._ticket.priority else ""

    @Property(int, notify=changed)
    def waitingNow(self) -> int:
        """People waiting at the windows when the choice was offered; -1 while counting or not known."""
        return -1 if self._waiting is None else self._waiting

    @Property(str, notify=changed)
    def waitingText(self) -> str:
        """What the choice says of the windows now, in the screen's language."""
        return self._t(WAITING_COUNTING if self._counting else waiting_now(self._waiting))

    @Property(str, notify=changed)
    def ticketCode(self) -> str:
        """The item the number is (or is about to be) for; "" the general desk."""
        return self._code

    @Property(str, notify=changed)
    def ticketNumber(self) -> str:
        return self._ticket.number if self._ticket else ""

    def _place(self):
        """(name, Where) of what the current ticket is for (an item, or the general desk), None if unknown."""
        if self._state == IDLE:
            return None
        try:
            return self._core.catalog.ticket_place(self._code, self._shell.language)
        except UnknownItem:
            return None

    @Property(str, notify=changed)
    def ticketService(self) -> str:
        place = self._place()
        return self._t(place[0]) if place else ""

    @Property(bool, notify=changed)
    def generalDesk(self) -> bool:
        """The catalog has a general enquiry desk (综合咨询): take-a-number offers it to the undecided."""
        try:
            return self._core.catalog.has_general_desk()
        except Exception:  # catalog not loaded: the button simply does not show
            return False

    @Property(int, notify=changed)
    def ticketAhead(self) -> int:
        """People ahead as central counted them; -1 when not known (numbered by this terminal alone)."""
        if self._ticket is None:
            return 0
        return -1 if self._ticket.ahead is None else self._ticket.ahead

    @Property(str, notify=changed)
    def ticketWaitingText(self) -> str:
        return self._t(self._ticket.waiting_text()) if self._ticket else ""

    @Property(str, notify=changed)
    def ticketWindow(self) -> str:
        place = self._place()
        return f"{place[1].location} {place[1].queue.windows}" if place else ""

    @Property(str, notify=changed)
    def ticketIssuedAt(self) -> str:
        return f"{self._ticket.issued_at:%Y-%m-%d %H:%M}" if self._ticket else ""

    @Property(str, notify=changed)
    def ticketProblem(self) -> str:
        return self._t(self._problem.citizen) if self._problem else ""

    @Property(str, notify=changed)
    def ticketQr(self) -> str:
        """The number as a QR (number, service, time, terminal) when no paper ticket came out."""
        if self._ticket is None or self._state != FAILED:
            return ""
        t = self._ticket
        text = f"{t.number} {self.ticketService} {t.issued_at:%Y-%m-%d %H:%M} {self._core.cfg.terminal.id}"
        return self._qr.source(text)

    def clear(self) -> None:
        self._reset_state()
        self.changed.emit()
