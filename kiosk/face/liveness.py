"""Active liveness: a random challenge (blink, turn left, turn right) judged from 68-point landmarks over frames."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import numpy as np

from kiosk.face.challenges import PROMPTS, Challenge  # noqa: F401 (re-exported)


def choose_challenge(rng: random.Random, allowed: tuple[Challenge, ...] = tuple(Challenge)) -> Challenge:
    """Random so that a prepared video of one movement fails about two times in three."""
    return rng.choice(list(allowed))


def eye_aspect_ratio(points: np.ndarray) -> float:
    """Mean over both eyes of lid opening / eye width (Soukupova & Cech 2016); about 0.3 open, under 0.2 shut."""

    def one(eye: np.ndarray) -> float:
        width = np.linalg.norm(eye[0] - eye[3])
        if width == 0:
            return 0.0
        return float((np.linalg.norm(eye[1] - eye[5]) + np.linalg.norm(eye[2] - eye[4])) / (2 * width))

    return (one(points[36:42]) + one(points[42:48])) / 2


def yaw_ratio(points: np.ndarray) -> float:
    """Where the nose tip sits between the two jaw edges, from -1 to 1; 0 = frontal.

    Positive when the head turns to the person's own left in an unmirrored camera image: the nose, which
    stands out of the face, moves towards the side the face turns to, and the jaw outline stays behind.
    """
    left_edge, right_edge = points[0, 0], points[16, 0]
    span = right_edge - left_edge
    if span <= 0:
        return 0.0
    return float((points[30, 0] - left_edge) / span * 2 - 1)


@dataclass
class LivenessJudge:
    """Fed one landmark set per frame; passes once the requested movement has been seen.

    The first frames set the person's own baseline (eyes differ, and nobody faces a camera exactly), so
    a still photo, however it is held, never shows the change the judge waits for.
    """

    challenge: Challenge
    baseline_frames: int = 3
    blink_closed: float = 0.78  # eye ratio below this share of the open baseline counts as shut
    blink_open: float = 0.9  # and back above this share as open again
    turn_delta: float = 0.2  # yaw ratio change towards the asked side
    turn_frames: int = 2  # consecutive frames beyond it, so one bad landmark fit does not pass
    _ears: list[float] = field(default_factory=list)
    _yaws: list[float] = field(default_factory=list)
    _closed_seen: bool = False
    _turned_run: int = 0
    _fed: int = 0
    passed: bool = False

    def feed(self, points: np.ndarray) -> bool:
        if self.passed:
            return True
        self._fed += 1
        ear, yaw = eye_aspect_ratio(points), yaw_ratio(points)
        if len(self._ears) < self.baseline_frames:
            self._ears.append(ear)
            self._yaws.append(yaw)
            return False
        if self.challenge is Challenge.BLINK:
            self._judge_blink(ear)
        else:
            self._judge_turn(yaw)
        return self.passed

    def _judge_blink(self, ear: float) -> None:
        open_ear = float(np.median(self._ears))
        if ear < open_ear * self.blink_closed:
            self._closed_seen = True
        elif self._closed_seen and ear > open_ear * self.blink_open:
            self.passed = True

    def _judge_turn(self, yaw: float) -> None:
        change = yaw - float(np.median(self._yaws))
        wanted = change if self.challenge is Challenge.TURN_LEFT else -change
        self._turned_run = self._turned_run + 1 if wanted >= self.turn_delta else 0
        if self._turned_run >= self.turn_frames:
            self.passed = True

    def facts(self) -> dict:
        """Plain numbers for the result record and for calibration; no image data."""
        return {
            "challenge": self.challenge.value,
            "passed": self.passed,
            "frames": self._fed,
        }
