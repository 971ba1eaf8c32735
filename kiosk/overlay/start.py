"""`kiosk run`'s configuration: kiosk.toml with the active overlay merged in, after any rollback the last start calls for."""

from __future__ import annotations

import logging

from kiosk import config
from kiosk.overlay.check import effective
from kiosk.overlay.state import OverlayFiles
from protocol.overlays import OverlayRefused, parse

Note = tuple[int, str]  # a logging level and a line


def start(base: config.KioskConfig) -> tuple[config.KioskConfig, list[Note]]:
    """The configuration to run and lines for the log (logging is set up from this very configuration, so the
    caller logs them); a bad overlay never keeps the kiosk from starting. Call once per start, holding the
    instance lock: each call counts a start toward the rollback."""
    base_path = base.source
    files = OverlayFiles.for_config(base)
    try:
        overlay, note = files.at_start()
    except OSError as e:  # without the marker a failed start could not be rolled back: run what cannot fail
        return base, [(logging.ERROR, f"configuration overlay not used: its files cannot be written "
                                      f"({e.strerror or e})")]
    notes = [note] if note else []
    if not overlay.version:
        return base, notes
    try:
        cfg = effective(base_path, overlay.toml)
    except (OverlayRefused, config.ConfigError) as e:
        reason = f"version {overlay.version} does not fit this terminal's kiosk.toml: {e}"
        try:
            files.discard_active(reason)
        except OSError:
            pass
        return base, notes + [(logging.ERROR, f"configuration overlay not used: {reason}")]
    keys = ", ".join(f"{section}.{key}" for section, table in parse(overlay.toml).items() for key in table)
    return cfg, notes + [(logging.INFO, f"configuration overlay version {overlay.version} from "
                                        f"{overlay.target or 'central'} in use: {keys or 'no keys'}")]
