"""Certificates: what central can issue for the citizen present at the terminal, issuing one, and its A4 PDF."""

from __future__ import annotations

import hashlib
import logging
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path as PathParam, Request, Response

from central import certificate_pdf, certificates, presence
from central.catalogs import Catalogs
from central.certificate_kinds import CASES, CertificateKinds
from central.deps import AppSettings, Settings, Store, Terminal
from central.storage import CentralStore
from protocol.status import STATUSES
from protocol.verification import grouped_code, shown_hash
from protocol.wire import CertificateOffer, CertificateOffers, CertificateRequest, CitizenRequest, IssuedCertificate

_STATUS_ZH = {code: zh for code, (zh, _en) in STATUSES.items()}
log = logging.getLogger(__name__)
router = APIRouter()


def _titles(store: CentralStore, settings: Settings, terminal: str) -> dict[str, str]:
    """Service names as the catalog published to the terminal's site gives them, else the --catalog file's."""
    found = store.terminals(terminal)
    return {**settings.titles.current(), **Catalogs(store).titles(found[0]["site"] if found else None)}


def _unreachable(exc: OSError, what: str) -> HTTPException:
    # the source's own message may carry what it was asked: only its type goes to the log
    log.warning("certificate record source unreachable while %s: %s", what, type(exc).__name__)
    return HTTPException(503, detail={"reason": "source_unavailable"})


@router.post("/v1/citizen/certificates", responses={403: {}, 503: {}})
def certificate_offers(payload: CitizenRequest, request: Request, terminal: Terminal, store: Store,
                       settings: AppSettings) -> CertificateOffers:
    id_hash = presence.citizen(request, payload.presence, terminal)
    kinds: CertificateKinds = settings.kinds
    offered = [o for o in certificates.offers(store.applicant_cases(id_hash), _titles(store, settings, terminal))
               if o["kind"] in kinds.kinds]
    try:
        offered += kinds.offers(id_hash)
    except OSError as exc:
        raise _unreachable(exc, "listing") from None
    return CertificateOffers(certificates=[CertificateOffer(**o) for o in offered])


@router.post("/v1/certificates", status_code=201, responses={403: {}, 404: {}, 422: {}, 503: {}})
def issue_certificate(payload: CertificateRequest, request: Request, terminal: Terminal, store: Store,
                      settings: AppSettings) -> IssuedCertificate:
    id_hash = presence.citizen(request, payload.presence, terminal)
    now = settings.clock()
    kinds: CertificateKinds = settings.kinds
    kind = kinds.kinds.get(payload.kind)
    if kind is None:  # not a kind this central issues: a malformed request, as before kinds were data
        raise HTTPException(422, detail={"reason": "unknown_kind"})
    if kind.source == CASES:
        draft = certificates.compose(payload.kind, payload.ref, store.applicant_cases(id_hash),
                                     _titles(store, settings, terminal), now, _STATUS_ZH)
    else:
        try:
            draft = kinds.compose(payload.kind, id_hash) if not payload.ref else None
        except OSError as exc:
            raise _unreachable(exc, "issuing") from None
    if draft is None:
        raise HTTPException(404, detail={"reason": "no_record"})
    issuer = settings.issuer
    _refuse_unprintable(draft, issuer)
    body_sha256 = hashlib.sha256(draft.body.encode("utf-8")).hexdigest()
    issued = store.add_certificate(kind=payload.kind, ref=payload.ref, id_hash=id_hash,
                                   terminal=terminal, title=draft.title, holder=draft.holder, issuer=issuer,
                                   body_sha256=body_sha256)
    base = (settings.public_url or str(request.base_url)).rstrip("/")
    answer = IssuedCertificate(certificate_number=issued["certificate_number"], kind=payload.kind,
                               title=draft.title, body=draft.body, issuer=issuer,
                               issued_on=certificates.chinese_date(issued["issued_at"]),
                               verify_code=issued["verify_code"], verify_url=f"{base}/verify/{issued['verify_code']}")
    page = certificate_pdf.CertificatePage(
        title=answer.title, body=answer.body, holder=draft.holder, issuer=issuer, issued_on=answer.issued_on,
        certificate_number=answer.certificate_number, verify_code=grouped_code(answer.verify_code),
        verify_url=answer.verify_url, document_hash=shown_hash(body_sha256), sealed=settings.seal is not None)
    answer.pdf_sha256 = _pdf(store, settings, page)
    answer.pdf_sealed = answer.pdf_sha256 is not None and page.sealed
    return answer


def _refuse_unprintable(draft: certificates.Draft, issuer: str) -> None:
    """422 unprintable_characters, before anything is numbered or stored, when a character (mostly of a name) is in
    no certificate font: the paper would show a blank in its place. The terminal tells the citizen to go to a
    counter; the log gets the count only, never the characters."""
    try:
        missing = certificate_pdf.unprintable(draft.title, draft.body, draft.holder, issuer)
    except certificate_pdf.FontMissing:
        return  # no PDF can be made at all: _pdf logs that, and the receipt copy stands
    if missing:
        log.warning("certificate refused: %d character(s) in no certificate font", len(missing))
        raise HTTPException(422, detail={"reason": "unprintable_characters"})


def _pdf(store: CentralStore, settings: Settings, page: certificate_pdf.CertificatePage) -> str | None:
    """The sealed PDF made and kept; None when that failed. The certificate stands either way (it is numbered,
    verifiable and printable on a receipt): the A4 copy is then missing, and the log says why."""
    try:
        pdf = certificate_pdf.render(page)
        if settings.seal is not None:
            pdf = settings.seal.sign(pdf)
        return store.put_certificate_pdf(page.certificate_number, pdf)
    except Exception as exc:  # a font, key or disk problem must not cost the citizen the certificate
        log.error("no PDF for certificate %s: %s", page.certificate_number, type(exc).__name__)
        return None


@router.get("/v1/certificates/{number}/pdf", responses={404: {}, 200: {"content": {"application/pdf": {}}}})
def certificate_pdf_file(number: Annotated[str, PathParam(pattern=r"^[A-Z0-9]{1,32}$")], terminal: Terminal,
                         store: Store) -> Response:
    """Only to the terminal that issued it: any other terminal hears 404, as for a number never issued."""
    pdf = store.certificate_pdf(number, terminal)
    if pdf is None:
        raise HTTPException(404, detail={"reason": "no_such_certificate"})
    return Response(pdf, media_type="application/pdf")
