"""Record payload codec (pure): the compact UTF-8 JSON a record body is encrypted as, and back."""

from __future__ import annotations

import json

import orjson

# the standard library's encoder, for the one thing orjson refuses that JSON can say: ints beyond 64 bits
_STD_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def pack(body: dict) -> bytes:
    """Compact UTF-8 JSON, with orjson (~0.5 µs on a realistic form against ~7.5 µs for json.dumps).

    JSON because it is what central receives: what it cannot say (bytes, sets, objects: TypeError; text that
    is not Unicode, such as lone surrogates: UnicodeEncodeError) could never be sent, so it is refused now,
    while the citizen is still at the terminal, instead of being found by the sync worker later."""
    try:
        return orjson.dumps(body, option=orjson.OPT_NON_STR_KEYS)
    except TypeError:
        return _STD_ENCODE(body).encode()


def unpack(data: bytes) -> dict:
    body = json.loads(data)
    if not isinstance(body, dict):
        raise ValueError("record payload is not a JSON object")
    return body
