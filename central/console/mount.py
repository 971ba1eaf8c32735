"""Wiring the console into central's app: its routers, static files, refusal pages and security headers."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from central.console.routes import audit, calls, cases, catalog, fleet, login, overlays, ratings
from central.console.web import POLL_HEADER, STATIC, Console, ConsolePolicy, NeedLogin, Refused, render

# a new page area adds its router here
ROUTERS = (login.router, calls.router, cases.router, fleet.router, overlays.router, ratings.router, catalog.router,
           audit.router)
# pages only ever load our own CSS and script; no frames, no inline script, forms post only to us
_HEADERS = [
    (b"content-security-policy", b"default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:;"
                                 b" connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]


def mount(app: FastAPI, store, *, clock: Callable[[], float], policy: ConsolePolicy) -> None:
    app.state.console = Console(store, clock, policy)
    for router in ROUTERS:
        app.include_router(router)
    app.mount("/console/static", StaticFiles(directory=STATIC), name="console-static")
    app.add_exception_handler(NeedLogin, _need_login)
    app.add_exception_handler(Refused, _refused)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_middleware(ConsoleHeaders)


def _need_login(request: Request, _exc: NeedLogin) -> Response:
    if request.headers.get(POLL_HEADER) == "1" or request.method != "GET":
        return PlainTextResponse("login needed / 需要登录", status_code=401)
    path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse("/console/login?" + urlencode({"next": path}), status_code=303)


def _refused(request: Request, exc: Refused) -> Response:
    return render(request, exc.staff, "refused.html", title=("无法完成", "Refused"), status=exc.status,
                  zh=exc.zh, en=exc.en)


async def _invalid(request: Request, exc: RequestValidationError) -> Response:
    if not request.url.path.startswith("/console"):
        return await request_validation_exception_handler(request, exc)
    return render(request, None, "refused.html", title=("无法完成", "Refused"), status=400,
                  zh="请求参数有误", en="the address has a parameter that is not valid")


class ConsoleHeaders:
    """Security headers on every console answer; pages (not the static files) are never cached."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/console"):
            await self.app(scope, receive, send)
            return
        extra = _HEADERS + ([] if scope["path"].startswith("/console/static/") else [(b"cache-control", b"no-store")])

        async def with_headers(message) -> None:
            if message["type"] == "http.response.start":
                message = dict(message, headers=list(message.get("headers", [])) + extra)
            await send(message)

        await self.app(scope, receive, with_headers)
