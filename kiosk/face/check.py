"""FaceCheck use case: runs the check against the camera on a worker thread; a screen drives and watches it."""

from __future__ import annotations

import logging
import queue
import random
import threading
import time
from pathlib import Path
from typing import Any, Callable, Protocol

import cv2
import numpy as np

from kiosk.face.config import FaceConfig
from kiosk.face.engine import FaceEngine
from kiosk.face.flow import FaceCheckFlow
from kiosk.face.result import FaceCheckResult, FaceCheckUpdate, Phase

log = logging.getLogger(__name__)

NO_FRAMES_SECONDS = 1.5  # no picture for this long: tell the citizen the camera is not working


def card_photo_array(photo: Any) -> np.ndarray | None:
    """The decoded card photo (drivers' Photo: image file bytes) as the BGR array a check compares with."""
    if photo is None:
        return None
    data = np.frombuffer(photo.data, np.uint8)
    return cv2.imdecode(data, cv2.IMREAD_COLOR) if data.size else None


class FrameFeed(Protocol):
    """What the check needs of a camera (drivers.camera.capture.Camera fits)."""

    mirror: bool

    def next_frame(self, after_seq: int, timeout: float) -> Any | None:
        """An object with .image (BGR array), .seq and .timestamp, newer than after_seq."""
        ...

    def subscribe(self, listener: Callable[[Any], None]) -> Callable[[], None]: ...


def load_card_photo(photo: np.ndarray | str | Path | None) -> np.ndarray | None:
    """The ID card photo as a BGR array; None when there is none or it cannot be read."""
    if photo is None or isinstance(photo, np.ndarray):
        return photo
    image = cv2.imread(str(photo), cv2.IMREAD_COLOR)
    if image is None:
        log.warning("card photo file cannot be read")  # the path may name the person: not logged
    return image


class FaceCheck:
    """start(card_photo), then updates arrive through on_update (worker thread) until a final phase.

    retry() after a RETRY update starts the next attempt; cancel() ends it (idle timeout, citizen leaves).
    The preview goes straight from the camera to subscribe_preview listeners, unmirrored; mirror says
    whether the screen should flip it.
    """

    def __init__(self, camera: FrameFeed, config: FaceConfig,
                 engine: Callable[[], FaceEngine], on_update: Callable[[FaceCheckUpdate], None],
                 rng: random.Random | None = None) -> None:
        self._camera = camera
        self._cfg = config
        self._engine = engine
        self._on_update = on_update
        self._rng = rng
        self._commands: queue.Queue[str] = queue.Queue()
        self._done = threading.Event()
        self._thread: threading.Thread | None = None
        self.update: FaceCheckUpdate | None = None

    @property
    def mirror(self) -> bool:
        return self._camera.mirror

    def subscribe_preview(self, listener: Callable[[np.ndarray], None]) -> Callable[[], None]:
        return self._camera.subscribe(lambda frame: listener(frame.image))

    def start(self, card_photo: np.ndarray | str | Path | None) -> None:
        if self._thread is not None:
            raise RuntimeError("a FaceCheck runs once; make a new one for the next citizen")
        self._thread = threading.Thread(target=self._run, args=(card_photo,), name="face-check", daemon=True)
        self._thread.start()

    def retry(self) -> None:
        self._commands.put("retry")

    def cancel(self) -> None:
        self._commands.put("cancel")

    def close(self) -> None:
        """Ends the check and drops its evidence frame: from here on the picture lives only where the UI put
        it, the session, and goes with the session's wipe."""
        self.cancel()
        if self._thread is not None:
            self._thread.join(timeout=10)
        if self.update is not None and self.update.result is not None:
            self.update.result.evidence_jpeg = None

    def wait(self, timeout: float) -> FaceCheckResult | None:
        """The result once final (for tests and non-UI callers)."""
        if not self._done.wait(timeout):
            return None
        return self.update.result if self.update else None

    # ---- worker

    def _emit(self, update: FaceCheckUpdate) -> None:
        if update == self.update:
            return
        self.update = update
        try:
            self._on_update(update)
        except Exception:  # the screen's problem must not kill the check
            log.exception("face check listener failed")

    def _run(self, card_photo) -> None:
        try:
            flow = self._prepare(card_photo)
            if flow is not None:
                self._loop(flow)
        finally:
            self._done.set()

    def _prepare(self, card_photo) -> FaceCheckFlow | None:
        placeholder = FaceCheckFlow(None, self._cfg, self._rng)  # type: ignore[arg-type]
        self._emit(placeholder.update)  # LOADING
        try:
            engine = self._engine()
        except Exception:
            log.exception("face engine could not be loaded")
            self._emit(placeholder.unavailable())
            return None
        flow = FaceCheckFlow(engine, self._cfg, self._rng)
        self._emit(flow.prepare(load_card_photo(card_photo)))
        return flow

    def _loop(self, flow: FaceCheckFlow) -> None:
        seq, last_frame = 0, time.monotonic()
        while not flow.update.phase.final:
            try:
                command = self._commands.get(block=flow.update.phase is Phase.RETRY, timeout=0.5)
            except queue.Empty:
                command = None
            if command == "cancel":
                self._emit(flow.cancel())
                break
            if command == "retry":
                self._emit(flow.retry())
                last_frame = time.monotonic()
            if flow.update.phase is Phase.RETRY:
                continue
            frame = self._camera.next_frame(seq, 0.5)
            if frame is None:
                if time.monotonic() - last_frame > NO_FRAMES_SECONDS:
                    self._emit(flow.camera_lost())
                continue
            seq, last_frame = frame.seq, time.monotonic()
            self._emit(flow.feed(frame.image, frame.timestamp))
        log.info("face check ended: %s", flow.update.phase.value)
