"""The identify-the-citizen use case: one stream of events from the ID card reader and the smart card reader."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from dataclasses import dataclass
from typing import Any, Callable, Union

from drivers.cards.events import CardEvent, CardPresented, CardRemoved, ReaderError, ReaderStatus
from drivers.cards.identity import FOREIGN_PERMANENT, Identity
from drivers.cards.photo import Photo
from kiosk.i18n import Problem, Text
from protocol import idnumber

log = logging.getLogger(__name__)

_REPLACE = Text(
    zh="读卡失败，请将身份证重新放到读卡区",
    en="The card could not be read. Please place your ID card on the reader again.",
)
_STAFF = Text(
    zh="身份证读卡器故障，请联系工作人员",
    en="The ID card reader is out of order. Please ask the staff for help.",
)
_UNKNOWN = Text(
    zh="无法识别此卡，请使用有效的身份证件",
    en="This card is not recognised. Please use a valid identity card.",
)
_SMART = Text(
    zh="无法读取此卡，请确认插入的是社会保障卡",
    en="This card cannot be read. Please check that it is your social security card.",
)
_SMART_STAFF = Text(
    zh="社保卡读卡器故障，请联系工作人员",
    en="The card reader is out of order. Please ask the staff for help.",
)

# (source, reader error code) -> citizen message; unlisted codes fall back per source
CITIZEN = {
    ("idcard", "sam_failure"): _STAFF,
    ("idcard", "sam_unauthorised"): _STAFF,
    ("idcard", "internal"): _STAFF,
    ("idcard", "bad_command"): _STAFF,
    ("idcard", "unknown_card"): _UNKNOWN,
    ("idcard", "auth_card"): _UNKNOWN,
    ("idcard", "auth_sam"): _UNKNOWN,
    ("idcard", "auth_info"): _UNKNOWN,
    ("smartcard", "internal"): _SMART_STAFF,
    ("smartcard", "pcsc"): _SMART_STAFF,
}
FALLBACK = {"idcard": _REPLACE, "smartcard": _SMART}
DISCONNECTED = {
    "idcard": Text(
        zh="身份证读卡器未连接，请联系工作人员",
        en="The ID card reader is not connected. Please ask the staff for help.",
    ),
    "smartcard": Text(
        zh="社保卡读卡器未连接，请使用身份证",
        en="The card reader is not connected. Please use your ID card instead.",
    ),
}
INVALID_NUMBER = Text(
    zh="证件号码校验未通过，请到人工窗口办理",
    en="The number on this card failed its check. Please go to a service window.",
)


def expired_text(valid_to: dt.date) -> Text:
    return Text(
        zh=f"您的证件已于{valid_to.year}年{valid_to.month}月{valid_to.day}日过期，请到人工窗口办理",
        en=f"Your card expired on {valid_to.isoformat()}. Please go to a service window.",
    )


@dataclass(frozen=True)
class IdentityPresented:
    """A card was read. `accepted` is False for an expired card or a number that fails its check."""

    identity: Identity
    source: str
    photo: Photo | None  # None: the face check must say it cannot compare
    accepted: bool
    problem: Problem | None = None
    photo_problem: str = ""  # technician detail when photo is None

    @property
    def expired(self) -> bool:
        return self.problem is not None and self.problem.code.endswith(".expired")

    def display(self) -> dict[str, str]:
        """Masked fields for screens that show who is identified and for logs."""
        return self.identity.masked()


@dataclass(frozen=True)
class IdentityRemoved:
    source: str


@dataclass(frozen=True)
class ReaderState:
    source: str
    connected: bool
    problem: Problem | None = None


@dataclass(frozen=True)
class IdentityProblem:
    source: str
    problem: Problem


IdentityEvent = Union[IdentityPresented, IdentityRemoved, ReaderState, IdentityProblem]


def check_id_number(text: str, birth: dt.date | None = None, today: dt.date | None = None) -> Problem | None:
    """For manual entry elsewhere too: None when the number can be right, else a Problem saying why."""
    try:
        idnumber.validate(text, birth, today)
    except idnumber.IdNumberError as e:
        return Problem("identity.id_number", INVALID_NUMBER, f"ID number rejected: {e.reason}")
    return None


class IdentityService:
    """Takes the ID card device and optionally the smart card device; gives the UI one event stream.

    Devices are started and closed by their owner (kiosk.devices); this service only listens. Listeners
    run on device threads, so the UI bridge must queue them into its own thread.
    """

    def __init__(
        self, idcard: Any | None, smartcard: Any | None = None, today: Callable[[], dt.date] = dt.date.today
    ) -> None:
        self._today = today
        self._listeners: list[Callable[[IdentityEvent], None]] = []
        self._lock = threading.Lock()
        self._current: IdentityPresented | None = None
        self._on_reader: set[str] = set()  # sources with a card lying on them now, whatever the session did
        self._readers: dict[str, ReaderState] = {}
        self.attach(idcard, smartcard)

    def attach(self, *devices: Any | None) -> None:
        """Starts listening to readers opened after this service was made (the kiosk opens them after its first frame)."""
        for device in devices:
            if device is not None:
                device.subscribe(self._on_card_event)

    def subscribe(self, listener: Callable[[IdentityEvent], None]) -> None:
        with self._lock:
            self._listeners.append(listener)

    @property
    def current(self) -> IdentityPresented | None:
        return self._current

    @property
    def card_on_reader(self) -> bool:
        """A card lies on a reader now (the session may have ended: the card is still someone's)."""
        return bool(self._on_reader)

    def readers(self) -> dict[str, ReaderState]:
        return dict(self._readers)

    def clear(self) -> None:
        """Forget the identity (session wiped); the card on the reader is not reported again until replaced."""
        self._current = None

    def _emit(self, event: IdentityEvent) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(event)
            except Exception:
                log.exception("identity listener failed on %s", type(event).__name__)

    def _on_card_event(self, event: CardEvent) -> None:
        if isinstance(event, CardPresented):
            self._on_reader.add(event.source)
            presented = self._judge(event)
            self._current = presented
            log.info("identity from %s: %s accepted=%s", event.source, event.identity, presented.accepted)
            self._emit(presented)
        elif isinstance(event, CardRemoved):
            self._on_reader.discard(event.source)
            if self._current is not None and self._current.source == event.source:
                self._current = None
            self._emit(IdentityRemoved(event.source))
        elif isinstance(event, ReaderStatus):
            problem = None
            if not event.connected:
                self._on_reader.discard(event.source)
                problem = Problem(f"{event.source}.disconnected", DISCONNECTED[event.source], event.detail)
            state = ReaderState(event.source, event.connected, problem)
            self._readers[event.source] = state
            self._emit(state)
        elif isinstance(event, ReaderError):
            text = CITIZEN.get((event.source, event.code), FALLBACK.get(event.source, _REPLACE))
            self._emit(IdentityProblem(event.source, Problem(f"{event.source}.{event.code}", text, event.detail)))

    def _judge(self, event: CardPresented) -> IdentityPresented:
        ident = event.identity
        today = self._today()
        if ident.kind != FOREIGN_PERMANENT:  # the 2017 foreigner's permit number is not a GB 11643 number
            problem = check_id_number(ident.id_number, ident.birth, today)
            if problem is not None:
                return IdentityPresented(ident, event.source, event.photo, False, problem, event.photo_problem)
        if ident.valid_to is not None and today > ident.valid_to:
            detail = f"card valid until {ident.valid_to}"
            problem = Problem(f"{event.source}.expired", expired_text(ident.valid_to), detail)
            return IdentityPresented(ident, event.source, event.photo, False, problem, event.photo_problem)
        return IdentityPresented(ident, event.source, event.photo, True, None, event.photo_problem)
