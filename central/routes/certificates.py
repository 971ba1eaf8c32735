"""Certificates: what central can issue for the citizen present at the terminal, and issuing one."""

from __future__ import annotations

import hashlib

from fastapi import APIRouter, HTTPException, Request

from central import certificates, presence
from central.catalogs import Catalogs
from central.deps import AppSettings, Settings, Store, Terminal
from central.storage import CentralStore
from protocol.status import STATUSES
from protocol.wire import CertificateOffer, CertificateOffers, CertificateRequest, CitizenRequest, IssuedCertificate

_STATUS_ZH = {code: zh for code, (zh, _en) in STATUSES.items()}
router = APIRouter()


def _titles(store: CentralStore, settings: Settings, terminal: str) -> dict[str, str]:
    """Service names as the catalog published to the terminal's site gives them, else the --catalog file's."""
    found = store.terminals(terminal)
    return {**settings.titles.current(), **Catalogs(store).titles(found[0]["site"] if found else None)}


@router.post("/v1/citizen/certificates", responses={403: {}})
def certificate_offers(payload: CitizenRequest, request: Request, terminal: Terminal, store: Store,
                       settings: AppSettings) -> CertificateOffers:
    id_hash = presence.citizen(request, payload.presence, terminal)
    offered = certificates.offers(store.applicant_cases(id_hash), _titles(store, settings, terminal))
    return CertificateOffers(certificates=[CertificateOffer(**o) for o in offered])


@router.post("/v1/certificates", status_code=201, responses={403: {}, 404: {}})
def issue_certificate(payload: CertificateRequest, request: Request, terminal: Terminal, store: Store,
                      settings: AppSettings) -> IssuedCertificate:
    id_hash = presence.citizen(request, payload.presence, terminal)
    now = settings.clock()
    draft = certificates.compose(payload.kind, payload.ref, store.applicant_cases(id_hash),
                                 _titles(store, settings, terminal), now, _STATUS_ZH)
    if draft is None:
        raise HTTPException(404, detail={"reason": "no_record"})
    issuer = settings.issuer
    issued = store.add_certificate(kind=payload.kind, ref=payload.ref, id_hash=id_hash,
                                   terminal=terminal, title=draft.title, holder=draft.holder, issuer=issuer,
                                   body_sha256=hashlib.sha256(draft.body.encode("utf-8")).hexdigest())
    base = (settings.public_url or str(request.base_url)).rstrip("/")
    return IssuedCertificate(certificate_number=issued["certificate_number"], kind=payload.kind,
                             title=draft.title, body=draft.body, issuer=issuer,
                             issued_on=certificates.chinese_date(issued["issued_at"]),
                             verify_code=issued["verify_code"], verify_url=f"{base}/verify/{issued['verify_code']}")
