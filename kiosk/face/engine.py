"""The face engine seam: detection, landmarks and descriptors behind one interface so models can be swapped."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np


@dataclass(frozen=True)
class FaceBox:
    """A detected face in pixel coordinates of the image it was found in."""

    left: int
    top: int
    right: int
    bottom: int
    score: float = 0.0

    @property
    def width(self) -> int:
        return self.right - self.left

    @property
    def height(self) -> int:
        return self.bottom - self.top

    @property
    def center(self) -> tuple[float, float]:
        return ((self.left + self.right) / 2, (self.top + self.bottom) / 2)

    def scaled(self, factor: float) -> "FaceBox":
        return FaceBox(
            round(self.left * factor), round(self.top * factor),
            round(self.right * factor), round(self.bottom * factor), self.score,
        )


class FaceEngine(Protocol):
    """What the face check needs of a model. Images are BGR uint8 arrays, as OpenCV delivers them."""

    name: str  # stored with each result, so a score can be read against the model that made it

    def detect(self, image: np.ndarray, upsample: int = 0, fast: bool = True) -> list[FaceBox]:
        """Faces in the image, largest first. fast lets the engine look at a reduced copy and miss faces
        narrower than about a quarter of the frame; upsample > 0 finds smaller faces at a higher cost."""
        ...

    def landmarks(self, image: np.ndarray, box: FaceBox) -> np.ndarray:
        """68 (x, y) points in the iBUG 300-W order (jaw 0-16, nose 27-35, eyes 36-47, mouth 48-67)."""
        ...

    def descriptor(self, image: np.ndarray, box: FaceBox) -> np.ndarray:
        """An embedding whose Euclidean distance is small for the same person."""
        ...


def distance(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.linalg.norm(np.asarray(a, dtype=np.float64) - np.asarray(b, dtype=np.float64)))
