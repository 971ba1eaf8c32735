"""Frames as the camera delivers them, and a pure watchdog that spots black and frozen pictures."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from kiosk.i18n import Problem, Text


@dataclass(frozen=True)
class Frame:
    """One picture: BGR uint8 as OpenCV delivers it (never mirrored), numbered from 1, monotonic time."""

    image: np.ndarray
    seq: int
    timestamp: float


class CameraError(Exception):
    """A camera that cannot be used now; carries the problem to show and log."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.technician)
        self.problem = problem


def camera_problem(code: str, technician: str) -> Problem:
    texts = {
        "open_failed": Text(zh="摄像头无法打开", en="The camera cannot be opened"),
        "lost": Text(zh="摄像头已断开", en="The camera was disconnected"),
        "black": Text(zh="摄像头画面全黑", en="The camera shows only black"),
        "frozen": Text(zh="摄像头画面卡住了", en="The camera picture is frozen"),
    }
    return Problem(code=f"camera.{code}", citizen=texts[code], technician=technician)


class FeedMonitor:
    """Watches successive frames: all black, or the very same picture for too long (a real sensor always
    adds noise, so identical frames mean a hung driver or a still image fed in)."""

    def __init__(self, fps: int, frozen_seconds: float = 2.0, black_level: float = 8.0) -> None:
        self._frozen_after = max(2, round(fps * frozen_seconds))
        self._black_level = black_level
        self._previous: np.ndarray | None = None
        self._same = 0

    def observe(self, image: np.ndarray) -> Problem | None:
        small = cv2.resize(image, (64, 48), interpolation=cv2.INTER_AREA)
        if float(small.mean()) < self._black_level:
            self._previous, self._same = small, 0
            return camera_problem("black", f"mean level {float(small.mean()):.1f} below {self._black_level}")
        if self._previous is not None and np.array_equal(small, self._previous):
            self._same += 1
        else:
            self._same = 0
        self._previous = small
        if self._same >= self._frozen_after:
            return camera_problem("frozen", f"{self._same} identical frames in a row")
        return None
