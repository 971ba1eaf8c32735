"""The public verification page a printed certificate's QR code opens (no terminal signature needed)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path as PathParam, Request
from fastapi.responses import HTMLResponse, JSONResponse

from central import certificates
from central.deps import AppSettings, Store
from protocol.wire import Verification

router = APIRouter()


@router.get("/verify/{code}", responses={404: {}, 200: {"content": {"text/html": {}}}})
def verify_certificate(code: Annotated[str, PathParam(max_length=64)], request: Request, store: Store,
                        settings: AppSettings) -> Verification:
    """Public: whoever scans the printed QR code. Answers HTML to browsers, JSON otherwise; rate-limited per client
    address at the gate (central.gate)."""
    normal = certificates.normalise_code(code)
    found = store.certificate(normal) if normal else None
    view = None if found is None else Verification(**certificates.verification(
        found, settings.kinds.title(found["kind"])))
    if "text/html" in request.headers.get("accept", ""):
        return HTMLResponse(certificates.verify_page(view.model_dump() if view else None),
                            status_code=200 if view else 404)
    if view is None:
        return JSONResponse({"detail": {"reason": "unknown_code"}}, status_code=404)
    return view
