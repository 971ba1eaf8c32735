"""Kiosk-generated record ids (ULID): sortable by time, unique without coordination, used as idempotency keys."""

from __future__ import annotations

import os
import time

from ulid import ULID

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# every 10-bit value as its two characters (the 48-bit time prefix is 10 characters = 2 leading zero bits + 48)
_PAIRS = [_CROCKFORD[i >> 5] + _CROCKFORD[i & 31] for i in range(1024)]
# a random byte -> the character of its low 5 bits; 256 is a multiple of 32, so every character stays uniform
_RANDOM_CHAR = bytes.maketrans(bytes(range(256)), bytes(ord(_CROCKFORD[b & 31]) for b in range(256)))
_stamp: tuple[int, str] = (-1, "")  # (millisecond, its 10 characters): one tuple, replaced whole (thread-safe)


def _time_prefix(ms: int) -> str:
    return "".join([_PAIRS[(ms >> s) & 1023] for s in (40, 30, 20, 10, 0)])


def new_id(random16: bytes | None = None) -> str:
    """26-character Crockford base32 ULID; its time prefix keeps ids roughly in creation order.

    Built here rather than with ULID() because it sits on the enqueue hot path (3 µs there, 0.6 µs here):
    10 characters of milliseconds (encoded once per millisecond), then 16 characters = 80 random bits, from
    `random16` (16 bytes from os.urandom, when the caller drew them together with others) or drawn here."""
    global _stamp
    ms = time.time_ns() // 1_000_000
    stamp = _stamp
    if stamp[0] != ms:
        stamp = _stamp = (ms, _time_prefix(ms))
    return stamp[1] + (random16 or os.urandom(16)).translate(_RANDOM_CHAR).decode()


def is_id(value: str) -> bool:
    try:
        ULID.from_str(value)
    except (ValueError, TypeError):
        return False
    return True
