"""The fleet as central sees it: registered terminals and their last heartbeat."""

from __future__ import annotations

from fastapi import APIRouter

from central.deps import Store, Terminal

router = APIRouter()


@router.get("/v1/terminals")
def terminals(terminal: Terminal, store: Store) -> dict:
    return {"terminals": store.terminals()}
