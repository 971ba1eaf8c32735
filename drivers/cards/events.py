"""Events that card readers (ID card and PC/SC) report to their listeners, from their worker threads."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Callable, Union

from drivers.cards.identity import Identity
from drivers.cards.photo import Photo

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CardPresented:
    source: str  # "idcard" or "smartcard"
    identity: Identity
    photo: Photo | None = None  # None when the photo could not be decoded
    photo_problem: str = ""  # technician detail when photo is None


@dataclass(frozen=True)
class CardRemoved:
    source: str


@dataclass(frozen=True)
class ReaderStatus:
    source: str
    connected: bool
    detail: str = ""  # port or reader name, or why it is gone; never personal data


@dataclass(frozen=True)
class ReaderError:
    source: str
    code: str  # stable: "timeout", "checksum", "length", "layout", "sam_failure", "read_failed", "apdu", ...
    detail: str  # technician detail in English


CardEvent = Union[CardPresented, CardRemoved, ReaderStatus, ReaderError]
Listener = Callable[[CardEvent], None]


class Emitter:
    """Listener list shared by the readers; a failing listener is logged and never stops a reader thread."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> None:
        with self._lock:
            self._listeners.append(listener)

    def emit(self, event: CardEvent) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(event)
            except Exception:
                log.exception("card event listener failed on %s", type(event).__name__)
