"""Staff PINs: the stored hash format with its safe bounds, hashing, checking and what counts as a weak PIN."""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from dataclasses import dataclass

ALGORITHM = "pbkdf2_sha256"
# below 10,000 a stolen hash gives up every PIN at once; above 2,000,000 one check stalls the kiosk for seconds
MIN_ITERATIONS = 10_000
MAX_ITERATIONS = 2_000_000
DEFAULT_ITERATIONS = 200_000
MIN_SALT_BYTES = 16
MAX_SALT_BYTES = 64
# the PIN printed in kiosk.toml and the README: it is public, so it only ever opens the forced PIN change
SHIPPED_PIN = "2468"
NEW_PIN_LENGTH = (6, 12)
_FORMAT = re.compile(r"^pbkdf2_sha256\$(\d{1,10})\$([0-9a-f]+)\$([0-9a-f]{64})$")


@dataclass(frozen=True)
class PinHash:
    iterations: int
    salt: bytes
    digest: str


def parse_pin_hash(text: str) -> PinHash:
    """ValueError with the reason when the hash is malformed or its cost is outside the safe bounds."""
    m = _FORMAT.match(text)
    if not m:
        raise ValueError("not a PIN hash: expected pbkdf2_sha256$<iterations>$<salt hex>$<64 hex digits>;"
                         " make one with `kiosk pin-hash`")
    iterations, salt_hex, digest = int(m.group(1)), m.group(2), m.group(3)
    if not MIN_ITERATIONS <= iterations <= MAX_ITERATIONS:
        raise ValueError(f"PIN hash iterations {iterations} outside {MIN_ITERATIONS:,}-{MAX_ITERATIONS:,}")
    if len(salt_hex) % 2:
        raise ValueError("PIN hash salt has an odd number of hex digits")
    if not MIN_SALT_BYTES <= len(salt_hex) // 2 <= MAX_SALT_BYTES:
        raise ValueError(f"PIN hash salt of {len(salt_hex) // 2} bytes; {MIN_SALT_BYTES}-{MAX_SALT_BYTES} expected")
    return PinHash(iterations, bytes.fromhex(salt_hex), digest)


def hash_pin(pin: str, *, iterations: int = DEFAULT_ITERATIONS, salt: bytes | None = None) -> str:
    salt = salt if salt is not None else os.urandom(MIN_SALT_BYTES)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return f"{ALGORITHM}${iterations}${salt.hex()}${digest.hex()}"


def check_pin(pin: str, pin_hash: str) -> bool:
    """Slow on purpose (up to about a second): never call it on the GUI thread."""
    parsed = parse_pin_hash(pin_hash)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), parsed.salt, parsed.iterations)
    return hmac.compare_digest(digest.hex(), parsed.digest)


def weakness(pin: str) -> str | None:
    """Why a new PIN is refused (a stable word), or None when it may be used."""
    low, high = NEW_PIN_LENGTH
    if not pin.isdigit() or not low <= len(pin) <= high:
        return "length"
    steps = {int(b) - int(a) for a, b in zip(pin, pin[1:])}
    if pin == SHIPPED_PIN or steps in ({0}, {1}, {-1}):  # 000000, 123456, 987654: tried first by anyone
        return "guessable"
    return None
