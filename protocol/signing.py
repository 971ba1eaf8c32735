"""Request signing shared by kiosk and central: HMAC over method, path, body hash, timestamp, nonce, terminal."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from protocol.macs import MACS, mac

TERMINAL = "X-Kiosk-Terminal"
TIMESTAMP = "X-Kiosk-Timestamp"
NONCE = "X-Kiosk-Nonce"
SIGNATURE = "X-Kiosk-Signature"
ALGORITHM = "X-Kiosk-Signature-Alg"
MAX_SKEW_SECONDS = 300


def canonical(method: str, path: str, body: bytes, timestamp: str, nonce: str, terminal: str) -> bytes:
    """Lines: METHOD, raw path with query, sha256(body) hex, timestamp, nonce, terminal id."""
    return "\n".join([method.upper(), path, hashlib.sha256(body).hexdigest(), timestamp, nonce, terminal]).encode()


def sign(method: str, path: str, body: bytes, *, terminal: str, secret: str, now: float,
         mac_name: str = "hmac-sha256", nonce: str | None = None) -> dict[str, str]:
    """Headers to add to a request."""
    ts = str(int(now))
    nonce = nonce or secrets.token_hex(16)
    sig = mac(mac_name, secret.encode(), canonical(method, path, body, ts, nonce, terminal))
    return {TERMINAL: terminal, TIMESTAMP: ts, NONCE: nonce, SIGNATURE: sig, ALGORITHM: mac_name}


def check(method: str, path: str, body: bytes, headers: dict[str, str], *, secret: str, now: float) -> str | None:
    """None when the signature and timestamp are good, else a short reason code (nonce replay is the caller's)."""
    ts, nonce, sig = headers.get(TIMESTAMP, ""), headers.get(NONCE, ""), headers.get(SIGNATURE, "")
    alg = headers.get(ALGORITHM, "hmac-sha256")
    if alg not in MACS:
        return "unknown_algorithm"
    if not ts.isdigit() or not (8 <= len(nonce) <= 64) or not sig:
        return "malformed_signature_headers"
    if abs(now - int(ts)) > MAX_SKEW_SECONDS:
        return "stale_timestamp"
    want = mac(alg, secret.encode(), canonical(method, path, body, ts, nonce, headers.get(TERMINAL, "")))
    if not hmac.compare_digest(want, sig.lower()):
        return "bad_signature"
    return None


def new_secret() -> str:
    return secrets.token_hex(32)


def read_secret(path: Path) -> str:
    """The terminal's shared secret, one line in a 0600 file."""
    text = Path(path).read_text().strip()
    if len(text) < 32:
        raise ValueError(f"secret in {path} is too short")
    return text


def write_secret(path: Path, secret: str) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(secret + "\n")
