"""The gate every request passes before FastAPI runs: rate limits, body caps and terminal authentication, in an
order that refuses before central reads a body (a pure ASGI middleware: FastAPI reads JSON bodies before any
dependency could look at a header)."""

from __future__ import annotations

from collections.abc import Callable

from starlette.concurrency import run_in_threadpool

from central import answers, auth, bodies, replies
from central.ratelimit import Buckets, RateLimits
from central.storage import CentralStore
from protocol import signing

AUTHENTICATED = "/v1/"  # every route under it belongs to terminals; the rest (/verify, /p, /health, docs) is public
# pages anyone may open from a printed QR code: /verify codes and /p links carry a MAC (protocol.receipt_link), so
# tracking numbers being sequential does not make them walkable; the limit caps guessing the secret part
PUBLIC_PAGES = ("/verify/", "/p/")
_TERMINAL_HEADER = signing.TERMINAL.lower().encode()
_LIMIT_MESSAGE = "too many requests; retry after the time in Retry-After"
_SURROGATE_MESSAGE = "the JSON text holds a lone UTF-16 surrogate escape, which is not a character; nothing was stored"


class Gate:
    def __init__(self, app, *, store: CentralStore, clock: Callable[[], float], limits: RateLimits) -> None:
        self.app, self._store, self._clock = app, store, clock
        self._terminal = Buckets(limits.terminal) if limits.terminal else None
        self._address = Buckets(limits.address) if limits.address else None
        self._verify = Buckets(limits.verify) if limits.verify else None

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path, method = scope["path"], scope["method"]
        address = (scope.get("client") or ("unknown", 0))[0]
        for buckets, applies in ((self._address, True), (self._verify, path.startswith(PUBLIC_PAGES))):
            wait = buckets.take(address) if buckets and applies else 0.0
            if wait:
                await replies.deny(send, 429, "rate_limited", _LIMIT_MESSAGE, retry_after=wait, close=True)
                return
        caller = remembered = None
        try:
            # a request naming a terminal is checked (and answered signed) wherever it goes, even to a 404
            if path.startswith(AUTHENTICATED) or any(name == _TERMINAL_HEADER for name, _ in scope["headers"]):
                # with the secret this process already holds, on the loop; else the store is blocking I/O: it runs
                # in the thread pool, never on the event loop
                caller = remembered = auth.precheck(scope, self._store, self._clock(), cached=True)
                if caller is None:
                    caller = await run_in_threadpool(auth.precheck, scope, self._store, self._clock())
                answers.answer_to(scope, caller)
            body = await self._read(scope, receive, method, path)
        except auth.Denied as denied:
            if denied.caller is not None:
                answers.answer_to(scope, denied.caller)
            await replies.deny(send, denied.status, denied.reason, denied.message, close=True)
            return
        except bodies.TooLarge:
            if remembered is not None:
                # refused unread: signed with the secret stored now, not the one remembered (a re-keyed terminal)
                answers.answer_to(scope, await self._stored_caller(scope))
            await replies.deny(send, 413, "body_too_large",
                               f"request body larger than {bodies.cap_for(method, path)} bytes", close=True)
            return
        except bodies.Disconnected:
            return
        try:
            if caller is not None:
                try:
                    caller = await run_in_threadpool(auth.check_signature, scope, caller, body, self._store)
                except auth.Denied as denied:
                    # signed with the secret the database holds now (unsigned when the terminal is gone)
                    answers.answer_to(scope, denied.caller)
                    await replies.deny(send, denied.status, denied.reason, denied.message)
                    return
                answers.answer_to(scope, caller)
                wait = self._terminal.take(caller.terminal) if self._terminal else 0.0
                if wait:
                    await replies.deny(send, 429, "rate_limited", _LIMIT_MESSAGE, retry_after=wait)
                    return
                scope[auth.SCOPE_KEY] = caller.terminal
            if body.lone_surrogate():
                await replies.deny(send, 400, "invalid_text", _SURROGATE_MESSAGE)
                return
            await self.app(scope, body.replay(receive), send)
        finally:
            body.close()

    async def _stored_caller(self, scope) -> auth.Caller | None:
        try:
            return await run_in_threadpool(auth.precheck, scope, self._store, self._clock())
        except auth.Denied as denied:
            return denied.caller

    @staticmethod
    async def _read(scope, receive, method: str, path: str) -> bodies.Body:
        cap = bodies.cap_for(method, path)
        declared = bodies.declared_length(scope["headers"])
        if declared is not None and declared > cap:
            raise bodies.TooLarge()  # said so up front: not one byte of it is read
        return await bodies.read_capped(receive, cap)
