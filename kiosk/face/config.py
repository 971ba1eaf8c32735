"""Configuration of the face check."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator


class FaceConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # largest Euclidean distance between 128-d descriptors still accepted as the same person; 0.6 sits
    # between the largest same-person distance (0.53) and the smallest different-person one (0.71) measured
    # on shared/data/faces (docs/face.md has the table)
    threshold: float = Field(0.6, gt=0, lt=2)
    # attempts before the citizen is asked to see staff
    max_attempts: int = Field(3, ge=1, le=10)
    # active liveness challenge (blink / turn head) before matching
    liveness: bool = True
    # movements the challenge picks from at random
    challenges: list[Literal["blink", "turn_left", "turn_right"]] = Field(
        default_factory=lambda: ["blink", "turn_left", "turn_right"], min_length=1
    )
    # time the citizen has to make the movement before the attempt counts as failed (seconds)
    challenge_seconds: float = Field(8.0, ge=2, le=60)
    # the same in elderly mode (长辈版): no time pressure, so never shorter than challenge_seconds
    elderly_challenge_seconds: float = Field(16.0, ge=2, le=120)
    # keep the frame that matched (JPEG) with the application: an encrypted attachment in the queue,
    # synced to central as `face_evidence` and purged with the record (docs/sync.md, "Face evidence")
    evidence: bool = False
    # what the flow offers when the card photo cannot be decoded
    fallback: Literal["staff", "none"] = "staff"

    @field_validator("elderly_challenge_seconds")
    @classmethod
    def _elderly_not_shorter(cls, v: float, info) -> float:
        normal = info.data.get("challenge_seconds")
        if normal is not None and v < normal:
            raise ValueError("must not be shorter than challenge_seconds")
        return v
