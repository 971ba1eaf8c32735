"""The application screens' view-model: choose a service, the form (kiosk.application), submit, receipt."""

from __future__ import annotations

import logging

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from kiosk import application as use
from kiosk.app import KioskCore
from kiosk.consent import consent
from kiosk.i18n import Problem
from kiosk.visit import IdentityChanged
from ui.bridge import Bridge, registered
from ui.qr_provider import QrTexts
from ui.shell import Shell

log = logging.getLogger(__name__)

IDLE, BUSY, DONE, FAILED, PRINTED = "", "busy", "done", "failed", "printed"


@registered
class ApplyBridge(Bridge):
    """What the visit knows lives in core.visit (the form, the photos); this keeps only screen states."""

    changed = Signal()  # service list, chosen service, form structure, language
    valuesChanged = Signal()
    errorsChanged = Signal()
    submitChanged = Signal()

    def __init__(self, core: KioskCore, shell: Shell, qr: QrTexts, parent: QObject | None = None) -> None:
        super().__init__(core, shell, parent)
        self._qr = qr
        self.rating_delay_ms = 10_000  # Submitted -> Rating by itself after a printed receipt (not in elderly mode)
        self._reset_state()
        shell.languageChanged.connect(self._language)
        core.session.register_wipe("ui-apply", self.clear)

    def _reset_state(self) -> None:
        self._submit: tuple[str, Problem | None] = (IDLE, None)
        self._submitted = None  # kiosk.submissions.Submitted
        self._print: tuple[str, Problem | None] = (IDLE, None)
        self._print_job: int | None = None  # the receipt's print job, reprinted as is after a failure

    def _language(self) -> None:
        for signal in (self.changed, self.errorsChanged, self.submitChanged):
            signal.emit()

    @property
    def _form(self) -> use.ApplicationForm | None:
        return self._core.visit.form

    def _catalog(self):
        return self._core.catalog.catalog

    # ---- choosing the service

    @Property("QVariantList", notify=changed)
    def services(self) -> list[dict]:
        """Items that can be applied for at this terminal, in catalog order."""
        cat = self._catalog()
        return [{"code": s.code, "name": s.name, "department": s.department, "handling": self._t(s.handling)}
                for s in (cat.summary(c, language=self._shell.language) for c in cat.codes()) if s.kiosk_can_submit]

    @Slot(str)
    def start(self, code: str) -> None:
        """From a guide: remember the item, then identify; the form follows the face check."""
        use.choose_service(self._core.visit, self._catalog(), code)
        self.startFor("apply")

    @Slot(str)
    def startFor(self, purpose: str) -> None:
        """From a home tile: identify for applying or for printing certificates."""
        self._shell.open(purpose)
        self.changed.emit()

    @Property(str, notify=changed)
    def purpose(self) -> str:
        return self._core.visit.purpose

    @Slot(str)
    def choose(self, code: str) -> None:
        """From ApplyChoose (already identified): the form of that item."""
        use.choose_service(self._core.visit, self._catalog(), code)
        self._shell.open("chosen")  # who it is for first, when the item lets a helper apply for someone else

    @Slot()
    def afterIdentified(self) -> None:
        self._shell.open("identified")

    @Property(bool, notify=changed)
    def queueAvailable(self) -> bool:
        return self._core.submissions is not None

    @Property(str, notify=changed)
    def queueProblem(self) -> str:
        return "" if self._core.submissions is not None else self._t(use.NO_QUEUE.citizen)

    # ---- for whom (亲友代办)

    @Property(bool, notify=changed)
    def proxyOffered(self) -> bool:
        return self._core.visit.proxy_offered

    @Property(bool, notify=changed)
    def forOther(self) -> bool:
        """The form being filled is for someone else: its locked fields came from what the helper typed."""
        return self._form is not None and self._form.principal is not None

    @Property(str, notify=changed)
    def proxyLine(self) -> str:
        """"代办人 X 为 Y 申请" (masked) for the review screen; "" for an application for oneself."""
        line = self._form.proxy_line() if self._form else None
        return self._t(line) if line else ""

    @Property("QVariantMap", notify=changed)
    def consent(self) -> dict:  # the review's consent line, with and without photos, worded for who applies
        return {"photos": self._t(consent(True, self.forOther)), "plain": self._t(consent(False, self.forOther))}

    # ---- the form

    @Slot()
    def openForm(self) -> None:
        """ApplyForm opened: the form for the verified card, or back to where that is missing (no verified
        card: identification; no known item: the choice), once the push that opened the form is over."""
        form, instead = use.open_form(self._core.visit, self._catalog())
        self.changed.emit()
        self.valuesChanged.emit()
        self.errorsChanged.emit()
        if form is None:
            QTimer.singleShot(0, lambda: self._shell.rewind(instead))

    @Property(str, notify=changed)
    def serviceCode(self) -> str:
        return self._form.code if self._form else ""

    @Property(str, notify=changed)
    def serviceName(self) -> str:
        from kiosk.catalog.errors import UnknownItem

        try:
            return self._catalog().item(self._form.code, self._shell.language).name if self._form else ""
        except UnknownItem:
            return ""

    @Property("QVariantList", notify=changed)
    def fields(self) -> list[dict]:
        return self._form.field_views(self._shell.language) if self._form else []

    @Property("QVariantMap", notify=valuesChanged)
    def values(self) -> dict:
        """Choices made (for the highlighted buttons); typed text stays in its field."""
        form = self._form
        return {k: v for k, v in form.values.items() if k not in form.locked} if form else {}

    @Property("QVariantMap", notify=errorsChanged)
    def errors(self) -> dict:
        return {k: self._t(v) for k, v in self._form.errors.items()} if self._form else {}

    def _edited(self, outcome: tuple[bool, bool]) -> None:
        changed, message_gone = outcome
        if changed:
            self.valuesChanged.emit()
        if message_gone:
            self.errorsChanged.emit()

    @Slot(str, "QVariant")
    def setValue(self, key: str, value) -> None:
        if self._form is not None:
            self._edited(self._form.set_value(key, value))

    @Slot(str, str)
    def toggle(self, key: str, choice: str) -> None:
        if self._form is not None:
            self._edited(self._form.toggle(key, choice))

    @Slot(result=bool)
    def check(self) -> bool:
        """Validates every field; the messages show under the fields. True -> go on to Review."""
        ok = self._form is not None and self._form.check()
        self.errorsChanged.emit()
        return ok

    @Property(int, notify=errorsChanged)
    def errorCount(self) -> int:
        return len(self._form.errors) if self._form else 0

    @Property("QVariantList", notify=changed)
    def reviewRows(self) -> list[dict]:
        return self._form.review_rows(self._shell.language) if self._form else []

    # ---- submit: the enqueue commit first, the receipt second

    @Property(str, notify=submitChanged)
    def submitState(self) -> str:
        return self._submit[0]

    @Property(str, notify=submitChanged)
    def submitProblem(self) -> str:
        return self._t(self._submit[1].citizen) if self._submit[1] else ""

    @Property(str, notify=submitChanged)
    def trackingNumber(self) -> str:
        return self._submitted.tracking if self._submitted else ""

    @Property(str, notify=submitChanged)
    def trackingGrouped(self) -> str:
        """The number in short groups, to read out and to type back (either form is accepted)."""
        from protocol.tracking import grouped

        return grouped(self._submitted.tracking) if self._submitted else ""

    @Property(str, notify=submitChanged)
    def printState(self) -> str:
        """"busy", "printed" or "failed" (then the tracking number shows as a QR)."""
        return self._print[0]

    @Property(str, notify=submitChanged)
    def printProblem(self) -> str:
        return self._t(self._print[1].citizen) if self._print[1] else ""

    @Property(str, notify=submitChanged)
    def trackingQr(self) -> str:
        if not self._submitted or self._print[0] != FAILED:
            return ""
        return self._qr.source(use.progress_link(self._core, self._submitted.tracking))  # what the paper would hold

    @Property(int, constant=True)
    def ratingDelay(self) -> int:
        return self.rating_delay_ms

    def _set_submit(self, state: str, problem: Problem | None) -> None:
        self._submit = (state, problem)
        self.submitChanged.emit()

    @Slot(bool)
    def submit(self, consent: bool) -> None:
        if self._submit[0] == BUSY or self._submitted is not None:
            return  # a second tap must not make a second application
        form, visit, submissions = self._form, self._core.visit, self._core.submissions
        problem = use.why_not(visit, form, consent, submissions)
        if problem is not None:
            self._set_submit(FAILED, problem)
            if problem in (use.NO_IDENTITY, use.CARD_CHANGED):
                self._shell.rewind("Identify")
            return
        if not self.check():
            self._set_submit(IDLE, None)
            return
        self._set_submit(BUSY, None)
        self.run("apply-submit", lambda: use.submit(visit, form, submissions), self._submitted_ok, self._submit_failed)

    def _submit_failed(self, exc: Exception) -> None:
        if isinstance(exc, IdentityChanged):
            log.warning("submission refused: the card changed before the commit")
            self._set_submit(FAILED, use.CARD_CHANGED)
            return
        problem = getattr(exc, "problem", None)  # SaveFailed carries its citizen message; anything else is a fault
        log.error("submission failed: %s", problem.technician if problem else type(exc).__name__)
        self._set_submit(FAILED, problem or use.NO_QUEUE)

    def _submitted_ok(self, done) -> None:
        self._submitted, self._submit = done, (DONE, None)
        self._core.visit.tracking = done.tracking
        self._print_receipt()
        self.submitChanged.emit()
        self._shell.open("submitted")

    def _print_receipt(self) -> None:
        data = use.receipt_at(self._core, self._form, self._submitted)
        self._print = (BUSY, None)
        self._print_job = self._core.printing.print("submission_receipt", data, *self._print_callbacks())

    def _print_callbacks(self):
        gen = self._core.session.generation
        return (lambda job: self.post(self._printed, (PRINTED, None), gen),
                lambda job, problem: self.post(self._printed, (FAILED, problem), gen))

    def _printed(self, outcome: tuple) -> None:
        self._print = outcome
        self.submitChanged.emit()

    @Slot()
    def reprintReceipt(self) -> None:
        """After a failed receipt (paper out, jam): print it again once staff or the citizen fixed the printer."""
        if self._submitted is None or self._print[0] != FAILED:
            return
        self._print = (BUSY, None)
        self.submitChanged.emit()
        try:
            self._core.printing.reprint(self._print_job, *self._print_callbacks())
        except KeyError:  # the job failed before its bytes were built: build it again
            self._print_receipt()

    def clear(self) -> None:
        """Session wipe: states go; the form and the number went with the visit."""
        self._reset_state()
        for signal in (self.changed, self.valuesChanged, self.errorsChanged, self.submitChanged):
            signal.emit()
