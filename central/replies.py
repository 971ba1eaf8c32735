"""Answers sent straight from ASGI middleware, before FastAPI runs: JSON shaped like FastAPI's own errors."""

from __future__ import annotations

import json

# a refused request may still be sending its body: closing makes the server drop it instead of reading it on
_CLOSE = (b"connection", b"close")


async def deny(send, status: int, reason: str, message: str, *, retry_after: float | None = None,
               close: bool = False) -> None:
    """{"detail": {"reason", "message"}}, as routes raise it; Retry-After (whole seconds) on 429."""
    body = json.dumps({"detail": {"reason": reason, "message": message}}, ensure_ascii=False).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if retry_after is not None:
        headers.append((b"retry-after", str(max(1, int(retry_after + 0.999))).encode()))
    if close:
        headers.append(_CLOSE)
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
