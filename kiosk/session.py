"""The citizen session: what one visitor left in the terminal, the single wipe, and the idle policy."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable

from kiosk.memory import hand_free_memory_back
from kiosk.redact import REDACTOR, Redactor

log = logging.getLogger(__name__)


class Session:
    """Holds the visitor's data and the wipe every screen and view-model registers with.

    wipe() is the one operation that forgets a visitor: it runs every registered wiper (screens,
    view-models, print buffers), clears the data and the redactor's remembered names.
    """

    def __init__(self, redactor: Redactor = REDACTOR) -> None:
        self._data: dict[str, Any] = {}
        self._wipers: dict[str, Callable[[], None]] = {}
        self._lock = threading.RLock()
        self._redactor = redactor
        self.generation = 0  # bumps on every wipe, so late callbacks from a former visitor can be dropped

    def register_wipe(self, name: str, wiper: Callable[[], None]) -> None:
        with self._lock:
            self._wipers[name] = wiper

    def unregister_wipe(self, name: str) -> None:
        with self._lock:
            self._wipers.pop(name, None)

    @property
    def wipers(self) -> list[str]:
        with self._lock:
            return sorted(self._wipers)

    def put(self, key: str, value: Any) -> None:
        with self._lock:
            self._data[key] = value

    def get(self, key: str, default: Any = None) -> Any:
        with self._lock:
            return self._data.get(key, default)

    @property
    def empty(self) -> bool:
        with self._lock:
            return not self._data

    def remember_personal(self, value: str, kind: str = "name") -> None:
        """Names and addresses the visitor brought, so logs mask them wherever they appear."""
        self._redactor.remember(value, kind)

    def wipe(self, reason: str) -> list[str]:
        """Runs every wiper even if one fails; returns the names of wipers that failed."""
        with self._lock:
            wipers = list(self._wipers.items())
            self._data.clear()
            self.generation += 1
        failed = []
        for name, wiper in wipers:
            try:
                wiper()
            except Exception:
                log.exception("session wiper %s failed", name)
                failed.append(name)
        self._redactor.forget_all()
        hand_free_memory_back()  # the visit's buffers were just freed: the next visit starts from a trimmed heap
        log.info("session wiped (%s), %d wipers, %d failed", reason, len(wipers), len(failed))
        return failed


@dataclass(frozen=True)
class IdleState:
    phase: str  # "active", "warning" or "expired"
    seconds_left: int  # until the wipe


class IdlePolicy:
    """Decides from the time since the last touch whether to warn or wipe; the clock is injectable."""

    def __init__(
        self,
        timeout: float,
        warning: float,
        elderly_timeout: float,
        clock: Callable[[], float] = time.monotonic,
        elderly_warning: float | None = None,
    ) -> None:
        elderly_warning = warning if elderly_warning is None else elderly_warning
        if warning >= timeout or elderly_warning >= elderly_timeout:
            raise ValueError("the warning must be shorter than the idle timeouts")
        self.timeout = timeout
        self.warning = warning
        self.elderly_timeout = elderly_timeout
        self.elderly_warning = elderly_warning  # elderly mode: a longer countdown as well as a longer wait
        self.elderly = False
        self._clock = clock
        self._last = clock()

    def touch(self) -> None:
        self._last = self._clock()

    def state(self) -> IdleState:
        limit = self.elderly_timeout if self.elderly else self.timeout
        warning = self.elderly_warning if self.elderly else self.warning
        idle = self._clock() - self._last
        left = limit - idle
        if left <= 0:
            return IdleState("expired", 0)
        if left <= warning:
            return IdleState("warning", int(left + 0.999))
        return IdleState("active", int(left + 0.999))
