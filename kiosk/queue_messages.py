"""What the citizen is told when the offline queue fails or a typed tracking number is wrong."""

from __future__ import annotations

from kiosk.i18n import Problem, Text
from offline_queue.errors import DiskFullError, QueueError
from protocol import tracking

_CANNOT_SAVE = Text(zh="系统暂时无法保存您的申请，请联系工作人员。",
                    en="The terminal cannot save your application right now. Please ask staff for help.")

# queue error code -> citizen text; every other code (corrupt database, missing key...) reads as _CANNOT_SAVE
_CITIZEN = {
    DiskFullError.code: Text(zh="终端存储空间已满，暂时无法受理，请联系工作人员。",
                             en="The terminal's storage is full. Please ask staff for help."),
}

_TRACKING_INVALID = Text(zh="受理编号有误，请核对回执上的编号后重新输入。",
                         en="That tracking number is not valid. Please check it against your receipt.")


def queue_problem(exc: QueueError) -> Problem:
    return Problem(exc.code, citizen=_CITIZEN.get(exc.code, _CANNOT_SAVE), technician=exc.detail)


class SaveFailed(Exception):
    """An application the queue could not take, worded for the citizen; raised from the QueueError."""

    def __init__(self, exc: QueueError) -> None:
        super().__init__(exc.detail)
        self.problem = queue_problem(exc)


class TrackingNumberError(tracking.TrackingNumberError):
    """A typed tracking number that cannot be one of ours, worded for the citizen."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.problem = Problem("queue.tracking_invalid", citizen=_TRACKING_INVALID, technician=detail)
