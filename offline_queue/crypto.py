"""Crypto suite seam: record cipher + request MAC chosen by name; key file created 0600 on first start."""

from __future__ import annotations

import hashlib
import hmac as std_hmac
import os
from pathlib import Path
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from offline_queue.errors import KeyMissingError

KEY_BYTES = 32
_NONCE = 12
_TAG = 16


class CryptoSuite(Protocol):
    """Encrypts records at rest (nonce || ciphertext || tag) and computes request MACs."""

    name: str
    mac_name: str

    def encrypt(self, plaintext: bytes, aad: bytes, nonce: bytes | None = None) -> bytes:
        """`nonce`: 12 fresh bytes from os.urandom when the caller drew them with others; else drawn here."""
        ...

    def decrypt(self, blob: bytes, aad: bytes) -> bytes: ...

    def key_fingerprint(self) -> str: ...


def _derive(key: bytes, label: bytes, length: int) -> bytes:
    """Separate keys per purpose from the one key file, so the cipher key never doubles as a MAC key."""
    return std_hmac.new(key, label, hashlib.sha256).digest()[:length]


class AesGcmSuite:
    name = "aes-gcm+hmac-sha256"
    mac_name = "hmac-sha256"

    def __init__(self, key: bytes) -> None:
        self._key = key
        self._aead = AESGCM(_derive(key, b"record-cipher", 32))

    def encrypt(self, plaintext: bytes, aad: bytes, nonce: bytes | None = None) -> bytes:
        nonce = nonce or os.urandom(_NONCE)  # fresh per record; 96-bit random nonces are safe far beyond our volumes
        return nonce + self._aead.encrypt(nonce, plaintext, aad)

    def decrypt(self, blob: bytes, aad: bytes) -> bytes:
        try:
            return self._aead.decrypt(blob[:_NONCE], blob[_NONCE:], aad)
        except InvalidTag:
            raise KeyMissingError("record does not decrypt with this key (wrong key or tampered record)") from None

    def key_fingerprint(self) -> str:
        return _derive(self._key, b"fingerprint", 8).hex()


class Sm4GcmSuite:
    """The national algorithms (SM4-GCM, HMAC-SM3) required in government deployments (密评)."""

    name = "sm4-gcm+hmac-sm3"
    mac_name = "hmac-sm3"

    def __init__(self, key: bytes) -> None:
        self._key = key
        self._cipher_key = _derive(key, b"record-cipher-sm4", 16)

    def encrypt(self, plaintext: bytes, aad: bytes, nonce: bytes | None = None) -> bytes:
        nonce = nonce or os.urandom(_NONCE)
        enc = Cipher(algorithms.SM4(self._cipher_key), modes.GCM(nonce)).encryptor()
        enc.authenticate_additional_data(aad)
        body = enc.update(plaintext) + enc.finalize()
        return nonce + body + enc.tag

    def decrypt(self, blob: bytes, aad: bytes) -> bytes:
        nonce, body, tag = blob[:_NONCE], blob[_NONCE:-_TAG], blob[-_TAG:]
        dec = Cipher(algorithms.SM4(self._cipher_key), modes.GCM(nonce, tag)).decryptor()
        dec.authenticate_additional_data(aad)
        try:
            return dec.update(body) + dec.finalize()
        except InvalidTag:
            raise KeyMissingError("record does not decrypt with this key (wrong key or tampered record)") from None

    def key_fingerprint(self) -> str:
        return _derive(self._key, b"fingerprint", 8).hex()


SUITES = {AesGcmSuite.name: AesGcmSuite, Sm4GcmSuite.name: Sm4GcmSuite}


def make_suite(name: str, key: bytes) -> CryptoSuite:
    try:
        return SUITES[name](key)
    except KeyError:
        raise ValueError(f"unknown crypto suite {name!r}; known: {', '.join(SUITES)}") from None



def load_key(path: Path, *, create: bool) -> bytes:
    """Read the key file; with create=True make it (0600, exclusive) when absent. Raises KeyMissingError."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if not create:
            raise KeyMissingError(f"key file {path} is missing") from None
        path.parent.mkdir(parents=True, exist_ok=True)
        key = os.urandom(KEY_BYTES)
        # written whole to a private temp file, then linked into place: a crash never leaves a half key,
        # and two processes starting at once cannot each install a different key (link fails if present)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, key.hex().encode() + b"\n")
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(tmp, path)
        except FileExistsError:
            return load_key(path, create=False)
        finally:
            tmp.unlink(missing_ok=True)
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)  # the new name itself must survive a power cut
        finally:
            os.close(dir_fd)
        return key
    except PermissionError:
        raise KeyMissingError(f"key file {path} is not readable") from None
    try:
        key = bytes.fromhex(raw.decode().strip())
    except ValueError:
        raise KeyMissingError(f"key file {path} is not {KEY_BYTES * 2} hex digits") from None
    if len(key) != KEY_BYTES:
        raise KeyMissingError(f"key file {path} is not {KEY_BYTES * 2} hex digits")
    return key
