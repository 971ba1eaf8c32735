"""What terminals push: batches of submissions, ratings and events (one result per item), and heartbeats."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException

from central.deps import Store, Terminal
from protocol.wire import Batch, BatchResult, Heartbeat, ItemResult

router = APIRouter()


@router.post("/v1/batch")
def batch(payload: Batch, terminal: Terminal, store: Store) -> BatchResult:
    if len({i.id for i in payload.items}) != len(payload.items):
        raise HTTPException(422, detail={"reason": "duplicate_ids_in_batch"})
    results = store.accept_batch(terminal, [i.model_dump() for i in payload.items])
    return BatchResult(results=[ItemResult(**r) for r in results])


@router.post("/v1/heartbeat")
def heartbeat(status: Heartbeat, terminal: Terminal, store: Store) -> dict:
    store.heartbeat(terminal, status.model_dump())
    return {"ok": True}
