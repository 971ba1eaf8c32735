"""Simulators load only when a `sim:` URL selects them: a kiosk on real device URLs, in a fresh process."""

import json
import subprocess
import sys

from tests.helpers.kiosk import REPO, write_config

# what only a simulated device needs; the layout engine (PIL) loads with the first print job, not at start
SIMULATOR_MODULES = {
    "drivers.idcard.simulator", "drivers.idcard.profiles",
    "drivers.pcsc.vpcd_card",
    "drivers.camera.simulated", "drivers.camera.sim_faces", "drivers.camera.animate",
    "drivers.printer.simulator", "drivers.printer.render", "drivers.printer.raster", "drivers.printer.layout",
}

SCRIPT = """
import json, sys
from pathlib import Path
from drivers.simtray import SimTray
from kiosk.config import load
from kiosk.devices import open_devices

devices = open_devices(load(Path(sys.argv[1])), SimTray())
loaded = sorted(m for m in sys.modules if m.startswith("drivers."))
opened, faults = sorted(devices.devices), sorted(devices.faults)
devices.close()
print(json.dumps({"loaded": loaded, "opened": opened, "faults": faults}))
"""


def _devices_in_a_fresh_process(config) -> dict:
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(config)], cwd=REPO, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_real_device_urls_load_no_simulator(tmp_path):
    config = write_config(tmp_path, **{
        "devices.idcard": {"url": str(tmp_path / "ttyUSB-absent")},
        "devices.smartcard": {"enabled": True, "url": ""},
        "devices.camera": {"url": "/dev/video-absent-kiosk-test"},
        "devices.printer": {"url": "tcp://127.0.0.1:9"},  # nothing listens there: the printer shows offline
    })
    report = _devices_in_a_fresh_process(config)
    # every factory ran; absent hardware may fail to open, that is fine
    assert set(report["opened"]) | set(report["faults"]) == {"idcard", "smartcard", "camera", "printer"}
    assert "drivers.idcard.factory" in report["loaded"] and "drivers.printer.factory" in report["loaded"]
    assert not SIMULATOR_MODULES & set(report["loaded"]), sorted(SIMULATOR_MODULES & set(report["loaded"]))


def test_sim_urls_do_load_them(tmp_path):
    """The check above can see a simulator: the shipped, fully simulated configuration loads them."""
    report = _devices_in_a_fresh_process(write_config(tmp_path, **{"devices.smartcard": {"enabled": False}}))
    assert {"drivers.idcard.simulator", "drivers.camera.simulated", "drivers.printer.simulator"} <= set(
        report["loaded"])
