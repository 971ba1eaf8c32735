"""Opens the configured devices through each driver's factory; a device that fails stays visible as a fault."""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass, field
from typing import Any

from drivers.kinds import KINDS, enabled
from drivers.simtray import SimTray
from kiosk.config import KioskConfig

log = logging.getLogger(__name__)


@dataclass
class DeviceSet:
    devices: dict[str, Any] = field(default_factory=dict)
    faults: dict[str, str] = field(default_factory=dict)  # kind -> technician detail

    def get(self, kind: str) -> Any | None:
        return self.devices.get(kind)

    def health(self) -> dict[str, dict]:
        report: dict[str, dict] = {kind: {"ok": False, "detail": d} for kind, d in self.faults.items()}
        for kind, dev in self.devices.items():
            try:
                report[kind] = {"ok": True, **dev.health()}
            except Exception as e:  # diagnostics must show a broken device, not crash on it
                report[kind] = {"ok": False, "detail": f"health() failed: {e}"}
        return report

    def close(self) -> None:
        for kind, dev in reversed(list(self.devices.items())):
            try:
                dev.close()
            except Exception:
                log.exception("closing %s failed", kind)
        self.devices.clear()


def open_devices(cfg: KioskConfig, tray: SimTray) -> DeviceSet:
    result = DeviceSet()
    for k in KINDS:
        kind, dev_cfg = k.name, getattr(cfg.devices, k.name)
        if not enabled(dev_cfg):
            continue
        try:
            factory = importlib.import_module(k.factory)
        except ModuleNotFoundError as e:
            result.faults[kind] = f"driver not installed: {e.name}"
            log.error("%s: driver module %s missing", kind, k.factory)
            continue
        try:
            dev = factory.open_device(dev_cfg, cfg.base_dir, tray)
            dev.start()
        except Exception as e:
            result.faults[kind] = f"{type(e).__name__}: {e}"
            log.exception("%s: cannot open device %s", kind, getattr(dev_cfg, "url", ""))
            continue
        result.devices[kind] = dev
        log.info("%s: opened %s", kind, getattr(dev_cfg, "url", ""))
    return result
