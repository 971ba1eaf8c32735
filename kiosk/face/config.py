"""Configuration of the face check."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class FaceConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # Euclidean distance between 128-d descriptors; calibrated on shared/data/faces
    threshold: float = Field(0.5, gt=0, lt=2)
    max_attempts: int = Field(3, ge=1, le=10)
    liveness: bool = True
    # keep one frame as evidence in the encrypted queue
    evidence: bool = False
    # what the flow offers when the card photo cannot be decoded
    fallback: Literal["staff", "none"] = "staff"
