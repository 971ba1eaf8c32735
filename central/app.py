"""Reference central platform as a FastAPI app: blobs, batches, cases, ratings, heartbeats, catalog."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Path as PathParam, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from central.auth import verify
from central.storage import CentralStore

Terminal = Annotated[str, Depends(verify)]
Sha256 = Annotated[str, PathParam(pattern=r"^[0-9a-f]{64}$")]
MAX_BLOB = 20 * 1024 * 1024
_EMPTY_CATALOG = b'{"version": 0, "items": []}'


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1, max_length=64)  # the kiosk's ULID: idempotency key, kept forever
    seq: int | None = Field(None, ge=0, le=2**62)
    kind: Literal["submission", "rating", "event"]
    body: dict[str, Any]


class Batch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    items: list[Item] = Field(max_length=1000)


class ItemResult(BaseModel):
    id: str
    result: Literal["accepted", "duplicate", "rejected"]
    case_number: str | None = None
    status: str | None = None
    status_text: dict[str, str] | None = None
    reason: str | None = None


class BatchResult(BaseModel):
    results: list[ItemResult]


class Case(BaseModel):
    case_number: str
    tracking: str
    terminal: str
    service_code: str
    status: str
    status_text: dict[str, str]
    created_at: float
    updated_at: float
    history: list[dict[str, Any]]


class CaseList(BaseModel):
    cases: list[Case]


class BlobInfo(BaseModel):
    sha256: str
    size: int


def create_app(store: CentralStore, *, catalog_file: Path | None = None,
               clock: Callable[[], float] = time.time) -> FastAPI:
    app = FastAPI(title="Hall kiosk reference central platform", version="1",
                  description="Signed kiosk sync API; see docs/sync.md.")
    app.state.store = store
    app.state.clock = clock

    @app.get("/health")
    def health() -> dict:
        return {"ok": True}

    @app.get("/v1/blobs/{sha256}", responses={404: {}})
    def blob_info(sha256: Sha256, terminal: Terminal) -> BlobInfo:
        size = store.has_blob(sha256)
        if size is None:
            raise HTTPException(404, detail={"reason": "no_such_blob"})
        return BlobInfo(sha256=sha256, size=size)

    @app.put("/v1/blobs/{sha256}", status_code=201, responses={200: {}, 400: {}, 413: {}},
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}})
    async def put_blob(sha256: Sha256, request: Request, response: Response, terminal: Terminal) -> BlobInfo:
        data = await request.body()
        if len(data) > MAX_BLOB:
            raise HTTPException(413, detail={"reason": "blob_too_large"})
        if hashlib.sha256(data).hexdigest() != sha256:
            raise HTTPException(400, detail={"reason": "hash_mismatch"})
        if not await run_in_threadpool(store.put_blob, sha256, data):
            response.status_code = 200  # already had it: PUT is idempotent
        return BlobInfo(sha256=sha256, size=len(data))

    @app.post("/v1/batch")
    def batch(payload: Batch, terminal: Terminal) -> BatchResult:
        if len({i.id for i in payload.items}) != len(payload.items):
            raise HTTPException(422, detail={"reason": "duplicate_ids_in_batch"})
        results = store.accept_batch(terminal, [i.model_dump() for i in payload.items])
        return BatchResult(results=[ItemResult(**r) for r in results])

    @app.get("/v1/cases/{tracking}", responses={404: {}})
    def case(tracking: Annotated[str, PathParam(max_length=64)], terminal: Terminal) -> Case:
        found = store.case(tracking)
        if found is None:
            raise HTTPException(404, detail={"reason": "no_such_case"})
        return Case(**found)

    @app.get("/v1/cases")
    def cases(id_hash: Annotated[str, Query(pattern=r"^[0-9a-f]{64}$")], terminal: Terminal) -> CaseList:
        return CaseList(cases=[Case(**c) for c in store.cases_by_id_hash(id_hash)])

    @app.post("/v1/heartbeat")
    def heartbeat(status: dict[str, Any], terminal: Terminal) -> dict:
        store.heartbeat(terminal, status)
        return {"ok": True}

    @app.get("/v1/terminals")
    def terminals(terminal: Terminal) -> dict:
        return {"terminals": store.terminals()}

    @app.get("/v1/catalog", responses={304: {}})
    def catalog(request: Request, terminal: Terminal) -> Response:
        body = catalog_file.read_bytes() if catalog_file and catalog_file.is_file() else _EMPTY_CATALOG
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers={"ETag": etag})
        zipped = catalog_file is not None and catalog_file.suffix == ".zip"
        return Response(body, media_type="application/zip" if zipped else "application/json", headers={"ETag": etag})

    return app
