"""The face check as a state machine fed one frame at a time; no threads and no clock of its own."""

from __future__ import annotations

import logging
import random

import cv2
import numpy as np

from kiosk.face.config import FaceConfig
from kiosk.face.engine import FaceBox, FaceEngine, distance
from kiosk.face.liveness import PROMPTS as CHALLENGE_PROMPTS
from kiosk.face.liveness import Challenge, LivenessJudge, choose_challenge, yaw_ratio
from kiosk.face.quality import QualityLimits, assess
from kiosk.face.result import PROMPTS, AttemptRecord, Decision, FaceCheckResult, FaceCheckUpdate, Phase
from kiosk.i18n import Text

log = logging.getLogger(__name__)

STEADY_FRAMES = 2  # good frames in a row before the anchor frame is taken, so a passing blur is not used
CARD_MAX_SIDE = 640  # card photos are scaled to this before detection (WLT photos are 102x126)


def _iou(a: FaceBox, b: FaceBox) -> float:
    w = min(a.right, b.right) - max(a.left, b.left)
    h = min(a.bottom, b.bottom) - max(a.top, b.top)
    if w <= 0 or h <= 0:
        return 0.0
    inter = w * h
    return inter / (a.width * a.height + b.width * b.height - inter)


def card_descriptor(engine: FaceEngine, photo: np.ndarray) -> np.ndarray | None:
    """Descriptor of the largest face in the card photo, or None when there is no face to be found."""
    scale = CARD_MAX_SIDE / max(photo.shape[:2])
    interpolation = cv2.INTER_CUBIC if scale > 1 else cv2.INTER_AREA
    image = cv2.resize(photo, None, fx=scale, fy=scale, interpolation=interpolation)
    boxes = engine.detect(image, upsample=1)
    if not boxes:
        return None
    return engine.descriptor(image, boxes[0])


class FaceCheckFlow:
    """prepare() with the card photo, then feed() frames with their capture time; retry() and cancel()."""

    def __init__(self, engine: FaceEngine, config: FaceConfig, rng: random.Random | None = None,
                 limits: QualityLimits = QualityLimits()) -> None:
        self._engine = engine
        self._cfg = config
        self._rng = rng or random.SystemRandom()
        self._limits = limits
        self._allowed = tuple(Challenge(c) for c in config.challenges)
        self._card: np.ndarray | None = None
        self._attempts: list[AttemptRecord] = []
        self._anchor: np.ndarray | None = None  # live descriptor of the attempt
        self._anchor_frame: np.ndarray | None = None  # the attempt's anchor picture, only with evidence = true
        self._anchor_box: FaceBox | None = None
        self._good_run = 0
        self._judge: LivenessJudge | None = None
        self._challenge_started = 0.0
        self.update = FaceCheckUpdate(Phase.LOADING, PROMPTS["loading"], 1, config.max_attempts)

    # ---- commands

    def prepare(self, card_photo: np.ndarray | None) -> FaceCheckUpdate:
        if card_photo is None:
            return self._cannot_compare(Decision.NO_CARD_PHOTO, "no_card_photo")
        self._card = card_descriptor(self._engine, card_photo)
        if self._card is None:
            return self._cannot_compare(Decision.CARD_PHOTO_UNUSABLE, "card_photo_unusable")
        return self._start_attempt()

    def retry(self) -> FaceCheckUpdate:
        if self.update.phase is Phase.RETRY:
            self._start_attempt()
        return self.update

    def cancel(self) -> FaceCheckUpdate:
        if not self.update.phase.final:
            self._finish(Phase.CANCELLED, Decision.CANCELLED, PROMPTS["cancelled"])
        return self.update

    def camera_lost(self) -> FaceCheckUpdate:
        """No frames: say so, keep the phase; the attempt continues when the camera is back."""
        if not self.update.phase.final:
            self._set(prompt=PROMPTS["no_camera"], face=None)
        return self.update

    # ---- frames

    def feed(self, image: np.ndarray, now: float) -> FaceCheckUpdate:
        phase = self.update.phase
        if phase is Phase.POSITIONING:
            self._position(image, now)
        elif phase is Phase.CHALLENGE:
            self._challenge(image, now)
        return self.update

    def _position(self, image: np.ndarray, now: float) -> None:
        boxes = self._engine.detect(image)
        if not boxes:  # maybe someone too far away for the fast pass: worth a full look to say "come closer"
            boxes = self._engine.detect(image, fast=False)
        points = self._engine.landmarks(image, boxes[0]) if len(boxes) == 1 else None
        problem = assess(image, boxes, None if points is None else yaw_ratio(points), self._limits)
        face = self._relative(image, boxes[0]) if len(boxes) == 1 else None
        if problem is not None:
            self._good_run = 0
            self._set(prompt=problem.citizen, face=face)
            return
        self._good_run += 1
        if self._good_run < STEADY_FRAMES:
            self._set(prompt=None, face=face)
            return
        self._anchor = self._engine.descriptor(image, boxes[0])
        self._anchor_box = boxes[0]
        self._anchor_frame = image.copy() if self._cfg.evidence else None
        if not self._cfg.liveness:
            self._match(None)
            return
        challenge = choose_challenge(self._rng, self._allowed)
        self._judge = LivenessJudge(challenge)
        self._challenge_started = now
        self._set(phase=Phase.CHALLENGE, prompt=CHALLENGE_PROMPTS[challenge], challenge=challenge, face=face)

    def _challenge(self, image: np.ndarray, now: float) -> None:
        judge = self._judge
        assert judge is not None
        if now - self._challenge_started > self._cfg.challenge_seconds:
            self._attempt_failed("liveness_failed", None, judge.facts())
            return
        boxes = self._engine.detect(image)
        if not boxes:  # a turned head can drop out of the frontal detector for a frame or two
            return
        # follow the face that was positioned; a passer-by elsewhere in the hall is not a reason to fail
        tracked = self._anchor_box
        box = max(boxes, key=lambda b: _iou(b, tracked)) if tracked is not None else boxes[0]
        if tracked is not None and _iou(box, tracked) < 0.3:
            self._attempt_failed("face_changed", None, judge.facts())
            return
        self._anchor_box = box
        self._set(prompt=CHALLENGE_PROMPTS[judge.challenge], face=self._relative(image, box))
        if judge.feed(self._engine.landmarks(image, box)):
            self._match(judge.facts())

    def _match(self, liveness: dict | None) -> None:
        assert self._anchor is not None and self._card is not None
        d = distance(self._anchor, self._card)
        log.info("face match distance %.3f (threshold %.2f)", d, self._cfg.threshold)
        if d <= self._cfg.threshold:
            self._attempts.append(AttemptRecord("match", d, liveness))
            self._finish(Phase.PASSED, Decision.MATCH, PROMPTS["passed"])
        else:
            self._attempt_failed("no_match", d, liveness)

    # ---- bookkeeping

    def _start_attempt(self) -> FaceCheckUpdate:
        self._good_run = 0
        self._judge = None
        self._anchor = None
        self._anchor_box = None
        self._anchor_frame = None
        self._set(phase=Phase.POSITIONING, prompt=None, challenge=None, face=None,
                  attempt=len(self._attempts) + 1)
        return self.update

    def _attempt_failed(self, outcome: str, dist: float | None, liveness: dict | None) -> None:
        self._attempts.append(AttemptRecord(outcome, dist, liveness))
        log.info("face check attempt %d failed: %s", len(self._attempts), outcome)
        if len(self._attempts) >= self._cfg.max_attempts:
            self._finish(Phase.ASK_STAFF, Decision.NO_MATCH, PROMPTS["ask_staff"], staff=True)
        else:
            self._set(phase=Phase.RETRY, prompt=PROMPTS[outcome], challenge=None, face=None)

    def unavailable(self) -> FaceCheckUpdate:
        """The engine could not be loaded: nothing can be compared, same way forward as a missing photo."""
        return self._cannot_compare(Decision.UNAVAILABLE, "unavailable")

    def _cannot_compare(self, decision: Decision, prompt_key: str) -> FaceCheckUpdate:
        staff = self._cfg.fallback == "staff"
        phase = Phase.ASK_STAFF if staff else Phase.REFUSED
        then = PROMPTS["ask_staff"] if staff else PROMPTS["refused"]
        prompt = Text(zh=PROMPTS[prompt_key].zh + "，" + then.zh, en=PROMPTS[prompt_key].en + ". " + then.en)
        self._finish(phase, decision, prompt, staff=staff)
        return self.update

    def _finish(self, phase: Phase, decision: Decision, prompt: Text, staff: bool = False) -> None:
        evidence = None
        # only the frame that matched is evidence of anything; a failed or cancelled check keeps no picture
        if self._cfg.evidence and decision is Decision.MATCH and self._anchor_frame is not None:
            ok, jpeg = cv2.imencode(".jpg", self._anchor_frame, [cv2.IMWRITE_JPEG_QUALITY, 85])
            evidence = jpeg.tobytes() if ok else None
        self._anchor_frame = None
        result = FaceCheckResult(decision, self._cfg.threshold, getattr(self._engine, "name", "none"), list(self._attempts),
                                 staff_verification=staff, evidence_jpeg=evidence)
        self._set(phase=phase, prompt=prompt, challenge=None, face=None, result=result)

    @staticmethod
    def _relative(image: np.ndarray, box: FaceBox) -> tuple[float, float, float, float]:
        h, w = image.shape[:2]
        return (box.left / w, box.top / h, box.right / w, box.bottom / h)

    _KEEP = object()

    def _set(self, phase=_KEEP, prompt=_KEEP, challenge=_KEEP, face=_KEEP, attempt=_KEEP, result=_KEEP) -> None:
        u = self.update
        keep = FaceCheckFlow._KEEP
        self.update = FaceCheckUpdate(
            phase=u.phase if phase is keep else phase,
            prompt=u.prompt if prompt is keep else prompt,
            attempt=u.attempt if attempt is keep else attempt,
            max_attempts=u.max_attempts,
            challenge=u.challenge if challenge is keep else challenge,
            face=u.face if face is keep else face,
            result=u.result if result is keep else result,
        )
