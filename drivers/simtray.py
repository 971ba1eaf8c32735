"""The simulator tray seam: simulated devices register demo controls that the UI shows in a panel."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import Callable

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Choice:
    """One control of the tray: pick one value among options (a card, a person, a paper state)."""

    section: str  # device kind, e.g. "idcard", "camera", "printer"
    key: str  # unique within the section
    label: str  # short Chinese label; the UI translates through the "SimTray" context
    options: Callable[[], list[tuple[str, str]]]  # (value, label) pairs, asked each time the tray opens
    get: Callable[[], str]
    set: Callable[[str], None]


@dataclass(frozen=True)
class Picture:
    """A read-only image of the tray, e.g. the last printed receipt rendered to PNG."""

    section: str
    key: str
    label: str
    path: Callable[[], str | None]


@dataclass
class SimTray:
    """Registry of simulator controls; empty when every device is real, and then the UI hides the tray."""

    choices: list[Choice] = field(default_factory=list)
    pictures: list[Picture] = field(default_factory=list)
    # what one simulator tells another's controls, e.g. "card_face": whose face the card on the reader shows
    facts: dict[str, str] = field(default_factory=dict)
    _listeners: list[Callable[[], None]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def active(self) -> bool:
        return bool(self.choices or self.pictures)

    def add_choice(self, choice: Choice) -> None:
        with self._lock:
            self.choices.append(choice)
        self.notify()

    def add_picture(self, picture: Picture) -> None:
        with self._lock:
            self.pictures.append(picture)
        self.notify()

    def choose(self, section: str, key: str, value: str) -> None:
        for c in self.choices:
            if c.section == section and c.key == key:
                c.set(value)
                self.notify()
                return
        raise KeyError(f"no simulator control {section}.{key}")

    def subscribe(self, listener: Callable[[], None]) -> None:
        """Listener runs on whatever thread changed the state; the UI bridge queues it to Qt."""
        self._listeners.append(listener)

    def notify(self) -> None:
        for listener in list(self._listeners):
            try:
                listener()
            except Exception:  # a broken listener must not break a device thread
                log.exception("simulator tray listener failed")
