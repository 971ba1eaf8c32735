"""Content-addressed attachments: PUT /v1/blobs/{sha256} is idempotent, GET tells whether central has one."""

from __future__ import annotations

import hashlib

from fastapi import APIRouter, HTTPException, Request, Response
from starlette.concurrency import run_in_threadpool

from central.deps import Sha256, Store, Terminal
from protocol.wire import BlobInfo

router = APIRouter()


@router.get("/v1/blobs/{sha256}", responses={404: {}})
def blob_info(sha256: Sha256, terminal: Terminal, store: Store) -> BlobInfo:
    size = store.has_blob(sha256)
    if size is None:
        raise HTTPException(404, detail={"reason": "no_such_blob"})
    return BlobInfo(sha256=sha256, size=size)


@router.put("/v1/blobs/{sha256}", status_code=201, responses={200: {}, 400: {}, 413: {}},
            openapi_extra={"requestBody": {"required": True, "content": {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}})
async def put_blob(sha256: Sha256, request: Request, response: Response, terminal: Terminal, store: Store) -> BlobInfo:
    data = await request.body()  # the gate has capped it (central.bodies.BLOB_CAP) and proven the signature
    if hashlib.sha256(data).hexdigest() != sha256:
        raise HTTPException(400, detail={"reason": "hash_mismatch"})
    if not await run_in_threadpool(store.put_blob, sha256, data):
        response.status_code = 200  # already had it: PUT is idempotent
    return BlobInfo(sha256=sha256, size=len(data))
