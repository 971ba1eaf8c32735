"""An idle camera (nobody subscribed) takes a few pictures a second, not its full rate; a subscriber wakes it."""

import threading
import time

import numpy as np

from drivers.camera.capture import Camera


class CountingSource:
    """A real-enough source: noisy grey frames, counted."""

    description = "counting source"

    def __init__(self) -> None:
        self.reads = 0
        self._rng = np.random.default_rng(1)

    def open(self) -> None:
        pass

    def read(self) -> np.ndarray:
        self.reads += 1
        return self._rng.integers(100, 140, (48, 64, 3), dtype=np.uint8)

    def release(self) -> None:
        pass


def test_nobody_watching_means_idle_rate():
    """At 15 fps a second gave 15 reads while the kiosk sat at the attract screen (bench/idle.py)."""
    source = CountingSource()
    camera = Camera(source, fps=15, idle_fps=2)
    camera.start()
    try:
        deadline = time.monotonic() + 10
        while source.reads == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        before, t0 = source.reads, time.monotonic()
        time.sleep(1.0)
        elapsed = time.monotonic() - t0
        # an upper bound only: a slow machine reads fewer, never more
        assert source.reads - before <= 2 * elapsed + 2
    finally:
        camera.close()


def test_a_subscriber_wakes_the_camera_at_once_and_gets_full_rate_frames():
    source = CountingSource()
    camera = Camera(source, fps=15, idle_fps=0.01)  # idle: one picture in 100 s
    camera.start()
    got = []
    enough = threading.Event()
    try:
        deadline = time.monotonic() + 10
        while source.reads == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        camera.subscribe(lambda frame: (got.append(frame.seq), len(got) >= 5 and enough.set()))
        assert enough.wait(30), f"{len(got)} frames after subscribing"  # 5 frames, not one in 100 s
    finally:
        camera.close()


def test_a_reader_asking_in_a_loop_gets_the_cameras_rate_not_its_own():
    """The face check calls next_frame as soon as it has looked at a frame: each call used to wake the camera's
    loop, so the simulated camera took 45 pictures a second instead of 15 and the preview redrew 90 times."""
    source = CountingSource()
    camera = Camera(source, fps=10, idle_fps=0.01)
    camera.start()
    try:
        frame = camera.next_frame(0, timeout=30)  # a reader wakes an idle camera at once
        assert frame is not None
        before, t0 = source.reads, time.monotonic()
        seq = frame.seq
        while time.monotonic() - t0 < 1.0:
            got = camera.next_frame(seq, timeout=1.0)
            if got is not None:
                seq = got.seq
        elapsed = time.monotonic() - t0
        # an upper bound only: a slow machine reads fewer, never more
        assert source.reads - before <= 10 * elapsed + 3
    finally:
        camera.close()
