"""Catalog versions at central: bundles signed offline are uploaded, checked with the kiosk's own loader
(protocol.catalog_loader) and published to every site or some; a terminal is offered the highest version published
to its site or to all, through the existing GET /v1/catalog."""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import delete, insert, or_, select

from central import tx
from central.casework import check_actor
from central.schema import catalog_publications, catalogs, meta, terminals
from central.storage import CentralStore
from central.titles import parse_titles
from protocol.catalog_bundle import Bundle, UpdateRefused, read_bundle, trusted_by, version_key
from protocol.catalog_loader import ITEMS_DIR, CatalogError, LoadedCatalog, load_directory
from protocol.catalog_signing import KeyTextError, check_public_key

MAX_BYTES = 20_000_000  # the kiosk's default [catalog] max_update_bytes: a bigger bundle no kiosk would take
MAX_SITE = 64
_KEYS = "catalog_public_keys"  # meta: JSON list of the public keys whose signatures central checks on upload
_titles_by_etag: dict[str, dict[str, str]] = {}  # a content hash names the titles: safe to share, kept small


def etag_of(payload: bytes) -> str:
    """The ETag GET /v1/catalog answers for these bytes, whether they come from here or a --catalog file."""
    return '"' + hashlib.sha256(payload).hexdigest()[:32] + '"'


class CatalogRejected(ValueError):
    """An upload that kiosks would refuse; `faults` say where: [{file, item, field, message}]."""

    def __init__(self, faults: list[dict]) -> None:
        self.faults = faults
        super().__init__("; ".join(_fault_text(f) for f in faults[:10]))


def _fault(message: str, file: str = "", item: str = "", field: str = "") -> dict:
    return {"file": file, "item": item, "field": field, "message": message}


def _fault_text(f: dict) -> str:
    return ": ".join(p for p in (f["file"], f"item {f['item']}" if f["item"] else "", f["field"], f["message"]) if p)


def check_bundle(payload: bytes, public_keys: Sequence[str],
                 max_bytes: int = MAX_BYTES) -> tuple[Bundle, LoadedCatalog]:
    """What a kiosk's update does before it installs a bundle, short of the version floor: the zip's form, the
    signature (when central trusts any key), and every file through the kiosk's loader. Raises CatalogRejected."""
    if len(payload) > max_bytes:
        raise CatalogRejected([_fault(f"the bundle has {len(payload)} bytes, kiosks take at most {max_bytes}")])
    try:
        bundle = read_bundle(payload, max_bytes)
        if public_keys:
            trusted_by(bundle, public_keys)
    except UpdateRefused as exc:
        raise CatalogRejected([_fault(str(exc))]) from None
    with tempfile.TemporaryDirectory(prefix="catalog-upload-") as folder:
        root = Path(folder)
        (root / ITEMS_DIR).mkdir()
        for name, data in bundle.files.items():  # names were checked by read_bundle: header or items/<safe>
            (root / name).write_bytes(data)
        try:
            loaded = load_directory(root)
        except CatalogError as exc:
            raise CatalogRejected([_fault(f.message, f.file, f.item, f.field) for f in exc.faults]) from None
        except Exception as exc:  # signed, yet something the loader did not foresee: still only a refusal
            raise CatalogRejected([_fault(f"cannot be loaded: {type(exc).__name__}: {str(exc)[:200]}")]) from None
    if loaded.header.version != bundle.version:
        raise CatalogRejected([_fault(f"the catalog says version {loaded.header.version}, its signature "
                                      f"{bundle.version}", "catalog.toml", "", "version")])
    return bundle, loaded


class Catalogs:
    """What the console's catalog pages (and `kiosk central catalog`) call; GET /v1/catalog asks offered()."""

    def __init__(self, store: CentralStore, max_bytes: int = MAX_BYTES) -> None:
        self._store = store
        self._max_bytes = max_bytes

    # -- trusted keys ----------------------------------------------------------------------------------------

    def trusted_keys(self) -> list[str]:
        with tx.reading(self._store.engine) as c:
            stored = c.execute(select(meta.c.value).where(meta.c.key == _KEYS)).scalar()
        return json.loads(stored) if stored else []

    def trust(self, public_key: str) -> list[str]:
        """Adds a catalog public key (`kiosk catalog keygen`'s .pub) whose signatures uploads must carry; central
        never holds a private key. Raises ValueError for a key text kiosks could not use."""
        try:
            key = check_public_key(public_key)
        except KeyTextError as exc:
            raise ValueError(str(exc)) from None
        return self._set_keys(lambda keys: keys if key in keys else keys + [key])

    def distrust(self, public_key: str) -> list[str]:
        return self._set_keys(lambda keys: [k for k in keys if k != public_key.strip()])

    def _set_keys(self, change) -> list[str]:
        with tx.writing(self._store.engine) as c:
            stored = c.execute(select(meta.c.value).where(meta.c.key == _KEYS).with_for_update()).scalar()
            keys = change(json.loads(stored) if stored else [])
            c.execute(delete(meta).where(meta.c.key == _KEYS))
            if keys:
                c.execute(insert(meta).values(key=_KEYS, value=json.dumps(keys)))
        return keys

    # -- versions ----------------------------------------------------------------------------------------------

    def upload(self, payload: bytes, *, actor: str) -> dict:
        """Checks and stores a signed bundle. Returns {catalog: version view, new: bool, warnings: [text]}; the
        same bundle again is not new. Raises CatalogRejected (faults name file, item and field) for a bundle kiosks
        would refuse, or for another content under a version already uploaded."""
        actor = check_actor(actor)
        keys = self.trusted_keys()
        bundle, loaded = check_bundle(payload, keys, self._max_bytes)
        warnings = [] if keys else ["no catalog key is trusted at central (kiosk central catalog trust KEY): the "
                                    "signature was not checked, kiosks will check it"]
        with tx.writing(self._store.engine) as c:
            known = c.execute(select(catalogs.c.digest).where(catalogs.c.version == bundle.version)).first()
            if known is not None and known[0] != bundle.digest:
                raise CatalogRejected([_fault(f"version {bundle.version} was uploaded before with other content: "
                                              "kiosks would refuse it, give the new catalog a higher version",
                                              "catalog.toml", "", "version")])
            if known is None:
                c.execute(insert(catalogs).values(
                    version=bundle.version, digest=bundle.digest, etag=etag_of(payload), title=loaded.header.title,
                    item_count=len(loaded.items), size=len(payload), signature_checked=int(bool(keys)),
                    uploaded_at=self._store.clock(), uploaded_by=actor, data=payload))
        return {"catalog": self.version(bundle.version), "new": known is None, "warnings": warnings}

    def versions(self) -> list[dict]:
        """Every uploaded catalog, highest version first: [{id, version, title, items, size, signature_checked,
        uploaded_at, uploaded_by, publications: [{site (None: every site), published_at, actor}]}]."""
        with tx.reading(self._store.engine) as c:
            rows = c.execute(select(catalogs.c.id, catalogs.c.version, catalogs.c.title, catalogs.c.item_count,
                                    catalogs.c.size, catalogs.c.signature_checked, catalogs.c.uploaded_at,
                                    catalogs.c.uploaded_by)).all()
            published = c.execute(select(catalog_publications.c.catalog, catalog_publications.c.site,
                                         catalog_publications.c.published_at, catalog_publications.c.actor)
                                  .order_by(catalog_publications.c.id)).all()
        views = {r[0]: {"id": r[0], "version": r[1], "title": r[2], "items": r[3], "size": r[4],
                        "signature_checked": bool(r[5]), "uploaded_at": r[6], "uploaded_by": r[7],
                        "publications": []} for r in rows}
        for catalog, site, at, actor in published:
            if catalog in views:
                views[catalog]["publications"].append({"site": site, "published_at": at, "actor": actor})
        return sorted(views.values(), key=lambda v: version_key(v["version"]) or (), reverse=True)

    def version(self, version: str) -> dict | None:
        return next((v for v in self.versions() if v["version"] == version), None)

    def publish(self, version: str, *, sites: Sequence[str] | None, actor: str) -> dict:
        """Offers `version` to the given sites, or to every site (sites None); publishing again changes nothing.
        Returns the version's view. Raises LookupError for a version never uploaded, ValueError for a bad site."""
        actor = check_actor(actor)
        targets: list[str | None] = [None] if sites is None else [_site(s) for s in sites]
        if not targets:
            raise ValueError("name at least one site, or publish to every site")
        with tx.writing(self._store.engine) as c:
            catalog = c.execute(select(catalogs.c.id).where(catalogs.c.version == version)).scalar()
            if catalog is None:
                raise LookupError(version)
            for site in dict.fromkeys(targets):
                where = catalog_publications.c.site.is_(None) if site is None else catalog_publications.c.site == site
                if c.execute(select(catalog_publications.c.id)
                             .where(catalog_publications.c.catalog == catalog, where)).first() is None:
                    c.execute(insert(catalog_publications).values(catalog=catalog, site=site, actor=actor,
                                                                  published_at=self._store.clock()))
        return self.version(version)

    def withdraw(self, version: str, *, sites: Sequence[str] | None, actor: str) -> dict:
        """Stops offering `version` to the given sites (None: its every publication). Kiosks that installed it keep
        it (they never go back to a lower version): publish a higher one to replace it."""
        check_actor(actor)
        with tx.writing(self._store.engine) as c:
            catalog = c.execute(select(catalogs.c.id).where(catalogs.c.version == version)).scalar()
            if catalog is None:
                raise LookupError(version)
            query = delete(catalog_publications).where(catalog_publications.c.catalog == catalog)
            if sites is not None:
                query = query.where(catalog_publications.c.site.in_([_site(s) for s in sites]))
            c.execute(query)
        return self.version(version)

    # -- what terminals get -------------------------------------------------------------------------------------

    def offered(self, site: str | None) -> dict | None:
        """{id, version, etag} of the highest version published to `site` or to every site; None when none is."""
        where = catalog_publications.c.site.is_(None)
        if site is not None:
            where = or_(where, catalog_publications.c.site == site)
        with tx.reading(self._store.engine) as c:
            rows = c.execute(select(catalogs.c.id, catalogs.c.version, catalogs.c.etag).distinct()
                             .select_from(catalogs.join(catalog_publications,
                                                        catalog_publications.c.catalog == catalogs.c.id))
                             .where(where)).all()
        if not rows:
            return None
        best = max(rows, key=lambda r: version_key(r[1]) or ())
        return {"id": best[0], "version": best[1], "etag": best[2]}

    def payload(self, catalog_id: int) -> bytes | None:
        with tx.reading(self._store.engine) as c:
            data = c.execute(select(catalogs.c.data).where(catalogs.c.id == catalog_id)).scalar()
        return bytes(data) if data is not None else None

    def titles(self, site: str | None) -> dict[str, str]:
        """Service titles (code -> name) of the catalog offered to `site`: what certificates name services by."""
        offered = self.offered(site)
        if offered is None:
            return {}
        cached = _titles_by_etag.get(offered["etag"])
        if cached is None:
            cached = parse_titles(self.payload(offered["id"]) or b"")
            if len(_titles_by_etag) >= 8:
                _titles_by_etag.clear()
            _titles_by_etag[offered["etag"]] = cached
        return cached

    def rollout(self) -> list[dict]:
        """Per terminal: its site, the version it is offered and the one its last heartbeat says it runs
        ({terminal, site, offered, running, current})."""
        with tx.reading(self._store.engine) as c:
            rows = c.execute(select(terminals.c.id, terminals.c.site, terminals.c.last_heartbeat)
                             .order_by(terminals.c.id)).all()
        out, by_site = [], {}
        for terminal, site, beat in rows:
            if site not in by_site:
                by_site[site] = self.offered(site)
            offered = by_site[site]["version"] if by_site[site] else None
            running = (json.loads(beat) or {}).get("catalog") if beat else None
            out.append({"terminal": terminal, "site": site, "offered": offered, "running": running,
                        "current": offered is None or running == offered})
        return out


def _site(text: str) -> str:
    site = str(text).strip()
    if not site or len(site) > MAX_SITE or any(not ch.isprintable() for ch in site):
        raise ValueError(f"a site code is 1-{MAX_SITE} printable characters, not {text!r}")
    return site

