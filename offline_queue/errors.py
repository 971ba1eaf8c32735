"""Failures of the offline queue, each with a stable code and a technician detail (kiosk/ words them for citizens)."""

from __future__ import annotations


class QueueError(Exception):
    """Base class: `code` is stable (kiosk/queue_messages.py words it), `detail` is for the technician's log and
    never holds personal data."""

    code = "queue.error"

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class DiskFullError(QueueError):
    code = "queue.disk_full"


class CorruptDatabaseError(QueueError):
    code = "queue.corrupt"


class KeyMissingError(QueueError):
    """The queue holds encrypted records but the key file is gone or different: never make a new key then."""

    code = "queue.key_missing"


class QueueMismatchError(QueueError):
    """The database file is not the one the key file has been used with (emptied, replaced, rolled back)."""

    code = "queue.mismatch"


class CorruptRecordError(QueueError):
    """One record cannot be read back (bad tag, unreadable payload, missing attachment); `what` names which."""

    code = "queue.record_corrupt"

    def __init__(self, what: str, detail: str | None = None) -> None:
        super().__init__(detail or f"record is corrupt: {what}")
        self.what = what


class CentralError(Exception):
    """A failed exchange with central; `transient` says whether retrying later can help; `reason` is central's own
    code for a refusal (`{"detail": {"reason": ...}}`), "" when it gave none."""

    def __init__(self, message: str, *, transient: bool, status: int | None = None, reason: str = "") -> None:
        super().__init__(message)
        self.transient = transient
        self.status = status
        self.reason = reason


class AuthRejected(CentralError):
    """Central refused our credentials or signature (401/403): retrying helps only after staff fix it."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message, transient=False, status=status)
