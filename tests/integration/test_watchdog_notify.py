"""The real kiosk process tells a real NOTIFY_SOCKET it is ready after the first frame, pings the watchdog while its
Qt loop runs, stops pinging while the loop is frozen on purpose (SIGUSR2 test hook) and resumes afterwards."""

import os
import signal
import subprocess
import sys
import time

from tests.helpers.kiosk import REPO, write_config
from tests.helpers.notify_socket import Manager

FREEZE = 8.0  # seconds the test hook blocks the Qt thread
WATCHDOG_USEC = 2_000_000  # pings every second


def test_ready_after_first_frame_pings_stop_while_frozen_and_resume(tmp_path):
    cfg = write_config(tmp_path, queue={"database": "q.sqlite3", "key_file": "q.key"}, logging={"directory": "log"},
                       **{"devices.printer": {"sim_output_dir": "receipts"}})
    manager = Manager(str(tmp_path / "notify"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_TTS_ENGINE": "mock",
           "NOTIFY_SOCKET": str(tmp_path / "notify"), "WATCHDOG_USEC": str(WATCHDOG_USEC),
           "KIOSK_DEBUG_FREEZE_SECONDS": str(FREEZE)}
    env.pop("WATCHDOG_PID", None)
    proc = subprocess.Popen([sys.executable, "-m", "kiosk.cli", "run", "--windowed", "--config", str(cfg)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=REPO, env=env)
    try:
        ready = manager.wait_for("READY=1")
        # no ping can come before READY: pings need a rendered frame, and READY is sent on the first one
        assert not [at for at in manager.pings() if at < ready]
        first = manager.wait_for("WATCHDOG=1", after=ready)
        manager.wait_for("WATCHDOG=1", after=first)  # pings keep coming while the attract screen sits idle

        frozen_at = time.monotonic()
        proc.send_signal(signal.SIGUSR2)
        resumed = manager.wait_for("WATCHDOG=1", after=frozen_at + FREEZE)
        pings = manager.pings()
        gaps = [b - a for a, b in zip(pings, pings[1:]) if b > frozen_at]
        # the Qt thread was blocked for FREEZE seconds: no ping in that time, however fast or slow the machine
        assert max(gaps) >= FREEZE - 1.5, gaps
        manager.wait_for("WATCHDOG=1", after=resumed)  # and the pings go on after it
        assert proc.poll() is None

        proc.terminate()
        assert proc.wait(timeout=60) == 0
        manager.wait_for("STOPPING=1", timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        manager.sock.close()
