"""How the kiosk reaches central: https only (plain http to this machine in development), a CA file, a key pin."""

from __future__ import annotations

import base64
import binascii
import hashlib
import ipaddress
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    import ssl


LOOPBACK_NAMES = ("localhost",)


def check_url(url: str, *, allow_plain_http_loopback: bool) -> str:
    """The URL without a trailing slash, or ValueError saying what is wrong with it."""
    try:
        parts = urlsplit(url.strip())
        host, _port = parts.hostname, parts.port  # .port raises on a port that is not a number
    except ValueError as exc:
        raise ValueError(f"not a URL ({exc})") from None
    if parts.scheme not in ("https", "http") or not host or parts.query or parts.fragment or parts.username:
        raise ValueError("must be a URL like https://central.example.gov.cn (scheme and host, nothing else)")
    if parts.scheme == "http":
        if not is_loopback(host):
            raise ValueError("must use https:// (plain http:// would let anyone on the network read and change "
                             "the traffic; it is allowed only to this machine, for development)")
        if not allow_plain_http_loopback:
            raise ValueError("plain http:// needs allow_plain_http_loopback = true (development only)")
    return url.strip().rstrip("/")


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def parse_pin(pin: str) -> bytes:
    """sha256 of the server certificate's SubjectPublicKeyInfo, as 64 hex digits or base64 (44 characters)."""
    text = pin.strip().removeprefix("sha256/")
    try:
        raw = bytes.fromhex(text) if len(text) == 64 else base64.b64decode(text, validate=True)
    except (ValueError, binascii.Error):
        raw = b""
    if len(raw) != 32:
        raise ValueError("must be the SHA-256 of the server's public key: 64 hex digits or 44 base64 characters")
    return raw


def spki_sha256(der_certificate: bytes) -> bytes:
    # imported here: the kiosk's configuration imports this module, and its first frame does not wait for x509
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    key = x509.load_der_x509_certificate(der_certificate).public_key()
    return hashlib.sha256(key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)).digest()


@lru_cache(maxsize=None)
def _pinned_socket() -> type:
    """ssl's socket that checks the pin right after the handshake, before a byte of the request is written (made
    on first use: ssl is not imported before the kiosk's first frame)."""
    import ssl

    class PinnedSocket(ssl.SSLSocket):
        def do_handshake(self, block: bool = False) -> None:
            super().do_handshake(block)
            want = self.context.pin  # type: ignore[attr-defined]
            if want is not None and spki_sha256(self.getpeercert(binary_form=True) or b"") != want:
                self.close()
                raise ssl.SSLCertVerificationError("central's public key does not match pin_sha256")

    return PinnedSocket


def client_context(ca_file: str | Path | None = None, pin_sha256: str = "") -> ssl.SSLContext:
    """Certificate and host name checked against `ca_file` (PEM) or the system's store; optionally pinned.
    ValueError when the CA file cannot be used."""
    import ssl

    try:
        context = ssl.create_default_context(cafile=str(ca_file) if ca_file else None)
    except (OSError, ssl.SSLError) as exc:
        raise ValueError(f"ca_file {ca_file}: cannot load CA certificates from it ({exc})") from None
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.pin = parse_pin(pin_sha256) if pin_sha256 else None  # type: ignore[attr-defined]
    context.sslsocket_class = _pinned_socket()
    return context
