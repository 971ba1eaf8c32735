"""Quality gates on drawn frames and given boxes: each gate fires alone and says how to fix it."""

import json

import cv2
import numpy as np
import pytest

from kiosk.face.engine import FaceBox
from kiosk.face.quality import assess, sharpness
from kiosk.face.result import AttemptRecord, Decision, FaceCheckResult


def textured(level=128, size=(480, 640)):
    """A grey frame with a sharp checker pattern where the face box will be."""
    image = np.full((*size, 3), level, np.uint8)
    tile = (np.indices((200, 200)).sum(axis=0) // 10 % 2 * 60 - 30).astype(np.int16)
    patch = np.clip(level + tile, 0, 255).astype(np.uint8)
    image[140:340, 220:420] = patch[..., None]
    return image


CENTRED = FaceBox(220, 140, 420, 340)


def code(problem):
    return None if problem is None else problem.code


def test_a_good_frame_passes():
    assert assess(textured(), [CENTRED], yaw=0.1) is None


@pytest.mark.parametrize("boxes,expected,prompt", [
    ([], "face.none", "请正对摄像头"),
    ([CENTRED, FaceBox(10, 10, 150, 150)], "face.many", "请确保镜头前只有您一人"),
    ([FaceBox(290, 210, 350, 270)], "face.small", "请靠近一点"),
    ([FaceBox(40, 0, 600, 480)], "face.large", "请稍微后退"),
    ([FaceBox(20, 140, 220, 340)], "face.off_centre", "请把脸移到框内"),
])
def test_geometry_gates(boxes, expected, prompt):
    problem = assess(textured(), boxes)
    assert code(problem) == expected and problem.citizen.zh == prompt and problem.citizen.en


def test_light_gates():
    assert code(assess(textured(level=25), [CENTRED])) == "face.dark"
    assert code(assess(textured(level=250), [CENTRED])) == "face.bright"


def test_turned_face_is_asked_to_face_the_camera():
    assert code(assess(textured(), [CENTRED], yaw=0.8)) == "face.not_frontal"


def test_blur_gate():
    blurred = cv2.GaussianBlur(textured(), (31, 31), 0)
    assert code(assess(blurred, [CENTRED])) == "face.blurry"
    assert sharpness(cv2.cvtColor(textured(), cv2.COLOR_BGR2GRAY)[140:340, 220:420]) > 100


def test_result_record_is_json_and_holds_no_image():
    result = FaceCheckResult(Decision.NO_MATCH, 0.6, "dlib-resnet-v1",
                             [AttemptRecord("liveness_failed", None, {"challenge": "blink", "passed": False,
                                                                      "frames": 80}),
                              AttemptRecord("no_match", 0.8123456, {"challenge": "turn_left", "passed": True,
                                                                    "frames": 12})],
                             staff_verification=True, evidence_jpeg=b"\xff\xd8jpeg")
    record = json.loads(json.dumps(result.record()))
    assert record["score"] == 0.8123 and record["attempts"] == 2 and record["decision"] == "no_match"
    assert record["liveness"]["challenge"] == "turn_left" and record["evidence"] is True
    assert "jpeg" not in json.dumps(record)
