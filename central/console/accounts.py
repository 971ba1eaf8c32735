"""Staff accounts: adding, resetting and disabling them, and settling a login with the per-account lockout."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select, update

from central.console import passwords, sessions
from central.console.roles import ROLES
from central.schema import staff

USERNAME = re.compile(r"^[a-z][a-z0-9._-]{1,63}$")


@dataclass(frozen=True)
class LoginPolicy:
    failures: int = 5  # wrong passwords in a row before the account locks
    lock_seconds: float = 900.0


@dataclass(frozen=True)
class Outcome:
    """ok: the password was right and the account may log in. Otherwise reason is bad_password (also for an unknown
    name: the answer does not tell them apart), locked (until locked_until) or disabled."""

    ok: bool
    reason: str = ""
    role: str = ""
    exists: bool = False
    locked_until: float | None = None
    just_locked: bool = False


def check_username(username: str) -> str:
    name = username.strip().lower()
    if not USERNAME.match(name):
        raise ValueError("用户名为 2-64 个小写字母、数字或 . _ - ，以字母开头 / a username is 2-64 lower-case letters,"
                         " digits or . _ -, starting with a letter")
    return name


def add(c: Connection, username: str, role: str, password: str, now: float, *, reset: bool = False) -> None:
    """A new account, or with reset=True a new password and role for an existing one (which also unlocks it and
    enables it again). ValueError (in words) for a bad name, role or password, or when the account's existence is
    not what `reset` says."""
    name = check_username(username)
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; use one of " + ", ".join(ROLES))
    hashed = passwords.hash_password(password)
    found = c.execute(select(staff.c.username).where(staff.c.username == name)).first() is not None
    if reset and not found:
        raise ValueError(f"no staff account {name}")
    if not reset and found:
        raise ValueError(f"staff account {name} exists already (use --reset to give it a new password)")
    if reset:
        c.execute(update(staff).where(staff.c.username == name).values(
            role=role, password_hash=hashed, failures=0, locked_until=None, disabled_at=None))
        sessions.end_all(c, name)  # whoever held a stolen session or the old password is out with it
    else:
        c.execute(insert(staff).values(username=name, role=role, password_hash=hashed, created_at=now))


def set_password_hash(c: Connection, username: str, hashed: str) -> None:
    c.execute(update(staff).where(staff.c.username == username).values(password_hash=hashed))


def disable(c: Connection, username: str, now: float) -> bool:
    """The account can no longer log in, and its sessions end; False when there is no such account."""
    done = c.execute(update(staff).where(staff.c.username == username).values(disabled_at=now)).rowcount
    sessions.end_all(c, username)
    return done == 1


def role_of(c: Connection, username: str) -> str | None:
    """The role of an enabled account; None for an unknown or disabled one."""
    row = c.execute(select(staff.c.role, staff.c.disabled_at).where(staff.c.username == username)).first()
    return None if row is None or row[1] is not None else row[0]


def listing(c: Connection) -> list[dict]:
    rows = c.execute(select(staff.c.username, staff.c.role, staff.c.created_at, staff.c.failures,
                            staff.c.locked_until, staff.c.disabled_at).order_by(staff.c.username)).all()
    return [dict(zip(("username", "role", "created_at", "failures", "locked_until", "disabled_at"), r)) for r in rows]


def stored_hash(c: Connection, username: str) -> str | None:
    """The password hash to check a login against (None: no such account). The check itself (argon2: tenths of a
    second) runs outside any transaction, so it never holds SQLite's write lock; settle() then records it."""
    name = username.strip().lower()
    if not USERNAME.match(name):
        return None
    return c.execute(select(staff.c.password_hash).where(staff.c.username == name)).scalar()


def settle(c: Connection, username: str, checked: str | None, right: bool, now: float, policy: LoginPolicy, *,
           rehashed: str | None = None) -> Outcome:
    """Records a password check made against `checked` (stored_hash's answer) in the caller's write transaction:
    a failure counts towards the lock, a success clears the count (and stores `rehashed`, a hash under newer
    parameters). A locked account is refused even with the right password until the lock runs out."""
    name = username.strip().lower()
    # FOR UPDATE: parallel guesses on PostgreSQL (READ COMMITTED) would otherwise read the same count and lose
    # failures, or write an old count over a lock just set (SQLite's BEGIN IMMEDIATE serialises them anyway)
    row = c.execute(select(staff.c.role, staff.c.password_hash, staff.c.failures, staff.c.locked_until,
                           staff.c.disabled_at).where(staff.c.username == name).with_for_update()).first() \
        if checked else None
    if row is None:
        return Outcome(False, "bad_password")
    role, stored, failures, locked_until, disabled_at = row
    right = right and stored == checked  # a password reset in between: the check was against the old one
    if locked_until is not None and locked_until > now:
        # said only to whoever knows the password: a wrong guess cannot tell a locked account from an unknown name
        return Outcome(False, "locked" if right else "bad_password", role, True, locked_until)
    if right and disabled_at is not None:  # likewise said only to whoever knows the password
        return Outcome(False, "disabled", role, True)
    if right:
        changes = {"failures": 0, "locked_until": None, **({"password_hash": rehashed} if rehashed else {})}
        c.execute(update(staff).where(staff.c.username == name).values(**changes))
        return Outcome(True, "", role, True)
    failures = (failures if locked_until is None else 0) + 1  # a lock that ran out starts the count again
    lock = now + policy.lock_seconds if failures >= policy.failures else None
    c.execute(update(staff).where(staff.c.username == name).values(failures=failures if lock is None else 0,
                                                                    locked_until=lock))
    # the guess that locks the account hears what every wrong guess hears (no 423 to find real names with)
    return Outcome(False, "bad_password", role, True, lock, just_locked=lock is not None)
