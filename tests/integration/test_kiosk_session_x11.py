"""The real `kiosk run` fullscreen on a real X server (Xvfb) with no window manager, as on a terminal without cage:
the keys that leave a desktop app are pressed with xdotool (XTEST, as a keyboard would) and the kiosk stays
alive, fullscreen and focused. A screenshot of the whole X screen is kept in the artifacts."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from tests.helpers.kiosk import REPO, write_config

pytestmark = pytest.mark.skipif(not (shutil.which("Xvfb") and shutil.which("xdotool")),
                                reason="Xvfb and xdotool are needed (./install.sh installs them for development)")

WIDTH, HEIGHT = 1080, 1920
KEYS = ["alt+F4", "alt+Tab", "ctrl+q", "ctrl+w", "ctrl+alt+BackSpace", "super", "Super_L", "super+d", "alt+space",
        "ctrl+alt+Delete", "alt+Escape"] + [f"ctrl+alt+F{n}" for n in range(1, 13)]


@pytest.fixture
def xserver():
    """Xvfb on a display number it picks itself; yields DISPLAY."""
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{WIDTH}x{HEIGHT}x24", "-nolisten",
                               "tcp"], pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as f:
        number = f.readline().strip()
    assert number, "Xvfb did not start"
    yield f":{number}"
    server.terminate()
    server.wait(30)


def _x(display: str, *args: str) -> str:
    r = subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=30, env={**os.environ,
                                                                                           "DISPLAY": display})
    return r.stdout.strip() if r.returncode == 0 else ""


def _geometry(display: str, window: str) -> tuple[str, str]:
    out = _x(display, "getwindowgeometry", window)
    position = next((line.split(":", 1)[1].split("(")[0].strip() for line in out.splitlines() if "Position" in line), "")
    size = next((line.split(":", 1)[1].strip() for line in out.splitlines() if "Geometry" in line), "")
    return position, size


def test_leaving_keys_do_not_leave_the_kiosk(tmp_path, xserver, artifacts_dir):
    cfg = write_config(tmp_path, display={"fullscreen": True, "orientation": "portrait"},
                       locale={"voice_prompts": False}, queue={"database": "q.sqlite3", "key_file": "q.key"},
                       logging={"directory": "log"}, **{"devices.printer": {"sim_output_dir": "receipts"}})
    env = {**os.environ, "DISPLAY": xserver, "QT_QPA_PLATFORM": "xcb", "KIOSK_TTS_ENGINE": "mock"}
    errors = tmp_path / "stderr.txt"
    with errors.open("w") as err:
        kiosk = subprocess.Popen([sys.executable, "-m", "kiosk.cli", "run", "--config", str(cfg)], cwd=REPO, env=env,
                                 stdout=subprocess.DEVNULL, stderr=err)
    try:
        window, deadline = "", time.monotonic() + 90
        while not window and time.monotonic() < deadline and kiosk.poll() is None:
            window = _x(xserver, "search", "--onlyvisible", "--pid", str(kiosk.pid)).split("\n")[0]
            time.sleep(0.3)
        assert window, f"no kiosk window: {kiosk.poll()} {errors.read_text()[-2000:]}"
        log = tmp_path / "log" / "kiosk.log"
        while time.monotonic() < deadline and "kiosk started" not in log.read_text(encoding="utf-8"):
            time.sleep(0.2)
        while time.monotonic() < deadline and _x(xserver, "getwindowfocus") != window:
            time.sleep(0.2)  # no window manager: the kiosk takes the keyboard focus itself
        assert _x(xserver, "getwindowfocus") == window
        for key in KEYS:
            _x(xserver, "key", "--clearmodifiers", key)
            time.sleep(0.2)
        time.sleep(1.0)
        assert kiosk.poll() is None, errors.read_text()[-2000:]
        assert _x(xserver, "search", "--onlyvisible", "--pid", str(kiosk.pid)).split("\n")[0] == window
        assert _geometry(xserver, window) == ("0,0", f"{WIDTH}x{HEIGHT}")
        assert _x(xserver, "getwindowfocus") == window
        shot = artifacts_dir / "screens" / "kiosk_session_x11_after_keys.png"
        shot.parent.mkdir(parents=True, exist_ok=True)
        if shutil.which("import"):
            subprocess.run(["import", "-window", "root", str(shot)], env={**os.environ, "DISPLAY": xserver},
                           check=True, timeout=60)
            assert shot.stat().st_size > 10_000
    finally:
        kiosk.send_signal(signal.SIGTERM)
        code = kiosk.wait(30)
    assert code == 0, errors.read_text()[-2000:]
