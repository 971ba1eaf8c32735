"""The application flow's view-model: choose a service, fill the pre-filled form, submit, receipt, rating."""

from __future__ import annotations

import logging
import threading
import time
from typing import Callable

from PySide6.QtCore import Property, QObject, Qt, Signal, Slot

from kiosk.app import KioskCore
from kiosk.catalog.errors import UnknownItem
from kiosk.i18n import Problem, Text
from kiosk.redact import mask_address, mask_id_number, mask_name
from kiosk.visit import IdentityChanged, card_key
from ui.qr_provider import QrTexts
from ui.shell import Shell
from ui.bridge import registered

log = logging.getLogger(__name__)

IDLE, BUSY, DONE, FAILED = "", "busy", "done", "failed"
PRINTED = "printed"
# pre-filled values shown only masked: the screen is seen by whoever stands behind the citizen
MASKED = {"name": mask_name, "id_number": mask_id_number, "address": mask_address}

NO_QUEUE = Problem("apply.no_queue",
                   Text("本机暂时无法受理申请，请到人工窗口办理。",
                        "This terminal cannot take applications right now. Please go to a service window."),
                   "offline queue unavailable (see diagnostics)")
NO_IDENTITY = Problem("apply.no_identity",
                      Text("请先刷身份证并完成人脸核验。", "Please identify with your ID card and face check first."),
                      "submit without an accepted identity")
CARD_CHANGED = Problem("apply.card_changed",
                       Text("证件已更换，请重新核验身份。", "The card was changed. Please identify again."),
                       "identity on the reader differs from the one the form was opened with")
NO_CONSENT = Text("请先阅读并勾选同意。", "Please read and tick the consent first.")
RATE_FAILED = Problem("apply.rating",
                      Text("评价暂时无法保存，感谢您的反馈。", "Your rating could not be saved right now. Thank you."),
                      "rating enqueue failed")
PROGRESS_HINT = "在自助终端“进度查询”输入受理编号或刷身份证"


def card_mapping(identity) -> dict[str, str]:
    """The card as forms.prefill reads it (keys as in the catalog's `prefill`)."""
    return {"name": identity.name or identity.name_en, "gender": identity.gender, "nation": identity.nation,
            "birth_date": identity.birth.isoformat() if identity.birth else "", "address": identity.address,
            "id_number": identity.id_number}


def _check_material(record: dict | None) -> str:
    """How the receipt names the identity check that went with the application."""
    return "人脸核验记录" if record and record.get("decision") == "match" else "工作人员核验记录"


@registered
class ApplyBridge(QObject):
    """Blocking calls (enqueue, rating) run in worker threads; results come back through the queued `_posted`.

    Every posted result carries the session generation, so a former visitor's late answer is dropped.
    """

    _posted = Signal(object, int)
    changed = Signal()  # service list, chosen service, form structure, language
    valuesChanged = Signal()
    errorsChanged = Signal()
    submitChanged = Signal()
    ratingChanged = Signal()

    def __init__(self, core: KioskCore, shell: Shell, qr: QrTexts, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._core, self._shell, self._qr = core, shell, qr
        self.rating_delay_ms = 10_000  # Submitted -> Rating by itself after a printed receipt (not in elderly mode)
        # the photographed materials of a service (set by make_bridges: the materials bridge owns them)
        self.attachments_for: Callable[[str], list[bytes]] = lambda code: []
        self._reset_state()
        self._posted.connect(self._on_posted, Qt.ConnectionType.QueuedConnection)
        shell.languageChanged.connect(self._language)
        core.session.register_wipe("ui-apply", self.clear)

    def _reset_state(self) -> None:
        self._code = ""
        self._identity = None  # the IdentityPresented the form was filled for; a swapped card must not inherit it
        self._fields: list = []
        self._locked: dict[str, str] = {}  # key -> value from the card
        self._values: dict = {}
        self._errors: dict[str, Text] = {}
        self._submit = (IDLE, None)  # state, Problem
        self._submitted = None  # kiosk.submissions.Submitted
        self._print = (IDLE, None)
        self._print_job: int | None = None  # the receipt's print job, reprinted as is after a failure
        self._rating = (IDLE, None)

    # ---- helpers

    def _t(self, text: Text | None) -> str:
        return text.get(self._shell.language) if text is not None else ""

    def _post(self, what: str, payload: object, generation: int) -> None:
        self._posted.emit((what, payload), generation)

    def _language(self) -> None:
        self.changed.emit()
        self.errorsChanged.emit()
        self.submitChanged.emit()
        self.ratingChanged.emit()

    def _catalog(self):
        return self._core.catalog.catalog

    # ---- choosing the service

    @Property("QVariantList", notify=changed)
    def services(self) -> list[dict]:
        """Items that can be applied for at this terminal, in catalog order."""
        cat = self._catalog()
        out = []
        for code in cat.codes():
            s = cat.summary(code)
            if s.kiosk_can_submit:
                out.append({"code": s.code, "name": s.name, "department": s.department,
                            "handling": self._t(s.handling)})
        return out

    @Slot(str)
    def start(self, code: str) -> None:
        """From a guide: remember the item, then identify; the form follows the face check."""
        self._core.visit.service = code
        self.startFor("apply")

    @Slot(str)
    def startFor(self, purpose: str) -> None:
        """From a home tile: identify for applying or for printing certificates."""
        self._core.visit.purpose = purpose
        self.changed.emit()
        self._shell.go("Identify")

    @Property(str, notify=changed)
    def purpose(self) -> str:
        return self._core.visit.purpose

    @Slot(str)
    def choose(self, code: str) -> None:
        """From ApplyChoose (already identified): the form of that item."""
        self._core.visit.service = code
        self._shell.go("ApplyForm")

    @Slot()
    def afterIdentified(self) -> None:
        if self._core.visit.purpose == "certificates":
            self._shell.go("Certificates")
            return
        self._shell.go("ApplyForm" if self._core.visit.service else "ApplyChoose")

    @Property(bool, notify=changed)
    def queueAvailable(self) -> bool:
        return self._core.submissions is not None

    @Property(str, notify=changed)
    def queueProblem(self) -> str:
        return "" if self._core.submissions is not None else self._t(NO_QUEUE.citizen)

    # ---- the form

    @Slot(result=str)
    def openForm(self) -> str:
        """ApplyForm opened: build the chosen item's form pre-filled from the card. Returns "" or the screen
        to go to instead ("Identify" without an accepted identity, "ApplyChoose" without a known item)."""
        identity = self._core.visit.verified()
        code = self._core.visit.service
        if identity is None:
            return "Identify"
        try:
            item = self._catalog().item(code)
        except UnknownItem:
            return "ApplyChoose"
        if code != self._code or self._identity is None or card_key(identity) != card_key(self._identity):
            # back from Review keeps what was typed; another card gets a fresh form
            self._code, self._identity, self._fields = code, identity, list(item.form)
            from kiosk.catalog.forms import prefill

            self._locked = prefill(self._fields, card_mapping(identity.identity))
            self._values = dict(self._locked)
            self._errors = {}
            self.valuesChanged.emit()
            self.errorsChanged.emit()
        self.changed.emit()
        return ""

    @Property(str, notify=changed)
    def serviceCode(self) -> str:
        return self._code

    @Property(str, notify=changed)
    def serviceName(self) -> str:
        try:
            return self._catalog().item(self._code).name if self._code else ""
        except UnknownItem:
            return ""

    def _display(self, key: str, value) -> str:
        if key in self._locked and key in MASKED:
            return MASKED[key](str(value))
        if isinstance(value, list):
            return "、".join(value)
        if isinstance(value, bool):
            return {True: Text("是", "Yes"), False: Text("否", "No")}[value].get(self._shell.language)
        return "" if value is None else str(value)

    @Property("QVariantList", notify=changed)
    def fields(self) -> list[dict]:
        """Form structure only: typing does not rebuild it (that would take the focus from the field)."""
        out = []
        for f in self._fields:
            locked = f.key in self._locked
            out.append({"key": f.key, "label": f.label, "type": f.type, "required": f.required,
                        "choices": list(f.choices), "help": f.help, "locked": locked,
                        "shown": self._display(f.key, self._values.get(f.key)) if locked else "",
                        "initial": "" if locked else self._display(f.key, self._values.get(f.key))})
        return out

    @Property("QVariantMap", notify=valuesChanged)
    def values(self) -> dict:
        """Choices made (for the highlighted buttons); typed text stays in its field."""
        return {k: v for k, v in self._values.items() if k not in self._locked}

    @Property("QVariantMap", notify=errorsChanged)
    def errors(self) -> dict:
        return {k: self._t(v) for k, v in self._errors.items()}

    @Slot(str, "QVariant")
    def setValue(self, key: str, value) -> None:
        if key in self._locked or key not in {f.key for f in self._fields}:
            return  # card data cannot be typed over
        if self._values.get(key) == value:
            return  # a rebuilt field restoring its text is no edit: its message stays
        self._values[key] = value
        self.valuesChanged.emit()
        if self._errors.pop(key, None) is not None:
            self.errorsChanged.emit()

    @Slot(str, str)
    def toggle(self, key: str, choice: str) -> None:
        """multi_choice: add or remove one choice."""
        chosen = list(self._values.get(key) or [])
        chosen.remove(choice) if choice in chosen else chosen.append(choice)
        self.setValue(key, chosen)

    def _clean(self) -> dict:
        known = {f.key: f for f in self._fields}
        out = {}
        for k, v in self._values.items():
            if k in known:
                out[k] = v.strip() if isinstance(v, str) else v
        return out

    @Slot(result=bool)
    def check(self) -> bool:
        """Validates every field; the messages show under the fields. True -> go on to Review."""
        from kiosk.catalog.forms import check_form

        self._errors = check_form(self._fields, self._clean())
        self.errorsChanged.emit()
        return not self._errors

    @Property(int, notify=errorsChanged)
    def errorCount(self) -> int:
        return len(self._errors)

    @Property("QVariantList", notify=changed)
    def reviewRows(self) -> list[dict]:
        clean = self._clean()
        return [{"key": f.key, "label": f.label, "value": self._display(f.key, clean.get(f.key))}
                for f in self._fields]

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
        if self._submitted is None or self._print[0] != FAILED:
            return ""
        return self._qr.source(self._submitted.tracking)

    @Property(int, constant=True)
    def ratingDelay(self) -> int:
        return self.rating_delay_ms

    @Slot(bool)
    def submit(self, consent: bool) -> None:
        if self._submit[0] == BUSY or self._submitted is not None:
            return  # a second tap must not make a second application
        identity, visit = self._identity, self._core.visit
        if identity is None or not visit.is_verified(identity):
            self._submit = (FAILED, NO_IDENTITY if identity is None else CARD_CHANGED)
            self.submitChanged.emit()
            self._shell.rewind("Identify")
            return
        if not consent:
            self._submit = (FAILED, Problem("apply.consent", NO_CONSENT, "consent not given"))
            self.submitChanged.emit()
            return
        if self._core.submissions is None:
            self._submit = (FAILED, NO_QUEUE)
            self.submitChanged.emit()
            return
        if not self.check():
            self._submit = (IDLE, None)
            self.submitChanged.emit()
            return
        ident = identity.identity
        applicant = {**card_mapping(ident), "kind": ident.kind, "source": identity.source}
        form, code = self._clean(), self._code
        attachments = self.attachments_for(code)
        submissions, gen = self._core.submissions, self._core.session.generation
        self._submit = (BUSY, None)
        self.submitChanged.emit()

        def work() -> None:
            try:
                # checked again at the moment of the commit: no card read lands until the record is on disk
                with visit.holding(identity) as (face, evidence):
                    done = submissions.submit(code, form, applicant, face, attachments, evidence)
            except IdentityChanged:
                log.warning("submission of %s refused: the card changed before the commit", code)
                self._post("submit_failed", CARD_CHANGED, gen)
                return
            except Exception as e:  # QueueError carries its citizen message; anything else is a fault too
                problem = getattr(e, "problem", None)
                log.error("submission of %s failed: %s", code, problem.technician if problem else type(e).__name__)
                self._post("submit_failed", problem or NO_QUEUE, gen)
                return
            self._post("submitted", done, gen)

        threading.Thread(target=work, name="apply-submit", daemon=True).start()

    def _print_receipt(self) -> None:
        done, identity = self._submitted, self._identity
        guide = self._core.catalog.guide(self._code)
        data = {
            "service_name": guide.name,
            "tracking_number": done.tracking,
            # masked by the template's filters; the built bytes kept for reprint hold the masked form only
            "applicant_name": card_mapping(identity.identity)["name"] if identity else "",
            "id_number": identity.identity.id_number if identity else "",
            "materials": ["申请表（本机填写）", "身份证件（读卡核验）"]
                         + [_check_material(self._core.visit.face_record)]
                         + ([f"材料照片{n}张（本机拍摄）"] if (n := len(self.attachments_for(self._code))) else []),
            "submitted_at": time.strftime("%Y-%m-%d %H:%M", time.localtime(done.created_at)),
            "promised_date": guide.promised.zh,
            "progress_hint": PROGRESS_HINT,
        }
        gen = self._core.session.generation
        self._print = (BUSY, None)
        self._print_job = self._core.printing.print("submission_receipt", data, *self._print_callbacks(gen))

    def _print_callbacks(self, gen: int):
        return (lambda job: self._post("printed", job, gen),
                lambda job, problem: self._post("unprinted", problem, gen))

    @Slot()
    def reprintReceipt(self) -> None:
        """After a failed receipt (paper out, jam): print it again once staff or the citizen fixed the printer."""
        if self._submitted is None or self._print[0] != FAILED:
            return
        gen = self._core.session.generation
        self._print = (BUSY, None)
        self.submitChanged.emit()
        try:
            self._core.printing.reprint(self._print_job, *self._print_callbacks(gen))
        except KeyError:  # the job failed before its bytes were built: build it again
            self._print_receipt()

    # ---- rating

    @Property("QVariantList", notify=ratingChanged)
    def ratings(self) -> list[dict]:
        from kiosk.submissions import RATINGS  # the queue stack loads after the first frame, not with the UI

        return [{"score": s, "text": self._t(t)} for s, t in RATINGS.items()]

    @Property(str, notify=ratingChanged)
    def ratingState(self) -> str:
        return self._rating[0]

    @Property(str, notify=ratingChanged)
    def ratingProblem(self) -> str:
        return self._t(self._rating[1].citizen) if self._rating[1] else ""

    @Property(str, notify=submitChanged)
    def ratedService(self) -> str:
        """The matter being rated, when the rating follows a submission."""
        return self.serviceName if self._submitted else ""

    @Slot(int)
    def rate(self, score: int) -> None:
        from kiosk.submissions import RATINGS

        if self._rating[0] in (BUSY, DONE) or score not in RATINGS:
            return
        submissions, gen = self._core.submissions, self._core.session.generation
        tracking = self._submitted.tracking if self._submitted else None
        if submissions is None:
            self._rating = (FAILED, RATE_FAILED)
            self.ratingChanged.emit()
            return
        self._rating = (BUSY, None)
        self.ratingChanged.emit()

        def work() -> None:
            try:
                submissions.rate(score, tracking)
            except Exception:
                log.exception("rating could not be queued")
                self._post("rate_failed", RATE_FAILED, gen)
                return
            self._post("rated", score, gen)

        threading.Thread(target=work, name="apply-rate", daemon=True).start()

    # ---- results on the GUI thread

    def _on_posted(self, event: tuple, generation: int) -> None:
        what, payload = event
        if generation != self._core.session.generation:
            return  # the visitor who started it has gone
        if what == "submitted":
            self._submitted, self._submit = payload, (DONE, None)
            self._print_receipt()
            self.submitChanged.emit()
            self._shell.go("Submitted")
        elif what == "submit_failed":
            self._submit = (FAILED, payload)
            self.submitChanged.emit()
        elif what == "printed":
            self._print = (PRINTED, None)
            self.submitChanged.emit()
        elif what == "unprinted":
            self._print = (FAILED, payload)
            self.submitChanged.emit()
        elif what == "rated":
            self._core.visit.rated = True
            self._rating = (DONE, None)
            self.ratingChanged.emit()
        elif what == "rate_failed":
            self._core.visit.rated = True  # the citizen did their part; they are not asked again
            self._rating = (FAILED, payload)
            self.ratingChanged.emit()

    def clear(self) -> None:
        """Session wipe: form values, errors, tracking number and states go."""
        self._reset_state()
        self.changed.emit()
        self.valuesChanged.emit()
        self.errorsChanged.emit()
        self.submitChanged.emit()
        self.ratingChanged.emit()
