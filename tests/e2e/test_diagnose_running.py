"""`kiosk diagnose` while `kiosk run` runs (a real process, offscreen, simulated devices): it asks the kiosk over
its owner-only socket instead of opening the devices; exit codes 0, 1 and 3 with a kiosk, 0 without one."""

import json
import os
import signal
import stat
import subprocess
import sys
import time

import pytest

from tests.helpers.kiosk import REPO, write_config


def _env():
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_TTS_ENGINE": "mock"}


def _config(tmp_path, **devices):
    sections = {"devices.printer": {"sim_output_dir": "receipts"}}
    sections.update({f"devices.{kind}": values for kind, values in devices.items()})
    return write_config(tmp_path, queue={"database": "q.sqlite3", "key_file": "q.key"}, logging={"directory": "log"},
                        **sections)


def _diagnose(cfg, *extra):
    return subprocess.run([sys.executable, "-m", "kiosk.cli", "diagnose", "--config", str(cfg), *extra],
                          capture_output=True, text=True, cwd=REPO, env=_env(), timeout=180)


@pytest.fixture
def running(tmp_path):
    """Starts `kiosk run` for the config a test passes, waits for its control socket, stops it afterwards."""
    procs = []

    def start(cfg):
        proc = subprocess.Popen([sys.executable, "-m", "kiosk.cli", "run", "--windowed", "--config", str(cfg)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO, env=_env())
        procs.append(proc)
        sock = tmp_path / "var" / "kiosk.sock"
        deadline = time.monotonic() + 120
        while not sock.exists():
            assert proc.poll() is None, f"kiosk exited with {proc.returncode}"
            assert time.monotonic() < deadline, "the kiosk never opened its control socket"
            time.sleep(0.1)
        return proc, sock

    yield start
    for proc in procs:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)


def test_diagnose_asks_the_running_kiosk(tmp_path, running):
    proc, sock = running(_config(tmp_path))
    assert stat.S_IMODE(sock.stat().st_mode) == 0o600 and stat.S_ISSOCK(sock.stat().st_mode)
    r = _diagnose(_config(tmp_path))
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    report = json.loads(r.stdout)
    assert report["source"] == "running kiosk" and report["pid"] == proc.pid
    assert set(report["devices"]) == {"idcard", "camera", "printer"} and report["faults"] == []
    assert proc.poll() is None  # the kiosk is untouched and still serving


def test_a_fault_in_the_running_kiosk_exits_1(tmp_path, running):
    cfg = _config(tmp_path, camera={"url": "/dev/video99", "reconnect_seconds": 0.2})
    proc, _ = running(cfg)
    r = _diagnose(cfg)
    assert r.returncode == 1, r.stdout[-2000:] + r.stderr[-2000:]
    report = json.loads(r.stdout)
    assert report["pid"] == proc.pid and [f.split(":")[0] for f in report["faults"]] == ["camera"]


def test_a_kiosk_that_does_not_answer_is_busy_exit_3(tmp_path, running):
    proc, sock = running(_config(tmp_path))
    sock.unlink()  # the socket is gone (a technician removed it): the kiosk still holds the devices
    r = _diagnose(_config(tmp_path), "--wait", "1")
    assert r.returncode == 3, r.stdout[-2000:] + r.stderr[-2000:]
    assert f"pid {proc.pid}" in r.stderr and "devices not opened" in r.stderr and r.stdout == ""
    assert "Traceback" not in r.stderr


def test_without_a_kiosk_diagnose_opens_the_devices_itself(tmp_path):
    r = _diagnose(_config(tmp_path), "--wait", "60")
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    assert json.loads(r.stdout)["source"] == "devices opened by diagnose"
    assert not (tmp_path / "var" / "kiosk.sock").exists()
