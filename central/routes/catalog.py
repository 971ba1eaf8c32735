"""The service catalog terminals download, with an ETag so an unchanged catalog costs one short answer."""

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
    zipped = catalog_file is not None and catalog_file.suffix == ".zip"
    return Response(body, media_type="application/zip" if zipped else "application/json", headers={"ETag": etag})
