"""Call staff: a citizen's "请工作人员协助" becomes an event record central receives at once when online."""

from __future__ import annotations

import logging
import time
from typing import Callable

log = logging.getLogger(__name__)

STAFF_CALL_EVENT = "staff.call"
REPEAT_AFTER = 60.0  # seconds: a second tap within this is the same call, not a new one


class StaffCalls:
    """Durable first (the queue commits the record), then the sync worker is woken to send it now; offline it goes
    with the next round that reaches central. Never personal data: the screen and the time say enough."""

    def __init__(self, submissions_of: Callable[[], object], clock: Callable[[], float] = time.monotonic) -> None:
        self._submissions_of = submissions_of
        self._clock = clock
        self._last: float | None = None

    def call(self, screen: str, generation: int = 0) -> bool:
        """True when staff have been (or will be) told: recorded now, or already within the last REPEAT_AFTER."""
        now = self._clock()
        if self._last is not None and now - self._last < REPEAT_AFTER:
            return True
        submissions = self._submissions_of()
        if submissions is None:
            log.error("staff call from %s not recorded: the queue is not open", screen)
            return False
        try:
            submissions.record_event(STAFF_CALL_EVENT, {"screen": screen[:40], "session": generation})
        except Exception as exc:  # the screen still tells the citizen to go to a window
            log.error("staff call from %s not recorded: %s", screen, exc)
            return False
        self._last = now
        log.info("staff called from %s", screen)
        return True

    def reset(self) -> None:
        """A new visitor's call is a new call (the session was wiped)."""
        self._last = None
