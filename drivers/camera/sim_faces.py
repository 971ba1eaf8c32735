"""The people the simulated camera can show: photos from a folder, animated to blink and turn the head."""

from __future__ import annotations

import logging
import re
import threading
from pathlib import Path

import cv2
import numpy as np

from drivers.camera.animate import close_eyes, turn_head
from drivers.camera.simulated import IMAGE_SUFFIXES, SimulatedSource, fit

log = logging.getLogger(__name__)

_NAME = re.compile(r"^(?P<person>.+)_(?P<n>\d+)$")
MOTIONS = ("auto", "still")  # auto: blinks and turns left and right in a loop; still: a held-up photo


def persons(faces_dir: Path) -> list[str]:
    if not faces_dir.is_dir():
        return []
    found = {m.group("person") for p in faces_dir.iterdir()
             if p.suffix.lower() in IMAGE_SUFFIXES and (m := _NAME.match(p.stem))}
    return sorted(found)


def photo_of(faces_dir: Path, person: str) -> Path | None:
    """<person>_2 (the live face) when there is one, else <person>_1 (then the card photo shows too)."""
    for n in ("2", "1"):
        for p in sorted(faces_dir.glob(f"{person}_{n}.*")):
            if p.suffix.lower() in IMAGE_SUFFIXES:
                return p
    return None


class _Landmarker:
    """68-point landmarks straight from dlib, loaded on first use (only the demo animation needs them)."""

    def __init__(self) -> None:
        import dlib

        from drivers.camera.face_models import LANDMARKS_68, model_file

        self._detector = dlib.get_frontal_face_detector()
        self._predictor = dlib.shape_predictor(str(model_file(LANDMARKS_68)))

    def __call__(self, bgr: np.ndarray) -> np.ndarray | None:
        rgb = np.ascontiguousarray(bgr[:, :, ::-1])
        rects = self._detector(rgb, 0)
        if not rects:
            return None
        rect = max(rects, key=lambda r: r.area())
        return np.array([(p.x, p.y) for p in self._predictor(rgb, rect).parts()], dtype=np.float64)


def demo_loop(frame: np.ndarray, points: np.ndarray | None, fps: int) -> list[np.ndarray]:
    """About six seconds: still, blink, still, turn left and back, still, turn right and back."""
    if points is None:
        return [frame]
    still = [frame] * max(1, round(fps * 0.8))
    shut = close_eyes(frame, points)
    blink = [shut] * max(1, round(fps * 0.2))

    def turn(direction: float) -> list[np.ndarray]:
        steps = [turn_head(frame, points, direction * a) for a in (0.35, 0.7, 1.0)]
        return steps + [steps[-1]] * max(1, round(fps * 0.3)) + steps[::-1]

    return still + blink + still + turn(1.0) + still + turn(-1.0)


def held_up(image: np.ndarray, width: int, height: int) -> np.ndarray:
    """A paper held up to the lens: a citizen brings the QR code of a receipt close, not the whole slip, so a
    picture with a QR code shows that code filling most of the frame; any other picture shows whole."""
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
    # the ArUco-based detector finds the code on a whole slip where the classic one misses about one pattern in
    # fifteen (the slip was then shown whole, its code too small to read: a scan test failed now and then)
    found, points = cv2.QRCodeDetectorAruco().detect(grey)
    if found and points is not None:
        x0, y0 = points.reshape(-1, 2).min(axis=0)
        x1, y1 = points.reshape(-1, 2).max(axis=0)
        margin = 0.35 * max(x1 - x0, y1 - y0)  # the paper around the code, as a hand holds it
        top, left = int(max(0, y0 - margin)), int(max(0, x0 - margin))
        image = image[top: int(min(image.shape[0], y1 + margin)), left: int(min(image.shape[1], x1 + margin))]
    return fit(image, width, height)


class SimPeople:
    """Tray-driven choice of the person in front of the simulated camera, and of their movement; a picture held
    up (a printed receipt, a QR code) covers whoever stands there until it is put down."""

    def __init__(self, source: SimulatedSource, faces_dir: Path, width: int, height: int, fps: int) -> None:
        self._source = source
        self.faces_dir = faces_dir
        self._size = (width, height)
        self._fps = fps
        self._person = ""
        self._motion = "auto"
        self._held = ""
        self._landmarker: _Landmarker | None = None
        self._lock = threading.Lock()
        self._generation = 0

    @property
    def person(self) -> str:
        return self._person

    @property
    def motion(self) -> str:
        return self._motion

    @property
    def held(self) -> str:
        return self._held

    def hold(self, path: str) -> None:
        """Hold the picture at `path` up to the lens; "" puts it down (the person shows again)."""
        if path and cv2.imread(path, cv2.IMREAD_COLOR) is None:
            raise ValueError(f"no picture at {path}")
        self._held = path
        self._show()

    def choose(self, person: str) -> None:
        if person and photo_of(self.faces_dir, person) is None:
            raise ValueError(f"no photo of {person!r} in {self.faces_dir}")
        self._person = person
        self._show()

    def set_motion(self, motion: str) -> None:
        if motion not in MOTIONS:
            raise ValueError(f"unknown motion {motion!r}; one of {', '.join(MOTIONS)}")
        self._motion = motion
        self._show()

    def close(self) -> None:
        with self._lock:
            self._generation += 1  # a pending animation job sees it is outdated and drops its result

    def _show(self) -> None:
        """The still photo at once; the animation follows from a helper thread (landmarks take a moment)."""
        with self._lock:
            self._generation += 1
            generation = self._generation
        if self._held:
            image = cv2.imread(self._held, cv2.IMREAD_COLOR)
            self._source.set_frames([held_up(image, *self._size)] if image is not None else [])
            return
        if not self._person:
            self._source.set_frames([])
            return
        path = photo_of(self.faces_dir, self._person)
        image = cv2.imread(str(path), cv2.IMREAD_COLOR) if path else None
        if image is None:
            self._source.set_frames([])
            return
        frame = fit(image, *self._size)
        self._source.set_frames([frame])
        if self._motion == "auto":
            threading.Thread(target=self._animate, args=(frame, generation), name="sim-camera-animate",
                             daemon=True).start()

    def _animate(self, frame: np.ndarray, generation: int) -> None:
        try:
            with self._lock:
                if self._landmarker is None:
                    self._landmarker = _Landmarker()
                landmarker = self._landmarker
            frames = demo_loop(frame, landmarker(frame), self._fps)
        except Exception:  # the demo keeps showing the still photo
            log.exception("simulated camera: animation failed")
            return
        with self._lock:
            if generation == self._generation:
                self._source.set_frames(frames)
