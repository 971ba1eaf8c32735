"""What a camera reports when it cannot be used: stable codes, the fault and its error (no OpenCV needed)."""

from __future__ import annotations

from dataclasses import dataclass

# stable codes a camera reports; kiosk/device_messages.py words them for the citizen
OPEN_FAILED = "camera.open_failed"
LOST = "camera.lost"
BLACK = "camera.black"
FROZEN = "camera.frozen"
CODES = (OPEN_FAILED, LOST, BLACK, FROZEN)


@dataclass(frozen=True)
class CameraFault:
    """What is wrong with the camera: one of CODES and technician detail in English (never personal data)."""

    code: str
    detail: str


class CameraError(Exception):
    """A camera that cannot be used now; carries the fault to report and log."""

    def __init__(self, fault: CameraFault) -> None:
        super().__init__(fault.detail)
        self.fault = fault
