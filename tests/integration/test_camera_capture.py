"""Camera worker on real OpenCV capture of a generated video file; unplug and replug; simulated faults."""

import os

import numpy as np

from drivers.camera.capture import Camera, OpenCvSource
from drivers.camera.simulated import SimulatedSource
from tests.helpers.camera_media import numbered_frame, write_video

WAIT = 10.0  # generous: the machine is shared


def wait_for(predicate, camera, timeout=WAIT):
    """Polls on the camera's own frame signal (or its status) until predicate() holds."""
    import time

    deadline = time.monotonic() + timeout
    seq = 0
    while time.monotonic() < deadline:
        if predicate():
            return True
        frame = camera.next_frame(seq, 0.1)
        if frame is not None:
            seq = frame.seq
    return predicate()


def test_frames_from_a_real_video_file_reach_subscribers(tmp_path):
    video = write_video(tmp_path / "clip.avi", frames=30, width=320, height=240)
    camera = Camera(OpenCvSource(str(video), 320, 240, 30), fps=30, reconnect_seconds=0.05)
    got = []
    camera.subscribe(got.append)
    camera.start()
    try:
        frame = camera.next_frame(0, WAIT)
        assert frame is not None and frame.image.shape == (240, 320, 3)
        assert wait_for(lambda: len(got) >= 10, camera)
        seqs = [f.seq for f in got[:10]]
        assert seqs == sorted(seqs) and len(set(seqs)) == 10
        health = camera.health()
        assert health["size"] == "320x240" and health["source"].startswith("opencv:")
    finally:
        camera.close()
    assert not camera.status.connected


def test_end_of_stream_counts_as_unplugged_and_the_camera_reopens(tmp_path):
    video = write_video(tmp_path / "clip.avi", frames=5)
    camera = Camera(OpenCvSource(str(video), 320, 240, 30), fps=30, reconnect_seconds=0.05)
    statuses = []
    camera.on_status(statuses.append)
    camera.start()
    try:
        # 5 frames per opening: more than 12 frames means it was lost and reopened at least twice
        assert wait_for(lambda: camera.health()["frames"] > 12, camera)
        codes = [s.fault.code for s in statuses if s.fault is not None]
        assert "camera.lost" in codes
    finally:
        camera.close()


def test_missing_camera_is_reported_and_picked_up_when_plugged_in(tmp_path):
    path = tmp_path / "late.avi"
    camera = Camera(OpenCvSource(str(path), 320, 240, 15), fps=15, reconnect_seconds=0.05)
    camera.start()
    try:
        assert wait_for(lambda: camera.status.fault is not None, camera)
        assert not camera.status.connected
        assert camera.status.fault.code == "camera.open_failed"
        assert camera.health()["problem"] == "camera.open_failed"
        assert camera.next_frame(0, 0.2) is None
        tmp = write_video(tmp_path / "writing.avi", frames=40)
        os.replace(tmp, path)  # "plugged in"
        assert camera.next_frame(0, WAIT) is not None
        assert camera.status.connected
    finally:
        camera.close()


def test_simulated_unplug_replug_black_and_frozen():
    source = SimulatedSource(160, 120, [numbered_frame(n, 160, 120) for n in range(4)])
    camera = Camera(source, fps=30, reconnect_seconds=0.05)
    camera.start()
    try:
        assert camera.next_frame(0, WAIT) is not None
        source.set_fault("no_camera")
        assert wait_for(lambda: not camera.status.connected, camera)
        source.set_fault("none")
        assert wait_for(lambda: camera.status.connected and camera.status.fault is None, camera)
        source.set_fault("black")
        assert wait_for(lambda: camera.status.fault is not None and camera.status.fault.code == "camera.black",
                        camera)
        assert camera.latest().image.max() == 0
        source.set_fault("frozen")
        assert wait_for(lambda: camera.status.fault is not None
                        and camera.status.fault.code == "camera.frozen", camera)
        source.set_fault("none")
        assert wait_for(lambda: camera.status.fault is None, camera)
    finally:
        camera.close()


def test_next_frame_skips_to_the_newest_and_close_is_prompt():
    camera = Camera(SimulatedSource(64, 48, [np.zeros((48, 64, 3), np.uint8) + 100]), fps=60)
    camera.start()
    first = camera.next_frame(0, WAIT)
    assert first is not None
    assert wait_for(lambda: camera.latest().seq > first.seq + 3, camera)
    newest = camera.next_frame(first.seq, WAIT)
    assert newest.seq > first.seq + 3
    camera.close()
    assert camera.next_frame(10**9, 5.0) is None
