"""Quality gates before matching: one face, big enough, centred, frontal, sharp and bright enough."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from kiosk.face.engine import FaceBox
from kiosk.i18n import Problem, Text


@dataclass(frozen=True)
class QualityLimits:
    """Defaults suit a 640x480 camera at arm's length; fractions are of the frame size."""

    min_width: float = 0.2  # face narrower than this share of the frame: too far
    max_width: float = 0.75  # wider: too close, the chin or forehead is cut off
    max_offset: float = 0.22  # face centre further from the frame centre than this share
    max_yaw: float = 0.6  # |yaw ratio| beyond this: not facing the camera
    min_sharpness: float = 25.0  # Laplacian variance of the face scaled to 128 px wide
    min_brightness: float = 50.0  # mean grey level of the face
    max_brightness: float = 225.0


def _problem(code: str, zh: str, en: str, detail: str) -> Problem:
    return Problem(code=f"face.{code}", citizen=Text(zh=zh, en=en), technician=detail)


def face_crop(image: np.ndarray, box: FaceBox) -> np.ndarray:
    h, w = image.shape[:2]
    crop = image[max(0, box.top): min(h, box.bottom), max(0, box.left): min(w, box.right)]
    if crop.ndim == 3:
        crop = cv2.cvtColor(crop, cv2.COLOR_BGR2GRAY)
    return crop


def sharpness(gray_face: np.ndarray) -> float:
    """Variance of the Laplacian at a fixed scale, so big and small faces compare."""
    if gray_face.size == 0:
        return 0.0
    scale = 128 / gray_face.shape[1]
    small = cv2.resize(gray_face, (128, max(1, round(gray_face.shape[0] * scale))), interpolation=cv2.INTER_AREA)
    return float(cv2.Laplacian(small, cv2.CV_64F).var())


def assess(
    image: np.ndarray,
    boxes: list[FaceBox],
    yaw: float | None = None,
    limits: QualityLimits = QualityLimits(),
) -> Problem | None:
    """The first gate the frame fails, with the prompt that fixes it; None when the frame is good."""
    h, w = image.shape[:2]
    if not boxes:
        return _problem("none", "请正对摄像头", "Please look at the camera", "no face detected")
    if len(boxes) > 1:
        return _problem("many", "请确保镜头前只有您一人", "Only one person in front of the camera, please",
                        f"{len(boxes)} faces detected")
    box = boxes[0]
    share = box.width / w
    if share < limits.min_width:
        return _problem("small", "请靠近一点", "Please come a little closer", f"face width {share:.2f} of frame")
    if share > limits.max_width:
        return _problem("large", "请稍微后退", "Please step back a little", f"face width {share:.2f} of frame")
    cx, cy = box.center
    dx, dy = cx / w - 0.5, cy / h - 0.5
    if max(abs(dx), abs(dy)) > limits.max_offset:
        return _problem("off_centre", "请把脸移到框内", "Please move your face into the oval",
                        f"face centre offset ({dx:+.2f}, {dy:+.2f})")
    gray = face_crop(image, box)
    brightness = float(gray.mean()) if gray.size else 0.0
    if brightness < limits.min_brightness:
        return _problem("dark", "光线太暗，请面向灯光", "It is too dark, please face the light",
                        f"face brightness {brightness:.0f}")
    if brightness > limits.max_brightness:
        return _problem("bright", "光线太强，请避开强光", "Too much light, please avoid the glare",
                        f"face brightness {brightness:.0f}")
    if yaw is not None and abs(yaw) > limits.max_yaw:
        return _problem("not_frontal", "请正对摄像头", "Please face the camera straight on", f"yaw ratio {yaw:+.2f}")
    sharp = sharpness(gray)
    if sharp < limits.min_sharpness:
        return _problem("blurry", "请保持不动", "Please hold still", f"sharpness {sharp:.0f}")
    return None
