"""Staff passwords: argon2id hashes (argon2-cffi's defaults, RFC 9106's low-memory profile), never the password."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 10
MAX_LENGTH = 256  # argon2 takes any length; a megabyte "password" would only cost us time
_HASHER = PasswordHasher()


class WeakPassword(ValueError):
    """Says in words (zh and en) what a new password lacks."""


def check_new(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise WeakPassword(f"密码至少 {MIN_LENGTH} 个字符 / a password has at least {MIN_LENGTH} characters")
    if len(password) > MAX_LENGTH:
        raise WeakPassword(f"密码最多 {MAX_LENGTH} 个字符 / a password has at most {MAX_LENGTH} characters")
    if len(set(password)) < 4:
        raise WeakPassword("密码过于简单 / the password is too simple")


def hash_password(password: str, *, new: bool = True) -> str:
    """new=False: rehashing a password that was accepted before (under whatever rules held then)."""
    if new:
        check_new(password)
    return _HASHER.hash(password)


def verify(stored: str | None, password: str) -> bool:
    """Constant work whether or not the account exists: an unknown name is checked against a hash of nothing, so
    the time a refusal takes does not say which names are accounts."""
    if len(password) > MAX_LENGTH:
        password = ""
    try:
        return _HASHER.verify(stored or _nobody(), password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return _HASHER.check_needs_rehash(stored)


@cache
def _nobody() -> str:
    return _HASHER.hash("no account has this password")
