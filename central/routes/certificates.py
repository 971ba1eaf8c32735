"""Certificates: what central can issue for a person, and issuing one."""

from __future__ import annotations

import hashlib
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request

from central import certificates
from central.deps import AppSettings, Store, Terminal
from protocol.status import STATUSES
from protocol.wire import ID_HASH_PATTERN, CertificateOffer, CertificateOffers, CertificateRequest, IssuedCertificate

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
