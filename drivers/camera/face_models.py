"""Where dlib's model files are: the face_recognition_models package's folder, found without importing it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

LANDMARKS_68 = "shape_predictor_68_face_landmarks.dat"
RESNET = "dlib_face_recognition_resnet_model_v1.dat"


def model_file(name: str) -> Path:
    """A file of face_recognition_models; its __init__ is not run: it imports pkg_resources, which costs the
    kiosk 7 MB and a scan of every installed package. FileNotFoundError when the package or file is missing."""
    spec = importlib.util.find_spec("face_recognition_models")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the face_recognition_models package is not installed")
    path = Path(list(spec.submodule_search_locations)[0]) / "models" / name
    if not path.is_file():
        raise FileNotFoundError(f"face model {name} missing from face_recognition_models")
    return path
