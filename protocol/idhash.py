"""How a citizen's ID number is named between kiosk and central (never sent in a URL in clear)."""

from __future__ import annotations

import hashlib


def central_id_hash(id_number: str) -> str:
    return hashlib.sha256(b"hall-kiosk/id/v1:" + id_number.strip().upper().encode()).hexdigest()
