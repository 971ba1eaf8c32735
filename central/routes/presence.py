"""Presence proofs: a terminal that just saw a passed face check (or staff verification) asks for one."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException

from central import presence
from central.deps import AppSettings, Store, Terminal
from protocol import idnumber
from protocol.wire import PresenceGrant, PresenceRequest

router = APIRouter()
Policy = Annotated[presence.PresencePolicy, Depends(presence.policy)]


@router.post("/v1/presence", responses={422: {}, 429: {}})
def issue(payload: PresenceRequest, terminal: Terminal, store: Store, settings: AppSettings,
          policy: Policy) -> PresenceGrant:
    try:
        number = idnumber.checked(payload.id_number)
    except idnumber.IdNumberError as exc:
        raise HTTPException(422, detail={"reason": "invalid_id_number", "message": exc.reason}) from None
    now = settings.clock()
    id_hash = store.id_hash(number)
    proof = presence.mint(store.keys.token, terminal=terminal, id_hash=id_hash, now=now, ttl=policy.ttl_seconds)
    check = payload.check.model_dump()
    if not store.add_presence(proof_id=proof.id, terminal=terminal, id_hash=id_hash, source=payload.source,
                              check=check, issued_at=now, expires_at=proof.expires_at,
                              per_hour=policy.per_terminal_per_hour):
        raise HTTPException(429, detail={"reason": "presence_rate_limited",
                                         "message": f"more than {policy.per_terminal_per_hour} proofs in an hour"})
    return PresenceGrant(token=proof.token, expires_at=proof.expires_at, expires_in=proof.expires_at - now)
