"""Catalog updates from central: a signed, newer bundle checked, validated, then swapped in atomically."""

from __future__ import annotations

import logging
import os
import re
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Literal, Sequence

from kiosk.catalog.cache import CatalogCache
from kiosk.catalog.catalog import Catalog
from kiosk.catalog.config import CatalogConfig
from protocol.catalog_bundle import (MAX_SIGNATURE_BYTES, SIGNATURE, Bundle, UpdateRefused, catalog_files,
                                    parse_signature, read_bundle, signature_text, trusted_by, version_key)
from protocol.catalog_loader import ITEMS_DIR, CatalogError, read_header

log = logging.getLogger(__name__)

CURRENT = "current"  # symlink to versions/<id>; replacing a symlink with rename() is atomic
VERSIONS = "versions"
ETAG_FILE = ".etag"
# "<version> <digest>" of the newest bundle ever installed: the floor for the next one, even if `current` is lost
HIGHEST = "highest"
NO_KEYS = ("no trusted catalog key is configured ([catalog] update_public_keys in kiosk.toml): catalog updates "
           "from central are refused and the shipped catalog is used")


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


def _short(text: str) -> str:
    """One log line of a possibly long reason (a validation report lists up to ten faults)."""
    lines = text.splitlines() or [""]
    return lines[0][:300] + (f" (+{len(lines) - 1} more lines)" if len(lines) > 1 else "")


class CatalogStore:
    """The shipped catalog plus the downloaded ones: which one is in use, and installing a new one.

    Only bundles signed by one of `public_keys` are installed or used, each newer than any installed before.
    """

    def __init__(self, shipped: Path, updates: Path, *, public_keys: Sequence[str] = (),
                 most_used: Sequence[str] = (), max_bytes: int = 20_000_000, cache: Path | None = None):
        """`cache`: a folder for the validated catalogs and their search indexes (cache.py); None = none."""
        self.shipped = Path(shipped)
        self.cache = CatalogCache(cache) if cache is not None else None
        self.updates = Path(updates)
        self.public_keys = list(public_keys)
        self.most_used = list(most_used)
        self.max_bytes = max_bytes
        self._told_no_keys = False

    @classmethod
    def from_config(cls, cfg: CatalogConfig, base_dir: Path, cache: Path | None = None) -> CatalogStore:
        """Relative paths in the configuration are relative to the directory holding kiosk.toml."""
        return cls(_under(base_dir, cfg.directory), _under(base_dir, cfg.updates_directory),
                   public_keys=cfg.update_public_keys, most_used=cfg.most_used, max_bytes=cfg.max_update_bytes,
                   cache=cache)

    def _load(self, directory: Path) -> Catalog:
        """Catalog.load, through the cache when there is one (same result, same CatalogError)."""
        if self.cache is None:
            return Catalog.load(directory, self.most_used)
        return self.cache.load(directory, self.most_used)

    def no_keys(self) -> str:
        """NO_KEYS, logged the first time only: a kiosk without keys says so once, not every interval."""
        if not self._told_no_keys:
            self._told_no_keys = True
            log.warning(NO_KEYS)
        return NO_KEYS

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

    def _record(self, directory: Path) -> tuple[str, str] | None:
        """(version, digest) of an installed catalog whose files a trusted key still vouches for."""
        try:
            with open(directory / SIGNATURE, "rb") as f:
                version, signature = parse_signature(f.read(MAX_SIGNATURE_BYTES + 1))
            bundle = Bundle(version, signature, catalog_files(directory))
            trusted_by(bundle, self.public_keys)
        except (OSError, ValueError, UpdateRefused):
            return None
        return version, bundle.digest

    def _highest(self) -> tuple[str, str] | None:
        try:
            version, digest = (self.updates / HIGHEST).read_text(encoding="ascii").split()
        except (OSError, ValueError):
            return None
        return (version, digest) if version_key(version) is not None else None

    def _shipped_version(self) -> str | None:
        try:
            return read_header(self.shipped).version
        except CatalogError:
            return None

    def open(self) -> Catalog:
        """The newest trusted, valid catalog: the installed update, or the shipped one."""
        d = self.installed_directory()
        if d is not None:
            catalog = self._open_installed(d)
            if catalog is not None:
                return catalog
        return self._load(self.shipped)

    def _open_installed(self, d: Path) -> Catalog | None:
        if not self.public_keys:
            self.no_keys()
            return None
        record = self._record(d)
        if record is None:
            log.error("installed catalog %s is not signed by a trusted key, using the shipped one", d.name)
            return None
        shipped = self._shipped_version()
        shipped_key = version_key(shipped) if shipped else None
        if shipped_key is not None and version_key(record[0]) <= shipped_key:
            log.info("the shipped catalog %s is newer than the installed %s", shipped, record[0])
            return None
        try:
            return self._load(d)
        except CatalogError as e:
            # it was valid when installed, so the disk changed under us; the shipped one still works
            log.error("installed catalog %s is unusable, using the shipped one: %s", d, _short(str(e)))
        return None

    def _check_newer(self, bundle: Bundle) -> None:
        """Refuse a downgrade, a replay of what is installed, and a second content under a version already used."""
        new = version_key(bundle.version)
        shipped = self._shipped_version()
        if shipped and version_key(shipped) is not None and new <= version_key(shipped):
            raise UpdateRefused(f"version {bundle.version} is not newer than the shipped catalog {shipped}")
        installed = self.installed_directory()
        record = self._record(installed) if installed is not None else None
        for known in (self._highest(), record):
            if known is None:
                continue
            version, digest = known
            if new < version_key(version):
                raise UpdateRefused(f"version {bundle.version} is older than {version} (downgrade)")
            if new == version_key(version) and digest != bundle.digest:
                raise UpdateRefused(f"version {bundle.version} was installed before with different content")
        if record is not None and record[1] == bundle.digest:
            raise UpdateRefused(f"version {bundle.version} is already installed")

    def install(self, payload: bytes, etag: str = "") -> Catalog:
        """Verify a signed bundle and make it current; raises UpdateRefused and leaves everything as it was."""
        if not self.public_keys:
            raise UpdateRefused(NO_KEYS)
        if len(payload) > self.max_bytes:
            raise UpdateRefused(f"payload of {len(payload)} bytes is over the {self.max_bytes} byte limit")
        bundle = read_bundle(payload, self.max_bytes)
        trusted_by(bundle, self.public_keys)  # nothing inside is parsed before this
        self._check_newer(bundle)
        versions = self.updates / VERSIONS
        versions.mkdir(parents=True, exist_ok=True)
        staging = versions / f".staging-{secrets.token_hex(6)}"
        try:
            self._unpack(bundle, staging, etag)
            catalog = self._validate(staging, bundle.version)
            highest = self.updates / f".{HIGHEST}-{secrets.token_hex(4)}"
            _write(highest, f"{bundle.version} {bundle.digest}\n".encode("ascii"))
            os.replace(highest, self.updates / HIGHEST)  # before the swap: a crash can only raise the floor
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

    @staticmethod
    def _unpack(bundle: Bundle, target: Path, etag: str) -> None:
        (target / ITEMS_DIR).mkdir(parents=True)
        for name, data in bundle.files.items():
            _write(target / name, data)
        # kept with the files so the signature can be checked again whenever the catalog is opened
        _write(target / SIGNATURE, signature_text(bundle.version, bundle.signature))
        _write(target / ETAG_FILE, etag.encode("utf-8"))
        _fsync_dir(target / ITEMS_DIR)
        _fsync_dir(target)

    def _validate(self, staging: Path, version: str) -> Catalog:
        try:
            catalog = self._load(staging)
        except CatalogError as e:
            raise UpdateRefused(f"bundle does not validate:\n{e}") from None
        except Exception as e:  # signed, yet something the loader did not foresee: still only a refusal
            raise UpdateRefused(f"bundle cannot be loaded: {type(e).__name__}: {str(e)[:200]}") from None
        if catalog.version != version:
            raise UpdateRefused(f"catalog says version {catalog.version}, its signature {version}")
        return catalog

    def _prune(self, keep: set[str]) -> None:
        """Drop superseded versions and stale staging folders (a crash mid-install leaves one behind)."""
        for p in (self.updates / VERSIONS).iterdir():
            if p.name not in keep:
                shutil.rmtree(p, ignore_errors=True)

    def check(self, fetch: Fetch, current: Catalog | None = None) -> tuple[UpdateResult, Catalog | None]:
        """Ask central once; returns the result and the new catalog when one was installed. Never raises.

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
        if not self.public_keys:
            return UpdateResult("refused", version, self.no_keys()), None
        try:
            fetched = fetch(self.etag())
        except Exception as e:  # network, TLS, HTTP status: all mean "try again later"
            log.warning("catalog update failed, keeping %s: fetch: %s: %s", version, type(e).__name__, _short(str(e)))
            return UpdateResult("failed", version, f"fetch failed: {type(e).__name__}: {e}"), None
        if fetched.payload is None or (fetched.etag and fetched.etag == self.etag()):
            return UpdateResult("unchanged", version), None
        try:
            catalog = self.install(fetched.payload, fetched.etag)
        except UpdateRefused as e:
            log.warning("catalog update refused, keeping %s: %s", version, _short(str(e)))
            return UpdateResult("refused", version, str(e)), None
        except Exception as e:  # our side (disk full, permissions): the bundle may be fine, so try again later
            log.error("catalog update failed, keeping %s: %s: %s", version, type(e).__name__, _short(str(e)))
            return UpdateResult("failed", version, f"install failed: {type(e).__name__}: {e}"), None
        log.info("catalog updated from %s to %s (%d items)", version, catalog.version, len(catalog))
        return UpdateResult("installed", catalog.version), catalog


def _under(base_dir: Path, value: str) -> Path:
    p = Path(value).expanduser()
    return p if p.is_absolute() else Path(base_dir) / p


def _safe(version: str) -> str:
    return re.sub(r"[^0-9A-Za-z.-]", "_", version)[:40] or "catalog"
