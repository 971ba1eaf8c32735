"""What routes share: the authenticated terminal, the store and the app's settings, as FastAPI dependencies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Callable

from fastapi import Depends, Path as PathParam, Request

from central.auth import verify
from central.storage import CentralStore
from central.titles import ServiceTitles

Terminal = Annotated[str, Depends(verify)]
Sha256 = Annotated[str, PathParam(pattern=r"^[0-9a-f]{64}$")]


@dataclass(frozen=True)
class Settings:
    """Set once by create_app; read by routes through app.state."""

    catalog_file: object  # Path | None
    clock: Callable[[], float]
    issuer: str
    public_url: str | None
    titles: ServiceTitles
    kinds: object  # central.certificate_kinds.CertificateKinds
    seal: object  # central.certificate_seal.DepartmentSeal | None: certificates' PDFs go out unsigned without one


# async: a plain attribute read runs on the event loop; a sync dependency would cost a thread-pool hop per request
async def store(request: Request) -> CentralStore:
    return request.app.state.store


async def settings(request: Request) -> Settings:
    return request.app.state.settings


Store = Annotated[CentralStore, Depends(store)]
AppSettings = Annotated[Settings, Depends(settings)]
