"""Camera device: a worker thread grabs frames from a source at the configured rate and hands out the latest."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Callable, Protocol

import cv2
import numpy as np

from drivers.camera.faults import LOST, OPEN_FAILED, CameraError, CameraFault
from drivers.camera.frames import FeedMonitor, Frame

log = logging.getLogger(__name__)


class FrameSource(Protocol):
    """Where pictures come from: a real camera through OpenCV, or the simulator."""

    description: str  # for logs and health: "/dev/video0", "sim: obama" ... never personal data

    def open(self) -> None:
        """Raises CameraError when the camera is absent or busy."""
        ...

    def read(self) -> np.ndarray | None:
        """The next BGR picture, blocking up to one frame time; None when the camera has gone away."""
        ...

    def release(self) -> None: ...


class OpenCvSource:
    """OpenCV VideoCapture on a device index, a device path or a video file."""

    def __init__(self, target: int | str, width: int, height: int, fps: int) -> None:
        self._target = target
        self._size = (width, height)
        self._fps = fps
        self._cap: cv2.VideoCapture | None = None
        self.description = f"opencv:{target}"

    def open(self) -> None:
        cap = cv2.VideoCapture(self._target)
        if not cap.isOpened():
            cap.release()
            raise CameraError(CameraFault(OPEN_FAILED, f"VideoCapture({self._target!r}) did not open"))
        # a camera may ignore these and deliver its own size; frames are passed on as they come
        cap.set(cv2.CAP_PROP_FRAME_WIDTH, self._size[0])
        cap.set(cv2.CAP_PROP_FRAME_HEIGHT, self._size[1])
        cap.set(cv2.CAP_PROP_FPS, self._fps)
        self._cap = cap

    def read(self) -> np.ndarray | None:
        if self._cap is None:
            return None
        ok, image = self._cap.read()
        return image if ok and image is not None else None

    def release(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None


@dataclass(frozen=True)
class CameraStatus:
    connected: bool
    fault: CameraFault | None  # why not connected, or what is wrong with the picture


class Camera:
    """start() launches the worker; subscribers get every frame on the worker thread, so they must be quick.

    With no subscriber (and no next_frame caller in the last second) the camera takes `idle_fps` pictures a second (enough for the feed watchdog and a
    self-test), not its full rate: at 15 fps an idle kiosk spent most of its idle CPU on pictures nobody saw.
    """

    def __init__(self, source: FrameSource, fps: int = 15, mirror: bool = True,
                 reconnect_seconds: float = 2.0, owned: tuple = (), idle_fps: float = 2.0) -> None:
        self._source = source
        self._period = 1.0 / fps
        self._idle_period = 1.0 / idle_fps
        self._wake = threading.Event()  # a new subscriber must not wait out an idle pause
        self._watched_until = 0.0  # next_frame callers keep the full rate this long after their last call
        self.mirror = mirror  # for the preview only; frames stay as the sensor sees them
        self._reconnect = reconnect_seconds
        self._owned = owned  # helpers started with this camera (simulator pieces), closed with it
        self._monitor = FeedMonitor(fps)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._cond = threading.Condition()
        self._latest: Frame | None = None
        self._seq = 0
        self._status = CameraStatus(False, None)
        self._frame_listeners: list[Callable[[Frame], None]] = []
        self._status_listeners: list[Callable[[CameraStatus], None]] = []
        self._opened_at = 0.0
        self._frames_since_open = 0

    # ---- device protocol

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="camera", daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        for helper in self._owned:
            helper.close()
        with self._cond:
            self._cond.notify_all()

    def health(self) -> dict:
        status, latest = self._status, self._latest
        elapsed = time.monotonic() - self._opened_at
        report = {
            "connected": status.connected,
            "source": self._source.description,
            "frames": self._seq,
            "fps": round(self._frames_since_open / elapsed, 1) if status.connected and elapsed > 0 else 0.0,
            "size": f"{latest.image.shape[1]}x{latest.image.shape[0]}" if latest is not None else None,
        }
        if status.fault is not None:
            report["problem"] = status.fault.code
            report["detail"] = status.fault.detail
        return report

    # ---- consumers

    @property
    def status(self) -> CameraStatus:
        return self._status

    def subscribe(self, listener: Callable[[Frame], None]) -> Callable[[], None]:
        self._frame_listeners.append(listener)
        self._wake.set()
        return lambda: self._frame_listeners.remove(listener) if listener in self._frame_listeners else None

    def on_status(self, listener: Callable[[CameraStatus], None]) -> None:
        self._status_listeners.append(listener)

    def latest(self) -> Frame | None:
        return self._latest

    def next_frame(self, after_seq: int, timeout: float) -> Frame | None:
        """The newest frame numbered above after_seq, waiting up to timeout; older frames are skipped."""
        deadline = time.monotonic() + timeout
        with self._cond:
            idle = self._idle()
            self._watched_until = max(self._watched_until, time.monotonic() + 1.0)  # a reader is a watcher too
            if idle:
                # out of the slow idle pace at once; at full rate the pace stays the camera's (waking the loop on
                # every call made a reader in a loop, the face check, take pictures as fast as it asked)
                self._wake.set()
            while self._latest is None or self._latest.seq <= after_seq:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self._stop.is_set():
                    return None
                self._cond.wait(remaining)
            return self._latest

    # ---- worker

    def _set_status(self, connected: bool, fault: CameraFault | None) -> None:
        new = CameraStatus(connected, fault)
        if new == self._status:
            return
        self._status = new
        if fault is not None:
            log.warning("camera %s: %s (%s)", self._source.description, fault.code, fault.detail)
        else:
            log.info("camera %s: %s", self._source.description, "connected" if connected else "closed")
        for listener in list(self._status_listeners):
            try:
                listener(new)
            except Exception:  # a broken listener must not stop the camera
                log.exception("camera status listener failed")

    def _run(self) -> None:
        opened = False
        while not self._stop.is_set():
            if not opened:
                try:
                    self._source.open()
                except CameraError as e:
                    self._set_status(False, e.fault)
                    self._stop.wait(self._reconnect)
                    continue
                opened = True
                self._opened_at, self._frames_since_open = time.monotonic(), 0
                self._set_status(True, None)
            started = time.monotonic()
            image = self._source.read()
            if image is None:
                self._source.release()
                opened = False
                self._set_status(False, CameraFault(LOST, f"{self._source.description} stopped delivering"))
                self._stop.wait(self._reconnect)
                continue
            slow = self._idle()
            self._set_status(True, self._monitor.observe(image, self._idle_period if slow else None))
            self._publish(image)
            period = self._idle_period if self._idle() else self._period
            self._wake.wait(max(0.0, period - (time.monotonic() - started)))
            self._wake.clear()
        if opened:
            self._source.release()
        self._set_status(False, None)

    def _idle(self) -> bool:
        return not self._frame_listeners and time.monotonic() > self._watched_until

    def _publish(self, image: np.ndarray) -> None:
        with self._cond:
            self._seq += 1
            self._frames_since_open += 1
            frame = Frame(image, self._seq, time.monotonic())
            self._latest = frame
            self._cond.notify_all()
        for listener in list(self._frame_listeners):
            try:
                listener(frame)
            except Exception:
                log.exception("camera frame listener failed")
