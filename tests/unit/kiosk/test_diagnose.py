"""`kiosk diagnose` as a real process: exit 0 only when every configured device works, 1 when one is absent."""

import json
import os
import subprocess
import sys

from tests.helpers.kiosk import REPO, write_config


def _diagnose(path, *extra):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "kiosk.cli", "diagnose", "--config", str(path), *extra],
                          capture_output=True, text=True, cwd=REPO, env=env, timeout=180)


def _config(tmp_path, **devices):
    sections = {"devices.printer": {"sim_output_dir": "receipts"}}
    sections.update({f"devices.{kind}": values for kind, values in devices.items()})
    return write_config(tmp_path, queue={"database": "q.sqlite3", "key_file": "q.key"}, logging={"directory": "log"},
                        **sections)


def test_absent_reader_and_camera_exit_1(tmp_path):
    path = _config(tmp_path, idcard={"url": str(tmp_path / "no-such-tty")},
                   camera={"url": "/dev/video99", "reconnect_seconds": 0.2})
    r = _diagnose(path, "--wait", "2")
    assert r.returncode == 1, r.stdout[-2000:] + r.stderr[-2000:]
    report = json.loads(r.stdout)
    faulty = {f.split(":")[0] for f in report["faults"]}
    assert faulty == {"idcard", "camera"}, report["faults"]
    assert "Traceback" not in r.stderr


def test_simulated_devices_exit_0(tmp_path):
    r = _diagnose(_config(tmp_path), "--wait", "60")  # a ceiling only: healthy devices end the wait at once
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    report = json.loads(r.stdout)
    assert report["faults"] == []
    assert set(report["devices"]) == {"idcard", "camera", "printer"}


def test_unreachable_printer_is_a_fault(tmp_path):
    """Nothing listens on this port: the printer is configured but cannot print."""
    import socket

    with socket.socket() as s:  # a port that was free a moment ago and that nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    path = _config(tmp_path, printer={"url": f"tcp://127.0.0.1:{port}"})
    r = _diagnose(path, "--wait", "1")
    assert r.returncode == 1
    assert any(f.startswith("printer:") for f in json.loads(r.stdout)["faults"])
