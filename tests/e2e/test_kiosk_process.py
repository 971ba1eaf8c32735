"""The whole `kiosk run` process: renders the attract screen with simulated devices, and runs only once."""

import os
import re
import subprocess
import sys
import time

import pytest

from tests.helpers.kiosk import REPO, write_config
from tests.helpers.qml import distinct_colours


def _env():
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_TTS_ENGINE": "mock"}


def _config(tmp_path):
    return write_config(tmp_path, queue={"database": "q.sqlite3", "key_file": "q.key"}, logging={"directory": "log"},
                        **{"devices.printer": {"sim_output_dir": "receipts"}})


def test_smoke_renders_attract_screen_with_simulated_devices(tmp_path):
    cfg = _config(tmp_path)
    png = tmp_path / "first.png"
    r = subprocess.run([sys.executable, "-m", "kiosk.cli", "run", "--windowed", "--smoke", "--config", str(cfg),
                        "--screenshot", str(png)], capture_output=True, text=True, timeout=120, cwd=REPO, env=_env())
    assert r.returncode == 0, r.stderr[-2000:]
    assert re.search(r"startup: first frame of the attract screen after \d+\.\d+ s", r.stdout)
    assert distinct_colours(png) > 8
    log = (tmp_path / "log" / "kiosk.log").read_text(encoding="utf-8")
    assert "idcard: opened sim:" in log and "printer: opened sim:" in log and "camera: opened sim:" in log


def test_second_instance_refuses_to_start(tmp_path):
    cfg = _config(tmp_path)
    first = subprocess.Popen([sys.executable, "-m", "kiosk.cli", "run", "--windowed", "--config", str(cfg)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO, env=_env())
    try:
        lock = tmp_path / "var" / "kiosk.lock"
        deadline = time.monotonic() + 60
        while not (lock.exists() and lock.read_text().strip()) and time.monotonic() < deadline:
            time.sleep(0.1)
        second = subprocess.run([sys.executable, "-m", "kiosk.cli", "run", "--windowed", "--smoke", "--config",
                                 str(cfg)], capture_output=True, text=True, timeout=120, cwd=REPO, env=_env())
        assert second.returncode == 3
        assert "already running" in second.stderr and "Traceback" not in second.stderr
    finally:
        first.terminate()
        first.wait(timeout=30)


@pytest.mark.parametrize("mode", [["--windowed"], []], ids=["windowed", "fullscreen"])
def test_sigterm_shuts_down_cleanly(tmp_path, mode):
    """Fullscreen too: the window refuses a window system's close, and must not refuse the kiosk's own end."""
    cfg = _config(tmp_path)
    proc = subprocess.Popen([sys.executable, "-m", "kiosk.cli", "run", *mode, "--config", str(cfg)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True, cwd=REPO, env=_env())
    log = tmp_path / "log" / "kiosk.log"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (log.exists() and "kiosk started" in log.read_text(encoding="utf-8")):
        time.sleep(0.1)
    proc.terminate()
    assert proc.wait(timeout=30) == 0
    assert "session wiped (shutdown)" in log.read_text(encoding="utf-8")
