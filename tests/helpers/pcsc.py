"""Test helpers for PC/SC: a pcscd with the vpcd virtual reader, started as our child when none runs."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

from drivers.pcsc.vpcd_card import VPCD_HOST, VPCD_PORT

VPCD_DRIVER = Path("/usr/lib/pcsc/drivers/serial/libifdvpcd.so")


def vpcd_listening(timeout: float = 0.2) -> bool:
    try:
        with socket.create_connection((VPCD_HOST, VPCD_PORT), timeout=timeout):
            pass
        return True
    except OSError:
        return False


def missing() -> str:
    """Why pcscd+vpcd cannot run here, or "" when they can (install.sh installs both)."""
    if shutil.which("pcscd") is None:
        return "pcscd is not installed (apt install pcscd)"
    if not VPCD_DRIVER.exists():
        return "vsmartcard-vpcd is not installed (apt install vsmartcard-vpcd)"
    return ""


def start_pcscd(timeout: float = 15.0) -> subprocess.Popen:
    """Start pcscd in the foreground as our child and wait until vpcd listens."""
    proc = subprocess.Popen(["pcscd", "--foreground"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"pcscd exited with {proc.returncode}")
        if vpcd_listening():
            return proc
        time.sleep(0.1)
    proc.terminate()
    raise RuntimeError("vpcd did not start listening on 127.0.0.1:35963")


def stop_pcscd(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    # pcscd leaves its pid file behind when killed; a stale one would fool pcscd_running()
    deadline = time.monotonic() + 5
    while vpcd_listening() and time.monotonic() < deadline:
        time.sleep(0.1)
