"""The whole `kiosk run` process: renders the attract screen with simulated devices, and runs only once."""

import os
import re
import socket
import subprocess
import sys
import threading
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
        deadline = time.monotonic() + 240
        while not (lock.exists() and lock.read_text().strip()) and time.monotonic() < deadline:
            time.sleep(0.1)
        second = subprocess.run([sys.executable, "-m", "kiosk.cli", "run", "--windowed", "--smoke", "--config",
                                 str(cfg)], capture_output=True, text=True, timeout=120, cwd=REPO, env=_env())
        assert second.returncode == 3
        assert "already running" in second.stderr and "Traceback" not in second.stderr
    finally:
        first.terminate()
        first.wait(timeout=120)


@pytest.mark.parametrize("mode", [["--windowed"], []], ids=["windowed", "fullscreen"])
def test_sigterm_shuts_down_cleanly(tmp_path, mode):
    """Fullscreen too: the window refuses a window system's close, and must not refuse the kiosk's own end."""
    cfg = _config(tmp_path)
    proc = subprocess.Popen([sys.executable, "-m", "kiosk.cli", "run", *mode, "--config", str(cfg)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True, cwd=REPO, env=_env())
    log = tmp_path / "log" / "kiosk.log"
    # generous ceilings: a busy CI machine can take minutes to start Qt and the face models
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and not (log.exists() and "kiosk started" in log.read_text(encoding="utf-8")):
        assert proc.poll() is None, f"the kiosk exited with {proc.returncode} before it started"
        time.sleep(0.1)
    assert "kiosk started" in log.read_text(encoding="utf-8"), "the kiosk did not start within 240 s"
    proc.terminate()
    assert proc.wait(timeout=120) == 0
    assert "session wiped (shutdown)" in log.read_text(encoding="utf-8")


class Output:
    """The kiosk's stdout and stderr, read line by line in the background so the test can wait on what it says."""

    def __init__(self, proc):
        self.lines: list[str] = []
        self._seen = threading.Condition()
        self._reader = threading.Thread(target=self._read, args=(proc.stdout,), daemon=True)
        self._reader.start()

    def _read(self, stream):
        for line in stream:
            with self._seen:
                self.lines.append(line)
                self._seen.notify_all()
        with self._seen:
            self.lines.append("")  # end of output
            self._seen.notify_all()

    def wait_for(self, text, timeout=240.0):
        with self._seen:
            found = self._seen.wait_for(lambda: any(text in line for line in self.lines) or "" in self.lines, timeout)
            if not found or not any(text in line for line in self.lines):
                raise AssertionError(f"kiosk never said {text!r}:\n{''.join(self.lines)[-3000:]}")

    def text(self):
        self._reader.join(timeout=30)
        return "".join(self.lines)


# moments after the first frame, each named by what the kiosk says then (plus a few seconds where no line marks
# the moment): devices opening, the control socket, the background warm-up loading catalog and face models
MOMENTS = [("startup: first frame", 0.0), ("idcard: opened", 0.0), ("control socket at", 0.0),
           ("warm-up:", 0.0), ("warm-up:", 1.0), ("warm-up:", 3.0)]


@pytest.mark.parametrize(("said", "then"), MOMENTS, ids=[f"{said.rstrip(':')}+{then:g}s" for said, then in MOMENTS])
def test_sigterm_soon_after_first_frame_exits_cleanly(tmp_path, said, then):
    """SIGTERM's handler runs wherever Python next gets control on the Qt thread: inside an event filter or a
    frame's slot, too. The kiosk must still end with 0 (systemd would count anything else as a crash)."""
    cfg = _config(tmp_path)
    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    notify.bind(str(tmp_path / "notify"))
    # read as systemd would: a full socket would block the kiosk's pings
    threading.Thread(target=lambda: [None for _ in iter(lambda: notify.recv(4096), b"")], daemon=True).start()
    # as under kiosk.service: the watchdog keeps frames coming, so a frame is often on its way when the signal lands
    env = {**_env(), "NOTIFY_SOCKET": str(tmp_path / "notify"), "WATCHDOG_USEC": "200000", "PYTHONFAULTHANDLER": "1"}
    env.pop("WATCHDOG_PID", None)
    proc = subprocess.Popen([sys.executable, "-m", "kiosk.cli", "run", "--windowed", "--config", str(cfg)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=REPO, env=env)
    try:
        output = Output(proc)
        output.wait_for(said)
        time.sleep(then)  # only when the signal lands; nothing below depends on how long anything took
        proc.terminate()
        code = proc.wait(timeout=120)
        assert code == 0, output.text()[-4000:]
        assert "session wiped (shutdown)" in output.text()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        notify.shutdown(socket.SHUT_RDWR)
        notify.close()
