"""What a terminal may see of the fleet: itself (the fleet list is staff-side: `kiosk central terminals`)."""

from __future__ import annotations

from fastapi import APIRouter

from central.deps import Store, Terminal

router = APIRouter()


@router.get("/v1/terminals/self")
def me(terminal: Terminal, store: Store) -> dict:
    return store.terminals(terminal)[0]
