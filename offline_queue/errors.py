"""Failures of the offline queue, each carrying a citizen message and a technician detail."""

from __future__ import annotations

from kiosk.i18n import Problem, Text
from protocol import tracking


class QueueError(Exception):
    """Base class: `problem` is what the UI shows and what diagnostics log (never personal data)."""

    code = "queue.error"
    citizen = Text(zh="系统暂时无法保存您的申请，请联系工作人员。",
                   en="The terminal cannot save your application right now. Please ask staff for help.")

    def __init__(self, technician: str) -> None:
        super().__init__(technician)
        self.problem = Problem(self.code, citizen=self.citizen, technician=technician)


class DiskFullError(QueueError):
    code = "queue.disk_full"
    citizen = Text(zh="终端存储空间已满，暂时无法受理，请联系工作人员。",
                   en="The terminal's storage is full. Please ask staff for help.")


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

    def __init__(self, what: str, technician: str | None = None) -> None:
        super().__init__(technician or f"record is corrupt: {what}")
        self.what = what


class TrackingNumberError(tracking.TrackingNumberError):
    """A typed tracking number that cannot be one of ours, worded for the citizen."""

    def __init__(self, technician: str) -> None:
        super().__init__(technician)
        self.problem = Problem(
            "queue.tracking_invalid",
            citizen=Text(zh="受理编号有误，请核对回执上的编号后重新输入。",
                         en="That tracking number is not valid. Please check it against your receipt."),
            technician=technician,
        )


class CentralError(Exception):
    """A failed exchange with central; `transient` says whether retrying later can help."""

    def __init__(self, message: str, *, transient: bool, status: int | None = None) -> None:
        super().__init__(message)
        self.transient = transient
        self.status = status


class AuthRejected(CentralError):
    """Central refused our credentials or signature (401/403): retrying helps only after staff fix it."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message, transient=False, status=status)
