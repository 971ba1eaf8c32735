"""The service catalog terminals download, with an ETag so an unchanged catalog costs one short answer.

Central only serves the bundle file it was given: bundles are signed offline (`kiosk catalog bundle --signing-key`)
and the kiosks check the signature, so central holds no catalog key and cannot make a catalog kiosks would accept.
"""

from __future__ import annotations

import hashlib

from fastapi import APIRouter, Request, Response

from central.deps import AppSettings, Terminal

_EMPTY_CATALOG = b'{"version": 0, "items": []}'
router = APIRouter()


@router.get("/v1/catalog", responses={304: {}})
def catalog(request: Request, terminal: Terminal, settings: AppSettings) -> Response:
    catalog_file = settings.catalog_file
    body = catalog_file.read_bytes() if catalog_file and catalog_file.is_file() else _EMPTY_CATALOG
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"ETag": etag})
    zipped = body[:4] == b"PK\x03\x04"  # what it is, whatever the file is called
    return Response(body, media_type="application/zip" if zipped else "application/json", headers={"ETag": etag})
