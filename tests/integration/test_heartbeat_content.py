"""A kiosk core with simulated devices beats to a real central: versions, uptime, devices, paper, queue, disk,
clock offset, last sync; paper out reaches central at once, not at the next interval."""

from central.fleet import FleetPolicy
from kiosk import __version__
from tests.helpers.central import TERMINAL
from tests.integration.test_selftests import _until, core  # noqa: F401 (the fixture: sim devices, real central)


def _last(core):
    return core.central.store.terminals(TERMINAL)[0]["last_heartbeat"] or {}


def test_content_and_a_paper_out_beat(core):  # noqa: F811
    _until(lambda: _last(core).get("software") == __version__, 60)
    beat = _last(core)
    assert beat["uptime"] >= 0 and beat["catalog"] and beat["free_disk"] > 0
    # same machine, same clock: the offset is measured (to the second of central's Date header, plus half a round
    # trip that a busy machine stretches) and far inside what central flags as a clock off
    assert abs(beat["clock_offset"]) < FleetPolicy().clock_limit
    assert beat["last_sync"] is None or beat["last_sync"] > 0
    assert set(beat["devices"]) == {"idcard", "camera", "printer"}
    assert beat["paper"] == "ok" and beat["quarantined"] == 0 and "pending" in beat["depth"]
    assert core.cfg.central.heartbeat_seconds >= 30  # so the next beat below can only be the change
    core.tray.choose("printer", "paper", "out")
    core.printing.readiness()  # the printer's state is known when asked (before any print, and in staff mode)
    _until(lambda: _last(core).get("paper") == "out", 30)
    beat = _last(core)
    assert beat["reason"] == "change" and beat["devices"]["printer"]["state"] == "out"
    assert beat["devices"]["printer"]["error"]
