"""The device kinds the kiosk drives: each one's name, config model and factory module, in start order."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from drivers.a4printer.config import A4PrinterConfig
from drivers.camera.config import CameraConfig
from drivers.idcard.config import IdCardConfig
from drivers.pcsc.config import SmartCardConfig
from drivers.printer.config import PrinterConfig


@dataclass(frozen=True)
class Kind:
    name: str  # the [devices.<name>] table in kiosk.toml, the key in health reports and the simulator tray
    config: type[BaseModel]
    # module with open_device(cfg, base_dir, tray); imported only when the device is opened, so the config
    # modules above stay light and a driver's own dependencies load with it
    factory: str


KINDS = (
    Kind("idcard", IdCardConfig, "drivers.idcard.factory"),
    Kind("smartcard", SmartCardConfig, "drivers.pcsc.factory"),
    Kind("camera", CameraConfig, "drivers.camera.factory"),
    Kind("printer", PrinterConfig, "drivers.printer.factory"),
    Kind("a4printer", A4PrinterConfig, "drivers.a4printer.factory"),
)


def enabled(cfg: BaseModel) -> bool:
    """A kind whose config has no `enabled` switch is always on."""
    return getattr(cfg, "enabled", True) is not False


def simulated(cfg: BaseModel) -> bool:
    return enabled(cfg) and str(getattr(cfg, "url", "")).startswith("sim:")
