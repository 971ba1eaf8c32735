"""The MACs a crypto suite names: HMAC-SHA256 (default) and HMAC-SM3 (national algorithms)."""

from __future__ import annotations

import hashlib
import hmac

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import hmac as c_hmac

MACS = ("hmac-sha256", "hmac-sm3")


def mac(mac_name: str, key: bytes, data: bytes) -> str:
    """Hex MAC: hmac-sha256 or hmac-sm3."""
    if mac_name == "hmac-sha256":
        return hmac.new(key, data, hashlib.sha256).hexdigest()
    if mac_name == "hmac-sm3":
        h = c_hmac.HMAC(key, hashes.SM3())
        h.update(data)
        return h.finalize().hex()
    raise ValueError(f"unknown MAC {mac_name!r}")
