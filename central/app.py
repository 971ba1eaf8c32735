"""Reference central platform as a FastAPI app: blobs, batches, cases, ratings, heartbeats, catalog, certificates."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Path as PathParam, Query, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from central import certificates
from central.auth import verify
from central.storage import STATUSES, CentralStore
from central.titles import ServiceTitles

Terminal = Annotated[str, Depends(verify)]
Sha256 = Annotated[str, PathParam(pattern=r"^[0-9a-f]{64}$")]
IdHash = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
MAX_BLOB = 20 * 1024 * 1024
_STATUS_ZH = {code: zh for code, (zh, _en) in STATUSES.items()}
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


class BilingualText(BaseModel):
    zh: str
    en: str


class CertificateOffer(BaseModel):
    kind: str
    ref: str  # the record it certifies: "" for case_record, the tracking number for case_completion
    title: BilingualText
    subject: BilingualText


class CertificateOffers(BaseModel):
    certificates: list[CertificateOffer]


class CertificateRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Literal["case_record", "case_completion"]
    id_hash: IdHash
    ref: str = Field("", max_length=64)


class IssuedCertificate(BaseModel):
    certificate_number: str
    kind: str
    title: str
    body: str  # holds the holder's name and masked ID number: central returns it once and keeps only its hash
    issuer: str
    issued_on: str
    verify_code: str
    verify_url: str


class Verification(BaseModel):
    valid: bool
    certificate_number: str
    title: str
    issued_on: str
    holder: str  # masked name (张*): the page is public
    issuer: str


def create_app(store: CentralStore, *, catalog_file: Path | None = None,
               clock: Callable[[], float] = time.time, issuer: str = certificates.DEFAULT_ISSUER,
               public_url: str | None = None) -> FastAPI:
    """public_url: the base of printed verify links (default: the base URL each request arrived at)."""
    app = FastAPI(title="Hall kiosk reference central platform", version="1",
                  description="Signed kiosk sync API; see docs/sync.md.")
    app.state.store = store
    app.state.clock = clock
    titles = ServiceTitles(catalog_file)

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

    @app.get("/v1/certificates")
    def certificate_offers(id_hash: Annotated[str, Query(pattern=r"^[0-9a-f]{64}$")],
                           terminal: Terminal) -> CertificateOffers:
        offered = certificates.offers(store.applicant_cases(id_hash), titles.current())
        return CertificateOffers(certificates=[CertificateOffer(**o) for o in offered])

    @app.post("/v1/certificates", status_code=201, responses={404: {}})
    def issue_certificate(payload: CertificateRequest, request: Request, terminal: Terminal) -> IssuedCertificate:
        now = clock()
        draft = certificates.compose(payload.kind, payload.ref, store.applicant_cases(payload.id_hash),
                                     titles.current(), now, _STATUS_ZH)
        if draft is None:
            raise HTTPException(404, detail={"reason": "no_record"})
        issued = store.add_certificate(kind=payload.kind, ref=payload.ref, id_hash=payload.id_hash,
                                       terminal=terminal, title=draft.title, holder=draft.holder, issuer=issuer,
                                       body_sha256=hashlib.sha256(draft.body.encode("utf-8")).hexdigest())
        base = (public_url or str(request.base_url)).rstrip("/")
        return IssuedCertificate(certificate_number=issued["certificate_number"], kind=payload.kind,
                                 title=draft.title, body=draft.body, issuer=issuer,
                                 issued_on=certificates.chinese_date(issued["issued_at"]),
                                 verify_code=issued["verify_code"], verify_url=f"{base}/verify/{issued['verify_code']}")

    @app.get("/verify/{code}", responses={404: {}, 200: {"content": {"text/html": {}}}})
    def verify_certificate(code: Annotated[str, PathParam(max_length=64)], request: Request) -> Verification:
        """Public: whoever scans the printed QR code. Answers HTML to browsers, JSON otherwise."""
        normal = certificates.normalise_code(code)
        found = store.certificate(normal) if normal else None
        view = None if found is None else Verification(
            valid=True, certificate_number=found["certificate_number"], title=found["title"],
            issued_on=certificates.chinese_date(found["issued_at"]), holder=found["holder"], issuer=found["issuer"])
        if "text/html" in request.headers.get("accept", ""):
            return HTMLResponse(certificates.verify_page(view.model_dump() if view else None),
                                status_code=200 if view else 404)
        if view is None:
            return JSONResponse({"detail": {"reason": "unknown_code"}}, status_code=404)
        return view

    return app
