"""Leaving to the desktop: the marker the kiosk leaves makes the service unit's next `kiosk session` end with the
status kiosk.service does not restart; a stale or damaged marker is ignored."""

import subprocess
import sys
from types import SimpleNamespace

from kiosk.config import load
from kiosk.staff_exits import DESKTOP_MARKER, FRESH_SECONDS, LEFT_TO_DESKTOP, desktop_requested, leave_to_desktop
from tests.helpers.kiosk import REPO, write_config


class Audit:
    def __init__(self):
        self.entries = []

    def record(self, slot, action, **details):
        self.entries.append((slot, action))
        return True


def _core(tmp_path):
    return SimpleNamespace(cfg=load(write_config(tmp_path)), audit=Audit())


def test_the_next_session_ends_with_the_status_the_unit_keeps_down(tmp_path):
    core = _core(tmp_path)
    assert leave_to_desktop(core)
    assert core.audit.entries == [("maintenance", "kiosk.leave_to_desktop")]
    done = subprocess.run([sys.executable, "-m", "kiosk.cli", "session", "--config", str(core.cfg.source)], cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == LEFT_TO_DESKTOP and "left the kiosk to the desktop" in done.stderr
    assert not (tmp_path / "var" / DESKTOP_MARKER).exists()  # once: the session after that starts the kiosk


def test_stale_damaged_or_absent_markers_are_ignored(tmp_path):
    core = _core(tmp_path)
    now = 1_000_000.0
    assert not desktop_requested(core.cfg, clock=lambda: now)
    leave_to_desktop(core, clock=lambda: now - FRESH_SECONDS - 1)  # left over from a desktop run long ago
    assert not desktop_requested(core.cfg, clock=lambda: now)
    (tmp_path / "var" / DESKTOP_MARKER).write_text("yesterday")
    assert not desktop_requested(core.cfg, clock=lambda: now)
    assert not (tmp_path / "var" / DESKTOP_MARKER).exists()
    leave_to_desktop(core, clock=lambda: now - 5)
    assert desktop_requested(core.cfg, clock=lambda: now)


def test_no_marker_no_leaving(tmp_path):
    core = _core(tmp_path)
    (tmp_path / "var").mkdir()
    (tmp_path / "var" / DESKTOP_MARKER).mkdir()  # cannot be replaced by a file: the kiosk must not end
    assert not leave_to_desktop(core)
