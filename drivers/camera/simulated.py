"""Simulated camera: loops a video file, an image folder or one image, with faults on demand."""

from __future__ import annotations

import threading
from pathlib import Path

import cv2
import numpy as np

from drivers.camera.faults import OPEN_FAILED, CameraError, CameraFault

NOISE_PATTERNS = 7  # a prime, so the noise never lines up with the animation loop into a repeating frame

FAULTS = ("none", "no_camera", "black", "frozen")
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".bmp")
MAX_VIDEO_FRAMES = 600  # a demo clip is decoded into memory once; longer files are cut


def fit(image: np.ndarray, width: int, height: int) -> np.ndarray:
    """Scaled into a grey frame of the camera's size, aspect kept."""
    if image.ndim == 2:
        image = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    elif image.shape[2] == 4:
        image = cv2.cvtColor(image, cv2.COLOR_BGRA2BGR)
    if image.shape[1] == width and image.shape[0] == height:
        return image
    scale = min(width / image.shape[1], height / image.shape[0])
    interpolation = cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR
    small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=interpolation)
    canvas = np.full((height, width, 3), 128, np.uint8)
    y, x = (height - small.shape[0]) // 2, (width - small.shape[1]) // 2
    canvas[y: y + small.shape[0], x: x + small.shape[1]] = small[:height, :width]
    return canvas


def load_media(path: Path, width: int, height: int) -> list[np.ndarray]:
    """Frames of a video file, of the images of a folder (name order), or of one image."""
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
    elif path.suffix.lower() in IMAGE_SUFFIXES:
        files = [path]
    else:
        files = []
    if files:
        frames = [cv2.imread(str(p), cv2.IMREAD_COLOR) for p in files]
        frames = [fit(f, width, height) for f in frames if f is not None]
    else:
        frames = []
        cap = cv2.VideoCapture(str(path))
        while cap.isOpened() and len(frames) < MAX_VIDEO_FRAMES:
            ok, image = cap.read()
            if not ok:
                break
            frames.append(fit(image, width, height))
        cap.release()
    if not frames:
        raise CameraError(CameraFault(OPEN_FAILED, f"no pictures in {path}"))
    return frames


class SimulatedSource:
    """Plays its frames in a loop with a little sensor noise; faults and frames can change while running."""

    def __init__(self, width: int, height: int, frames: list[np.ndarray] | None = None,
                 description: str = "sim:") -> None:
        self._size = (width, height)
        self._lock = threading.Lock()
        self._frames = frames or []
        self._index = 0
        self._fault = "none"
        self._last: np.ndarray | None = None
        self._rng = np.random.default_rng()
        self._noises: list[tuple[np.ndarray, np.ndarray]] | None = None
        self._noise_index = 0
        self.description = description

    # ---- controls (any thread)

    def set_frames(self, frames: list[np.ndarray]) -> None:
        """New pictures, e.g. another person stepped in front; an empty list = nobody (empty background)."""
        with self._lock:
            self._frames = [fit(f, *self._size) for f in frames]
            self._index = 0

    @property
    def fault(self) -> str:
        return self._fault

    def set_fault(self, fault: str) -> None:
        if fault not in FAULTS:
            raise ValueError(f"unknown camera fault {fault!r}; one of {', '.join(FAULTS)}")
        self._fault = fault

    # ---- FrameSource

    def open(self) -> None:
        if self._fault == "no_camera":
            raise CameraError(CameraFault(OPEN_FAILED, "simulated camera unplugged"))

    def read(self) -> np.ndarray | None:
        fault = self._fault
        if fault == "no_camera":
            return None
        w, h = self._size
        if fault == "black":
            return np.zeros((h, w, 3), np.uint8)
        if fault == "frozen" and self._last is not None:
            return self._last
        with self._lock:
            if self._frames:
                picture = self._frames[self._index % len(self._frames)]
                self._index += 1
            else:
                picture = np.full((h, w, 3), 150, np.uint8)
        # a real sensor is never noise-free; without noise the feed watchdog would call a still scene frozen.
        # The noise is drawn once and cycled: drawing it per frame cost the simulator more CPU than the face check
        # it feeds, which starved the check on a busy machine. OpenCV's saturating add/subtract release the GIL.
        up, down = self._noise(picture.shape)
        frame = cv2.subtract(cv2.add(picture, up), down)
        self._last = frame
        return frame

    def _noise(self, shape: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
        if self._noises is None or self._noises[0][0].shape != shape:
            # -2..+2 evenly, as before the patterns were cycled: narrower noise averages away in the feed
            # watchdog's thumbnail, and a plain scene would be called frozen
            drawn = [self._rng.integers(-2, 3, size=shape, dtype=np.int16) for _ in range(NOISE_PATTERNS)]
            self._noises = [(np.clip(n, 0, 2).astype(np.uint8), np.clip(-n, 0, 2).astype(np.uint8)) for n in drawn]
        self._noise_index = (self._noise_index + 1) % NOISE_PATTERNS
        return self._noises[self._noise_index]

    def release(self) -> None:
        pass
