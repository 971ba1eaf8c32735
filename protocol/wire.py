"""Wire models of the sync API: what a terminal sends and what central answers (pydantic, both sides)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator



def _refuse_nul(value: Any) -> Any:
    """NUL in any string of a request: no field needs it, and PostgreSQL text cannot store it (a 500 otherwise)."""
    todo = [value]
    while todo:
        v = todo.pop()
        if isinstance(v, str) and "\x00" in v:
            raise ValueError("strings must not contain NUL (\\u0000) characters")
        if isinstance(v, dict):
            todo.extend(v.keys())
            todo.extend(v.values())
        elif isinstance(v, list):
            todo.extend(v)
    return value


class _Incoming(BaseModel):
    """A model central reads from a terminal's request."""

    @model_validator(mode="before")
    @classmethod
    def _no_nul(cls, data: Any) -> Any:
        return _refuse_nul(data)


class Item(BaseModel):
    """Read only inside a Batch, whose NUL check already walked it: walking every item again doubled that cost."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1, max_length=64)  # the kiosk's ULID: idempotency key, kept forever
    seq: int | None = Field(None, ge=0, le=2**62)
    kind: Literal["submission", "rating", "event"]
    body: dict[str, Any]


class Batch(_Incoming):
    model_config = ConfigDict(extra="forbid")
    items: list[Item] = Field(max_length=1000)


_Short = Annotated[str, StringConstraints(max_length=64)]


class DeviceBeat(BaseModel):
    """One device in a heartbeat: its state (ok, fault, or the printer's paper state) and its last error code."""

    state: Annotated[str, StringConstraints(max_length=32)]
    error: _Short | None = None


class ConfigBeat(BaseModel):
    """The configuration overlay in a heartbeat: the version the kiosk runs (0: its own kiosk.toml as it is), the
    state of the newest one central offered (`offered`), and why it was refused or rolled back."""

    version: int = Field(ge=0, le=2**62)
    # none | applied | pending | applying | refused | rolled_back (a word, not a Literal: a newer kiosk's new state
    # must not cost the whole beat)
    state: Annotated[str, StringConstraints(max_length=16)]
    offered: int | None = Field(None, ge=0, le=2**62)
    reason: Annotated[str, StringConstraints(max_length=300)] | None = None


class Heartbeat(_Incoming):
    """A terminal's report on itself; fields a newer kiosk adds are dropped, not refused, and every field after
    `oldest_pending_age` is optional, so kiosks and centrals of either age interoperate."""

    at: float = Field(allow_inf_nan=False)
    depth: dict[Annotated[str, StringConstraints(max_length=32)], Annotated[int, Field(ge=0)]] = Field(
        default_factory=dict, max_length=16)  # records per queue state
    oldest_pending_age: float | None = Field(None, ge=0, allow_inf_nan=False)
    reason: Literal["interval", "change", "start"] | None = None  # why this beat was sent now
    software: _Short | None = None  # kiosk version
    catalog: _Short | None = None  # service catalog version in use
    uptime: float | None = Field(None, ge=0, allow_inf_nan=False)  # seconds since this kiosk process started
    restarts: int | None = Field(None, ge=0, le=1_000_000)  # since the last beat central took
    crashes: int | None = Field(None, ge=0, le=1_000_000)  # since the last beat central took
    devices: dict[Annotated[str, StringConstraints(max_length=32)], DeviceBeat] = Field(
        default_factory=dict, max_length=8)
    paper: Annotated[str, StringConstraints(max_length=16)] | None = None  # ok | near_end | out | cover_open | ...
    quarantined: int | None = Field(None, ge=0)
    free_disk: int | None = Field(None, ge=0)  # bytes free where the queue lives
    clock_offset: float | None = Field(None, allow_inf_nan=False)  # ours minus central's, seconds
    last_sync: float | None = Field(None, allow_inf_nan=False)  # when the last exchange with central succeeded
    config: ConfigBeat | None = None  # the configuration overlay (docs/config-overlays.md)


class ItemResult(BaseModel):
    id: str
    result: Literal["accepted", "duplicate", "rejected"]
    case_number: str | None = None
    status: str | None = None
    status_text: dict[str, str] | None = None
    reason: str | None = None


class BatchResult(BaseModel):
    results: list[ItemResult]


class Case(BaseModel):
    case_number: str
    tracking: str
    terminal: str
    service_code: str
    status: str
    status_text: dict[str, str]
    # what staff wrote for the citizen with a correction request or a return (protocol.status.WITH_REASON); None
    # otherwise, and from a central older than the field
    reason: str | None = None
    created_at: float
    updated_at: float
    history: list[dict[str, Any]]  # {status, at} and, for a status with a reason, {reason}


class CaseStatus(BaseModel):
    """What any terminal may learn from a tracking number that is not its own: where the case stands, not where
    it was made nor by whom it is handled."""

    tracking: str
    service_code: str
    status: str
    status_text: dict[str, str]
    reason: str | None = None  # as in Case: the citizen's to read, so any terminal the number is typed at shows it
    created_at: float
    updated_at: float
    history: list[dict[str, Any]]  # {status, at[, reason]}


class CaseList(BaseModel):
    cases: list[Case]


class PresenceCheck(_Incoming):
    """How the person at the terminal was recognised as the card holder: non-personal figures only."""

    model_config = ConfigDict(extra="forbid")
    decision: Literal["match", "staff_verified"]
    distance: float | None = Field(None, ge=0, le=100)
    threshold: float | None = Field(None, ge=0, le=100)
    attempts: int | None = Field(None, ge=0, le=100)
    liveness_passed: bool | None = None

    @model_validator(mode="after")
    def _a_match_is_within_the_threshold(self) -> "PresenceCheck":
        if self.decision == "match" and None not in (self.distance, self.threshold) and self.distance > self.threshold:
            raise ValueError("a match cannot have a distance above its threshold")
        return self


class PresenceRequest(_Incoming):
    """Sent right after a passed face check (or staff verification) for the card just read."""

    model_config = ConfigDict(extra="forbid")
    id_number: str = Field(min_length=1, max_length=32)
    source: Literal["idcard", "smartcard"]
    check: PresenceCheck


class PresenceGrant(BaseModel):
    token: str  # opaque to the terminal; goes back in the JSON body of citizen calls, never in a URL
    expires_at: float  # central's clock
    expires_in: float  # seconds from now: what a terminal with another clock can rely on


class CitizenRequest(_Incoming):
    model_config = ConfigDict(extra="forbid")
    presence: str = Field(max_length=1024)


class BlobInfo(BaseModel):
    sha256: str
    size: int


class BilingualText(BaseModel):
    zh: str
    en: str


class CertificateOffer(BaseModel):
    kind: str
    ref: str  # the record it certifies: "" for case_record, the tracking number for case_completion
    title: BilingualText
    subject: BilingualText


class CertificateOffers(BaseModel):
    certificates: list[CertificateOffer]


class CertificateRequest(_Incoming):
    model_config = ConfigDict(extra="forbid")
    presence: str = Field(max_length=1024)
    kind: str = Field(pattern=r"^[a-z][a-z0-9_]{0,31}$")  # central's kinds file names them
    ref: str = Field("", max_length=64)


class IssuedCertificate(BaseModel):
    certificate_number: str
    kind: str
    title: str
    body: str  # holds the holder's name and masked ID number: central returns it once and keeps only its hash
    issuer: str
    issued_on: str
    verify_code: str
    verify_url: str
    # the A4 PDF at GET /v1/certificates/{number}/pdf (sealed when central has a seal); None when none was made
    pdf_sha256: str | None = None
    pdf_sealed: bool = False


class Verification(BaseModel):
    """The public verify page's answer: what staff compare with the paper, nothing that identifies the holder."""

    valid: bool
    certificate_number: str
    kind: str
    kind_text: BilingualText
    title: str
    issued_on: str
    holder: str  # masked name (张*): the page is public
    issuer: str
    document_hash: str  # first 16 hex digits of sha256(text) in groups of four, as printed on the paper
