"""Hall tickets: a terminal takes the next number of its site's queue; the hall's calling system reads and calls them
(docs/hall-queue.md)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import APIRouter, Header, HTTPException, Path, Query
from pydantic import BaseModel, Field

from central import tickets
from central.deps import Store, Terminal

router = APIRouter()
# ids are 32-bit database integers (PostgreSQL serial): anything larger is refused here, not by the driver with a 500
MAX_ID = 2 ** 31 - 1


class TicketRequest(BaseModel):
    queue: str = Field(pattern=r"^[A-Z]$")
    priority: str = Field("", pattern=r"^[A-Z]?$")
    service: str = Field("", max_length=64)
    day: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")


@contextmanager
def _hall_answers() -> Iterator[None]:
    """A terminal at no site, or counting by a day that is not central's: the same plain refusal on every route."""
    try:
        yield
    except tickets.NoSite:
        raise HTTPException(409, detail={"reason": "no_site", "message": "this terminal stands at no site"}) from None
    except tickets.DayOff:
        raise HTTPException(422, detail={"reason": "day_out_of_range",
                                         "message": "the counting day is not central's day (is the terminal's clock "
                                                    "right?)"}) from None


@router.post("/v1/tickets", responses={409: {}, 422: {}})
def take(payload: TicketRequest, terminal: Terminal, store: Store) -> dict:
    if payload.priority == payload.queue:
        raise HTTPException(422, detail={"reason": "series_mix", "message": "priority letter equals the queue's"})
    with _hall_answers():
        return tickets.take(store, terminal, queue=payload.queue, priority=payload.priority,
                            service=payload.service, day=payload.day)


@router.get("/v1/tickets/waiting", responses={409: {}, 422: {}})
def waiting(terminal: Terminal, store: Store, queue: str = Query(pattern=r"^[A-Z]$"),
            day: str = Query(pattern=r"^\d{4}-\d{2}-\d{2}$")) -> dict:
    with _hall_answers():
        return {"queue": queue, "day": day, "waiting": tickets.waiting(store, terminal, queue=queue, day=day)}


def _calling_site(store, site: str, authorization: str | None) -> None:
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise HTTPException(401, detail={"reason": "no_token", "message": "a calling-system bearer token is needed"})
    if tickets.token_site(store, token.strip()) != site:
        raise HTTPException(403, detail={"reason": "wrong_token", "message": "this token is not for that site"})


@router.get("/hall/v1/sites/{site}/tickets", responses={401: {}, 403: {}})
def site_tickets(site: str, store: Store, since: int = Query(0, ge=0, le=MAX_ID),
                 authorization: str | None = Header(None)) -> dict:
    _calling_site(store, site, authorization)
    rows = tickets.since(store, site, since)
    return {"tickets": rows, "next": rows[-1]["id"] if rows else since}


@router.post("/hall/v1/sites/{site}/tickets/{ticket_id}/called", responses={401: {}, 403: {}, 404: {}})
def called(site: str, store: Store, ticket_id: int = Path(ge=1, le=MAX_ID),
           authorization: str | None = Header(None)) -> dict:
    _calling_site(store, site, authorization)
    if not tickets.mark_called(store, site, ticket_id):
        raise HTTPException(404, detail={"reason": "no_ticket", "message": "no such ticket at this site"})
    return {"called": ticket_id}
