"""Face test helpers: photos of the shared data set on a camera-sized canvas, synthetic movement sequences."""

from __future__ import annotations

import re
from pathlib import Path

import cv2
import numpy as np

from drivers.camera.animate import close_eyes, turn_head

_NAME = re.compile(r"^(?P<person>.+)_(?P<n>\d+)$")


def person_photos(faces_dir: Path) -> dict[str, Path]:
    """stem -> path for every <person>_<n>.<ext> image."""
    return {
        p.stem: p for p in sorted(faces_dir.iterdir())
        if p.suffix.lower() in (".jpg", ".jpeg", ".png") and _NAME.match(p.stem)
    }


def person_of(stem: str) -> str:
    m = _NAME.match(stem)
    assert m, stem
    return m.group("person")


def read(path: Path) -> np.ndarray:
    image = cv2.imread(str(path), cv2.IMREAD_COLOR)
    assert image is not None, f"cannot read {path.name}"
    return image


def on_canvas(image: np.ndarray, width: int = 640, height: int = 480) -> np.ndarray:
    """The photo scaled into a grey camera frame, as the simulated camera shows it."""
    scale = min(width / image.shape[1], height / image.shape[0])
    small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    canvas = np.full((height, width, 3), 128, np.uint8)
    y, x = (height - small.shape[0]) // 2, (width - small.shape[1]) // 2
    canvas[y: y + small.shape[0], x: x + small.shape[1]] = small
    return canvas


def movement(engine, frame: np.ndarray, kind: str, still: int = 6, moved: int = 3) -> list[np.ndarray]:
    """still frames, then the movement, then still again: 'blink', 'turn_left', 'turn_right' or 'none'."""
    box = engine.detect(frame)[0]
    points = engine.landmarks(frame, box)
    if kind == "blink":
        changed = close_eyes(frame, points)
    elif kind in ("turn_left", "turn_right"):
        changed = turn_head(frame, points, 1.0 if kind == "turn_left" else -1.0)
    else:
        changed = frame
    return [frame] * still + [changed] * moved + [frame] * still
