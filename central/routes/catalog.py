"""The service catalog terminals download, with an ETag so an unchanged catalog costs one short answer.

A terminal gets the highest version published at central to its site or to every site (central.catalogs); before
any is published, the bundle file central was started with (`kiosk central serve --catalog`). Bundles are signed
offline (`kiosk catalog bundle --signing-key`) and the kiosks check the signature, so central holds no catalog key
and cannot make a catalog kiosks would accept.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from central.catalogs import Catalogs, etag_of
from central.deps import AppSettings, Store, Terminal

_EMPTY_CATALOG = b'{"version": 0, "items": []}'
router = APIRouter()


@router.get("/v1/catalog", responses={304: {}})
def catalog(request: Request, terminal: Terminal, store: Store, settings: AppSettings) -> Response:
    shelf = Catalogs(store)
    found = store.terminals(terminal)
    offered = shelf.offered(found[0]["site"] if found else None)
    if offered is not None:
        etag, body = offered["etag"], None
    else:
        catalog_file = settings.catalog_file
        body = catalog_file.read_bytes() if catalog_file and catalog_file.is_file() else _EMPTY_CATALOG
        etag = etag_of(body)
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"ETag": etag})
    if body is None:
        body = shelf.payload(offered["id"]) or _EMPTY_CATALOG
    zipped = body[:4] == b"PK\x03\x04"  # what it is, whatever the file is called
    return Response(body, media_type="application/zip" if zipped else "application/json", headers={"ETag": etag})
