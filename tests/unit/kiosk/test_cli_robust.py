"""No traceback reaches a technician: broken log folders, closed pipes and bad ports, as real processes."""

import os
import subprocess
import sys

import pytest

from tests.helpers.kiosk import REPO, write_config


def _kiosk(*args, timeout=120):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "kiosk.cli", *args], capture_output=True, text=True, cwd=REPO,
                          env=env, timeout=timeout)


def _one_line(r) -> str:
    assert "Traceback" not in r.stderr, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    return lines[0]


def test_run_with_a_log_folder_that_is_a_file(tmp_path):
    (tmp_path / "log").write_text("not a folder\n", encoding="utf-8")
    path = write_config(tmp_path, logging={"directory": "log"}, queue={"database": "q.sqlite3", "key_file": "q.key"})
    r = _kiosk("run", "--config", str(path), "--smoke")
    assert r.returncode == 2
    line = _one_line(r)
    assert str(path) in line and "logging.directory" in line


@pytest.mark.parametrize("sections,key", [
    ({"maintenance": {"pin_hash": f"pbkdf2_sha256$2000000000${'ab' * 16}${'0' * 64}"}}, "maintenance.pin_hash"),
    ({"devices.printer": {"url": "lpt9://"}}, "devices.printer.url"),
    ({"devices.idcard": {"url": "ttyUSB0"}}, "devices.idcard.url"),
    ({"queue": {"database": "."}}, "queue.database"),
], ids=["pin-hash-2e9", "printer-lpt9", "idcard-relative", "queue-db-is-a-folder"])
def test_run_refuses_a_broken_configuration_before_starting(tmp_path, sections, key):
    path = write_config(tmp_path, **sections)
    r = _kiosk("run", "--config", str(path), "--smoke")
    assert r.returncode == 2
    line = _one_line(r)
    assert str(path) in line and key in line
    assert not (tmp_path / "var").exists()  # refused before anything was created


def test_run_with_a_log_folder_it_cannot_write(tmp_path):
    if os.geteuid() == 0:
        # root writes anywhere: a log file that is a folder stands in for the unwritable disk
        (tmp_path / "log" / "kiosk.log").mkdir(parents=True)
    else:
        (tmp_path / "log").mkdir(mode=0o500)
    path = write_config(tmp_path, logging={"directory": "log"}, queue={"database": "q.sqlite3", "key_file": "q.key"})
    r = _kiosk("run", "--config", str(path), "--smoke")
    assert r.returncode == 2
    line = _one_line(r)
    assert str(path) in line and "logging.directory" in line and "cannot write logs" in line


def test_config_into_a_closed_pipe():
    """`kiosk config | head -1`: the reader leaves before the summary is written."""
    reader, writer = os.pipe()
    os.close(reader)  # nobody will read: every write fails with EPIPE
    try:
        p = subprocess.run([sys.executable, "-m", "kiosk.cli", "config"], stdout=writer, stderr=subprocess.PIPE,
                           text=True, cwd=REPO, timeout=120)
    finally:
        os.close(writer)
    assert "Traceback" not in p.stderr and "BrokenPipe" not in p.stderr, p.stderr
    assert p.stderr == ""
    assert p.returncode == 141


def test_config_piped_to_head():
    r = subprocess.run(f"{sys.executable} -m kiosk.cli config | head -1", shell=True, capture_output=True,
                       text=True, cwd=REPO, timeout=120)
    assert r.stdout.strip().endswith("kiosk.toml: valid")
    assert r.stderr == ""


def test_central_serve_with_an_impossible_port(tmp_path):
    for port in ("99999", "0", "-1", "http"):
        r = _kiosk("central", "serve", "--port", port, "--db", str(tmp_path / "c.sqlite3"))
        assert r.returncode == 2, (port, r.stderr[-500:])
        assert "--port" in _one_line(r) and "1-65535" in r.stderr


def test_unexpected_error_is_one_line(monkeypatch, capsys):
    """A failure nobody foresaw still prints one line (stand-in: the summary itself fails)."""
    from kiosk import cli

    def broken(args):
        raise RuntimeError("something nobody foresaw")

    monkeypatch.setattr(cli, "_cmd_config", broken)
    assert cli.main(["config"]) == 1
    err = capsys.readouterr().err
    assert err == "kiosk: internal error: RuntimeError: something nobody foresaw\n"
