"""The configuration overlay a terminal is to run (docs/config-overlays.md), with an ETag so an unchanged one costs
one short answer. Like every answer to a signed request it carries a MAC under the terminal's own secret."""

from __future__ import annotations

import json

from fastapi import APIRouter, Request, Response

from central.deps import Store, Terminal

router = APIRouter()


@router.get("/v1/config-overlay", responses={304: {}})
def config_overlay(request: Request, terminal: Terminal, store: Store) -> Response:
    """{version, target, toml, published_at}: version 0 and toml "" when nothing is addressed to this terminal."""
    overlay = store.overlay_for(terminal)
    etag = f'"overlay-{overlay["version"]}"'
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"ETag": etag})
    body = json.dumps(overlay, ensure_ascii=False).encode()
    return Response(body, media_type="application/json", headers={"ETag": etag})
