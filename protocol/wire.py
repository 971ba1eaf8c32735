"""Wire models of the sync API: what a terminal sends and what central answers (pydantic, both sides)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1, max_length=64)  # the kiosk's ULID: idempotency key, kept forever
    seq: int | None = Field(None, ge=0, le=2**62)
    kind: Literal["submission", "rating", "event"]
    body: dict[str, Any]


class Batch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    items: list[Item] = Field(max_length=1000)


class Heartbeat(BaseModel):
    """A terminal's report on itself; fields a newer kiosk adds are dropped, not refused."""

    at: float = Field(allow_inf_nan=False)
    depth: dict[Annotated[str, StringConstraints(max_length=32)], Annotated[int, Field(ge=0)]] = Field(
        default_factory=dict, max_length=16)  # records per queue state
    oldest_pending_age: float | None = Field(None, ge=0, allow_inf_nan=False)
    crashes: int = Field(0, ge=0, le=1_000_000)  # kiosk process crashes since the last heartbeat central took


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
    created_at: float
    updated_at: float
    history: list[dict[str, Any]]


class CaseStatus(BaseModel):
    """What any terminal may learn from a tracking number that is not its own: where the case stands, not where
    it was made nor by whom it is handled."""

    tracking: str
    service_code: str
    status: str
    status_text: dict[str, str]
    created_at: float
    updated_at: float
    history: list[dict[str, Any]]  # {status, at}


class CaseList(BaseModel):
    cases: list[Case]


class PresenceCheck(BaseModel):
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


class PresenceRequest(BaseModel):
    """Sent right after a passed face check (or staff verification) for the card just read."""

    model_config = ConfigDict(extra="forbid")
    id_number: str = Field(min_length=1, max_length=32)
    source: Literal["idcard", "smartcard"]
    check: PresenceCheck


class PresenceGrant(BaseModel):
    token: str  # opaque to the terminal; goes back in the JSON body of citizen calls, never in a URL
    expires_at: float  # central's clock
    expires_in: float  # seconds from now: what a terminal with another clock can rely on


class CitizenRequest(BaseModel):
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


class CertificateRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    presence: str = Field(max_length=1024)
    kind: Literal["case_record", "case_completion"]
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
