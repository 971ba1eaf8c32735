"""Reference central platform as a FastAPI app: the factory only wires the routers (central/routes/)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import FastAPI

from central import certificate_kinds, certificates
from central.certificate_kinds import CertificateKinds
from central.answers import SignAnswers
from central.console.mount import mount as mount_console
from central.console.web import ConsolePolicy
from central.deps import Settings
from central.presence import PresencePolicy
from central.gate import Gate
from central.metrics_http import CentralMetrics, Observe, router as metrics_router
from central.ratelimit import RateLimits
from central.routes import blobs, cases, catalog, certificates as certificate_routes, overlay, sync, terminals, verify
from central.routes import tickets as ticket_routes
from central.routes import presence as presence_routes
from central.routes import progress as progress_routes
from central.storage import CentralStore
from central.titles import ServiceTitles
from protocol.idhash import central_id_hash

if TYPE_CHECKING:  # pyHanko is imported only by a central that seals
    from central.certificate_seal import DepartmentSeal

log = logging.getLogger(__name__)


def create_app(store: CentralStore, *, catalog_file: Path | None = None,
               clock: Callable[[], float] = time.time, issuer: str = certificates.DEFAULT_ISSUER,
               public_url: str | None = None, presence: PresencePolicy | None = None,
               limits: RateLimits = RateLimits(), console: ConsolePolicy = ConsolePolicy(),
               metrics: CentralMetrics | None = None, kinds: CertificateKinds | None = None,
               seal: DepartmentSeal | None = None) -> FastAPI:
    """public_url: the base of printed verify links (default: the base URL each request arrived at);
    presence: how long proofs live and how many a terminal may ask for (default PresencePolicy());
    limits: request rates per terminal and per address, enforced before any body is read;
    console: sessions, login lockout and fleet thresholds of the staff console under /console;
    metrics: what /metrics reports and who may read it (default: this process, from this machine only);
    kinds: the certificate kinds (default: central/certificate_kinds.toml; KindsError here, at start, when unusable);
    seal: the department's signing key for certificate PDFs (None: PDFs unsigned, warned about here)."""
    app = FastAPI(title="Hall kiosk reference central platform", version="1",
                  description="Signed kiosk sync API; see docs/sync.md.")
    app.state.store = store
    app.state.clock = clock  # central.auth reads it for the timestamp window
    app.state.presence = presence or PresencePolicy()
    app.state.metrics = metrics or CentralMetrics(store.engine.pool)
    app.state.settings = Settings(catalog_file=catalog_file, clock=clock, issuer=issuer, public_url=public_url,
                                  titles=ServiceTitles(catalog_file),
                                  kinds=kinds or certificate_kinds.load(
                                      certificate_kinds.DEFAULT_FILE,
                                      lambda number: central_id_hash(store.keys.id_hash, number)),
                                  seal=seal)
    if seal is None:
        log.warning("no certificate seal configured (--seal-cert/--seal-key): certificate PDFs are issued UNSIGNED;"
                    " readers cannot check them offline")

    @app.get("/health")
    def health() -> dict:
        return {"ok": True}

    for module in (blobs, sync, presence_routes, cases, terminals, catalog, overlay, certificate_routes, verify,
                   ticket_routes, progress_routes):
        app.include_router(module.router)
    mount_console(app, store, clock=clock, policy=console)
    app.include_router(metrics_router)
    # the last added runs first: answers are signed around everything the gate and the routes say
    app.add_middleware(Gate, store=store, clock=clock, limits=limits)
    app.add_middleware(SignAnswers)
    # outermost: the time and status it records are the client's, refusals by the gate included
    app.add_middleware(Observe, metrics=app.state.metrics, routes=app.router.routes)
    return app
