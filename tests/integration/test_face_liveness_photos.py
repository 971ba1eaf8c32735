"""Liveness on frame sequences made from real photos: a still photo fails, the asked movement passes."""

import pytest

from kiosk.face.liveness import Challenge, LivenessJudge
from tests.helpers.face import movement, on_canvas, read

# photos whose synthetic movements the 68-point model follows (the 2-D warp is not a real head turn;
# docs/face.md lists how each photo responds)
MOVING = ["biden_2", "rose_leslie_2"]
STILL = MOVING + ["obama_2", "kit_harington_2", "alex_lacamoire_2"]


def _ids(stems):
    """Test ids that do not spell the photos' people (their file names are their names)."""
    return [f"photo{STILL.index(s) + 1}" for s in stems]


@pytest.fixture(scope="module")
def engine():
    from kiosk.face.dlib_engine import shared_engine

    return shared_engine()


def judge_sequence(engine, frames, challenge) -> bool:
    judge = LivenessJudge(challenge)
    for frame in frames:
        boxes = engine.detect(frame)
        if len(boxes) == 1 and judge.feed(engine.landmarks(frame, boxes[0])):
            return True
    return False


def frame_of(shared_faces, stem):
    path = next(p for p in shared_faces.iterdir() if p.stem == stem)
    return on_canvas(read(path))


@pytest.mark.parametrize("stem", STILL, ids=_ids(STILL))
@pytest.mark.parametrize("challenge", list(Challenge))
def test_still_photo_fails_every_challenge(engine, shared_faces, stem, challenge):
    frames = movement(engine, frame_of(shared_faces, stem), "none", still=12)
    assert not judge_sequence(engine, frames, challenge)


@pytest.mark.parametrize("stem", MOVING, ids=_ids(MOVING))
@pytest.mark.parametrize("challenge", list(Challenge))
def test_requested_movement_passes(engine, shared_faces, stem, challenge):
    frames = movement(engine, frame_of(shared_faces, stem), challenge.value)
    assert judge_sequence(engine, frames, challenge)


@pytest.mark.parametrize("stem", MOVING, ids=_ids(MOVING))
@pytest.mark.parametrize("challenge,other", [
    (Challenge.TURN_LEFT, "turn_right"), (Challenge.TURN_RIGHT, "turn_left"), (Challenge.TURN_LEFT, "blink"),
])
def test_wrong_movement_fails(engine, shared_faces, stem, challenge, other):
    frames = movement(engine, frame_of(shared_faces, stem), other)
    assert not judge_sequence(engine, frames, challenge)
