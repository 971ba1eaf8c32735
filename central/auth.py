"""Terminal authentication, in the order that costs an attacker the most and central the least: headers, known
terminal, algorithm, timestamp window (no body read yet), then the signature over the capped body, then the nonce."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from fastapi import HTTPException, Request

from central.bodies import Body
from central.storage import CentralStore, SecretChanged
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
_HEADERS = (signing.TERMINAL, signing.TIMESTAMP, signing.NONCE, signing.SIGNATURE, signing.ALGORITHM)
SCOPE_KEY = "kiosk.terminal"  # set in the ASGI scope once a request is proven to be the terminal's own


@dataclass(frozen=True)
class Caller:
    """A request that names a registered terminal and carries well-formed signature headers (not yet verified)."""

    terminal: str
    secret: str = field(repr=False)  # a Caller in a log line or a traceback's locals must not carry it
    nonce: str
    mac_name: str
    headers: dict[str, str]


class Denied(Exception):
    """Refused: 401/403 with a reason. `caller` is set when central knows whose secret can sign the refusal."""

    def __init__(self, status: int, reason: str, caller: Caller | None = None) -> None:
        super().__init__(reason)
        self.status, self.reason, self.caller = status, reason, caller
        self.message = _MESSAGES[reason]


def precheck(scope: dict, store: CentralStore, now: float, *, cached: bool = False) -> Caller | None:
    """Everything that needs no body: a refusal here costs central one header parse and one lookup. cached: with
    the secret this process read before (no I/O; check_signature confirms it), None when it has none or would
    refuse with it (the refusal is then made, and signed, with the stored secret)."""
    raw = {name.decode("latin-1"): value.decode("latin-1") for name, value in scope["headers"]}
    headers = {h: raw.get(h.lower(), "") for h in _HEADERS}
    headers[signing.ALGORITHM] = headers[signing.ALGORITHM] or "hmac-sha256"
    terminal = headers[signing.TERMINAL]
    if not terminal:
        raise Denied(401, "missing_terminal")
    secret = store.known_secret(terminal) if cached else store.secret_of(terminal)
    if secret is None:
        if cached:
            return None
        raise Denied(403, "unknown_terminal")
    reason = signing.check_headers(headers, now=now)
    if reason in ("unknown_algorithm", "malformed_signature_headers"):
        raise Denied(401, reason)  # no usable nonce or MAC to answer with
    caller = Caller(terminal, secret, headers[signing.NONCE], headers[signing.ALGORITHM], headers)
    if reason:
        if cached:
            return None  # a refusal is signed with the secret stored now: the terminal may have been re-keyed
        raise Denied(401, reason, caller)
    return caller


def check_signature(scope: dict, caller: Caller, body: Body, store: CentralStore) -> Caller:
    """The signature over method, raw path with query and the body's hash; then the nonce is spent, in the
    transaction that confirms the secret. The caller as checked: with the secret the database holds when the one
    precheck took from this process's memory is no longer it (the terminal was re-keyed)."""
    target = scope.get("raw_path") or scope["path"].encode()
    query = scope.get("query_string") or b""
    target = target.decode("latin-1") + ("?" + query.decode("latin-1") if query else "")
    reason = signing.check_digest(scope["method"], target, body.sha256, caller.headers, secret=caller.secret)
    if reason:
        # the secret may be one this process read before the terminal was re-keyed: the database's word first
        secret = store.secret_of(caller.terminal)
        if secret is not None and secret != caller.secret:
            return check_signature(scope, replace(caller, secret=secret), body, store)
        raise Denied(401, reason, caller)
    # the nonce is spent only after the signature proved the request is the terminal's own
    try:
        spent = store.use_nonce(caller.terminal, caller.nonce, signing.MAX_SKEW_SECONDS, secret=caller.secret)
    except SecretChanged:
        secret = store.secret_of(caller.terminal)  # the row as it is now; the next try is checked against it
        if secret is None:
            raise Denied(403, "unknown_terminal") from None
        return check_signature(scope, replace(caller, secret=secret), body, store)
    if not spent:
        raise Denied(401, "replayed_nonce", caller)
    return caller


async def verify(request: Request) -> str:
    """FastAPI dependency: the terminal the gate (central.gate) authenticated, or 401 if none did."""
    terminal = request.scope.get(SCOPE_KEY)
    if not terminal:
        raise HTTPException(401, detail={"reason": "missing_terminal", "message": _MESSAGES["missing_terminal"]})
    return terminal
