"""The certificates screen's view-model: offers for the identified person -> issue one -> print it."""

from __future__ import annotations

import logging

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.app import KioskCore
from kiosk.application import NO_QUEUE
from kiosk.i18n import Problem, Text
from kiosk.visit import IdentityChanged, card_key
from ui.bridge import Bridge, registered
from ui.shell import Shell

log = logging.getLogger(__name__)

IDLE, LOADING, OFFERS, ISSUING, ISSUED, FAILED = "", "loading", "offers", "issuing", "issued", "failed"
PRINTING, PRINTED = "printing", "printed"
PURPOSE = "certificates"  # ApplyBridge.startFor(PURPOSE): identify first, then this screen
SCREEN = "Certificates"
NOTHING = "certificates.none"  # kiosk.certificates.NONE (imported with the HTTP stack, after the first frame)
FAULT = Problem("certificates.fault", Text("暂时无法出具证明，请稍后再试或咨询工作人员。",
                                           "A certificate cannot be issued right now. Please try later or ask staff."),
                "certificate request failed unexpectedly (see the log)")


@registered
class CertificateBridge(Bridge):
    """Central is asked in worker threads (it may take its whole timeout); answers come back queued. The
    certificate's text names the holder, so it goes to the printer only: the screen shows its title, number
    and verification code."""

    changed = Signal()

    def __init__(self, core: KioskCore, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(core, shell, parent)
        self._reset_state()
        shell.languageChanged.connect(self.changed)
        core.session.register_wipe("ui-certificates", self.clear)

    def _reset_state(self) -> None:
        self._state, self._problem = IDLE, None
        self._offers: list = []  # kiosk.certificates.Offer
        self._issued = None  # kiosk.certificates.Certificate
        self._print, self._job = IDLE, None
        self._for = None  # the card read the offers were asked for

    # ---- what QML reads

    @Property(str, notify=changed)
    def state(self) -> str:
        """"loading", "offers", "issuing", "issued", "failed" (then `problem`) or ""."""
        return self._state

    @Property(str, notify=changed)
    def problem(self) -> str:
        return self._t(self._problem.citizen) if self._problem else ""

    @Property(bool, notify=changed)
    def nothingToCertify(self) -> bool:
        """Central has no certificate for this person: not a fault, the screen says so calmly with a way on."""
        return self._state == FAILED and self._problem is not None and self._problem.code == NOTHING

    @Property("QVariantList", notify=changed)
    def offers(self) -> list[dict]:
        return [{"index": i, "title": self._t(o.title), "subject": self._t(o.subject)}
                for i, o in enumerate(self._offers)]

    @Property("QVariantMap", notify=changed)
    def issued(self) -> dict:
        c = self._issued
        if c is None:
            return {}
        return {"title": c.title, "number": c.number, "issuer": c.issuer, "issuedOn": c.issued_on,
                "verifyCode": c.verify_code}

    @Property(str, notify=changed)
    def printState(self) -> str:
        """"printing", "printed", "failed" (reprint offered) or ""."""
        return self._print

    # ---- actions

    def _identified(self):
        """The verified card read of this visit (card accepted and face passed), or None."""
        return self._core.visit.verified()

    def _service(self):
        submissions = self._core.submissions
        if submissions is None:
            return None
        from kiosk.certificates import Certificates  # the HTTP stack loads after the first frame, not with the UI

        return Certificates(submissions.client)

    @Slot()
    def load(self) -> None:
        """Called as the screen opens: ask central what it can certify for this person."""
        presented = self._identified()
        if presented is None:
            self._shell.rewind("Identify")
            return
        service = self._service()
        if service is None:
            self._set(FAILED, NO_QUEUE)
            return
        self._offers, self._issued = [], None
        self._print, self._job = IDLE, None
        self._for = card_key(presented)
        citizen = self._core.visit.citizen()  # holds central's presence proof between listing and issuing
        self._run(LOADING, self._offered, presented, lambda: service.offers(citizen))

    @Slot(int)
    def choose(self, index: int) -> None:
        presented, service = self._identified(), self._service()
        if self._state != OFFERS or not 0 <= index < len(self._offers) or service is None:
            return
        if presented is None or card_key(presented) != self._for:  # the offers were another card's
            self._shell.rewind("Identify")
            return
        offer, citizen = self._offers[index], self._core.visit.citizen()
        self._run(ISSUING, self._issued_now, presented, lambda: service.issue(citizen, offer))

    @Slot()
    def printIt(self) -> None:
        if self._issued is None or self._print == PRINTING:
            return
        gen = self._core.session.generation
        self._print = PRINTING
        self.changed.emit()
        on_done = lambda job: self.post(self._printed, None, gen)  # noqa: E731
        on_failed = lambda job, problem: self.post(self._printed, problem or FAULT, gen)  # noqa: E731
        paper = self._core.certificate_paper
        if self._job is not None:
            try:  # the kept bytes of the failed job: the same certificate, not a second one
                paper.reprint(self._job, on_done, on_failed)
                return
            except KeyError:
                pass
        service, issued = self._service(), self._issued
        # the A4 path first fetches central's PDF: a worker, so the screen stays live meanwhile
        self.run("certificate-print", lambda: paper.print(service, issued, on_done, on_failed), self._queued,
                 lambda exc: self._printed(FAULT))

    def _queued(self, handle) -> None:
        self._job = handle

    @Slot()
    def back(self) -> None:
        """From a certificate back to the list of offers (a new certificate is issued if one is chosen again)."""
        if self._offers and self._print != PRINTING:
            self._issued = None
            self._print, self._job = IDLE, None
            self._set(OFFERS, None)

    # ---- plumbing

    def _run(self, busy: str, done, presented, ask) -> None:
        self._set(busy, None)
        visit = self._core.visit
        self.run("certificates", lambda: visit.asking_for(presented, ask), done, self._failed)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, IdentityChanged):  # another card: what was asked for the first is not shown
            self._reset_state()
            self.changed.emit()
        elif isinstance(exc, LookupError):
            self._set(FAILED, exc.args[0] if exc.args and isinstance(exc.args[0], Problem) else FAULT)
        else:
            log.error("certificate request failed: %s", type(exc).__name__)
            self._set(FAILED, FAULT)

    def _offered(self, offers: list) -> None:
        self._offers = list(offers)
        self._set(OFFERS, None)

    def _issued_now(self, certificate) -> None:
        self._issued = certificate
        log.info("certificate issued: kind %s", certificate.kind)  # the number and text identify a person
        self._set(ISSUED, None)
        self.printIt()  # a tap on an offer means "print it": the screen then shows how printing went

    def _printed(self, problem: Problem | None) -> None:
        # the screen has its own words for a failure (the printer's offer an on-screen QR a certificate lacks)
        self._print = FAILED if problem is not None else PRINTED
        if problem is not None:
            log.warning("certificate not printed: %s", problem.technician)
        self.changed.emit()

    def _set(self, state: str, problem: Problem | None) -> None:
        self._state, self._problem = state, problem
        self.changed.emit()

    @Slot()
    def clear(self) -> None:
        """Session wipe: no offer, certificate or print state of a former visitor stays."""
        self._reset_state()
        self.changed.emit()
