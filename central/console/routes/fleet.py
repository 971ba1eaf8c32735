"""The fleet pages: every terminal with its site, last heartbeat and flags (filtered and sorted on the server), and
one terminal with its devices, heartbeat chart, calls, events, audit entries and configuration overlay."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path as PathParam, Request
from fastapi.responses import HTMLResponse

from central import calls, fleet
from central.console import audit, charts, fleetview, overlayview
from central.console.roles import CALLS, FLEET, OVERLAYS
from central.console.web import Refused, Staff, allow, render
from protocol.overlays import OVERLAYABLE

router = APIRouter(prefix="/console", include_in_schema=False)
_TITLE = ("终端", "Fleet")
NEIGHBOURS = 200  # terminals of the same site listed in the overlay panel


def _fleet(request: Request, staff: Staff) -> dict:
    console = staff.console
    query = fleetview.FleetQuery.parse(request.query_params)
    found, matching = fleetview.rows(console.store, console.clock(), console.policy.fleet, query)
    pages = max(1, -(-matching // fleetview.PAGE))
    return {"query": query, "rows": found, "total": matching, "pages": pages,
            "sites": console.store.sites(), "flags": fleet.FLAGS,
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
    return terminal_view(request, staff, terminal)


def terminal_view(request: Request, staff: Staff, terminal: str, *, status: int = 200,
                  overlay_form: dict | None = None) -> HTMLResponse:
    """The terminal page; `overlay_form`: what was typed into the overlay form when it was refused (scope, toml,
    problems)."""
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
    targets = [f"terminal:{terminal}"] + ([f"site:{row['site']}"] if row["site"] else [])
    with console.read() as c:
        entries = sorted((e for t in targets for e in audit.entries(c, target=t, limit=50)),
                         key=lambda e: -e["id"])[:50]
        its_calls = calls.recent(c, terminal)
    last = row["last_heartbeat"] or {}
    return render(request, staff, "terminal.html", title=(f"终端 {terminal}", f"Terminal {terminal}"), status=status,
                  terminal=view, level=fleetview.level([f["code"] for f in view["flags"]]), last=last,
                  devices=sorted((last.get("devices") or {}).items()), registered=row["created_at"],
                  chart=charts.heartbeat_chart(beats, console.policy.fleet.interval), beats=len(beats),
                  events=list(reversed(console.store.events(terminal, 30))), entries=entries, calls=its_calls,
                  may_ack=staff.may(CALLS), overlay=_overlay(console.store, row, staff, overlay_form))


def _overlay(store, row: dict, staff: Staff, form: dict | None) -> dict:
    """The configuration overlay panel: what the terminal runs and reports, the versions of it and its site, how
    every terminal of its site stands, and the form (for the roles that may publish)."""
    terminal, site = row["id"], row["site"]
    runs = store.overlay_for(terminal)
    versions = store.overlay_versions(f"terminal:{terminal}", limit=20)
    if site:
        versions = sorted(versions + store.overlay_versions(f"site:{site}", limit=20), key=lambda v: -v["version"])
    # the terminal and the others of its site (a site overlay reaches them all), a hall's worth at most
    others = [t["id"] for t in store.terminals() if site and t["site"] == site and t["id"] != terminal]
    neighbours = [s for tid in [terminal, *others[:NEIGHBOURS]] for s in store.overlay_status(tid)]
    form = form or {"scope": "terminal", "toml": runs["toml"], "problems": None}
    return {"runs": runs, "status": next(s for s in neighbours if s["terminal"] == terminal), "site": site,
            "versions": versions[:20], "neighbours": neighbours, "form": form, "may_publish": staff.may(OVERLAYS),
            "states": overlayview.STATES, "bad_states": overlayview.BAD_STATES, "overlayable": OVERLAYABLE}
