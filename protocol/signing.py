"""Signing shared by kiosk and central: requests (method, path, body hash, timestamp, nonce) and central's answers."""

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
ANSWER_SIGNATURE = "X-Kiosk-Response-Signature"
MAX_SKEW_SECONDS = 300


def canonical(method: str, path: str, body: bytes, timestamp: str, nonce: str, terminal: str) -> bytes:
    """Lines: METHOD, raw path with query, sha256(body) hex, timestamp, nonce, terminal id."""
    return _canonical_digest(method, path, hashlib.sha256(body).hexdigest(), timestamp, nonce, terminal)


def _canonical_digest(method: str, path: str, body_sha256: str, timestamp: str, nonce: str, terminal: str) -> bytes:
    return "\n".join([method.upper(), path, body_sha256, timestamp, nonce, terminal]).encode()


def sign(method: str, path: str, body: bytes, *, terminal: str, secret: str, now: float,
         mac_name: str = "hmac-sha256", nonce: str | None = None) -> dict[str, str]:
    """Headers to add to a request."""
    ts = str(int(now))
    nonce = nonce or secrets.token_hex(16)
    sig = mac(mac_name, secret.encode(), canonical(method, path, body, ts, nonce, terminal))
    return {TERMINAL: terminal, TIMESTAMP: ts, NONCE: nonce, SIGNATURE: sig, ALGORITHM: mac_name}


def check(method: str, path: str, body: bytes, headers: dict[str, str], *, secret: str, now: float) -> str | None:
    """None when the signature and timestamp are good, else a short reason code (nonce replay is the caller's)."""
    return check_headers(headers, now=now) or check_digest(method, path, hashlib.sha256(body).hexdigest(), headers,
                                                           secret=secret)


def check_headers(headers: dict[str, str], *, now: float) -> str | None:
    """What can be refused before a byte of the body is read: algorithm, header format, timestamp window."""
    ts, nonce, sig = headers.get(TIMESTAMP, ""), headers.get(NONCE, ""), headers.get(SIGNATURE, "")
    if headers.get(ALGORITHM, "hmac-sha256") not in MACS:
        return "unknown_algorithm"
    if not ts.isdigit() or len(ts) > 12 or not (8 <= len(nonce) <= 64) or not nonce.isascii() or not sig:
        return "malformed_signature_headers"
    if abs(now - int(ts)) > MAX_SKEW_SECONDS:
        return "stale_timestamp"
    return None


def check_digest(method: str, path: str, body_sha256: str, headers: dict[str, str], *, secret: str) -> str | None:
    """The signature against a body already hashed while it streamed in (headers passed check_headers)."""
    alg = headers.get(ALGORITHM, "hmac-sha256")
    want = mac(alg, secret.encode(), _canonical_digest(method, path, body_sha256, headers.get(TIMESTAMP, ""),
                                                       headers.get(NONCE, ""), headers.get(TERMINAL, "")))
    if not _same_mac(want, headers.get(SIGNATURE, "")):
        return "bad_signature"
    return None


def answer_canonical(status: int, nonce: str, body: bytes, terminal: str) -> bytes:
    """What central's answer MAC covers: a fixed first line (never a request's canonical form), the status code,
    the nonce of the request it answers, sha256(body) hex, the terminal id. Item ids and statuses are in the body."""
    return "\n".join(["ANSWER", str(int(status)), nonce, hashlib.sha256(body).hexdigest(), terminal]).encode()


def sign_answer(status: int, nonce: str, body: bytes, *, terminal: str, secret: str,
                mac_name: str = "hmac-sha256") -> str:
    """The ANSWER_SIGNATURE header value central adds to its answer to a terminal's signed request."""
    return mac(mac_name, secret.encode(), answer_canonical(status, nonce, body, terminal))


def check_answer(status: int, nonce: str, body: bytes, signature: str | None, *, terminal: str, secret: str,
                 mac_name: str = "hmac-sha256") -> str | None:
    """None when central's answer carries a good MAC for our request, else why not (for the kiosk's log)."""
    if not signature:
        return "answer is not signed"
    want = sign_answer(status, nonce, body, terminal=terminal, secret=secret, mac_name=mac_name)
    if not _same_mac(want, signature):
        return "answer signature does not match"
    return None


def _same_mac(want: str, got: str) -> bool:
    # bytes, so a header with non-ASCII characters is a mismatch rather than a TypeError
    return hmac.compare_digest(want.encode(), got.strip().lower().encode("utf-8", "replace"))


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
