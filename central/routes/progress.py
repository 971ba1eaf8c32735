"""The public progress page a receipt's QR code opens (no terminal signature; rate-limited per client address at
the gate, central.gate)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path as PathParam
from fastapi.responses import HTMLResponse

from central import progress_page
from central.catalogs import Catalogs
from central.deps import AppSettings, Store
from protocol import receipt_link, tracking

router = APIRouter()


@router.get("/p/{number}", response_class=HTMLResponse, responses={404: {}})
def progress(number: Annotated[str, PathParam(max_length=96)], store: Store, settings: AppSettings) -> HTMLResponse:
    text, token = receipt_link.split(number)
    try:
        parsed = tracking.parse(text)
    except tracking.TrackingNumberError:
        return HTMLResponse(progress_page.not_found(), status_code=404)
    canonical = str(parsed)
    # the number alone is walkable; without the issuing terminal's MAC the answer is the malformed one (no oracle)
    secret = store.secret_of(parsed.terminal)
    if secret is None or not token or not receipt_link.token_ok(secret, canonical, token):
        return HTMLResponse(progress_page.not_found(), status_code=404)
    case = store.case(canonical)
    if case is None:
        return HTMLResponse(progress_page.not_received(canonical), status_code=404)
    terminal = store.terminals(case["terminal"])
    titles = {**settings.titles.current(), **Catalogs(store).titles(terminal[0]["site"] if terminal else None)}
    service = titles.get(case["service_code"]) or case["service_code"]
    return HTMLResponse(progress_page.found(canonical, service, case))
