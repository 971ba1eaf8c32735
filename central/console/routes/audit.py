"""The staff audit trail for auditors: read, filter, page back, and check the chain. There is no route that edits
it (and the database refuses edits anyway)."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from central.console import audit
from central.console.roles import AUDIT
from central.console.web import Staff, allow, render

router = APIRouter(prefix="/console", include_in_schema=False)
PAGE = 100


@router.get("/audit")
def audit_page(request: Request, staff: Annotated[Staff, Depends(allow(AUDIT))],
               actor: Annotated[str, Query(max_length=64)] = "", action: Annotated[str, Query(max_length=64)] = "",
               target: Annotated[str, Query(max_length=160)] = "", before: Annotated[int | None, Query(ge=1)] = None,
               verify: bool = False) -> HTMLResponse:
    console = staff.console
    actor, action, target = actor.strip(), action.strip(), target.strip()
    with console.read() as c:
        entries = audit.entries(c, actor=actor, action=action, target=target, before=before, limit=PAGE + 1)
    check, anchored = console.check_audit() if verify else (None, None)
    filters = {k: v for k, v in (("actor", actor), ("action", action), ("target", target)) if v}
    older = urlencode({**filters, "before": entries[PAGE - 1]["id"]}) if len(entries) > PAGE else None
    return render(request, staff, "audit.html", title=("审计记录", "Audit trail"), entries=entries[:PAGE],
                  actor=actor, action=action, target=target, check=check, anchored=anchored, older=older,
                  verify_link=urlencode({**filters, "verify": 1}))
