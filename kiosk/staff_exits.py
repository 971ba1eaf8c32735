"""The ways staff end the kiosk process: a restart (its service unit starts it again) or leaving to the desktop."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Callable

from kiosk.crashes import write_atomically
from kiosk.staff_access import MAINTENANCE

log = logging.getLogger(__name__)

DESKTOP_MARKER = "leave-to-desktop"
# the kiosk's exit reaches kiosk.service through cage, which (0.1.4) does not pass its child's status on: the marker
# tells the unit's next `kiosk session` to end with this status instead, which the unit neither restarts nor counts
# as a failure (assets/systemd/kiosk.service)
LEFT_TO_DESKTOP = 75
# the restart that reads the marker comes seconds later; an older one is left over from a desktop run
FRESH_SECONDS = 120.0


def marker_path(cfg) -> Path:
    return cfg.path(cfg.storage.state_directory) / DESKTOP_MARKER


def restart(core) -> None:
    """Audited; the caller ends the process and the service unit starts the kiosk again."""
    core.audit.record(MAINTENANCE, "kiosk.restart")
    log.warning("kiosk restart asked for in staff mode")


def leave_to_desktop(core, clock: Callable[[], float] = time.time) -> bool:
    """Audited, after the second PIN entry; False (and nothing to end) when the marker cannot be written, since the
    service unit would only start the kiosk again."""
    core.audit.record(MAINTENANCE, "kiosk.leave_to_desktop")
    try:
        write_atomically(marker_path(core.cfg), f"{clock():.3f}".encode("ascii"))
    except OSError as e:
        log.error("leaving to the desktop: marker %s not written: %s", marker_path(core.cfg), e.strerror or e)
        return False
    log.warning("staff left the kiosk to the desktop; kiosk.service stops until started again")
    return True


def desktop_requested(cfg, clock: Callable[[], float] = time.time) -> bool:
    """At `kiosk session`: True, once, when staff left to the desktop moments ago; the marker goes either way."""
    path = marker_path(cfg)
    try:
        written = float(path.read_text(encoding="ascii"))
    except FileNotFoundError:
        return False
    except (OSError, ValueError):
        written = float("-inf")  # damaged: as good as stale
    try:
        path.unlink(missing_ok=True)
    except OSError as e:  # the kiosk starts all the same; the log says what is in the way
        log.error("leave-to-desktop marker %s cannot be removed: %s", path, e.strerror or e)
    return 0 <= clock() - written <= FRESH_SECONDS
