"""The `kiosk` command: help everywhere, one clear line and a non-zero exit for anything wrong."""

import os
import subprocess
import sys

import pytest

from kiosk import __version__
from tests.helpers.kiosk import REPO, write_config


def kiosk(*args, env=None, timeout=60):
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run([sys.executable, "-m", "kiosk.cli", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=REPO, env=full_env)


def test_version():
    r = kiosk("version")
    assert r.returncode == 0 and r.stdout.strip() == f"kiosk {__version__}"


@pytest.mark.parametrize("args", [["--help"], ["run", "--help"], ["config", "--help"], ["diagnose", "--help"],
                                  ["sim", "--help"], ["pin-hash", "--help"]])
def test_help_everywhere(args):
    r = kiosk(*args)
    assert r.returncode == 0 and "usage:" in r.stdout


@pytest.mark.parametrize("args,code,needle", [
    (["run", "--frobnicate"], 2, "unrecognized arguments: --frobnicate"),
    (["--frobnicate"], 2, "required: COMMAND"),
    (["fly"], 2, "invalid choice"),
    (["run", "--orientation", "upside"], 2, "invalid choice"),
    (["run", "--config", "/nonexistent/kiosk.toml"], 2, "/nonexistent/kiosk.toml: configuration file not found"),
    (["config", "--config", "/nonexistent/kiosk.toml"], 2, "not found"),
    (["run", "--screenshot", "x.png"], 2, "--screenshot needs --smoke"),
])
def test_bad_usage_is_one_line_without_traceback(args, code, needle):
    r = kiosk(*args)
    assert r.returncode == code
    assert needle in r.stderr
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr


def test_bad_config_exits_2_naming_key(tmp_path):
    path = write_config(tmp_path, display={"orientation": "sideways"})
    r = kiosk("config", "--config", str(path))
    assert r.returncode == 2
    assert str(path) in r.stderr and "display.orientation" in r.stderr


def test_config_env_var_selects_file(tmp_path):
    path = write_config(tmp_path, terminal={"id": "ENV-42"})
    r = kiosk("config", env={"KIOSK_CONFIG": str(path)})
    assert r.returncode == 0 and "ENV-42" in r.stdout


def test_pin_hash_reads_stdin():
    r = subprocess.run([sys.executable, "-m", "kiosk.cli", "pin-hash"], input="806342\n", capture_output=True,
                       text=True, cwd=REPO, timeout=60)
    assert r.returncode == 0 and r.stdout.startswith("pbkdf2_sha256$")


@pytest.mark.parametrize("pin,needle", [("abc", "6 to 12 digits"), ("8642", "6 to 12 digits"),
                                        ("123456", "first anyone tries"), ("000000", "first anyone tries")])
def test_pin_hash_refuses_short_and_guessable_pins(pin, needle):
    r = subprocess.run([sys.executable, "-m", "kiosk.cli", "pin-hash"], input=f"{pin}\n", capture_output=True,
                       text=True, cwd=REPO, timeout=60)
    assert r.returncode == 2 and needle in r.stderr and not r.stdout
