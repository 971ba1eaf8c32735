"""What a printed certificate and its public verify page both show, so staff can hold one against the other."""

from __future__ import annotations

import hashlib

SHOWN_HASH_DIGITS = 16  # 64 bits of sha256: a forger cannot make another text match it


def document_hash(body: str) -> str:
    """sha256 hex of the certificate's text as printed (central keeps this, never the text)."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def shown_hash(sha256_hex: str) -> str:
    """The first 16 hex digits in groups of four, as paper and page print them: '3f2a 9c1b 77d0 e415'."""
    head = sha256_hex[:SHOWN_HASH_DIGITS].lower()
    return " ".join(head[i:i + 4] for i in range(0, len(head), 4))


def grouped_code(code: str) -> str:
    """A verify code in groups of four for reading and typing: 'ABCD-EFGH-JKMN-PQRS'."""
    return "-".join(code[i:i + 4] for i in range(0, len(code), 4))
