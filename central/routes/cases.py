"""Progress queries: one case by tracking number (in full only to the terminal that took it), a present citizen's
cases."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path as PathParam, Request

from central import presence
from central.deps import AppSettings, Store, Terminal
from protocol.wire import Case, CaseList, CaseStatus, CitizenRequest

router = APIRouter()
Policy = Annotated[presence.PresencePolicy, Depends(presence.policy)]


@router.get("/v1/cases/{tracking}", responses={404: {}, 429: {}})
def case(tracking: Annotated[str, PathParam(max_length=64)], terminal: Terminal, store: Store,
         settings: AppSettings, policy: Policy) -> Case | CaseStatus:
    found = store.case(tracking)
    if found is not None and found["terminal"] == terminal:
        return Case(**found)
    # every number that is not its own counts, found or not: walking a busy terminal's sequence mostly hits
    if not store.note_lookup(terminal, settings.clock(), policy.foreign_lookups_per_hour):
        raise HTTPException(429, detail={"reason": "lookups_rate_limited",
                                         "message": f"more than {policy.foreign_lookups_per_hour} lookups of other"
                                                    " terminals' tracking numbers in an hour"})
    if found is None:
        raise HTTPException(404, detail={"reason": "no_such_case"})
    return CaseStatus(**{k: found[k] for k in CaseStatus.model_fields})


@router.post("/v1/citizen/cases", responses={403: {}})
def citizen_cases(payload: CitizenRequest, request: Request, terminal: Terminal, store: Store) -> CaseList:
    id_hash = presence.citizen(request, payload.presence, terminal)
    return CaseList(cases=[Case(**c) for c in store.cases_by_id_hash(id_hash)])
