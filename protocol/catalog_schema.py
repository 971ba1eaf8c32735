"""Pydantic models of the service catalog: items (事项), materials, fees, time limits, form schemas, groups."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from protocol import catalog_patterns as patterns
from protocol.bilingual import Text

ITEM_CODE = r"^[A-Z]{2,4}-\d{3}$"
GROUP_CODE = r"^[a-z][a-z0-9_]{1,31}$"

Handling = Literal["online", "kiosk", "one_trip", "window"]
Audience = Literal["person", "organisation"]
# what the ID card reader gives us; a form field may be pre-filled from one of these
Prefill = Literal["name", "gender", "nation", "birth_date", "address", "id_number"]
FieldType = Literal[
    "text", "textarea", "number", "money", "date", "phone", "id_number", "choice", "multi_choice", "bool",
    "email", "postcode", "bank_account",
]

# the one label, everywhere (lists, guide, printed checklist), for "this terminal takes the application"
HERE = Text("本机可申请", "Apply at this terminal")
HANDLING_TEXT: dict[str, Text] = {
    "online": Text("全程网办", "Fully online"),
    "kiosk": HERE,
    "one_trip": Text("最多跑一次", "At most one trip"),
    "window": Text("需到窗口办理", "Must be done at a service window"),
}
AUDIENCE_TEXT: dict[str, Text] = {
    "person": Text("个人", "Individuals"),
    "organisation": Text("法人", "Organisations"),
}
# words in a condition that rule out 亲友代办 (本人亲自到场，不能委托)
IN_PERSON = ("不能委托", "不得委托", "本人亲自", "本人到场", "当事人本人")
# the type a pre-filled field must have, so a card value always fits its field
PREFILL_TYPES: dict[str, set[str]] = {
    "name": {"text"},
    "gender": {"text", "choice"},
    "nation": {"text", "choice"},
    "birth_date": {"date"},
    "address": {"text", "textarea"},
    "id_number": {"id_number"},
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Group(_Strict):
    """A theme (主题), a life event (人生事件) or anything else items are browsed by."""

    code: str = Field(pattern=GROUP_CODE)
    name: str = Field(min_length=1, max_length=20)
    en: str = Field(min_length=1, max_length=60)
    # a short line under the name on the browse tile
    hint: str = Field("", max_length=40)
    hint_en: str = Field("", max_length=100)

    @property
    def title(self) -> Text:
        return Text(self.name, self.en)


class Queue(_Strict):
    """A line of waiting citizens served by some windows; tickets are numbered per queue and day."""

    code: str = Field(pattern=r"^[A-Z]$")  # printed before the number: A012
    name: str = Field(min_length=1, max_length=20)
    windows: str = Field(min_length=1, max_length=40)
    windows_en: str = Field("", max_length=80)


class Department(_Strict):
    code: str = Field(pattern=GROUP_CODE)
    name: str = Field(min_length=1, max_length=30)
    en: str = Field(min_length=1, max_length=80)
    # where in the hall (or town) the department's windows are
    location: str = Field(min_length=1, max_length=60)
    windows: str = Field(min_length=1, max_length=40)
    hours: str = Field(min_length=1, max_length=80)
    phone: str = Field("", pattern=r"^[0-9-]{0,20}$")
    queue: str = Field(pattern=r"^[A-Z]$")
    location_en: str = Field("", max_length=120)
    windows_en: str = Field("", max_length=80)
    hours_en: str = Field("", max_length=160)

    @property
    def title(self) -> Text:
        return Text(self.name, self.en)


class Material(_Strict):
    """One thing to bring (or that the kiosk captures, or that data sharing fetches)."""

    name: str = Field(min_length=1, max_length=40)
    originals: int = Field(0, ge=0, le=10)
    copies: int = Field(0, ge=0, le=20)
    # an electronic licence (电子证照) is accepted instead of paper
    electronic: bool = False
    # only needed in some cases, e.g. "委托他人办理的"; empty = always needed
    when: str = Field("", max_length=60)
    notes: str = Field("", max_length=200)
    # what a correct one looks like, or the name of a blank template the hall hands out
    example: str = Field("", max_length=200)
    # the kiosk camera can photograph it as an attachment
    capture: bool = False
    # the department fetches it by data sharing (数据共享): the citizen need not bring it
    shared: bool = False
    # only when someone applies for the applicant (亲友代办): a kiosk proxy application requires it photographed,
    # an application for oneself never asks for it
    for_proxy: bool = False
    # English of the texts above, shown in English mode; empty = the Chinese is shown, marked (docs/catalog.md)
    name_en: str = Field("", max_length=120)
    when_en: str = Field("", max_length=160)
    notes_en: str = Field("", max_length=400)
    example_en: str = Field("", max_length=400)

    @model_validator(mode="after")
    def _some_form(self) -> Material:
        if self.originals + self.copies == 0 and not (self.electronic or self.shared):
            raise ValueError("a material needs originals, copies, electronic = true or shared = true")
        return self

    def quantity(self) -> Text:
        """How many and in what form, in plain words: 原件1份、复印件2份."""
        zh: list[str] = []
        en: list[str] = []
        if self.originals:
            zh.append(f"原件{self.originals}份")
            en.append(f"{self.originals} original" + ("s" if self.originals > 1 else ""))
        if self.copies:
            zh.append(f"复印件{self.copies}份")
            en.append(f"{self.copies} cop" + ("ies" if self.copies > 1 else "y"))
        if self.electronic:
            zh.append("可用电子证照")
            en.append("electronic licence accepted")
        if self.shared:
            zh.append("无需提交，部门共享获取")
            en.append("no need to bring: fetched by data sharing")
        return Text("、".join(zh), ", ".join(en))


class Fee(_Strict):
    name: str = Field(min_length=1, max_length=30)
    yuan: Decimal = Field(ge=0, le=1_000_000, decimal_places=2)
    note: str = Field("", max_length=100)
    name_en: str = Field("", max_length=80)
    note_en: str = Field("", max_length=200)


class TimeLimits(_Strict):
    """Working days; 0 means 即办 (done on the spot)."""

    statutory: int = Field(ge=0, le=365)
    promised: int = Field(ge=0, le=365)

    @model_validator(mode="after")
    def _promise_within_law(self) -> TimeLimits:
        if self.promised > self.statutory:
            raise ValueError(f"promised ({self.promised}) is longer than statutory ({self.statutory})")
        return self

    @staticmethod
    def describe(days: int) -> Text:
        return Text("即办", "on the spot") if days == 0 else Text(f"{days}个工作日", f"{days} working days")


class FormField(_Strict):
    """One field of the application form the citizen fills in at the kiosk."""

    key: str = Field(pattern=r"^[a-z][a-z0-9_]{0,39}$")
    label: str = Field(min_length=1, max_length=30)
    type: FieldType
    required: bool = True
    # filled from the ID card just read; the citizen can still see it but not type over it
    prefill: Prefill | None = None
    choices: list[str] = Field(default_factory=list, max_length=40)
    min_length: int | None = Field(None, ge=0, le=2000)
    max_length: int | None = Field(None, ge=1, le=2000)
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    # a regular expression the whole value must match (after the type's own checks); see patterns.problem for
    # what is allowed, and values longer than patterns.INPUT_MAX never match
    pattern: str | None = Field(None, max_length=200)
    # shown under the field in plain words
    help: str = Field("", max_length=100)
    label_en: str = Field("", max_length=80)
    help_en: str = Field("", max_length=200)
    # what the screen shows for each choice in English; the value recorded is still the Chinese choice
    choices_en: list[str] = Field(default_factory=list, max_length=40)

    @field_validator("pattern")
    @classmethod
    def _bounded(cls, v: str | None) -> str | None:
        # judged when the catalog loads (updater or loader thread), so the form screen never meets a slow pattern
        problem = None if v is None else patterns.problem(v)
        if problem is not None:
            raise ValueError(problem)
        return v

    @model_validator(mode="after")
    def _consistent(self) -> FormField:
        if self.type in ("choice", "multi_choice") and len(self.choices) < 2:
            raise ValueError(f"a {self.type} field needs at least two choices")
        if self.type not in ("choice", "multi_choice") and self.choices:
            raise ValueError(f"choices are only for choice fields, not {self.type}")
        if self.prefill and self.type not in PREFILL_TYPES[self.prefill]:
            raise ValueError(f"prefill {self.prefill} needs type {sorted(PREFILL_TYPES[self.prefill])}")
        if self.min_length is not None and self.max_length is not None and self.min_length > self.max_length:
            raise ValueError("min_length is larger than max_length")
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise ValueError("minimum is larger than maximum")
        return self


class ServiceItem(_Strict):
    """A service item (政务服务事项) as the guide shows it and the form collects it."""

    code: str = Field(pattern=ITEM_CODE)
    name: str = Field(min_length=2, max_length=40)
    short_name: str = Field("", max_length=12)
    # other names citizens use ("上户口", "sfz" is covered by pinyin search already)
    aliases: list[str] = Field(default_factory=list, max_length=20)
    # wrong spellings seen in the field ("身分证", "户口薄") that must still find the item
    misspellings: list[str] = Field(default_factory=list, max_length=20)
    department: str = Field(pattern=GROUP_CODE)
    audience: list[Audience] = Field(min_length=1)
    themes: list[str] = Field(min_length=1, max_length=4)
    life_events: list[str] = Field(default_factory=list, max_length=4)
    handling: Handling
    summary: str = Field("", max_length=120)
    conditions: list[str] = Field(min_length=1, max_length=12)
    materials: list[Material] = Field(max_length=30)
    # empty = free of charge (不收费)
    fees: list[Fee] = Field(default_factory=list, max_length=10)
    limits: TimeLimits
    # where to go, when they differ from the department's own
    windows: str = Field("", max_length=40)
    hours: str = Field("", max_length=80)
    queue: str = Field("", pattern=r"^[A-Z]?$")
    legal_basis: list[str] = Field(min_length=1, max_length=8)
    form: list[FormField] = Field(default_factory=list, max_length=40)
    # a relative or helper may apply at the kiosk for the applicant (亲友代办): needs a for_proxy material the
    # camera takes (the power of attorney) and no condition that demands the applicant in person
    proxy: bool = False
    # English of the texts above, shown in English mode; empty = the Chinese is shown, marked (docs/catalog.md)
    name_en: str = Field("", max_length=120)
    short_name_en: str = Field("", max_length=40)
    summary_en: str = Field("", max_length=400)
    conditions_en: list[str] = Field(default_factory=list, max_length=12)
    windows_en: str = Field("", max_length=80)
    hours_en: str = Field("", max_length=160)

    @field_validator("aliases", "misspellings", "conditions", "legal_basis", "conditions_en")
    @classmethod
    def _no_blank(cls, v: list[str]) -> list[str]:
        for s in v:
            if not s.strip():
                raise ValueError("blank entry")
        return v

    @model_validator(mode="after")
    def _unique_keys(self) -> ServiceItem:
        seen: set[str] = set()
        for f in self.form:
            if f.key in seen:
                raise ValueError(f"form field key {f.key!r} appears twice")
            seen.add(f.key)
        if self.handling == "kiosk" and not self.form:
            raise ValueError("an item handled at the kiosk needs a form")
        if self.proxy:
            if not any(m.for_proxy and m.capture for m in self.materials):
                raise ValueError("proxy = true needs a material with for_proxy = true and capture = true "
                                 "(the power of attorney the kiosk photographs)")
            in_person = [c for c in self.conditions if any(w in c for w in IN_PERSON)]
            if in_person:
                raise ValueError(f"proxy = true, but a condition demands the applicant in person: {in_person[0]}")
        return self

    @property
    def kiosk_can_proxy(self) -> bool:
        """Can a helper apply at the terminal for someone else (亲友代办)?"""
        return self.proxy and self.kiosk_can_submit

    @property
    def title(self) -> Text:
        return Text(self.name, self.name_en or self.name)

    @property
    def kiosk_can_submit(self) -> bool:
        """Can the citizen apply right here at the terminal (rather than only read the guide)?"""
        return self.handling in ("kiosk", "online") and bool(self.form)

    @property
    def free(self) -> bool:
        return all(f.yuan == 0 for f in self.fees)

    @property
    def materials_to_bring(self) -> list[Material]:
        return [m for m in self.materials if not m.shared]


class GeneralDesk(_Strict):
    """综合咨询: where a visitor goes who does not know which service they need; numbered in one of the queues."""

    queue: str = Field(pattern=r"^[A-Z]$")
    location: str = Field(min_length=1, max_length=40)
    location_en: str = Field("", max_length=120)


class CatalogHeader(_Strict):
    """catalog.toml: version, groups, departments, queues and the shared material and field library."""

    version: str = Field(pattern=r"^[0-9A-Za-z.\-]{1,40}$")
    title: str = Field(min_length=1, max_length=40)
    theme: list[Group] = Field(min_length=1)
    life_event: list[Group] = Field(default_factory=list)
    department: list[Department] = Field(min_length=1)
    queue: list[Queue] = Field(min_length=1)
    # the general enquiry desk: lets "take a number" serve a visitor who has no service in mind (optional)
    general: GeneralDesk | None = None
    # reusable materials, referenced from items as { ref = "idcard" } (with optional overrides)
    material: dict[str, Material] = Field(default_factory=dict)
    # reusable form fields, referenced from items by their key alone: form = ["name", "id_number", ...]
    field: dict[str, FormField] = Field(default_factory=dict)
    # common misspelling -> correct word, applied to every item name (公积经 -> 公积金)
    misspelling: dict[str, str] = Field(default_factory=dict)
