"""dlib face engine: HOG frontal detector, 68-point landmarks and the ResNet 128-d descriptor, loaded offline."""

from __future__ import annotations

import logging
import threading
import time

import cv2
import numpy as np

from drivers.camera.face_models import LANDMARKS_68, RESNET, model_file
from kiosk.face.engine import FaceBox

log = logging.getLogger(__name__)

# detection runs on a copy no wider than this: faces the quality gates accept (a quarter of a 640-wide
# frame or more) stay well above the HOG detector's ~80 px minimum, and detection costs 4x less
DETECT_WIDTH = 320


class DlibEngine:
    """Loads the face_recognition_models files from site-packages; never touches the network.

    The descriptor's face chip is aligned on the 68 landmarks the quality gates and liveness need anyway:
    dlib's 5-point model would be 11 MB more for the same separation (on the shared faces: the same person at
    most 0.52 apart with either, two people at least 0.70)."""

    name = "dlib-resnet-v1"

    def __init__(self, detect_width: int = DETECT_WIDTH) -> None:
        import dlib  # imported here so modules that only need the interface stay light

        started = time.perf_counter()
        self._detector = dlib.get_frontal_face_detector()
        self._sixty_eight = dlib.shape_predictor(str(model_file(LANDMARKS_68)))
        self._resnet = dlib.face_recognition_model_v1(str(model_file(RESNET)))
        self._rect = dlib.rectangle
        self._detect_width = detect_width
        self.load_seconds = time.perf_counter() - started
        log.info("face models loaded in %.2f s", self.load_seconds)

    @staticmethod
    def _rgb(image: np.ndarray) -> np.ndarray:
        if image.ndim == 2:
            return cv2.cvtColor(image, cv2.COLOR_GRAY2RGB)
        if image.shape[2] == 4:
            return cv2.cvtColor(image, cv2.COLOR_BGRA2RGB)
        return cv2.cvtColor(image, cv2.COLOR_BGR2RGB)

    def detect(self, image: np.ndarray, upsample: int = 0, fast: bool = True) -> list[FaceBox]:
        rgb = self._rgb(image)
        factor = 1.0
        if fast and upsample == 0 and rgb.shape[1] > self._detect_width:
            factor = rgb.shape[1] / self._detect_width
            small_h = round(rgb.shape[0] / factor)
            rgb = cv2.resize(rgb, (self._detect_width, small_h), interpolation=cv2.INTER_AREA)
        rects, scores, _ = self._detector.run(rgb, upsample, 0.0)
        boxes = [
            FaceBox(r.left(), r.top(), r.right(), r.bottom(), float(s)).scaled(factor)
            for r, s in zip(rects, scores)
        ]
        return sorted(boxes, key=lambda b: -b.width * b.height)

    def _shape(self, predictor, rgb: np.ndarray, box: FaceBox):
        return predictor(rgb, self._rect(box.left, box.top, box.right, box.bottom))

    def landmarks(self, image: np.ndarray, box: FaceBox) -> np.ndarray:
        shape = self._shape(self._sixty_eight, self._rgb(image), box)
        return np.array([(p.x, p.y) for p in shape.parts()], dtype=np.float64)

    def descriptor(self, image: np.ndarray, box: FaceBox) -> np.ndarray:
        rgb = self._rgb(image)
        shape = self._shape(self._sixty_eight, rgb, box)
        return np.array(self._resnet.compute_face_descriptor(rgb, shape, 0), dtype=np.float64)


_shared: DlibEngine | None = None
_shared_lock = threading.Lock()


def shared_engine() -> DlibEngine:
    """One engine per process (the models take ~100 MB and over a second to load); first caller loads it."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = DlibEngine()
        return _shared
