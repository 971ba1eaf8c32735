"""What a face check reports: phases and prompts for the screen, and the result stored with a submission."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from kiosk.face.challenges import Challenge
from kiosk.i18n import Text


class Phase(enum.Enum):
    LOADING = "loading"  # models or the card photo are being prepared
    POSITIONING = "positioning"  # quality prompts until one good frontal frame
    CHALLENGE = "challenge"  # liveness movement requested
    RETRY = "retry"  # an attempt failed, attempts remain: the screen offers "try again"
    PASSED = "passed"  # final: same person
    ASK_STAFF = "ask_staff"  # final: attempts used up, or nothing to compare with; staff verify by hand
    REFUSED = "refused"  # final: cannot compare and no staff fallback configured
    CANCELLED = "cancelled"  # final: the citizen or the idle timeout left

    @property
    def final(self) -> bool:
        return self in (Phase.PASSED, Phase.ASK_STAFF, Phase.REFUSED, Phase.CANCELLED)


class Decision(enum.Enum):
    MATCH = "match"
    NO_MATCH = "no_match"  # every attempt ended with a distance above the threshold or a failed challenge
    NO_CARD_PHOTO = "no_card_photo"  # no decoder configured, or the photo could not be decoded
    CARD_PHOTO_UNUSABLE = "card_photo_unusable"  # decoded, but no face found in it
    CANCELLED = "cancelled"
    UNAVAILABLE = "unavailable"  # the face engine could not be loaded


PROMPTS = {
    "loading": Text(zh="正在准备人脸核验，请稍候", en="Preparing the face check, please wait"),
    "no_camera": Text(zh="摄像头暂时无法使用。请稍候，或联系工作人员。",
                      en="The camera is not available right now. Please wait, or ask the staff."),
    "no_card_photo": Text(
        zh="无法读取身份证照片，不能进行人脸比对", en="The ID card photo cannot be read, so faces cannot be compared"
    ),
    "card_photo_unusable": Text(
        zh="身份证照片中找不到人脸，不能进行人脸比对", en="No face was found in the ID card photo, so faces cannot be compared"
    ),
    "liveness_failed": Text(zh="没有看到要求的动作，请再试一次", en="We did not see the movement, please try again"),
    "no_match": Text(zh="人脸与身份证照片不一致，请再试一次", en="Your face does not match the ID card photo, please try again"),
    "face_changed": Text(zh="核验中换了人，请再试一次", en="A different face appeared, please try again"),
    "ask_staff": Text(zh="请联系工作人员协助核验身份", en="Please ask a member of staff to verify your identity"),
    "refused": Text(zh="本机暂时无法核验身份，请到人工窗口办理", en="Identity cannot be checked here now, please go to a staffed window"),
    "passed": Text(zh="核验通过", en="Identity confirmed"),
    "cancelled": Text(zh="已取消人脸核验", en="The face check was cancelled"),
    "unavailable": Text(zh="人脸核验暂时无法使用", en="The face check is not available right now"),
}
# what cannot be compared: FaceCheckFlow always adds the way forward the configuration gives (ask_staff or refused)
HALF_PROMPTS = ("no_card_photo", "card_photo_unusable", "unavailable")


@dataclass
class AttemptRecord:
    """One attempt: the distance (None when the challenge failed before matching) and the liveness facts."""

    outcome: str  # "match", "no_match", "liveness_failed", "face_changed"
    distance: float | None
    liveness: dict | None


@dataclass
class FaceCheckResult:
    """Stored with the submission. Holds numbers only; the evidence frame (JPEG) is separate and optional.

    `evidence_jpeg` is the anchor frame of the matching attempt, only with [face] evidence = true and only for a
    MATCH. It never appears in record(), repr() or a log line: the UI keeps it in the session (wiped with it)
    and hands it to Submissions.submit(..., evidence=...), which seals it in the queue."""

    decision: Decision
    threshold: float
    engine: str
    attempts: list[AttemptRecord] = field(default_factory=list)
    staff_verification: bool = False  # the flow should hand over to staff verification
    evidence_jpeg: bytes | None = field(default=None, repr=False)

    @property
    def score(self) -> float | None:
        """Distance of the last attempt that reached matching (lower = more alike)."""
        for attempt in reversed(self.attempts):
            if attempt.distance is not None:
                return attempt.distance
        return None

    def record(self) -> dict:
        """JSON-ready facts for the queue; the evidence frame goes in as a separate encrypted blob (`evidence`
        says a frame was taken; Submissions.submit sets it to whether one was really stored)."""
        return {
            "decision": self.decision.value,
            "score": None if self.score is None else round(self.score, 4),
            "threshold": self.threshold,
            "engine": self.engine,
            "attempts": len(self.attempts),
            "attempt_log": [
                {"outcome": a.outcome, "distance": None if a.distance is None else round(a.distance, 4),
                 "liveness": a.liveness}
                for a in self.attempts
            ],
            "liveness": self.attempts[-1].liveness if self.attempts else None,
            "staff_verification": self.staff_verification,
            "evidence": self.evidence_jpeg is not None,
        }


@dataclass(frozen=True)
class FaceCheckUpdate:
    """Everything a screen needs to draw the current state; sent on every change."""

    phase: Phase
    prompt: Text | None
    attempt: int  # 1-based number of the attempt in progress (or last one)
    max_attempts: int
    challenge: Challenge | None = None
    face: tuple[float, float, float, float] | None = None  # left, top, right, bottom as 0..1 of the frame
    result: FaceCheckResult | None = None  # set on final phases
