"""Presence proofs: short-lived tokens central MACs for one terminal and one citizen after a passed face check."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from dataclasses import dataclass

from fastapi import HTTPException, Request

VERSION = "p1"
_LABEL = b"hall-kiosk/presence/v1\n"

_MESSAGES = {
    "presence_malformed": "the presence proof is not one central issued",
    "presence_forged": "the presence proof was altered or not made by central",
    "presence_other_terminal": "the presence proof was issued to another terminal",
    "presence_expired": "the presence proof has expired; the citizen must be identified again",
}


@dataclass(frozen=True)
class PresencePolicy:
    ttl_seconds: int = 600
    per_terminal_per_hour: int = 60  # proofs issued; a kiosk serves far fewer people than this
    foreign_lookups_per_hour: int = 120  # tracking numbers looked up that are not the terminal's own


@dataclass(frozen=True)
class Proof:
    id: str
    token: str
    expires_at: float


class PresenceRefused(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(key: bytes, payload: str) -> bytes:
    return hmac.new(key, _LABEL + payload.encode("ascii"), hashlib.sha256).digest()


def mint(key: bytes, *, terminal: str, id_hash: str, now: float, ttl: int) -> Proof:
    """A token binding terminal, ID hash, expiry and a random id, MAC'd with central's token key."""
    proof_id = os.urandom(16).hex()
    expires = int(now) + ttl
    payload = _b64(json.dumps({"t": terminal, "h": id_hash, "e": expires, "n": proof_id},
                              separators=(",", ":"), sort_keys=True).encode())
    return Proof(proof_id, f"{VERSION}.{payload}.{_b64(_mac(key, payload))}", float(expires))


def check(key: bytes, token: str, *, terminal: str, now: float) -> str:
    """The ID hash the token names, when it is central's own, for this terminal and not expired; else
    PresenceRefused. The MAC is checked before anything in the payload is believed."""
    parts = token.split(".")
    if len(parts) != 3 or parts[0] != VERSION or not parts[1]:
        raise PresenceRefused("presence_malformed")
    try:
        mac, expected = _unb64(parts[2]), _mac(key, parts[1])
    except ValueError:  # not base64, or not ASCII at all
        raise PresenceRefused("presence_malformed") from None
    if not hmac.compare_digest(mac, expected):
        raise PresenceRefused("presence_forged")
    claims = json.loads(_unb64(parts[1]))  # central wrote it: the MAC says so
    if claims["t"] != terminal:
        raise PresenceRefused("presence_other_terminal")
    if now >= claims["e"]:
        raise PresenceRefused("presence_expired")
    return claims["h"]


async def policy(request: Request) -> PresencePolicy:  # async: no thread-pool hop for an attribute read
    return request.app.state.presence


def citizen(request: Request, token: str, terminal: str) -> str:
    """For citizen-scoped routes: the ID hash of the person present, or 403 with the reason."""
    try:
        return check(request.app.state.store.keys.token, token, terminal=terminal, now=request.app.state.clock())
    except PresenceRefused as refused:
        raise HTTPException(403, detail={"reason": refused.reason, "message": _MESSAGES[refused.reason]}) from None
