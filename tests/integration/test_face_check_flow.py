"""The face check state machine with the real dlib engine on real photos, frame by frame, with given times."""

import random

import cv2
import numpy as np
import pytest

from kiosk.face.config import FaceConfig
from kiosk.face.flow import FaceCheckFlow
from kiosk.face.result import Decision, Phase
from tests.helpers.face import movement, on_canvas, read

STEP = 0.1  # seconds between frames fed


@pytest.fixture(scope="module")
def engine():
    from kiosk.face.dlib_engine import shared_engine

    return shared_engine()


@pytest.fixture(scope="module")
def photos(shared_faces):
    return {p.stem: p for p in shared_faces.iterdir() if p.suffix.lower() in (".jpg", ".png")}


class Clock:
    def __init__(self):
        self.now = 100.0

    def feed(self, flow, frames):
        for frame in frames:
            self.now += STEP
            flow.feed(frame, self.now)
        return flow.update


def position(flow, clock, frame, limit=10):
    for _ in range(limit):
        update = clock.feed(flow, [frame])
        if update.phase is not Phase.POSITIONING:
            return update
    raise AssertionError(f"stuck positioning: {flow.update.prompt}")


def attempt(engine, flow, clock, live, move=True):
    """Positions, then makes the movement the flow asks for (or stays still) until the attempt ends."""
    update = position(flow, clock, live)
    if update.phase is Phase.CHALLENGE:
        frames = movement(engine, live, update.challenge.value if move else "none")
        update = clock.feed(flow, frames)
        while update.phase is Phase.CHALLENGE:  # still photo: keep showing it until the challenge times out
            update = clock.feed(flow, [live])
    return update


def make_flow(engine, photos, card, **cfg):
    flow = FaceCheckFlow(engine, FaceConfig(**cfg), random.Random(7))
    flow.prepare(None if card is None else read(photos[card]))
    return flow


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_same_person_making_the_movement_passes(engine, photos, seed):
    flow = FaceCheckFlow(engine, FaceConfig(), random.Random(seed))
    assert flow.prepare(read(photos["rose_leslie_1"])).phase is Phase.POSITIONING
    update = attempt(engine, flow, Clock(), on_canvas(read(photos["rose_leslie_2"])))
    assert update.phase is Phase.PASSED, update.prompt
    record = update.result.record()
    assert record["decision"] == "match" and record["attempts"] == 1
    assert record["score"] < 0.6 and record["liveness"]["passed"] is True
    assert record["evidence"] is False and update.result.evidence_jpeg is None


def test_other_person_fails_three_times_then_staff(engine, photos):
    flow = make_flow(engine, photos, "biden_1")
    clock, live = Clock(), on_canvas(read(photos["rose_leslie_2"]))
    for n in (1, 2):
        update = attempt(engine, flow, clock, live)
        assert update.phase is Phase.RETRY and update.attempt == n
        assert update.prompt.zh.startswith("人脸与身份证照片不一致")
        flow.retry()
    update = attempt(engine, flow, clock, live)
    assert update.phase is Phase.ASK_STAFF
    result = update.result
    assert result.decision is Decision.NO_MATCH and result.staff_verification
    assert [a.outcome for a in result.attempts] == ["no_match"] * 3
    assert result.score > 0.6
    assert update.prompt.en.startswith("Please ask a member of staff")


def test_passer_by_during_the_challenge_does_not_fail_it(engine, photos):
    flow = FaceCheckFlow(engine, FaceConfig(challenges=["turn_left"]), random.Random(1))
    flow.prepare(read(photos["rose_leslie_1"]))
    clock, live = Clock(), on_canvas(read(photos["rose_leslie_2"]))
    assert position(flow, clock, live).phase is Phase.CHALLENGE
    other = read(photos["biden_2"])
    box = engine.detect(other, upsample=1)[0]
    face = cv2.resize(other[box.top - 30: box.bottom + 30, box.left - 30: box.right + 30], (150, 170))
    frames = []
    for frame in movement(engine, live, "turn_left"):
        frame = frame.copy()
        frame[0:170, 0:150] = face
        frames.append(frame)
    assert len(engine.detect(frames[0])) == 2
    assert clock.feed(flow, frames).phase is Phase.PASSED


def test_face_swapped_during_the_challenge_fails_the_attempt(engine, photos):
    flow = make_flow(engine, photos, "rose_leslie_1")
    clock = Clock()
    assert position(flow, clock, on_canvas(read(photos["rose_leslie_2"]))).phase is Phase.CHALLENGE
    swapped = np.full((480, 640, 3), 128, np.uint8)
    swapped[:, 320:] = on_canvas(read(photos["biden_2"]))[:, 160:480]
    update = clock.feed(flow, [swapped] * 3)
    assert update.phase is Phase.RETRY and flow.update.prompt.zh == "核验中换了人，请再试一次"


def test_still_photo_of_the_right_person_fails_the_challenge(engine, photos):
    flow = make_flow(engine, photos, "rose_leslie_1", max_attempts=1)
    update = attempt(engine, flow, Clock(), on_canvas(read(photos["rose_leslie_2"])), move=False)
    assert update.phase is Phase.ASK_STAFF
    assert update.result.attempts[0].outcome == "liveness_failed"
    assert update.result.attempts[0].distance is None


def test_retry_prompt_after_a_failed_challenge(engine, photos):
    flow = make_flow(engine, photos, "rose_leslie_1")
    update = attempt(engine, flow, Clock(), on_canvas(read(photos["rose_leslie_2"])), move=False)
    assert update.phase is Phase.RETRY and update.prompt.zh == "没有看到要求的动作，请再试一次"
    assert flow.retry().phase is Phase.POSITIONING and flow.update.attempt == 2


def test_without_liveness_the_match_alone_decides(engine, photos):
    flow = make_flow(engine, photos, "obama_1", liveness=False)
    update = position(flow, Clock(), on_canvas(read(photos["obama_2"])))
    assert update.phase is Phase.PASSED and update.result.attempts[0].liveness is None


def test_evidence_frame_only_when_configured(engine, photos):
    flow = make_flow(engine, photos, "obama_1", liveness=False, evidence=True)
    update = position(flow, Clock(), on_canvas(read(photos["obama_2"])))
    jpeg = update.result.evidence_jpeg
    assert jpeg[:2] == b"\xff\xd8" and update.result.record()["evidence"] is True
    assert "evidence_jpeg" not in update.result.record()
    assert "evidence_jpeg" not in repr(update) and jpeg not in str(update.result.record()).encode()


def test_evidence_is_only_the_frame_that_matched(engine, photos):
    """A check that ends without a match keeps no picture, however it was configured."""
    flow = make_flow(engine, photos, "biden_1", liveness=False, evidence=True, max_attempts=1)
    update = position(flow, Clock(), on_canvas(read(photos["rose_leslie_2"])))
    assert update.phase is Phase.ASK_STAFF and update.result.decision is Decision.NO_MATCH
    assert update.result.evidence_jpeg is None and update.result.record()["evidence"] is False
    live = on_canvas(read(photos["obama_2"]))
    flow = make_flow(engine, photos, "obama_1", liveness=True, evidence=True)
    position(flow, Clock(), live)  # anchored, the challenge is on: then the citizen walks away
    assert flow.cancel().result.evidence_jpeg is None


def test_id_card_sized_photo_still_matches(engine, photos):
    """WLT photos decode to 102x126: crop the face as an ID photo frames it and scale down to that size."""
    big = read(photos["obama_1"])
    box = engine.detect(big, upsample=1)[0]
    cx, cy = box.center
    half_w = box.width * 0.85
    top, bottom = int(cy - half_w * 1.35), int(cy + half_w * 1.15)
    crop = big[max(0, top):bottom, max(0, int(cx - half_w)):int(cx + half_w)]
    card = cv2.resize(crop, (102, 126), interpolation=cv2.INTER_AREA)
    flow = FaceCheckFlow(engine, FaceConfig(liveness=False), random.Random(1))
    assert flow.prepare(card).phase is Phase.POSITIONING
    update = position(flow, Clock(), on_canvas(read(photos["obama_2"])))
    assert update.phase is Phase.PASSED, update.result.record()


def test_no_card_photo_is_never_a_silent_pass(engine):
    flow = FaceCheckFlow(engine, FaceConfig(), random.Random(1))
    update = flow.prepare(None)
    assert update.phase is Phase.ASK_STAFF and update.result.decision is Decision.NO_CARD_PHOTO
    assert update.result.staff_verification and "无法读取身份证照片" in update.prompt.zh
    refused = FaceCheckFlow(engine, FaceConfig(fallback="none"), random.Random(1)).prepare(None)
    assert refused.phase is Phase.REFUSED and not refused.result.staff_verification


def test_card_photo_without_a_face(engine):
    update = FaceCheckFlow(engine, FaceConfig(), random.Random(1)).prepare(np.full((126, 102, 3), 200, np.uint8))
    assert update.phase is Phase.ASK_STAFF and update.result.decision is Decision.CARD_PHOTO_UNUSABLE


def test_quality_prompts_guide_the_citizen(engine, photos):
    flow = make_flow(engine, photos, "obama_1")
    clock = Clock()
    empty = np.full((480, 640, 3), 128, np.uint8)
    assert clock.feed(flow, [empty]).prompt.zh == "请正对摄像头"
    far = np.full((480, 640, 3), 128, np.uint8)
    small = cv2.resize(on_canvas(read(photos["obama_2"])), None, fx=0.5, fy=0.5)
    far[120:360, 160:480] = small
    assert clock.feed(flow, [far]).prompt.zh == "请靠近一点"
    dark = (on_canvas(read(photos["obama_2"])) * 0.2).astype(np.uint8)
    assert clock.feed(flow, [dark]).prompt.zh == "光线太暗，请面向灯光"
    two = np.hstack([cv2.resize(on_canvas(read(photos["rose_leslie_2"])), (320, 480)),
                     cv2.resize(on_canvas(read(photos["biden_2"])), (320, 480))])
    assert clock.feed(flow, [two]).prompt.zh in ("请确保镜头前只有您一人", "请靠近一点")
    assert flow.update.phase is Phase.POSITIONING
    assert flow.camera_lost().prompt.zh.startswith("摄像头暂时无法使用")


def test_cancel_ends_with_a_cancelled_result(engine, photos):
    flow = make_flow(engine, photos, "obama_1")
    update = flow.cancel()
    assert update.phase is Phase.CANCELLED and update.result.decision is Decision.CANCELLED
    assert flow.retry().phase is Phase.CANCELLED
