"""Call staff: a citizen's "呼叫工作人员" becomes an event record central receives at once when online; so does
taking it back."""

from __future__ import annotations

import logging
import threading
import time
from typing import Callable

from kiosk.i18n import Text

log = logging.getLogger(__name__)

STAFF_CALL_EVENT = "staff.call"
# details {"calls": [ids of the staff.call events it takes back], "screen", "session"}: the console drops them
STAFF_CALL_CANCEL_EVENT = "staff.call.cancel"
REPEAT_AFTER = 60.0  # seconds: a second tap within this is the same call, not a new one


def staff_location(terminal) -> Text:
    """Where staff sit, as the confirmation tells the citizen ([terminal] staff_location and staff_location_en)."""
    return Text(terminal.staff_location, terminal.staff_location_en)


class StaffCalls:
    """Durable first (the queue commits the record), then the sync worker is woken to send it now; offline it goes
    with the next round that reaches central. Never personal data: the screen and the time say enough.

    Calls and cancellations come from worker threads; one lock keeps a cancellation from overtaking its call."""

    def __init__(self, submissions_of: Callable[[], object], clock: Callable[[], float] = time.monotonic) -> None:
        self._submissions_of = submissions_of
        self._clock = clock
        self._lock = threading.Lock()
        self._last: float | None = None
        self._open: list[str] = []  # ids of this visit's calls not taken back (a reminder after REPEAT_AFTER adds one)

    def call(self, screen: str, generation: int = 0) -> bool:
        """True when staff have been (or will be) told: recorded now, or already within the last REPEAT_AFTER."""
        with self._lock:
            now = self._clock()
            if self._open and self._last is not None and now - self._last < REPEAT_AFTER:
                return True
            call = self._record(STAFF_CALL_EVENT, {"screen": screen[:40], "session": generation}, screen)
            if call is None:
                return False
            self._open.append(call)
            self._last = now
            log.info("staff called from %s", screen)
            return True

    def cancel(self, screen: str, generation: int = 0) -> bool:
        """The citizen no longer needs staff: central hears which calls to drop. False when no call is open or the
        cancellation could not be recorded (the call then stands: staff come anyway)."""
        with self._lock:
            if not self._open:
                return False
            details = {"calls": list(self._open), "screen": screen[:40], "session": generation}
            if self._record(STAFF_CALL_CANCEL_EVENT, details, screen) is None:
                return False
            self._open, self._last = [], None
            log.info("staff call taken back on %s", screen)
            return True

    def _record(self, name: str, details: dict, screen: str) -> str | None:
        submissions = self._submissions_of()
        if submissions is None:
            log.error("%s from %s not recorded: the queue is not open", name, screen)
            return None
        try:
            return submissions.record_event(name, details)
        except Exception as exc:  # the screen still tells the citizen where staff sit
            log.error("%s from %s not recorded: %s", name, screen, exc)
            return None

    def reset(self) -> None:
        """A new visitor's call is a new call (the session was wiped). A call left open stands: the visitor who
        walked away may still be waiting beside the terminal."""
        with self._lock:
            self._last, self._open = None, []
