"""Certificates: what central can issue for a person, issuing one, and the public verification page."""

from __future__ import annotations

import hashlib
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path as PathParam, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse

from central import certificates
from central.deps import AppSettings, Store, Terminal
from protocol.status import STATUSES
from protocol.wire import (ID_HASH_PATTERN, CertificateOffer, CertificateOffers, CertificateRequest,
                           IssuedCertificate, Verification)

_STATUS_ZH = {code: zh for code, (zh, _en) in STATUSES.items()}
router = APIRouter()


@router.get("/v1/certificates")
def certificate_offers(id_hash: Annotated[str, Query(pattern=ID_HASH_PATTERN)], terminal: Terminal, store: Store,
                       settings: AppSettings) -> CertificateOffers:
    offered = certificates.offers(store.applicant_cases(id_hash), settings.titles.current())
    return CertificateOffers(certificates=[CertificateOffer(**o) for o in offered])


@router.post("/v1/certificates", status_code=201, responses={404: {}})
def issue_certificate(payload: CertificateRequest, request: Request, terminal: Terminal, store: Store,
                      settings: AppSettings) -> IssuedCertificate:
    now = settings.clock()
    draft = certificates.compose(payload.kind, payload.ref, store.applicant_cases(payload.id_hash),
                                 settings.titles.current(), now, _STATUS_ZH)
    if draft is None:
        raise HTTPException(404, detail={"reason": "no_record"})
    issuer = settings.issuer
    issued = store.add_certificate(kind=payload.kind, ref=payload.ref, id_hash=payload.id_hash,
                                   terminal=terminal, title=draft.title, holder=draft.holder, issuer=issuer,
                                   body_sha256=hashlib.sha256(draft.body.encode("utf-8")).hexdigest())
    base = (settings.public_url or str(request.base_url)).rstrip("/")
    return IssuedCertificate(certificate_number=issued["certificate_number"], kind=payload.kind,
                             title=draft.title, body=draft.body, issuer=issuer,
                             issued_on=certificates.chinese_date(issued["issued_at"]),
                             verify_code=issued["verify_code"], verify_url=f"{base}/verify/{issued['verify_code']}")


@router.get("/verify/{code}", responses={404: {}, 200: {"content": {"text/html": {}}}})
def verify_certificate(code: Annotated[str, PathParam(max_length=64)], request: Request, store: Store) -> Verification:
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
