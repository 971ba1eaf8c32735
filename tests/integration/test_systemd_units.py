"""The terminal's systemd units, filled in as install.sh fills them, pass `systemd-analyze verify`."""

import os
import shutil
import subprocess
import sys

import pytest

from kiosk.staff_exits import LEFT_TO_DESKTOP
from tests.helpers.kiosk import REPO

UNITS = ("kiosk.service", "kiosk-out-of-service.service")


def render(text: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    assert "@" not in text.replace("getty@", ""), "a placeholder install.sh does not fill"
    return text


@pytest.fixture
def units(tmp_path):
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is not installed (apt install systemd)")
    # verify checks that each ExecStart= program exists: stand-ins where the terminal's are not installed here
    prefix = tmp_path / "opt-kiosk"
    (prefix / "venv" / "bin").mkdir(parents=True)
    for name in ("kiosk", "python"):
        os.symlink(sys.executable, prefix / "venv" / "bin" / name)
    values = {"PREFIX": str(prefix), "CONFIG": str(REPO / "kiosk.toml"), "USER": "root", "STATE": str(tmp_path),
              "CAGE": shutil.which("cage") or sys.executable}
    folder = tmp_path / "units"
    folder.mkdir()
    for unit in UNITS:
        (folder / unit).write_text(render((REPO / "assets" / "systemd" / unit).read_text(), values))
    return folder


def test_units_verify_cleanly(units):
    r = subprocess.run(["systemd-analyze", "verify", *(str(units / u) for u in UNITS)],
                       capture_output=True, text=True, timeout=120)
    # only lines about our own units count: the host's other units are not ours to judge
    ours = [line for line in (r.stdout + r.stderr).splitlines() if "kiosk" in line]
    assert r.returncode == 0 and not ours, r.stdout + r.stderr


def test_kiosk_unit_has_the_watchdog_and_the_way_out(units):
    text = (units / "kiosk.service").read_text()
    for line in ("Type=notify", "NotifyAccess=all", "WatchdogSec=30", "Restart=always", "StartLimitIntervalSec=600",
                 "StartLimitBurst=5", "OnFailure=kiosk-out-of-service.service", "PAMName=login", "TTYPath=/dev/tty1",
                 "Conflicts=getty@tty1.service", f"RestartPreventExitStatus={LEFT_TO_DESKTOP}",
                 f"SuccessExitStatus={LEFT_TO_DESKTOP}", "OnSuccess=getty@tty1.service"):
        assert line in text.splitlines(), line
    assert "Conflicts=getty@tty1.service kiosk.service" in (units / "kiosk-out-of-service.service").read_text()
    # both end cage through its client: cage 0.1.4 aborts on its own SIGTERM (tests/integration/test_cage_session.py)
    for unit in UNITS:
        stops = [line for line in (units / unit).read_text().splitlines() if line.startswith("ExecStop=")]
        assert len(stops) == 1 and stops[0].endswith(" session --stop $MAINPID"), unit
