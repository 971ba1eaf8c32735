"""Pure pieces of the camera driver: the feed watchdog, fitting pictures, loading media, simulated faults."""

import cv2
import numpy as np
import pytest

from drivers.camera.faults import CameraError
from drivers.camera.frames import FeedMonitor
from drivers.camera.simulated import SimulatedSource, fit, load_media
from tests.helpers.camera_media import numbered_frame, write_video


def noisy(seed):
    return np.random.default_rng(seed).integers(60, 200, (48, 64, 3), dtype=np.uint8)


def test_monitor_accepts_a_changing_picture():
    monitor = FeedMonitor(fps=10)
    assert all(monitor.observe(noisy(i)) is None for i in range(100))


def test_monitor_reports_black():
    fault = FeedMonitor(fps=10).observe(np.zeros((480, 640, 3), np.uint8))
    assert fault is not None and fault.code == "camera.black" and "mean level" in fault.detail


def test_monitor_reports_frozen_after_two_seconds_of_identical_frames():
    monitor = FeedMonitor(fps=10)
    still = noisy(1)
    results = [monitor.observe(still) for _ in range(25)]
    assert results[5] is None
    assert results[-1] is not None and results[-1].code == "camera.frozen"
    assert monitor.observe(noisy(2)) is None


def test_fit_keeps_aspect_in_a_grey_frame():
    tall = np.full((400, 100, 3), 255, np.uint8)
    out = fit(tall, 640, 480)
    assert out.shape == (480, 640, 3)
    assert out[240, 320].tolist() == [255, 255, 255] and out[240, 10].tolist() == [128, 128, 128]
    rgba = np.zeros((48, 64, 4), np.uint8)
    assert fit(rgba, 64, 48).shape == (48, 64, 3)


def test_load_media_from_video_folder_and_image(tmp_path):
    video = write_video(tmp_path / "clip.avi", frames=12)
    assert len(load_media(video, 160, 120)) == 12
    folder = tmp_path / "pictures"
    folder.mkdir()
    for n in range(3):
        cv2.imwrite(str(folder / f"{n:02}.png"), numbered_frame(n))
    frames = load_media(folder, 160, 120)
    assert len(frames) == 3 and frames[0].shape == (120, 160, 3)
    assert len(load_media(folder / "01.png", 160, 120)) == 1


def test_load_media_says_what_is_wrong(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(CameraError, match="no pictures"):
        load_media(tmp_path / "empty", 160, 120)
    with pytest.raises(CameraError):
        load_media(tmp_path / "missing.avi", 160, 120)


def test_simulated_source_loops_and_injects_faults():
    frames = [numbered_frame(n, 160, 120) for n in range(3)]
    source = SimulatedSource(160, 120, frames)
    source.open()
    seen = [source.read() for _ in range(6)]
    # frame 0 and frame 3 show the same picture (looped), apart from sensor noise
    assert np.abs(seen[0].astype(int) - seen[3].astype(int)).max() <= 4  # noise of +-2 on each
    assert np.abs(seen[0].astype(int) - seen[1].astype(int)).max() > 50
    source.set_fault("black")
    assert source.read().max() == 0
    source.set_fault("frozen")
    assert np.array_equal(source.read(), source.read())
    source.set_fault("no_camera")
    assert source.read() is None
    with pytest.raises(CameraError):
        source.open()
    with pytest.raises(ValueError):
        source.set_fault("smoke")


def test_simulated_source_without_anyone_shows_an_empty_scene():
    source = SimulatedSource(160, 120)
    image = source.read()
    assert image.shape == (120, 160, 3) and 140 < image.mean() < 160


@pytest.mark.parametrize("scene", ["empty", "plain wall"])
def test_the_simulators_still_scene_is_never_called_frozen(scene):
    """A real sensor's noise keeps even a plain wall from repeating; the simulator's must too (its cycled noise
    patterns once averaged away in the watchdog's thumbnail and an idle kiosk reported camera.frozen)."""
    frames = [] if scene == "empty" else [np.full((480, 640, 3), 120, np.uint8)]
    source, monitor = SimulatedSource(640, 480, frames), FeedMonitor(fps=15)
    assert [monitor.observe(source.read()) for _ in range(200)] == [None] * 200
