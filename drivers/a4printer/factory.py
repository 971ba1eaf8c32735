"""Device factory seam: A4 printer config -> a CupsPrinter (no simulator: tests run a real cupsd with cups-pdf)."""

from __future__ import annotations

import pathlib

from drivers.a4printer.config import A4PrinterConfig
from drivers.a4printer.cups import CupsPrinter
from drivers.simtray import SimTray


def open_device(cfg: A4PrinterConfig, base_dir: pathlib.Path, tray: SimTray) -> CupsPrinter:
    return CupsPrinter(cfg)
