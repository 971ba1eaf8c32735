"""Catalog updates from central: a bundle (JSON document or zip) checked, validated, then swapped in atomically."""

from __future__ import annotations

import io
import json
import logging
import tomllib
import os
import re
import secrets
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Literal, Sequence

from kiosk.catalog.catalog import Catalog
from kiosk.catalog.config import CatalogConfig
from kiosk.catalog.loader import HEADER_NAMES, ITEMS_DIR, CatalogError

log = logging.getLogger(__name__)

CURRENT = "current"  # symlink to versions/<id>; replacing a symlink with rename() is atomic
VERSIONS = "versions"
ETAG_FILE = ".etag"
_MEMBER = re.compile(rf"^(?:{'|'.join(map(re.escape, HEADER_NAMES))}|{ITEMS_DIR}/[A-Za-z0-9_.-]+\.(?:toml|json))$")
MAX_MEMBERS = 500
JSON_ITEMS = "central.json"  # where the items of a single-document bundle are unpacked to


@dataclass(frozen=True)
class Fetched:
    """What the HTTP fetch returned: `payload` is None when central answered 304 Not Modified."""

    payload: bytes | None
    etag: str = ""


# given the ETag we hold (or None), fetch from central; raises on network errors
Fetch = Callable[[str | None], Fetched]


@dataclass(frozen=True)
class UpdateResult:
    status: Literal["unchanged", "installed", "refused", "failed"]
    version: str  # the catalog version in use afterwards
    detail: str = ""  # technician-facing: why refused or failed


class UpdateRefused(Exception):
    """The bundle is unusable; the catalog in use stays as it is."""


def make_bundle(directory: Path, fmt: Literal["json", "zip"] = "json") -> bytes:
    """Pack a catalog directory for central to serve (`kiosk central serve --catalog FILE` serves JSON).

    json: one document, catalog.toml's keys plus "item": every item of every file, references unresolved.
    zip: catalog.toml and items/* as they are.
    """
    directory = Path(directory)
    if fmt == "json":
        header_path = next(directory / n for n in HEADER_NAMES if (directory / n).is_file())
        doc = _parse(header_path)
        doc["item"] = []
        for p in sorted((directory / ITEMS_DIR).glob("*")):
            if p.suffix in (".toml", ".json"):
                doc["item"].extend(_parse(p).get("item", []))
        return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name in HEADER_NAMES:
            if (directory / name).is_file():
                z.write(directory / name, name)
        for p in sorted((directory / ITEMS_DIR).glob("*")):
            if p.suffix in (".toml", ".json"):
                z.write(p, f"{ITEMS_DIR}/{p.name}")
    return buf.getvalue()


def _parse(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return json.loads(text) if path.suffix == ".json" else tomllib.loads(text)


def client_fetch(client, max_bytes: int) -> Fetch:
    """A Fetch over offline_queue's CentralClient: signed GET /v1/catalog, (etag, body) or None for 304; a download
    past max_bytes is cut off while it streams."""

    def fetch(etag: str | None) -> Fetched:
        got = client.catalog(etag, max_bytes=max_bytes)
        return Fetched(None, etag or "") if got is None else Fetched(got[1], got[0])

    return fetch


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write(path: Path, data: bytes) -> None:
    with open(path, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def _unpack(payload: bytes, target: Path, max_bytes: int) -> None:
    """A JSON document, or a zip of only catalog.toml/json and items/*.toml|json with bounded sizes."""
    if payload[:4] != b"PK\x03\x04":
        _unpack_json(payload, target)
        return
    try:
        z = zipfile.ZipFile(io.BytesIO(payload))
    except zipfile.BadZipFile:
        raise UpdateRefused("payload is not a zip archive") from None
    with z:
        members = [m for m in z.infolist() if not m.is_dir()]
        if len(members) > MAX_MEMBERS:
            raise UpdateRefused(f"bundle has {len(members)} files (at most {MAX_MEMBERS})")
        total = 0
        for m in members:
            if not _MEMBER.match(m.filename):
                raise UpdateRefused(f"unexpected file in bundle: {m.filename!r}")
            total += m.file_size
            if total > max_bytes:
                raise UpdateRefused(f"bundle unpacks to more than {max_bytes} bytes")
        (target / ITEMS_DIR).mkdir(parents=True)
        for m in members:
            with z.open(m) as src:
                data = src.read(m.file_size + 1)
            if len(data) != m.file_size:
                raise UpdateRefused(f"{m.filename}: size does not match the archive directory")
            _write(target / m.filename, data)
        _fsync_dir(target / ITEMS_DIR)
        _fsync_dir(target)


def _unpack_json(payload: bytes, target: Path) -> None:
    """Split a single-document bundle into catalog.json and items/central.json, so the loader sees a directory."""
    try:
        doc = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise UpdateRefused(f"payload is neither a zip archive nor a JSON document: {e}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("item"), list) or not doc["item"]:
        raise UpdateRefused("JSON bundle must be an object with a non-empty \"item\" list")
    items = doc.pop("item")
    (target / ITEMS_DIR).mkdir(parents=True)
    _write(target / "catalog.json", json.dumps(doc, ensure_ascii=False).encode("utf-8"))
    _write(target / ITEMS_DIR / JSON_ITEMS, json.dumps({"item": items}, ensure_ascii=False).encode("utf-8"))
    _fsync_dir(target / ITEMS_DIR)
    _fsync_dir(target)


class CatalogStore:
    """The shipped catalog plus the downloaded ones: which one is in use, and installing a new one."""

    def __init__(self, shipped: Path, updates: Path, *, most_used: Sequence[str] = (),
                 max_bytes: int = 20_000_000):
        self.shipped = Path(shipped)
        self.updates = Path(updates)
        self.most_used = list(most_used)
        self.max_bytes = max_bytes

    @classmethod
    def from_config(cls, cfg: CatalogConfig, base_dir: Path) -> CatalogStore:
        """Relative paths in the configuration are relative to the directory holding kiosk.toml."""
        return cls(_under(base_dir, cfg.directory), _under(base_dir, cfg.updates_directory),
                   most_used=cfg.most_used, max_bytes=cfg.max_update_bytes)

    @property
    def _current(self) -> Path:
        return self.updates / CURRENT

    def installed_directory(self) -> Path | None:
        """The downloaded catalog in use, if any."""
        return self._current.resolve() if self._current.is_symlink() else None

    def etag(self) -> str | None:
        d = self.installed_directory()
        if d is None:
            return None
        try:
            return (d / ETAG_FILE).read_text(encoding="utf-8").strip() or None
        except OSError:
            return None

    def open(self) -> Catalog:
        """The newest valid catalog: the installed update, or the shipped one if there is none or it is broken."""
        d = self.installed_directory()
        if d is not None:
            try:
                return Catalog.load(d, self.most_used)
            except CatalogError as e:
                # it was valid when installed, so the disk changed under us; the shipped one still works
                log.error("installed catalog %s is unusable, using the shipped one: %s", d, e)
        return Catalog.load(self.shipped, self.most_used)

    def install(self, payload: bytes, etag: str = "") -> Catalog:
        """Validate a bundle and make it current; raises UpdateRefused and leaves everything as it was."""
        if len(payload) > self.max_bytes:
            raise UpdateRefused(f"payload of {len(payload)} bytes is over the {self.max_bytes} byte limit")
        versions = self.updates / VERSIONS
        versions.mkdir(parents=True, exist_ok=True)
        staging = versions / f".staging-{secrets.token_hex(6)}"
        try:
            _unpack(payload, staging, self.max_bytes)
            try:
                catalog = Catalog.load(staging, self.most_used)
            except CatalogError as e:
                raise UpdateRefused(f"bundle does not validate:\n{e}") from None
            (staging / ETAG_FILE).write_text(etag, encoding="utf-8")
            final = versions / f"{_safe(catalog.version)}-{secrets.token_hex(4)}"
            staging.rename(final)
            link = self.updates / f".{CURRENT}-{secrets.token_hex(4)}"
            os.symlink(Path(VERSIONS) / final.name, link)
            os.replace(link, self._current)  # the atomic step: readers see the old or the new, never half
            _fsync_dir(self.updates)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        catalog.directory = final
        self._prune(keep={final.name})
        return catalog

    def _prune(self, keep: set[str]) -> None:
        """Drop superseded versions and stale staging folders (a crash mid-install leaves one behind)."""
        for p in (self.updates / VERSIONS).iterdir():
            if p.name not in keep:
                shutil.rmtree(p, ignore_errors=True)

    def check(self, fetch: Fetch, current: Catalog | None = None) -> tuple[UpdateResult, Catalog | None]:
        """Ask central once; returns the result and the new catalog when one was installed.

        `current` is the catalog in use (saves loading it again just to learn its version).
        """
        if current is None:
            try:
                current = self.open()
            except CatalogError as e:  # even the shipped catalog is broken: report, but still try central
                current = None
                version = f"(unusable: {e.faults[0]})"
        if current is not None:
            version = current.version
        try:
            fetched = fetch(self.etag())
        except Exception as e:  # network, TLS, HTTP status: all mean "try again later"
            return UpdateResult("failed", version, f"fetch failed: {type(e).__name__}: {e}"), None
        if fetched.payload is None or (fetched.etag and fetched.etag == self.etag()):
            return UpdateResult("unchanged", version), None
        try:
            catalog = self.install(fetched.payload, fetched.etag)
        except UpdateRefused as e:
            log.warning("catalog update refused, keeping %s: %s", version, e)
            return UpdateResult("refused", version, str(e)), None
        log.info("catalog updated from %s to %s (%d items)", version, catalog.version, len(catalog))
        return UpdateResult("installed", catalog.version), catalog


def _under(base_dir: Path, value: str) -> Path:
    p = Path(value).expanduser()
    return p if p.is_absolute() else Path(base_dir) / p


def _safe(version: str) -> str:
    return re.sub(r"[^0-9A-Za-z.-]", "_", version)[:40] or "catalog"
