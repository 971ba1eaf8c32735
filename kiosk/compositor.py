"""The kiosk session: the cage command that runs `kiosk run` fullscreen on tty1, turned as configured."""

from __future__ import annotations

import sys
from pathlib import Path

from kiosk.config import KioskConfig

CAGE = "/usr/bin/cage"


def cage_argv(cfg: KioskConfig, config_path: Path, cage: str = CAGE) -> list[str]:
    """Debian 12's cage 0.1.4: -r turns the output 90 degrees clockwise per use; no -s, so no VT switching.
    (Newer cage dropped -r for wlr-randr: see docs/terminal.md.)"""
    turns = ["-r"] * (cfg.display.rotation // 90)
    kiosk = [sys.executable, "-m", "kiosk.cli", "run", "--config", str(config_path)]
    return [cage, "-d", "-m", cfg.display.outputs, *turns, "--", *kiosk]
