"""The kiosk core as one object: configuration, session, idle policy, simulator tray and devices."""

from __future__ import annotations

import logging
import time
from typing import Callable

from drivers.simtray import SimTray
from kiosk.config import KioskConfig
from kiosk.devices import DeviceSet, open_devices
from kiosk.session import IdlePolicy, Session

log = logging.getLogger(__name__)


class KioskCore:
    """Built by the CLI, handed to the UI; the UI reaches devices only through use cases made here."""

    def __init__(
        self, cfg: KioskConfig, *, open_hardware: bool = True, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.cfg = cfg
        self.session = Session()
        d = cfg.display
        self.idle = IdlePolicy(d.idle_timeout_seconds, d.idle_warning_seconds, d.elderly_idle_timeout_seconds, clock)
        self.tray = SimTray()
        self.devices = open_devices(cfg, self.tray) if open_hardware else DeviceSet()

    def health(self) -> dict:
        return {"terminal": self.cfg.terminal.id, "devices": self.devices.health()}

    def close(self) -> None:
        self.session.wipe("shutdown")
        self.devices.close()
