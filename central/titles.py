"""Service titles (code -> name) from the catalog bundle central serves, re-read when the file changes."""

from __future__ import annotations

import io
import json
import logging
import os
import threading
import tomllib
import zipfile
from pathlib import Path

log = logging.getLogger(__name__)
_MAX_MEMBER = 5_000_000  # a catalog item file is a few kB; refuse to inflate anything absurd


def _collect(doc: object, out: dict[str, str]) -> None:
    # kiosk bundles list items under "item" (TOML's [[item]]); hand-written test catalogs use "items"
    if not isinstance(doc, dict):
        return
    for key in ("item", "items"):
        items = doc.get(key)
        if isinstance(items, list):
            for item in items:
                if isinstance(item, dict) and isinstance(item.get("code"), str):
                    name = item.get("name") or item.get("title")
                    if isinstance(name, str) and name.strip():
                        out[item["code"]] = name.strip()


def parse_titles(data: bytes) -> dict[str, str]:
    """Titles from a JSON bundle or a zip of items/*.toml|json; anything unreadable gives no titles, not an error."""
    out: dict[str, str] = {}
    try:
        if data[:4] == b"PK\x03\x04":
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                for m in z.infolist():
                    if m.is_dir() or m.file_size > _MAX_MEMBER or not m.filename.startswith("items/"):
                        continue
                    text = z.read(m).decode("utf-8")
                    if m.filename.endswith(".toml"):
                        _collect(tomllib.loads(text), out)
                    elif m.filename.endswith(".json"):
                        _collect(json.loads(text), out)
        else:
            _collect(json.loads(data.decode("utf-8")), out)
    except (ValueError, zipfile.BadZipFile, tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
        log.warning("catalog titles unavailable (%s); certificates name services by code", type(exc).__name__)
        return {}
    return out


class ServiceTitles:
    """Thread-safe, cached by the file's size and mtime, so a catalog replaced while serving is picked up."""

    def __init__(self, path: Path | None) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._stamp: tuple[int, int] | None = None
        self._titles: dict[str, str] = {}

    def current(self) -> dict[str, str]:
        if self._path is None:
            return {}
        try:
            st = os.stat(self._path)
        except OSError:
            return {}
        stamp = (st.st_size, st.st_mtime_ns)
        with self._lock:
            if stamp != self._stamp:
                try:
                    self._titles = parse_titles(self._path.read_bytes())
                except OSError:
                    self._titles = {}
                self._stamp = stamp
            return self._titles
