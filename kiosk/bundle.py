"""The configuration summary (secrets hidden) and the diagnostic bundle staff take away on a USB stick."""

from __future__ import annotations

import json
import os
import platform
import re
import sys
import time
import zipfile
from importlib import metadata
from pathlib import Path
from typing import Any

from kiosk import __version__
from kiosk.redact import REDACTOR

# keys whose values are credentials or would help guess one: shown only as set / not set
_SECRET = re.compile(r"(pin_hash|secret|password|token|passphrase|private)", re.IGNORECASE)
HIDDEN, UNSET = "(set, hidden)", "(not set)"
_LOG_FILES = re.compile(r"^kiosk\.log(\.\d+)?$")
MAX_LOG_BYTES = 4 * 1024 * 1024  # per file in the bundle: the newest part of each log


def config_summary(cfg) -> dict[str, Any]:
    """Every configured key as "section.key" -> value, credentials replaced by whether they are set."""
    out: dict[str, Any] = {"source": str(cfg.source)}

    def walk(prefix: str, node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(f"{prefix}.{key}" if prefix else key, value)
        elif _SECRET.search(prefix.rsplit(".", 1)[-1]):
            out[prefix] = HIDDEN if node else UNSET
        else:
            out[prefix] = node if isinstance(node, (bool, int, float, type(None))) else str(node)

    walk("", cfg.model_dump(exclude={"source"}))
    return out


def versions(core) -> dict[str, Any]:
    from offline_queue import schema

    catalog = None
    try:
        catalog = core.catalog.catalog.version
    except Exception:  # a catalog that failed to load is itself worth knowing; the bundle still goes out
        catalog = "unavailable"
    out = {"kiosk": __version__, "python": sys.version.split()[0], "platform": platform.platform(),
           "queue_schema": schema.VERSION, "catalog": catalog}
    try:
        out["config_overlay"] = core.overlay.report()  # central's overlay on kiosk.toml (docs/config-overlays.md)
    except Exception as e:
        out["config_overlay"] = f"unreadable: {type(e).__name__}"
    try:  # from the installed metadata: the core stays free of Qt (only ui/ imports PySide6)
        out["pyside6"] = metadata.version("PySide6")
    except metadata.PackageNotFoundError:
        pass
    return out


def masked_log(path: Path) -> str:
    """The newest MAX_LOG_BYTES of a log, masked once more: lines written before a rule existed get it now."""
    with path.open("rb") as f:
        f.seek(max(0, path.stat().st_size - MAX_LOG_BYTES))
        text = f.read().decode("utf-8", errors="replace")
    return "\n".join(REDACTOR(line) for line in text.splitlines()) + "\n"


def export_dir(cfg) -> Path:
    return cfg.path(cfg.maintenance.export_dir or "var/diagnostics")


def write_bundle(core, folder: Path | None = None, health: dict | None = None, now: float | None = None) -> Path:
    """A zip in `folder` (default: maintenance.export_dir); returns its path. OSError when it cannot be written.

    What goes in: config summary, masked logs, device health, queue counts (no tracking numbers), versions."""
    cfg = core.cfg
    folder = Path(folder) if folder is not None else export_dir(cfg)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now or time.time()))
    target = folder / f"kiosk-diagnostics-{cfg.terminal.id}-{stamp}.zip"
    health = health if health is not None else core.health()
    queue = health.get("queue") or {}
    counts = {k: queue.get(k) for k in ("link", "last_success", "last_error", "depth", "oldest_pending_age",
                                        "quarantined", "corrupt")}
    counts["quarantine_reasons"] = sorted({q.get("reason") or "" for q in queue.get("quarantine", [])})
    parts = {
        "config.json": config_summary(cfg),
        "devices.json": health.get("devices", {}),
        "queue.json": counts,
        "versions.json": versions(core),
    }
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, REDACTOR(json.dumps(data, ensure_ascii=False, indent=1, default=str)))
        logs = cfg.path(cfg.logging.directory)
        for log_file in sorted(logs.iterdir()) if logs.is_dir() else []:
            if _LOG_FILES.match(log_file.name):
                z.writestr(f"logs/{log_file.name}", masked_log(log_file))
    with open(partial, "rb") as f:
        os.fsync(f.fileno())  # a USB stick pulled right after "done" still holds the whole zip
    os.replace(partial, target)
    return target
