"""Staff mode's audit log: who (PIN slot and role), what, when; never citizen data. Kept in the queue, sent as events."""

from __future__ import annotations

import logging
from typing import Any, Callable

from kiosk.redact import REDACTOR
from kiosk.staff_access import MAINTENANCE, STAFF_VERIFY

log = logging.getLogger(__name__)

# PIN slot -> the role it stands for (one shared PIN per slot: the slot is all the terminal can say of who)
ROLES = {MAINTENANCE: "technician", STAFF_VERIFY: "hall_staff"}
# a details value is a short fact (a count, a code, an outcome), never free text a person typed or a card held
_MAX_TEXT = 120


def clean_details(details: dict[str, Any]) -> dict[str, Any]:
    """Scalars only, strings short and masked (tracking numbers, ID and phone numbers), so no citizen data passes."""
    out: dict[str, Any] = {}
    for key, value in details.items():
        if value is None or isinstance(value, (bool, int, float)):
            out[str(key)[:40]] = value
        else:
            out[str(key)[:40]] = REDACTOR(str(value))[:_MAX_TEXT]
    return out


class AuditLog:
    """`record()` never raises: staff mode works on with a broken queue, and the log file still says what happened.

    store_of: the queue store now (None while the queue is not open), asked on every entry because the core opens
    the queue after the first frame."""

    def __init__(self, store_of: Callable[[], Any], on_recorded: Callable[[], None] | None = None) -> None:
        self._store_of = store_of
        self._on_recorded = on_recorded  # wakes the sync worker: central hears of staff actions promptly

    def record(self, slot: str, action: str, **details: Any) -> bool:
        """True once the entry is committed to the queue database (with its event for central)."""
        actor = f"{slot}/{ROLES.get(slot, 'unknown')}"
        clean = clean_details(details)
        log.info("audit: %s %s %s", actor, action, clean)
        store = self._store_of()
        if store is None:
            log.warning("audit entry %s not stored: the queue is not open", action)
            return False
        try:
            store.enqueue_audit(actor, action, clean)
        except Exception as exc:  # a full or broken disk must not take staff mode down with it
            log.error("audit entry %s not stored: %s", action, exc)
            return False
        if self._on_recorded is not None:
            self._on_recorded()
        return True

    def entries(self, limit: int = 50) -> list[dict]:
        store = self._store_of()
        if store is None:
            return []
        try:
            return store.audit_entries(limit)
        except Exception as exc:
            log.error("audit log unreadable: %s", exc)
            return []
