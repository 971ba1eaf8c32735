"""An overlay checked as the kiosk will run it: its keys allowed, then merged into kiosk.toml and validated whole."""

from __future__ import annotations

import copy
from pathlib import Path

from kiosk import config
from protocol.overlays import OverlayRefused, parse


def merged(base: dict, overlay: dict) -> dict:
    """kiosk.toml's tables with the overlay's keys in place of theirs (protocol.overlays keeps overlays to
    section.key = value)."""
    out = copy.deepcopy(base)
    for section, table in overlay.items():
        target = out.setdefault(section, {})
        if not isinstance(target, dict):
            raise OverlayRefused(f"[{section}] of kiosk.toml is not a table")
        target.update(copy.deepcopy(table))
    return out


def effective(base_path: Path, text: str) -> config.KioskConfig:
    """The configuration the kiosk runs with this overlay; OverlayRefused with the reason when it may not or
    cannot (a key not allowed remotely, a value the schema refuses, a combination that does not hold)."""
    overlay = parse(text)
    base = config.read_toml(base_path)
    try:
        return config.validate(merged(base, overlay), base_path)
    except config.ConfigError as e:
        # the file's name says nothing at central: the keys and what is wrong with them do
        raise OverlayRefused(str(e).removeprefix(f"{base_path}: ").removeprefix("invalid configuration: ")) from None
