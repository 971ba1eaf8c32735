"""open_device per configuration: simulated people with tray controls, playback of files, real-camera errors."""

import numpy as np
import pytest

from drivers.camera.config import CameraConfig
from drivers.camera.factory import open_device
from drivers.camera.faults import CameraError
from drivers.camera.sim_faces import photo_of
from drivers.simtray import SimTray
from tests.helpers.camera_media import write_video

WAIT = 10.0


def choice(tray, key):
    return next(c for c in tray.choices if c.section == "camera" and c.key == key)


def test_sim_people_from_the_shared_photos(shared_faces, tmp_path):
    tray = SimTray()
    cfg = CameraConfig(sim_faces_dir=str(shared_faces), sim_person="obama")
    camera = open_device(cfg, tmp_path, tray)
    camera.start()
    try:
        person = choice(tray, "person")
        assert person.label == "摄像头前的人"
        values = [v for v, _ in person.options()]
        assert values[0] == "" and {"obama", "biden", "lin_manuel_miranda"} <= set(values)
        assert person.get() == "obama"
        assert photo_of(shared_faces, "obama").stem == "obama_2"
        assert photo_of(shared_faces, "lin_manuel_miranda").stem == "lin_manuel_miranda_1"
        frame = camera.next_frame(0, WAIT)
        assert frame.image.shape == (480, 640, 3)
        tray.choose("camera", "person", "")
        # nobody: the empty scene is one flat grey plus noise
        assert _eventually(camera, lambda f: f.image.std() < 3)
        tray.choose("camera", "fault", "black")
        assert _eventually(camera, lambda f: f.image.max() == 0)
        assert {v for v, _ in choice(tray, "motion").options()} == {"auto", "still"}
    finally:
        camera.close()


def _eventually(camera, predicate):
    import time

    deadline, seq = time.monotonic() + WAIT, 0
    while time.monotonic() < deadline:
        frame = camera.next_frame(seq, 0.5)
        if frame is not None:
            seq = frame.seq
            if predicate(frame):
                return True
    return False


def test_sim_without_photos_offers_only_nobody(tmp_path):
    tray = SimTray()
    camera = open_device(CameraConfig(sim_faces_dir="no/such/dir"), tmp_path, tray)
    try:
        assert choice(tray, "person").options() == [("", "无人")]
        with pytest.raises(ValueError):
            tray.choose("camera", "person", "obama")
    finally:
        camera.close()


def test_relative_playback_path_is_relative_to_the_config_dir(tmp_path):
    write_video(tmp_path / "demo.avi", frames=6)
    tray = SimTray()
    camera = open_device(CameraConfig(url="demo.avi", width=320, height=240), tmp_path, tray)
    camera.start()
    try:
        frame = camera.next_frame(0, WAIT)
        assert frame is not None and frame.image.shape == (240, 320, 3)
        assert [c.key for c in tray.choices] == ["fault"]
    finally:
        camera.close()


def test_missing_playback_file_is_a_clear_error(tmp_path):
    with pytest.raises(CameraError, match="does not exist"):
        open_device(CameraConfig(url="sim:nothing.avi"), tmp_path, SimTray())


def test_real_camera_urls_leave_the_tray_empty(tmp_path):
    tray = SimTray()
    camera = open_device(CameraConfig(url="/dev/video99", reconnect_seconds=0.05), tmp_path, tray)
    camera.start()
    try:
        assert not tray.active
        assert camera.next_frame(0, 0.5) is None
        assert _status_code(camera) == "camera.open_failed"
    finally:
        camera.close()


def _status_code(camera):
    import time

    deadline = time.monotonic() + WAIT
    while camera.status.fault is None and time.monotonic() < deadline:
        time.sleep(0.05)
    return camera.status.fault.code if camera.status.fault else None


def test_auto_motion_animates_the_photo(shared_faces, tmp_path):
    tray = SimTray()
    camera = open_device(CameraConfig(sim_faces_dir=str(shared_faces), sim_person="rose_leslie", fps=30),
                         tmp_path, tray)
    camera.start()
    try:
        first = camera.next_frame(0, WAIT)
        # the animated loop brings pictures that differ from the still photo by far more than noise
        assert _eventually(camera, lambda f: np.abs(f.image.astype(int) - first.image.astype(int)).max() > 60)
    finally:
        camera.close()


def test_the_last_printed_receipt_can_be_held_up_to_the_lens(tmp_path):
    from PIL import Image

    from drivers.simtray import Picture

    tray = SimTray()
    camera = open_device(CameraConfig(sim_faces_dir="no/such/dir"), tmp_path, tray)
    camera.start()
    try:
        held = choice(tray, "held")
        assert held.options() == [("", "不举")]  # nothing printed yet
        receipt = tmp_path / "receipt.png"
        Image.new("L", (384, 800), 255).save(receipt)
        tray.add_picture(Picture(section="printer", key="last_receipt", label="最近一张小票", path=lambda: str(receipt)))
        assert held.options() == [("", "不举"), (str(receipt), "最近一张小票")]
        tray.choose("camera", "held", str(receipt))
        assert held.get() == str(receipt)
        assert _eventually(camera, lambda f: f.image[200:280, 300:340].min() > 240)  # the white paper shows
        tray.choose("camera", "held", "")
        assert _eventually(camera, lambda f: f.image.std() < 3 and f.image.mean() < 200)  # nobody again
    finally:
        camera.close()
