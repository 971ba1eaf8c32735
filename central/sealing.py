"""Personal data sealed at rest: AES-256-GCM under central's data key, bound to the row or file it belongs to."""

from __future__ import annotations

import base64
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

TEXT_PREFIX = "s1:"  # a sealed text column; anything else in such a column was written before sealing existed
BYTES_MAGIC = b"KSB1"
_NONCE = 12


class Unsealable(ValueError):
    """Sealed with another key, altered, or moved to another row."""


class Sealer:
    def __init__(self, key: bytes) -> None:
        self._aead = AESGCM(key)

    def seal(self, data: bytes, context: str) -> bytes:
        nonce = os.urandom(_NONCE)
        return BYTES_MAGIC + nonce + self._aead.encrypt(nonce, data, context.encode())

    def open(self, sealed: bytes, context: str) -> bytes:
        if not sealed.startswith(BYTES_MAGIC):
            raise Unsealable(context)
        body = sealed[len(BYTES_MAGIC):]
        try:
            return self._aead.decrypt(body[:_NONCE], body[_NONCE:], context.encode())
        except InvalidTag:
            raise Unsealable(context) from None

    def seal_text(self, text: str, context: str) -> str:
        return TEXT_PREFIX + base64.b64encode(self.seal(text.encode("utf-8"), context)).decode("ascii")

    def open_text(self, sealed: str, context: str) -> str:
        if not sealed.startswith(TEXT_PREFIX):
            raise Unsealable(context)
        return self.open(base64.b64decode(sealed[len(TEXT_PREFIX):]), context).decode("utf-8")
