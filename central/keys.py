"""Central's own keys: the ID-hash key (names citizens), the presence token key and the data key (seals personal data
and terminal secrets at rest), 32 random bytes each, 0600, kept outside the database."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

KEY_BYTES = 32
ID_HASH_FILE = "idhash.key"
TOKEN_FILE = "presence.key"
DATA_FILE = "data.key"


class CentralKeyError(RuntimeError):
    """A key file central needs is missing, unreadable or not the key its data was written with."""


@dataclass(frozen=True)
class CentralKeys:
    id_hash: bytes  # never replaced while data exists: every stored ID hash was made with it
    token: bytes  # may be replaced at will: only presence proofs still outstanding stop working
    data: bytes  # never replaced while data exists: without it no case body, attachment or terminal secret opens


def read_key(path: Path) -> bytes | None:
    """The key in `path` (hex), or None when there is no such file."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise CentralKeyError(f"key file {path} cannot be read: {exc.strerror}") from None
    try:
        key = bytes.fromhex(raw.decode("ascii").strip())
    except (UnicodeDecodeError, ValueError):
        key = b""
    if len(key) != KEY_BYTES:
        raise CentralKeyError(f"key file {path} does not hold {KEY_BYTES * 2} hex digits")
    return key


def create_key(path: Path) -> bytes:
    """A new random key in `path` (0600). Written whole to a temp file and linked into place, so a crash never
    leaves half a key and two processes starting at once end up with the same one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    key = os.urandom(KEY_BYTES)
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
        existing = read_key(path)
        if existing is None:
            raise CentralKeyError(f"key file {path} vanished while it was being made") from None
        return existing
    finally:
        tmp.unlink(missing_ok=True)
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)  # the new name must survive a power cut too
    finally:
        os.close(dir_fd)
    return key
