"""The validated catalog and its search index kept on disk, so a fresh process loads 5,000 items without rebuilding.

A cache file is used only when it was made from exactly the same bytes (header and item files, hashed on every
load), by the same code (the sources of the loader, schema and index) and for the same most-used list; anything
else - another version, a truncated or garbled file - is a miss, logged, and the catalog is loaded and validated
as before and the cache written again. The contents are plain data read with marshal (never pickle: nothing in
the file can run code), under a SHA-256 checksum checked before it is read.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import secrets
import sys
from decimal import Decimal
from importlib import metadata
from pathlib import Path
from typing import Mapping, Sequence

from kiosk.catalog.catalog import Built, Catalog
from kiosk.catalog.search import SearchIndex
from protocol.catalog_loader import HEADER_NAMES, ITEMS_DIR, LoadedCatalog, load_directory
from protocol.catalog_schema import CatalogHeader, Fee, FormField, Material, ServiceItem, TimeLimits

log = logging.getLogger(__name__)

MAGIC = b"hall-kiosk catalog cache 1\n"
SUFFIX = ".cache"
KEEP = 3  # cache files kept: the shipped catalog, the installed update and the one before it
_REPO = Path(__file__).resolve().parents[2]
# what the cached contents are made by: a change to any of these makes every cache file a miss
_SOURCES = ["protocol/catalog_schema.py", "protocol/catalog_loader.py", "protocol/catalog_patterns.py",
            "protocol/bilingual.py", "kiosk/catalog/catalog.py", "kiosk/catalog/search.py",
            "kiosk/catalog/textkeys.py", "kiosk/catalog/starts.py", "kiosk/catalog/searchwords.py",
            "kiosk/catalog/cache.py", "kiosk/catalog/pinyin.py"]
_code_version: str | None = None


def code_version() -> str:
    """Hash of the code that validates and indexes a catalog, and of the libraries and Python it runs on."""
    global _code_version
    if _code_version is None:
        h = hashlib.sha256(sys.version.encode())
        for lib in ("pydantic", "pydantic-core", "pypinyin"):
            h.update(f"\n{lib} {metadata.version(lib)}".encode())
        for rel in _SOURCES:
            h.update(b"\n" + rel.encode() + b"\n" + (_REPO / rel).read_bytes())
        _code_version = h.hexdigest()
    return _code_version


def content_key(directory: Path, most_used: Sequence[str] = ()) -> str:
    """Hash of every file the loader reads (names and bytes), the most-used list and code_version()."""
    directory = Path(directory)
    h = hashlib.sha256(code_version().encode() + b"\nmost_used " + "\x00".join(most_used).encode())
    files = [directory / n for n in HEADER_NAMES] + sorted(
        p for p in (directory / ITEMS_DIR).glob("*") if p.suffix in (".toml", ".json"))
    for path in files:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            continue  # the other header name; the loader says what is missing
        name = path.relative_to(directory).as_posix().encode()
        h.update(b"\n%d %d " % (len(name), len(data)) + name + data)
    return h.hexdigest()


def _decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _item(d: dict) -> ServiceItem:
    """A ServiceItem from its own model_dump(mode="json"), already validated when the cache was written."""
    d = dict(d)
    d["materials"] = [Material.model_construct(**m) for m in d["materials"]]
    d["fees"] = [Fee.model_construct(**{**f, "yuan": Decimal(f["yuan"])}) for f in d["fees"]]
    d["limits"] = TimeLimits.model_construct(**d["limits"])
    d["form"] = [FormField.model_construct(**{**f, "minimum": _decimal(f["minimum"]),
                                               "maximum": _decimal(f["maximum"])}) for f in d["form"]]
    return ServiceItem.model_construct(**d)


class _Items(Mapping):
    """Item code -> ServiceItem, each made from its marshalled model_dump(mode="json") when first asked for."""

    def __init__(self, packed: dict[str, bytes]):
        self._packed = packed
        self._open: dict[str, ServiceItem] = {}

    def __getitem__(self, code: str) -> ServiceItem:
        try:
            return self._open[code]
        except KeyError:
            item = self._open[code] = _item(marshal.loads(self._packed[code]))
            return item

    def __iter__(self):
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)

    def __contains__(self, code: object) -> bool:
        return code in self._packed


def _encode(key: str, loaded: LoadedCatalog, built: Built) -> bytes:
    items = {i.code: marshal.dumps(i.model_dump(mode="json")) for i in loaded.items}
    body = marshal.dumps((key, loaded.header.model_dump(mode="json"), items, loaded.sources, built.order,
                          built.members, built.index.state()))
    return MAGIC + hashlib.sha256(body).digest() + body


def _decode(data: bytes, key: str) -> tuple | None:
    """The cached parts, or None with the reason logged."""
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 32:
        return None
    digest, body = data[len(MAGIC):len(MAGIC) + 32], data[len(MAGIC) + 32:]
    if hashlib.sha256(body).digest() != digest:
        return None
    try:
        parts = marshal.loads(body)
    except (ValueError, EOFError, TypeError):
        return None
    if not isinstance(parts, tuple) or len(parts) != 7 or parts[0] != key:
        return None
    return parts


class CatalogCache:
    """Cache files `<key>.cache` in one directory (the kiosk's state directory), written whole or not at all."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)
        # how the last load went: "hit", or why not ("absent", "unreadable", "damaged", "foreign"); tells
        # tests and logs a cache hit from a rebuild without timing anything
        self.last = ""

    def _path(self, key: str) -> Path:
        return self.directory / f"{key}{SUFFIX}"

    def load(self, catalog_dir: Path, most_used: Sequence[str] = ()) -> Catalog:
        """The catalog, from the cache when it holds exactly this one; else loaded, validated and cached.

        Raises loader.CatalogError as Catalog.load does; a cache that cannot be read or written is only logged.
        """
        key = content_key(catalog_dir, most_used)
        catalog = self._cached(Path(catalog_dir), key, most_used)
        if catalog is not None:
            self.last = "hit"
            return catalog
        loaded = load_directory(catalog_dir)
        catalog = Catalog(loaded, most_used)
        self.store(key, loaded, catalog)
        return catalog

    def _cached(self, catalog_dir: Path, key: str, most_used: Sequence[str]) -> Catalog | None:
        path = self._path(key)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            self.last = "absent"
            return None
        except OSError as e:
            self.last = "unreadable"
            log.warning("catalog cache %s cannot be read (%s): loading the catalog", path.name, e.strerror)
            return None
        parts = _decode(data, key)
        if parts is None:
            self.last = "damaged"
            log.warning("catalog cache %s is damaged: loading the catalog and writing it again", path.name)
            return None
        try:
            _, header, items, sources, order, members, index = parts
            loaded = LoadedCatalog(catalog_dir, CatalogHeader.model_validate(header), [], sources)
            return Catalog(loaded, most_used, Built(_Items(items), order, members, SearchIndex.from_state(index)))
        except Exception as e:  # checksummed, so written by other code than this: never trusted, only a miss
            self.last = "foreign"
            log.warning("catalog cache %s does not fit this code (%s): loading the catalog", path.name,
                        type(e).__name__)
            return None

    def store(self, key: str, loaded: LoadedCatalog, catalog: Catalog) -> None:
        """Write the cache of a catalog just validated (temp file, fsync, rename); failures are only logged."""
        path = self._path(key)
        tmp = self.directory / f".{key[:16]}-{secrets.token_hex(4)}.tmp"
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as f:
                f.write(_encode(key, loaded, catalog.built))
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
            self._prune(keep=path)
        except (OSError, ValueError) as e:
            log.warning("catalog cache not written (%s): the next start loads the catalog again", e)
            tmp.unlink(missing_ok=True)

    def _prune(self, keep: Path) -> None:
        """Only the newest KEEP cache files stay (each catalog version left behind its own)."""
        files = sorted(self.directory.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
        for p in files[KEEP:]:
            if p != keep:
                p.unlink(missing_ok=True)
