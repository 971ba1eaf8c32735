"""Camera test media: a real video file written with cv2.VideoWriter, numbered so frames can be told apart."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np


def numbered_frame(n: int, width: int = 320, height: int = 240) -> np.ndarray:
    image = np.full((height, width, 3), 40 + (n * 20) % 180, np.uint8)
    cv2.putText(image, str(n), (20, height // 2), cv2.FONT_HERSHEY_SIMPLEX, 2, (255, 255, 255), 3)
    return image


def write_video(path: Path, frames: int = 20, width: int = 320, height: int = 240, fps: int = 15) -> Path:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (width, height))
    assert writer.isOpened(), "OpenCV cannot write MJPG video"
    for n in range(frames):
        writer.write(numbered_frame(n, width, height))
    writer.release()
    return path
