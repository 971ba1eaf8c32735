"""Who may publish a catalog: key pairs, signatures and their checking, one algorithm seam (Ed25519; SM2 later)."""

from __future__ import annotations

import base64
import binascii
import hashlib
from typing import Sequence

from typing import TYPE_CHECKING

# cryptography is imported where keys are made or checked: the kiosk's configuration imports this module
# for check_public_key (a text check), and its first frame does not wait for ~15 ms of cryptography
if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

# Keys and signatures are text "<algorithm>:<base64>", so a kiosk.toml line says which algorithm it trusts
# and SM2 keys can sit next to Ed25519 ones during a migration.
ED25519 = "ed25519"
_RAW_PUBLIC = {ED25519: 32}
_RAW_SIGNATURE = {ED25519: 64}


class KeyTextError(ValueError):
    """A key or signature text that cannot be used (wrong algorithm, wrong length, not base64)."""


def _split(text: str, sizes: dict[str, int], what: str) -> tuple[str, bytes]:
    algorithm, sep, data = text.strip().partition(":")
    if not sep or algorithm not in sizes:
        raise KeyTextError(f"{what} must look like '{ED25519}:<base64>' (supported: {', '.join(sizes)})")
    try:
        raw = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        raise KeyTextError(f"{what} is not valid base64") from None
    if len(raw) != sizes[algorithm]:
        raise KeyTextError(f"{what} has {len(raw)} bytes, {algorithm} needs {sizes[algorithm]}")
    return algorithm, raw


def _text(algorithm: str, raw: bytes) -> str:
    return f"{algorithm}:{base64.b64encode(raw).decode('ascii')}"


def check_public_key(text: str) -> str:
    """The key text, normalised; raises KeyTextError if it is not a usable public key."""
    return _text(*_split(text, _RAW_PUBLIC, "public key"))


def key_id(public_key: str) -> str:
    """A short fingerprint for logs and `kiosk catalog keygen` output."""
    return hashlib.sha256(public_key.strip().encode("ascii")).hexdigest()[:16]


def generate() -> tuple[bytes, str]:
    """A new key pair: (private key as unencrypted PKCS#8 PEM, public key text)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return pem, public_key_of(pem)


def _load_private(pem: bytes) -> Ed25519PrivateKey:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError) as e:
        raise KeyTextError(f"not a usable private key file: {e}") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyTextError(f"private key must be {ED25519}, not {type(key).__name__}")
    return key


def public_key_of(private_pem: bytes) -> str:
    from cryptography.hazmat.primitives import serialization

    raw = _load_private(private_pem).public_key().public_bytes(serialization.Encoding.Raw,
                                                                serialization.PublicFormat.Raw)
    return _text(ED25519, raw)


def sign(private_pem: bytes, message: bytes) -> str:
    """Signature text over `message`."""
    return _text(ED25519, _load_private(private_pem).sign(message))


def verify(public_keys: Sequence[str], message: bytes, signature: str) -> str | None:
    """The trusted key that made `signature` over `message`, or None (bad signature text included)."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        algorithm, raw_signature = _split(signature, _RAW_SIGNATURE, "signature")
    except KeyTextError:
        return None
    for text in public_keys:
        key_algorithm, raw_key = _split(text, _RAW_PUBLIC, "public key")
        if key_algorithm != algorithm:
            continue
        try:
            Ed25519PublicKey.from_public_bytes(raw_key).verify(raw_signature, message)
        except InvalidSignature:
            continue
        return text
    return None
