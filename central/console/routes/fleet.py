"""The fleet pages: every terminal with its site, last heartbeat and flags (filtered and sorted on the server), and
one terminal with its devices, heartbeat chart, calls, events and audit entries."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path as PathParam, Request
from fastapi.responses import HTMLResponse

from central import calls, fleet
from central.console import audit, charts, fleetview
from central.console.roles import CALLS, FLEET
from central.console.web import Refused, Staff, allow, render

router = APIRouter(prefix="/console", include_in_schema=False)
_TITLE = ("终端", "Fleet")


def _fleet(request: Request, staff: Staff) -> dict:
    console = staff.console
    query = fleetview.FleetQuery.parse(request.query_params)
    found = fleetview.rows(console.store, console.clock(), console.policy.fleet)
    return {"query": query, "rows": fleetview.select(found, query), "total": len(found),
            "sites": sorted({r["site"] for r in found if r["site"]}), "flags": fleet.FLAGS,
            "sorts": fleetview.SORTS, "urlencode": urlencode}


@router.get("/fleet")
def fleet_page(request: Request, staff: Annotated[Staff, Depends(allow(FLEET))]) -> HTMLResponse:
    return render(request, staff, "fleet.html", title=_TITLE, **_fleet(request, staff))


@router.get("/fleet/rows")
def fleet_rows(request: Request, staff: Annotated[Staff, Depends(allow(FLEET))]) -> HTMLResponse:
    """The table alone, for the fleet page's refresh (same query parameters)."""
    return render(request, staff, "_fleet_rows.html", title=_TITLE, **_fleet(request, staff))


@router.get("/terminals/{terminal}")
def terminal_page(terminal: Annotated[str, PathParam(max_length=64)], request: Request,
                  staff: Annotated[Staff, Depends(allow(FLEET))]) -> HTMLResponse:
    console = staff.console
    rows = console.store.terminals(terminal)
    if not rows:
        raise Refused(404, "没有这台终端", "no such terminal", staff)
    row = rows[0]
    now = console.clock()
    beats = console.store.heartbeats(terminal)
    view = fleet.summary(row, beats, now, console.policy.fleet)
    for f in view["flags"]:
        f["level"] = "bad" if f["code"] in fleetview.SEVERE else "warn"
    with console.read() as c:
        entries = audit.entries(c, target=f"terminal:{terminal}", limit=50)
        its_calls = calls.recent(c, terminal)
    last = row["last_heartbeat"] or {}
    return render(request, staff, "terminal.html", title=(f"终端 {terminal}", f"Terminal {terminal}"),
                  terminal=view, level=fleetview.level([f["code"] for f in view["flags"]]), last=last,
                  devices=sorted((last.get("devices") or {}).items()), registered=row["created_at"],
                  chart=charts.heartbeat_chart(beats, console.policy.fleet.interval), beats=len(beats),
                  events=list(reversed(console.store.events(terminal, 30))), entries=entries, calls=its_calls,
                  may_ack=staff.may(CALLS))
