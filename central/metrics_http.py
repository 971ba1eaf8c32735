"""What central measures of every request (count and latency by route template, batches, blobs, the database pool)
and the one log line it writes for each, from a pure ASGI middleware; and the /metrics page, for this machine or a
bearer token only."""

from __future__ import annotations

import hmac
import ipaddress
import json
import logging
import os
import re
import secrets
import time
from pathlib import Path

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from starlette.routing import Mount, compile_path

from central import answers, auth
from central.metrics import CONTENT_TYPE, Family, Registry, SharedFolder, exposition, merge

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
BATCH_BUCKETS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
UNMATCHED = "(unmatched)"  # never the raw path: it may carry a tracking number
BATCH_ROUTE, BLOB_ROUTE = "/v1/batch", "/v1/blobs/{sha256}"
_REASON = re.compile(r"^[a-z][a-z0-9_]{0,47}$")  # reason codes are ours; anything else is not echoed
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")  # nginx's $request_id fits
_ANSWER_KEPT = 256 * 1024  # a batch answer for 1,000 items fits; longer ones are not read for figures
# set by a proxy in front: such a request came from elsewhere, whatever the socket says
_PROXY_HEADERS = frozenset({b"x-forwarded-for", b"x-forwarded-host", b"x-forwarded-proto", b"x-real-ip", b"forwarded"})

access_log = logging.getLogger("central.access")


class CentralMetrics:
    """This process's figures. Counters and histograms are summed over workers when central runs several (see
    `shared_dir`); gauges are per process, labelled worker=PID."""

    def __init__(self, pool=None, *, shared_dir: Path | str | None = None, token: str | None = None) -> None:
        """pool: the SQLAlchemy pool to report on; shared_dir: the folder every worker of one server writes its
        snapshot to (None: this process alone); token: a bearer token that opens /metrics from any address."""
        self.token = token or None
        self.worker = str(os.getpid())
        self._pool = pool
        r = self.registry = Registry()
        self.requests = r.add(Family("central_http_requests_total", "HTTP requests answered, by route template and"
                                     " status class", "counter", ("method", "route", "status")))
        self.latency = r.add(Family("central_http_request_duration_seconds", "Time from the request's arrival to the"
                                    " end of its answer, gate and signing included", "histogram",
                                    ("method", "route", "status"), LATENCY_BUCKETS))
        self.in_flight = r.add(Family("central_http_requests_in_flight", "Requests being answered now", "gauge",
                                      ("worker", "method", "route")))
        self.batch_size = r.add(Family("central_batch_size_items", "Items per accepted POST /v1/batch", "histogram",
                                       (), BATCH_BUCKETS))
        self.items = r.add(Family("central_batch_items_total", "Batch items by what central answered", "counter",
                                  ("result",)))
        for result in ("accepted", "duplicate", "rejected"):
            self.items.inc(result, by=0)
        self.rejected = r.add(Family("central_batch_items_rejected_total", "Rejected batch items by reason"
                                     " (attachment_not_uploaded: a submission came before its blob)", "counter",
                                     ("reason",)))
        self.blob_bytes = r.add(Family("central_blob_stored_bytes_total", "Bytes of attachments newly stored",
                                       "counter"))
        self.blobs_pending = r.add(Family("central_blob_uploads_in_flight", "Attachment uploads being received and"
                                          " written now (pending blobs)", "gauge", ("worker",)))
        self.blobs_pending.set(self.worker, value=0)
        self.pool = {name: r.add(Family(f"central_db_pool_{name}", text, "gauge", ("worker",))) for name, text in (
            ("size", "Connections the database pool keeps open"),
            ("checked_out", "Pool connections in use now"),
            ("overflow", "Connections open beyond the pool's size (negative: not yet opened)"))}
        r.add(Family("process_start_time_seconds", "Start time of the worker process since the epoch", "gauge",
                     ("worker",))).set(self.worker, value=_process_start())
        self._shared = SharedFolder(shared_dir, self.snapshot).start() if shared_dir else None

    def snapshot(self) -> dict:
        pool = self._pool
        with self.registry.lock:
            for name, read in (("size", "size"), ("checked_out", "checkedout"), ("overflow", "overflow")):
                if pool is not None and hasattr(pool, read):
                    self.pool[name].set(self.worker, value=getattr(pool, read)())
        return self.registry.snapshot()

    def exposition(self) -> str:
        own = self.snapshot()
        workers = self._shared.gather(own) if self._shared else [(int(self.worker), 0.0, own)]
        merged = merge(snap for _, _, snap in workers)
        merged["central_metrics_age_seconds"] = {
            "help": "How old each live worker's figures are in this answer (the answering worker's: 0)",
            "kind": "gauge", "labels": ["worker"], "buckets": [],
            "series": {(str(pid),): age for pid, age, _ in workers if age >= 0}}
        return exposition(merged)


def _process_start() -> float:
    """From /proc where there is one (the moment the process began, not when this module was imported)."""
    try:
        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        boot = next(float(line.split()[1]) for line in Path("/proc/stat").read_text().splitlines()
                    if line.startswith("btime "))
        return boot + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return time.time()


class Observe:
    """Outermost middleware: times each request from arrival to the last byte of its answer, counts it under its
    route template and status class, and logs one line: request id, route, status, duration, the registered
    terminal it came from, a refusal's reason code. Never a path, a query, a header value or a body."""

    def __init__(self, app, *, metrics: CentralMetrics, routes: list) -> None:
        self.app, self.metrics, self.routes = app, metrics, routes
        self._table: list[tuple[re.Pattern, str, frozenset | None]] = []
        self._seen = -1

    def _route(self, scope) -> str:
        """The template of the route this request goes to (or would, had the gate let it through)."""
        if self._seen != len(self.routes):  # routes are added while the app is built, before its first request
            self._table, self._seen = route_table(self.routes), len(self.routes)
        path, method, partial = scope["path"], scope["method"], None
        for regex, template, methods in self._table:
            if regex.match(path):
                if methods is None or method in methods:
                    return template
                partial = partial or template  # a 405 still counts under its route
        return partial or UNMATCHED

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        began = time.perf_counter()
        m, method, route = self.metrics, scope["method"], self._route(scope)
        rid = _request_id(scope)
        status, kept, received = 500, [], [0]
        keep = route == BATCH_ROUTE
        blob = route == BLOB_ROUTE and method == "PUT"

        async def observed_receive():
            message = await receive()
            if message["type"] == "http.request":
                received[0] += len(message.get("body", b""))
            return message

        async def observed_send(message) -> None:
            nonlocal status, keep
            if message["type"] == "http.response.start":
                status = message["status"]
                keep = (keep and status == 200) or status >= 400
                message = dict(message, headers=[*message.get("headers", []), (b"x-request-id", rid.encode())])
            elif message["type"] == "http.response.body" and keep:
                kept.append(message.get("body", b""))
                if sum(map(len, kept)) > _ANSWER_KEPT:
                    keep, kept[:] = False, []
            await send(message)

        with m.registry.lock:
            m.in_flight.inc(m.worker, method, route)
            if blob:
                m.blobs_pending.inc(m.worker)
        try:
            await self.app(scope, observed_receive if blob else receive, observed_send)
        finally:
            seconds = time.perf_counter() - began
            answer = _json(b"".join(kept)) if kept else None
            results = answer.get("results") if route == BATCH_ROUTE and status == 200 and answer else None
            cls = f"{status // 100}xx"
            with m.registry.lock:
                m.in_flight.inc(m.worker, method, route, by=-1)
                m.requests.inc(method, route, cls)
                m.latency.observe(method, route, cls, value=seconds)
                if blob:
                    m.blobs_pending.inc(m.worker, by=-1)
                    if status == 201:
                        m.blob_bytes.inc(by=received[0])
                if isinstance(results, list):
                    m.batch_size.observe(value=len(results))
                    for r in results:
                        outcome = r.get("result") if isinstance(r, dict) else None
                        if outcome in ("accepted", "duplicate", "rejected"):
                            m.items.inc(outcome)
                        if outcome == "rejected":
                            m.rejected.inc(_reason(r.get("reason")) or "other")
            if access_log.isEnabledFor(logging.INFO):
                _log(scope, rid, method, route, status, seconds, answer, results)


def route_table(routes: list, prefix: str = "") -> list[tuple[re.Pattern, str, frozenset | None]]:
    """(regex, template, methods) of every route, included routers opened up with their prefixes."""
    out = []
    for route in routes:
        inner = getattr(route, "original_router", None)  # an included router (FastAPI keeps them nested)
        if inner is not None:
            out += route_table(inner.routes, prefix + getattr(getattr(route, "include_context", None), "prefix", ""))
        elif isinstance(route, Mount):
            template = prefix + route.path + "/{path}"
            out.append((compile_path(prefix + route.path + "/{path:path}")[0], template, None))
        elif isinstance(getattr(route, "path", None), str):
            regex, template, _ = compile_path(prefix + route.path)
            methods = getattr(route, "methods", None)
            out.append((regex, template, frozenset(methods) if methods else None))
    return out


def _log(scope, rid: str, method: str, route: str, status: int, seconds: float, answer, results) -> None:
    fields = {"request_id": rid, "method": method, "route": route, "status": status,
              "duration_ms": round(seconds * 1000, 1)}
    # only a registered terminal's id: whatever an unknown caller put in the header is not repeated
    caller = scope.get(answers.SCOPE_KEY)
    terminal = scope.get(auth.SCOPE_KEY) or (caller.terminal if caller is not None else None)
    if terminal:
        fields["terminal"] = terminal
    if status >= 400 and isinstance(answer, dict):
        detail = answer.get("detail")
        reason = _reason(detail.get("reason")) if isinstance(detail, dict) else "invalid_request"
        if reason:
            fields["reason"] = reason
    if isinstance(results, list):
        fields["items"] = len(results)
        for outcome in ("accepted", "duplicate", "rejected"):
            fields[outcome] = sum(1 for r in results if isinstance(r, dict) and r.get("result") == outcome)
    access_log.log(logging.WARNING if status >= 500 else logging.INFO, "request", extra={"fields": fields})


def _json(raw: bytes):
    try:
        return json.loads(raw)
    except ValueError:
        return None


def _reason(value) -> str | None:
    return value if isinstance(value, str) and _REASON.match(value) else None


def _request_id(scope) -> str:
    """The proxy's X-Request-Id when it is a plain token (so nginx's and central's lines join), else a new one."""
    for name, value in scope["headers"]:
        if name == b"x-request-id":
            text = value.decode("latin-1")
            if _REQUEST_ID.match(text):
                return text
    return secrets.token_hex(8)


def may_read(scope, token: str | None) -> bool:
    """/metrics: from this machine straight (loopback, no proxy headers), or anywhere with the bearer token."""
    headers = dict(scope["headers"])
    if token:
        given = headers.get(b"authorization", b"").decode("latin-1")
        if hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
            return True
    if any(name in _PROXY_HEADERS for name in headers):
        return False
    host = (scope.get("client") or ("",))[0]
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


router = APIRouter()


@router.get("/metrics", include_in_schema=False)
def metrics_page(request: Request) -> Response:
    metrics: CentralMetrics = request.app.state.metrics
    if not may_read(request.scope, metrics.token):
        return JSONResponse({"detail": {"reason": "metrics_forbidden", "message": "metrics are readable from this"
                             " machine, or with the bearer token (--metrics-token-file)"}}, status_code=403)
    return Response(metrics.exposition(), media_type=CONTENT_TYPE)
