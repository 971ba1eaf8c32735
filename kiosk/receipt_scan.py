"""Progress by scanning: frames from the kiosk camera -> the tracking number a receipt QR holds, or a plain reason
why not (a foreign or damaged code, nothing shown in time). Blocking; runs in a worker, never on the UI thread."""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, Any, Callable

from kiosk.i18n import Problem, Text
from protocol import receipt_link

if TYPE_CHECKING:
    import numpy as np

TIMEOUT_SECONDS = 30.0
# frames in a row where a QR code is seen but does not decode, before the citizen is told it is damaged
# (a code moving into view fails a few frames before it settles)
DAMAGED_AFTER = 20

FOREIGN = Problem("scan.foreign", Text(
    "这不是本中心的受理回执二维码。请出示回执上的二维码，或直接输入受理编号。",
    "This is not a receipt QR code of ours. Please show the QR code on your receipt, or type the tracking number."),
    "a QR code that is not a receipt's (another URL, a payment code, a bad check character)")
DAMAGED = Problem("scan.damaged", Text(
    "二维码无法识别，可能有折痕或污损。请抚平回执再试，或直接输入受理编号。",
    "The QR code cannot be read; it may be creased or stained. Smooth the receipt and try again, or type the "
    "tracking number."),
    "a QR code is seen but does not decode")
TIMED_OUT = Problem("scan.timeout", Text(
    "没有看到二维码。请将回执二维码对准摄像头再试，或直接输入受理编号。",
    "No QR code was seen. Hold the receipt's QR code up to the camera and try again, or type the tracking number."),
    "no QR code within the scan time")
NO_CAMERA = Problem("scan.no_camera", Text(
    "本机摄像头暂时无法使用，请直接输入受理编号。",
    "The camera of this terminal cannot be used now. Please type the tracking number."),
    "no camera device")


class ScanFailed(LookupError):
    """Why a scan gave no tracking number; args[0] is the Problem (the progress screen shows it as is)."""


class Decoder:
    """One frame at a time: the text of the QR code in it, "" when a code is seen but unreadable, None when none."""

    def __init__(self) -> None:
        import cv2  # here: the progress screen's bridge imports this module before the kiosk's first frame

        self._cv2 = cv2
        # the ArUco-based detector: the classic one could not read about one receipt code in fifteen (its pattern,
        # not the picture: the same code cropped cleanly), and it is slower on frames without any code
        self._detector = cv2.QRCodeDetectorAruco()

    def read(self, image: np.ndarray) -> str | None:
        cv2 = self._cv2
        grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
        text, points, _ = self._detector.detectAndDecode(grey)
        if text:
            return text
        return "" if points is not None else None


def scan(camera: Any, cancelled: threading.Event, timeout: float = TIMEOUT_SECONDS,
         clock: Callable[[], float] = time.monotonic) -> str:
    """The canonical tracking number of the first receipt QR the camera sees. Raises ScanFailed (FOREIGN at the
    first foreign code, DAMAGED after a code seen but unreadable for DAMAGED_AFTER frames, TIMED_OUT, NO_CAMERA)
    and ScanCancelled when `cancelled` is set. `camera`: drivers.camera.capture.Camera or anything with next_frame."""
    if camera is None:
        raise ScanFailed(NO_CAMERA)
    decoder, seq, unreadable = Decoder(), 0, 0
    deadline = clock() + timeout
    while not cancelled.is_set():
        if clock() > deadline:
            raise ScanFailed(TIMED_OUT)
        frame = camera.next_frame(seq, 0.5)
        if frame is None:
            continue
        seq = frame.seq
        text = decoder.read(frame.image)
        if text is None:
            unreadable = 0
            continue
        if not text:
            unreadable += 1
            if unreadable >= DAMAGED_AFTER:
                raise ScanFailed(DAMAGED)
            continue
        try:
            return receipt_link.tracking_of(text)
        except receipt_link.NotOurs:
            raise ScanFailed(FOREIGN) from None
    raise ScanCancelled()


class ScanCancelled(Exception):
    """The citizen left the scan (or the session was wiped): nothing to show."""
