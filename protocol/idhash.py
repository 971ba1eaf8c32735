"""How central names a citizen: a keyed hash of the ID number (only central holds the key; never sent in a URL)."""

from __future__ import annotations

import hashlib
import hmac


def central_id_hash(key: bytes, id_number: str) -> str:
    """HMAC-SHA256 under central's ID-hash key: without the key, a region and birth year no longer give it away."""
    return hmac.new(key, b"hall-kiosk/id/v2:" + id_number.strip().upper().encode(), hashlib.sha256).hexdigest()
