"""Liveness judge at the landmark level: generated 68-point sets with and without the asked movement."""

import random

import numpy as np
import pytest

from kiosk.face.liveness import Challenge, LivenessJudge, choose_challenge, eye_aspect_ratio, yaw_ratio


def face_points(eye_open: float = 0.3, nose: float = 0.0, jitter: float = 0.0, seed: int = 0) -> np.ndarray:
    """A schematic face 200 px wide: eye_open = lid opening / eye width, nose = -1..1 between the jaw edges."""
    rng = np.random.default_rng(seed)
    p = np.zeros((68, 2))
    angles = np.linspace(np.pi, 0, 17)
    p[0:17] = np.c_[100 + 100 * np.cos(angles), 100 + 100 * np.sin(angles)]  # jaw from x=0 to x=200
    p[27:36] = [[100 + 100 * nose, 60 + 8 * i] for i in range(9)]
    p[30] = [100 + 100 * nose, 100]
    for start, cx in ((36, 60), (42, 140)):
        w, h = 40, 40 * eye_open
        p[start: start + 6] = [
            [cx - w / 2, 70], [cx - w / 6, 70 - h / 2], [cx + w / 6, 70 - h / 2],
            [cx + w / 2, 70], [cx + w / 6, 70 + h / 2], [cx - w / 6, 70 + h / 2],
        ]
    p[48:68] = [[80 + 2 * i, 150] for i in range(20)]
    return p + rng.normal(0, jitter, p.shape)


def run(judge: LivenessJudge, frames) -> bool:
    return any([judge.feed(f) for f in frames])


def test_measures_follow_the_schematic_face():
    assert eye_aspect_ratio(face_points(eye_open=0.3)) == pytest.approx(0.3)
    assert yaw_ratio(face_points(nose=0.0)) == pytest.approx(0.0)
    assert yaw_ratio(face_points(nose=0.4)) == pytest.approx(0.4)


@pytest.mark.parametrize("challenge", list(Challenge))
def test_still_face_never_passes(challenge):
    frames = [face_points(jitter=0.3, seed=i) for i in range(200)]
    assert not run(LivenessJudge(challenge), frames)


def test_blink_passes_after_eyes_shut_and_open_again():
    frames = [face_points(0.3)] * 5 + [face_points(0.12)] * 2 + [face_points(0.3)] * 2
    assert run(LivenessJudge(Challenge.BLINK), frames)


def test_eyes_that_stay_shut_are_not_a_blink():
    frames = [face_points(0.3)] * 5 + [face_points(0.1)] * 20
    assert not run(LivenessJudge(Challenge.BLINK), frames)


def test_person_with_narrow_eyes_blinks_against_own_baseline():
    frames = [face_points(0.18)] * 5 + [face_points(0.08)] + [face_points(0.18)] * 2
    assert run(LivenessJudge(Challenge.BLINK), frames)


@pytest.mark.parametrize("challenge,nose", [(Challenge.TURN_LEFT, 0.35), (Challenge.TURN_RIGHT, -0.35)])
def test_turn_to_the_asked_side_passes(challenge, nose):
    frames = [face_points(nose=0.05)] * 5 + [face_points(nose=nose)] * 3
    assert run(LivenessJudge(challenge), frames)


@pytest.mark.parametrize("challenge,nose", [(Challenge.TURN_LEFT, -0.35), (Challenge.TURN_RIGHT, 0.35)])
def test_turn_to_the_other_side_does_not_pass(challenge, nose):
    frames = [face_points()] * 5 + [face_points(nose=nose)] * 10
    assert not run(LivenessJudge(challenge), frames)


def test_a_single_odd_frame_does_not_pass_a_turn():
    frames = [face_points()] * 5 + [face_points(nose=0.5)] + [face_points()] * 5
    assert not run(LivenessJudge(Challenge.TURN_LEFT), frames)


def test_challenge_is_drawn_from_the_allowed_set():
    rng = random.Random(1)
    seen = {choose_challenge(rng) for _ in range(60)}
    assert seen == set(Challenge)
    assert {choose_challenge(rng, (Challenge.BLINK,)) for _ in range(10)} == {Challenge.BLINK}


def test_facts_hold_numbers_only():
    judge = LivenessJudge(Challenge.BLINK)
    run(judge, [face_points()] * 4)
    assert judge.facts() == {"challenge": "blink", "passed": False, "frames": 4}
