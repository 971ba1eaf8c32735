"""What terminals push: batches of submissions, ratings and events (one result per item), and heartbeats."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from central.deps import Store, Terminal
from protocol.wire import Batch, BatchResult, ItemResult

router = APIRouter()


@router.post("/v1/batch")
def batch(payload: Batch, terminal: Terminal, store: Store) -> BatchResult:
    if len({i.id for i in payload.items}) != len(payload.items):
        raise HTTPException(422, detail={"reason": "duplicate_ids_in_batch"})
    results = store.accept_batch(terminal, [i.model_dump() for i in payload.items])
    return BatchResult(results=[ItemResult(**r) for r in results])


@router.post("/v1/heartbeat")
def heartbeat(status: dict[str, Any], terminal: Terminal, store: Store) -> dict:
    store.heartbeat(terminal, status)
    return {"ok": True}
