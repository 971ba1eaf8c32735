"""A hall ticket a terminal numbered itself while central was away, as the event that takes it to central later."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

OFFLINE_TICKET_EVENT = "ticket.offline"

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SERVICE = re.compile(r"^[A-Za-z0-9._-]{0,64}$")
MAX_SEQ = 99_999  # a busy hall gives a few hundred a day; more is a broken counter, not a ticket
MAX_INDEX = 99  # [terminal] queue_index


@dataclass(frozen=True)
class OfflineTicket:
    day: str  # the terminal's counting day, ISO
    series: str  # the printed letter (the queue's own or the priority letter)
    seq: int
    queue: str  # the windows that serve it
    priority: bool
    service: str  # item code, "" = general enquiry
    terminal_index: int  # the terminal part of the printed number (A9-007)
    issued_at: float  # the terminal's clock, seconds since the epoch

    @property
    def number(self) -> str:
        return f"{self.series}{self.terminal_index}-{self.seq:03d}"

    def details(self) -> dict:
        return {"day": self.day, "series": self.series, "seq": self.seq, "queue": self.queue,
                "priority": self.priority, "service": self.service, "terminal_index": self.terminal_index,
                "issued_at": self.issued_at}


class NotATicket(ValueError):
    """The event's details do not describe an offline ticket (args[0]: which field)."""


def _letter(value: object) -> bool:
    return isinstance(value, str) and len(value) == 1 and "A" <= value <= "Z"


def _count(value: object, top: int) -> bool:
    return type(value) is int and 1 <= value <= top


def parse(details: object) -> OfflineTicket:
    """The ticket an event's details hold; NotATicket naming the first field that is wrong. Central trusts the
    terminal's signature, not its arithmetic: every field is checked before it joins a hall's queue."""
    if not isinstance(details, dict):
        raise NotATicket("details")
    day = details.get("day")
    if not (isinstance(day, str) and _DAY.match(day)):
        raise NotATicket("day")
    try:
        date.fromisoformat(day)
    except ValueError:
        raise NotATicket("day") from None
    for name in ("series", "queue"):
        if not _letter(details.get(name)):
            raise NotATicket(name)
    if not _count(details.get("seq"), MAX_SEQ):
        raise NotATicket("seq")
    if not _count(details.get("terminal_index"), MAX_INDEX):
        raise NotATicket("terminal_index")
    priority = details.get("priority")
    if not isinstance(priority, bool):
        raise NotATicket("priority")
    if priority == (details["series"] == details["queue"]):  # a priority number has a letter of its own
        raise NotATicket("series")
    service = details.get("service", "")
    if not (isinstance(service, str) and _SERVICE.match(service)):
        raise NotATicket("service")
    issued = details.get("issued_at")
    if isinstance(issued, bool) or not isinstance(issued, (int, float)) or not math.isfinite(issued) or issued < 0:
        raise NotATicket("issued_at")
    return OfflineTicket(day, details["series"], details["seq"], details["queue"], priority, service,
                         details["terminal_index"], float(issued))
