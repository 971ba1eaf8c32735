"""Synthetic head movement from one still photo (blink, head turn), for the simulated camera and tests."""

from __future__ import annotations

import cv2
import numpy as np

# iBUG 68-point indices
_JAW = slice(0, 17)
_RIGHT_EYE = slice(36, 42)  # the person's right eye: image left in an unmirrored photo
_LEFT_EYE = slice(42, 48)
_NOSE_TIP = 30


def close_eyes(image: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Eyes painted shut: each eye is inpainted with the surrounding skin, then a lash line is drawn."""
    mask = np.zeros(image.shape[:2], np.uint8)
    for eye in (_RIGHT_EYE, _LEFT_EYE):
        cv2.fillPoly(mask, [np.round(points[eye]).astype(np.int32)], 255)
    eye_w = float(np.linalg.norm(points[39] - points[36]))
    grow = max(3, round(eye_w * 0.25))
    mask = cv2.dilate(mask, np.ones((grow, grow), np.uint8))
    out = cv2.inpaint(image, mask, max(3, round(eye_w * 0.3)), cv2.INPAINT_TELEA)
    for eye in (_RIGHT_EYE, _LEFT_EYE):
        pts = points[eye]
        # corners, then the lower lid: a shut eye's lash line sits where the lower lid was
        lash = np.array([pts[0], pts[5], pts[4], pts[3]])
        shade = [int(c * 0.3) for c in cv2.mean(image, mask=mask)[:3]]
        cv2.polylines(out, [np.round(lash).astype(np.int32)], False, shade, max(2, round(eye_w * 0.22)),
                      cv2.LINE_AA)
    return out


def turn_head(image: np.ndarray, points: np.ndarray, amount: float) -> np.ndarray:
    """Moves the middle of the face sideways inside its outline, as a yaw turn looks in 2-D.

    amount > 0 turns towards the person's own left (image right in an unmirrored photo); 1.0 moves the
    nose tip by about a quarter of the face width.
    """
    jaw = points[_JAW]
    face_w = float(jaw[:, 0].max() - jaw[:, 0].min())
    cx, cy = points[_NOSE_TIP]
    shift = amount * 0.25 * face_w
    h, w = image.shape[:2]
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    sigma_x, sigma_y = face_w * 0.22, face_w * 0.45
    bump = np.exp(-(((xs - cx) / sigma_x) ** 2 + ((ys - cy) / sigma_y) ** 2) / 2)
    # remap pulls each output pixel from a source pixel: subtracting moves content by +shift
    map_x = (xs - shift * bump).astype(np.float32)
    return cv2.remap(image, map_x, ys, interpolation=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
