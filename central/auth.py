"""Terminal authentication for central: signature, timestamp window and nonce replay checks."""

from __future__ import annotations

from fastapi import HTTPException, Request

from central.storage import CentralStore
from protocol import signing

_MESSAGES = {
    "missing_terminal": "X-Kiosk-Terminal header is missing",
    "unknown_terminal": "this terminal is not registered at central",
    "unknown_algorithm": "signature algorithm not supported",
    "malformed_signature_headers": "timestamp, nonce or signature header missing or malformed",
    "stale_timestamp": f"timestamp differs from central's clock by more than {signing.MAX_SKEW_SECONDS} s",
    "bad_signature": "signature does not match the request",
    "replayed_nonce": "this nonce was already used",
}


def _deny(status: int, reason: str) -> HTTPException:
    return HTTPException(status, detail={"reason": reason, "message": _MESSAGES[reason]})


async def verify(request: Request) -> str:
    """FastAPI dependency: the authenticated terminal id, or 401/403 with a reason."""
    store: CentralStore = request.app.state.store
    headers = {k: v for k, v in request.headers.items()}
    canon = {signing.TERMINAL: headers.get(signing.TERMINAL.lower(), ""),
             signing.TIMESTAMP: headers.get(signing.TIMESTAMP.lower(), ""),
             signing.NONCE: headers.get(signing.NONCE.lower(), ""),
             signing.SIGNATURE: headers.get(signing.SIGNATURE.lower(), ""),
             signing.ALGORITHM: headers.get(signing.ALGORITHM.lower(), "hmac-sha256")}
    terminal = canon[signing.TERMINAL]
    if not terminal:
        raise _deny(401, "missing_terminal")
    secret = store.secret_of(terminal)
    if secret is None:
        raise _deny(403, "unknown_terminal")
    path = request.scope.get("raw_path") or request.url.path.encode()
    query = request.scope.get("query_string") or b""
    target = path.decode("latin-1") + ("?" + query.decode("latin-1") if query else "")
    body = await request.body()
    reason = signing.check(request.method, target, body, canon, secret=secret, now=request.app.state.clock())
    if reason:
        raise _deny(401, reason)
    # the nonce is spent only after the signature proved the request is the terminal's own
    if not store.use_nonce(terminal, canon[signing.NONCE], signing.MAX_SKEW_SECONDS):
        raise _deny(401, "replayed_nonce")
    return terminal
