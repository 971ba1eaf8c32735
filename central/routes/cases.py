"""Progress queries: one case by tracking number, a person's cases by ID hash."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path as PathParam, Query

from central.deps import Store, Terminal
from protocol.wire import ID_HASH_PATTERN, Case, CaseList

router = APIRouter()


@router.get("/v1/cases/{tracking}", responses={404: {}})
def case(tracking: Annotated[str, PathParam(max_length=64)], terminal: Terminal, store: Store) -> Case:
    found = store.case(tracking)
    if found is None:
        raise HTTPException(404, detail={"reason": "no_such_case"})
    return Case(**found)


@router.get("/v1/cases")
def cases(id_hash: Annotated[str, Query(pattern=ID_HASH_PATTERN)], terminal: Terminal, store: Store) -> CaseList:
    return CaseList(cases=[Case(**c) for c in store.cases_by_id_hash(id_hash)])
