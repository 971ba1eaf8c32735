"""Applying for a service in a visit: the form pre-filled from the verified card, typed values, checks, the durable
submission (the commit first, the receipt second) and what the receipt says."""

from __future__ import annotations

import time
from typing import Any, Callable

from kiosk.catalog.language import choice_label, choice_labels, field_help, field_label
from kiosk.i18n import Problem, Text
from kiosk.proxy import Principal, who_for_whom
from kiosk.redact import mask_address, mask_id_number, mask_name
from kiosk.visit import IdentityChanged, Visit, card_key
from protocol import receipt_link

# pre-filled values shown only masked: the screen is seen by whoever stands behind the citizen
MASKED = {"name": mask_name, "id_number": mask_id_number, "address": mask_address}
PROGRESS_HINT = "在自助终端“进度查询”扫描本回执二维码、输入受理编号或刷身份证"
# the QR opens central's public page only where [central] public_url is set
PHONE_HINT = "手机扫描上方二维码，或"


def progress_hint(public_url: str) -> str:
    return (PHONE_HINT if public_url else "") + PROGRESS_HINT

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
NO_CONSENT = Problem("apply.consent", Text("请先阅读并勾选同意。", "Please read and tick the consent first."),
                     "consent not given")
PROXY_MATERIAL = Problem("apply.proxy_material",
                        Text("代办需要拍摄授权委托书。请点“授权委托书”一行的“拍照”，拍好后再提交。",
                             "Applying for someone else needs a photo of the power of attorney: tap \"Photograph\" "
                             "on its line, then submit."),
                        "proxy application without its for_proxy material photographed")
RATE_FAILED = Problem("apply.rating",
                      Text("评价暂时无法保存。感谢您的反馈，您可以直接离开。",
                           "Your rating could not be saved right now. Thank you; you may simply leave."),
                      "rating enqueue failed")
_YES_NO = {True: Text("是", "Yes"), False: Text("否", "No")}


def card_mapping(identity: Any) -> dict[str, str]:
    """The card as forms.prefill reads it (keys as in the catalog's `prefill`)."""
    return {"name": identity.name or identity.name_en, "gender": identity.gender, "nation": identity.nation,
            "birth_date": identity.birth.isoformat() if identity.birth else "", "address": identity.address,
            "id_number": identity.id_number}


def identity_lines(agent: dict | None) -> list[str]:
    """The receipt's identity lines: the card read, and for a proxy application who applied (masked: the receipt
    leaves the hall)."""
    if not agent:
        return ["身份证件（读卡核验）"]
    return ["亲友代办：代办人身份证件（读卡核验）",
            f"代办人 {mask_name(str(agent.get('name') or ''))}（{mask_id_number(str(agent.get('id_number') or ''))}）"]


def check_material(record: dict | None) -> str:
    """How the receipt names the identity check that went with the application."""
    return "人脸核验记录" if record and record.get("decision") == "match" else "工作人员核验记录"


class ApplicationForm:
    """One service's form for one verified card read: what came from the card (locked), what was typed or chosen,
    and the messages of the last check. Kept in the visit, so it goes with the visitor."""

    def __init__(self, code: str, fields: list, presented: Any, principal: Principal | None = None,
                 proxy_materials: list[str] = ()) -> None:
        from kiosk.catalog.forms import prefill

        self.code, self.fields, self.presented = code, fields, presented
        # applying for someone else: the form asks about them, so it is filled from what the helper typed
        self.principal = principal
        self.proxy_materials = list(proxy_materials) if principal else []  # names that must be photographed
        self.locked: dict[str, Any] = prefill(fields, principal.mapping() if principal
                                              else card_mapping(presented.identity))
        self.values: dict[str, Any] = dict(self.locked)
        if principal and principal.phone and any(f.key == "phone" for f in fields) and "phone" not in self.locked:
            self.values["phone"] = principal.phone
        self.errors: dict[str, Text] = {}

    def for_card(self, presented: Any, principal: Principal | None = None) -> bool:
        return card_key(presented) == card_key(self.presented) and principal == self.principal

    def set_value(self, key: str, value: Any) -> tuple[bool, bool]:
        """(value changed, its message went away); card data cannot be typed over."""
        if key in self.locked or key not in {f.key for f in self.fields} or self.values.get(key) == value:
            return False, False  # the same text restored by a rebuilt field is no edit: its message stays
        self.values[key] = value
        return True, self.errors.pop(key, None) is not None

    def toggle(self, key: str, choice: str) -> tuple[bool, bool]:
        """multi_choice: add or remove one choice."""
        chosen = list(self.values.get(key) or [])
        chosen.remove(choice) if choice in chosen else chosen.append(choice)
        return self.set_value(key, chosen)

    def clean(self) -> dict:
        known = {f.key for f in self.fields}
        return {k: v.strip() if isinstance(v, str) else v for k, v in self.values.items() if k in known}

    def check(self) -> bool:
        from kiosk.catalog.forms import check_form

        self.errors = check_form(self.fields, self.clean())
        return not self.errors

    def display(self, key: str, value: Any, language: str) -> str:
        if key in self.locked and key in MASKED:
            return MASKED[key](str(value))
        field = next((f for f in self.fields if f.key == key), None)
        if field is not None and field.choices and isinstance(value, (str, list)):
            chosen = [choice_label(field, v, language) for v in (value if isinstance(value, list) else [value])]
            return (", " if language.startswith("en") else "、").join(chosen)
        if isinstance(value, list):
            return "、".join(value)
        if isinstance(value, bool):
            return _YES_NO[value].get(language)
        return "" if value is None else str(value)

    def field_views(self, language: str) -> list[dict]:
        """Form structure for the screen; typed text stays in its field (rebuilding would take the focus)."""
        out = []
        for f in self.fields:
            locked = f.key in self.locked
            shown = self.display(f.key, self.values.get(f.key), language)
            out.append({"key": f.key, "label": field_label(f, language), "type": f.type, "required": f.required,
                        "choices": list(f.choices), "choiceLabels": choice_labels(f, language),
                        "help": field_help(f, language), "locked": locked,
                        "shown": shown if locked else "", "initial": "" if locked else shown})
        return out

    def review_rows(self, language: str) -> list[dict]:
        clean = self.clean()
        return [{"key": f.key, "label": field_label(f, language),
                 "value": self.display(f.key, clean.get(f.key), language)}
                for f in self.fields]

    def applicant(self) -> dict:
        """Whom the application is for: the card holder, or the person a helper applies for."""
        if self.principal is not None:
            return self.principal.applicant()
        ident = self.presented.identity
        return {**card_mapping(ident), "kind": ident.kind, "source": self.presented.source}

    def agent(self) -> dict | None:
        """The helper who applies for someone else (their own card read and face check), or None. Central keeps
        only a keyed hash of the number and the masked name."""
        if self.principal is None:
            return None
        ident = self.presented.identity
        return {"name": card_mapping(ident)["name"], "id_number": ident.id_number, "kind": ident.kind,
                "source": self.presented.source, "relation": self.principal.relation}

    def proxy_line(self) -> Text | None:
        """"代办人 X 为 Y 申请" (masked), for the review screen; None for an application for oneself."""
        if self.principal is None:
            return None
        return who_for_whom(card_mapping(self.presented.identity)["name"], self.presented.identity.id_number,
                            self.principal)


def open_form(visit: Visit, catalog: Any) -> tuple[ApplicationForm | None, str]:
    """The chosen item's form for the visit's verified card: (form, "") or (None, screen to go to instead).
    Back from the review keeps what was typed; another card or another item gets a fresh form."""
    from kiosk.catalog.errors import UnknownItem

    identity = visit.verified()
    if identity is None:
        return None, "Identify"
    try:
        item = catalog.item(visit.service)
    except UnknownItem:
        return None, "ApplyChoose"
    form = visit.form
    principal = visit.principal if item.kiosk_can_proxy else None  # only items that allow 代办 take one
    if form is None or form.code != visit.service or not form.for_card(identity, principal):
        needed = [m.name for m in item.materials if m.for_proxy and m.capture and not m.shared]
        form = visit.form = ApplicationForm(visit.service, list(item.form), identity, principal, needed)
    return form, ""


def choose_service(visit: Visit, catalog: Any, code: str) -> None:
    """The item the visit applies for; whether it offers 为他人代办 comes from the catalog (`proxy`)."""
    from kiosk.catalog.errors import UnknownItem

    try:
        offered = catalog.item(code).kiosk_can_proxy
    except UnknownItem:
        offered = False
    visit.service, visit.proxy_offered = code, offered
    visit.drop_principal()


def missing_proxy_materials(visit: Visit, form: ApplicationForm) -> list[str]:
    """The proxy materials (the power of attorney) not photographed yet: a proxy application needs them."""
    return [name for name in form.proxy_materials if not visit.photos.get((form.code, name))]


def submit(visit: Visit, form: ApplicationForm, submissions: Any) -> Any:
    """Blocking (a worker thread): checks the card binding again at the moment of the commit, holding card reads
    until the record is on disk. Raises IdentityChanged, or SaveFailed with its Problem."""
    with visit.holding(form.presented) as (face, evidence):
        if form.principal is not None and form.principal != visit.principal:
            raise IdentityChanged("the person applied for changed before the commit")
        return submissions.submit(form.code, form.clean(), form.applicant(), face, visit.attachments(form.code),
                                  evidence, agent=form.agent())


def why_not(visit: Visit, form: ApplicationForm | None, consent: bool, submissions: Any) -> Problem | None:
    """The reason a submit cannot start now, or None."""
    if form is None:
        return NO_IDENTITY
    if not visit.is_verified(form.presented):
        return CARD_CHANGED
    if not consent:
        return NO_CONSENT
    if missing_proxy_materials(visit, form):
        return PROXY_MATERIAL
    if submissions is None:
        return NO_QUEUE
    return None


def progress_link(core: Any, tracking: str) -> str:
    """What the receipt's QR holds for this number at this terminal (receipt_link: the bare number without a URL)."""
    return receipt_link.progress_url(core.cfg.central.public_url, tracking, core.submissions.link_secret)


def receipt_at(core: Any, form: ApplicationForm, done: Any) -> dict:
    """receipt() with what this terminal's core holds: the matter's guide, the visit, the QR link's base and key."""
    return receipt(form, done, core.catalog.guide(form.code), core.visit, core.cfg.central.public_url,
                   core.submissions.link_secret)


def receipt(form: ApplicationForm, done: Any, guide: Any, visit: Visit, public_url: str = "", link_secret: str = "",
            localtime: Callable[[float], time.struct_time] = time.localtime) -> dict:
    """The submission receipt's data: the number committed, the matter, what the terminal holds for it.
    public_url: [central] public_url, the base of the QR's progress link (known offline: the number is local)."""
    pages = len(visit.attachments(form.code))
    applicant = form.applicant()
    return {
        "service_name": guide.name,
        "tracking_number": done.tracking,
        "progress_qr": receipt_link.progress_url(public_url, done.tracking, link_secret),
        # masked by the template's filters; the built bytes kept for reprint hold the masked form only
        "applicant_name": applicant["name"],
        "id_number": applicant["id_number"],
        "materials": ["申请表（本机填写）", *identity_lines(form.agent()), check_material(visit.face_record)]
                     + ([f"材料照片{pages}张（本机拍摄）"] if pages else []),
        "submitted_at": time.strftime("%Y-%m-%d %H:%M", localtime(done.created_at)),
        "promised_date": guide.promised.zh,
        "progress_hint": progress_hint(public_url),
    }

