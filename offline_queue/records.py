"""What the queue hands out: enqueue receipts, claimed and corrupt records, central's outcomes, local cases, stats."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


class Enqueued(NamedTuple):
    """What an enqueue returns (a tuple: built once per enqueue, half the cost of a frozen dataclass)."""

    id: str
    seq: int
    tracking: str | None
    created_at: float


@dataclass(frozen=True)
class Claimed:
    """A record on its way to central; `body` is the decrypted JSON body central receives."""

    id: str
    seq: int
    kind: str
    body: dict
    blobs: list[str]


@dataclass(frozen=True)
class CorruptRecord:
    """A record that could not be read back and went to quarantine; no personal data (what: bad_tag, ...)."""

    seq: int
    id: str
    kind: str
    tracking: str | None
    what: str


@dataclass(frozen=True)
class Outcome:
    """Central's answer for one item (seq locates the record, id is what central answered for)."""

    seq: int
    id: str
    result: str  # accepted | duplicate | rejected
    case_number: str | None = None
    status: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class LocalCase:
    """What the terminal itself knows about a submission (shown labelled as local when offline)."""

    tracking: str
    service_code: str
    state: str
    created_at: float
    case_number: str | None
    central_status: str | None
    reject_reason: str | None


@dataclass
class QueueStats:
    depth: dict[str, int] = field(default_factory=dict)
    oldest_pending_age: float | None = None
    last_error: str | None = None
    corrupt: int = 0  # records in quarantine because they could not be read back
    oldest_sending_age: float | None = None  # since the oldest record still 'sending' was claimed
