"""FaceCheck end to end: the simulated camera from the factory, the real engine, updates on a worker thread."""

import random
import threading

import pytest

from drivers.camera.config import CameraConfig
from drivers.camera.factory import open_device
from drivers.simtray import SimTray
from kiosk.face.check import FaceCheck
from kiosk.face.config import FaceConfig
from kiosk.face.result import Decision, Phase

WAIT = 120.0  # generous for a shared 2-core machine; a passing run takes a few seconds


@pytest.fixture(scope="module")
def engine():
    from kiosk.face.dlib_engine import shared_engine

    return shared_engine()


@pytest.fixture
def camera_for(shared_faces, tmp_path):
    opened = []

    def make(person, motion="auto"):
        tray = SimTray()
        camera = open_device(CameraConfig(sim_faces_dir=str(shared_faces), sim_person=person), tmp_path, tray)
        tray.choose("camera", "motion", motion)
        camera.start()
        opened.append(camera)
        return camera

    yield make
    for camera in opened:
        camera.close()


class Recorder:
    """Collects updates and answers RETRY with retry(), as the screen's "try again" button would."""

    def __init__(self):
        self.updates = []
        self.check = None
        self.lock = threading.Lock()

    def __call__(self, update):
        with self.lock:
            self.updates.append(update)
        if update.phase is Phase.RETRY:
            self.check.retry()


def run_check(camera, engine, card, **cfg):
    recorder = Recorder()
    check = FaceCheck(camera, FaceConfig(**cfg), lambda: engine, recorder, random.Random(5))
    recorder.check = check
    check.start(card)
    result = check.wait(WAIT)
    check.close()
    return result, recorder.updates


def test_same_person_passes_with_the_simulated_camera(camera_for, engine, shared_faces):
    # the challenge window is wide so a loaded machine still sees the movement within one animation loop
    result, updates = run_check(camera_for("rose_leslie"), engine, shared_faces / "rose_leslie_1.jpg",
                                challenge_seconds=30)
    assert result is not None and result.decision is Decision.MATCH, [u.prompt for u in updates]
    phases = [u.phase for u in updates]
    assert phases[0] is Phase.LOADING and Phase.CHALLENGE in phases and phases[-1] is Phase.PASSED
    challenge = next(u for u in updates if u.phase is Phase.CHALLENGE)
    assert challenge.challenge is not None and challenge.prompt.zh.startswith("请")
    assert any(u.face is not None for u in updates)


def test_still_photo_fails_every_attempt_then_staff(camera_for, engine, shared_faces):
    result, updates = run_check(camera_for("rose_leslie", motion="still"), engine,
                                shared_faces / "rose_leslie_1.jpg", challenge_seconds=2, max_attempts=2)
    assert result.decision is Decision.NO_MATCH and result.staff_verification
    assert [a.outcome for a in result.attempts] == ["liveness_failed"] * 2
    assert [u.phase for u in updates].count(Phase.RETRY) == 1
    assert updates[-1].phase is Phase.ASK_STAFF


def test_no_card_photo_asks_staff_at_once(camera_for, engine):
    result, updates = run_check(camera_for(""), engine, None)
    assert result.decision is Decision.NO_CARD_PHOTO and result.staff_verification
    assert updates[-1].phase is Phase.ASK_STAFF


def test_unreadable_card_photo_file_counts_as_no_photo(camera_for, engine, tmp_path):
    bad = tmp_path / "photo.bmp"
    bad.write_bytes(b"not an image")
    result, _ = run_check(camera_for(""), engine, bad)
    assert result.decision is Decision.NO_CARD_PHOTO


def test_engine_that_cannot_load_is_reported(camera_for):
    def broken():
        raise OSError("model file missing")

    check = FaceCheck(camera_for(""), FaceConfig(), broken, lambda u: None)
    check.start(None)
    result = check.wait(WAIT)
    assert result.decision is Decision.UNAVAILABLE and check.update.phase is Phase.ASK_STAFF


def test_camera_fault_is_announced_and_cancel_ends(camera_for, engine, shared_faces, tmp_path):
    tray = SimTray()
    camera = open_device(CameraConfig(sim_faces_dir=str(shared_faces), reconnect_seconds=0.1), tmp_path, tray)
    tray.choose("camera", "fault", "no_camera")
    camera.start()
    seen = threading.Event()
    check = FaceCheck(camera, FaceConfig(), lambda: engine,
                      lambda u: seen.set() if u.prompt and u.prompt.zh.startswith("摄像头暂时无法使用") else None)
    try:
        check.start(shared_faces / "obama_1.jpg")
        assert seen.wait(WAIT)
        check.cancel()
        result = check.wait(WAIT)
        assert result.decision is Decision.CANCELLED
    finally:
        check.close()
        camera.close()


def test_preview_frames_reach_the_screen_unmirrored_with_the_mirror_flag(camera_for, engine):
    camera = camera_for("")
    check = FaceCheck(camera, FaceConfig(), lambda: engine, lambda u: None)
    got = threading.Event()
    unsubscribe = check.subscribe_preview(lambda image: got.set() if image.shape == (480, 640, 3) else None)
    assert got.wait(WAIT)
    unsubscribe()
    assert check.mirror is True


def test_evidence_is_handed_over_on_the_final_update_and_dropped_on_close(camera_for, engine, shared_faces):
    """As the screen does: take the matched frame from the final update into the session; close() forgets it."""
    kept = {}

    def on_update(update):
        if update.phase is Phase.PASSED:
            kept["jpeg"] = update.result.evidence_jpeg

    check = FaceCheck(camera_for("rose_leslie"), FaceConfig(liveness=False, evidence=True), lambda: engine,
                      on_update, random.Random(5))
    check.start(shared_faces / "rose_leslie_1.jpg")
    result = check.wait(WAIT)
    assert result is not None and result.decision is Decision.MATCH
    assert kept["jpeg"][:2] == b"\xff\xd8" and result.record()["evidence"] is True
    check.close()
    assert result.evidence_jpeg is None and kept["jpeg"][:2] == b"\xff\xd8"
