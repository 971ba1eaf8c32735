"""Kiosk-generated record ids (ULID): sortable by time, unique without coordination, used as idempotency keys."""

from __future__ import annotations

from ulid import ULID


def new_id() -> str:
    """26-character Crockford base32 ULID; its time prefix keeps ids roughly in creation order."""
    return str(ULID())


def is_id(value: str) -> bool:
    try:
        ULID.from_str(value)
    except (ValueError, TypeError):
        return False
    return True
