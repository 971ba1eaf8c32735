"""Hall tickets: a terminal takes the next number of its site's queue (docs/hall-queue.md)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, Field

from central import tickets
from central.deps import Store, Terminal

router = APIRouter()


class TicketRequest(BaseModel):
    queue: str = Field(pattern=r"^[A-Z]$")
    priority: str = Field("", pattern=r"^[A-Z]?$")
    service: str = Field("", max_length=64)
    day: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")


@router.post("/v1/tickets", responses={409: {}, 422: {}})
def take(payload: TicketRequest, terminal: Terminal, store: Store) -> dict:
    if payload.priority == payload.queue:
        raise HTTPException(422, detail={"reason": "series_mix", "message": "priority letter equals the queue's"})
    try:
        return tickets.take(store, terminal, queue=payload.queue, priority=payload.priority,
                            service=payload.service, day=payload.day)
    except tickets.NoSite:
        raise HTTPException(409, detail={"reason": "no_site", "message": "this terminal stands at no site"}) from None
