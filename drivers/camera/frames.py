"""Frames as the camera delivers them, and a pure watchdog that spots black and frozen pictures."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from drivers.camera.faults import BLACK, FROZEN, CameraFault


@dataclass(frozen=True)
class Frame:
    """One picture: BGR uint8 as OpenCV delivers it (never mirrored), numbered from 1, monotonic time."""

    image: np.ndarray
    seq: int
    timestamp: float


class FeedMonitor:
    """Watches successive frames: all black, or the very same picture for too long (a real sensor always
    adds noise, so identical frames mean a hung driver or a still image fed in)."""

    def __init__(self, fps: int, frozen_seconds: float = 2.0, black_level: float = 8.0) -> None:
        self._frozen_after = max(2, round(fps * frozen_seconds))
        self._frame_share = 1.0  # of a full-rate frame; an idle camera's pictures count for more
        self._fps = fps
        self._black_level = black_level
        self._previous: np.ndarray | None = None
        self._same = 0.0

    def observe(self, image: np.ndarray, period: float | None = None) -> CameraFault | None:
        """`period`: seconds since the previous picture when the camera slowed down (idle), else full rate."""
        self._frame_share = max(1.0, period * self._fps) if period else 1.0
        small = cv2.resize(image, (64, 48), interpolation=cv2.INTER_AREA)
        if float(small.mean()) < self._black_level:
            self._previous, self._same = small, 0.0
            return CameraFault(BLACK, f"mean level {float(small.mean()):.1f} below {self._black_level}")
        if self._previous is not None and np.array_equal(small, self._previous):
            self._same += self._frame_share
        else:
            self._same = 0.0
        self._previous = small
        if self._same >= self._frozen_after:
            return CameraFault(FROZEN, f"identical frames for {self._same / self._fps:.1f} s")
        return None
