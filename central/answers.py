"""Signed answers: a pure ASGI middleware that MACs every answer to a terminal's signed request with its secret."""

from __future__ import annotations

from central.auth import Caller
from protocol import signing

SCOPE_KEY = "kiosk.answer_to"  # the Caller whose secret signs this request's answer (set by the gate)
_HEADER = signing.ANSWER_SIGNATURE.lower().encode()


def answer_to(scope: dict, caller: Caller) -> None:
    """From here on, whatever central answers this request is signed for `caller` (refusals included)."""
    scope[SCOPE_KEY] = caller


class SignAnswers:
    """Buffers the answer of a request that named a known terminal and adds X-Kiosk-Response-Signature over its
    status, the request's nonce and the body's hash; other answers (public pages, unknown callers) pass untouched."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start: dict | None = None
        chunks: list[bytes] = []

        async def signing_send(message) -> None:
            nonlocal start
            caller: Caller | None = scope.get(SCOPE_KEY)
            if message["type"] == "http.response.start":
                if caller is None:
                    await send(message)
                else:
                    start = message  # held until the body is complete: the MAC covers all of it
                return
            if start is None or message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            body = b"".join(chunks)
            mac = signing.sign_answer(start["status"], caller.nonce, body, terminal=caller.terminal,
                                      secret=caller.secret, mac_name=caller.mac_name)
            headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != _HEADER]
            await send(dict(start, headers=headers + [(_HEADER, mac.encode())]))
            await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, signing_send)
