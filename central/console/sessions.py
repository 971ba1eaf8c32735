"""Server-side console sessions: the cookie holds a random token, the database only its SHA-256. A session starts
anonymous (it carries the login form's CSRF token) and a login replaces it with a new one, so a token anybody saw
before the login is worth nothing after it."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import Connection, and_, delete, insert, or_, select, update

from central.schema import staff_sessions


@dataclass(frozen=True)
class SessionPolicy:
    idle_seconds: float = 1800.0  # no request for this long ends a session
    max_seconds: float = 12 * 3600.0  # a session ends this long after its login, busy or not
    anonymous_seconds: float = 600.0  # a login form left open longer asks to be loaded again
    touch_every: float = 15.0  # last_seen is written at most this often (not on every request)


@dataclass(frozen=True)
class Session:
    id: str  # SHA-256 of the token
    username: str | None
    csrf: str
    created_at: float
    last_seen: float

    def csrf_matches(self, sent: str | None) -> bool:
        return bool(sent) and hmac.compare_digest(self.csrf.encode(), str(sent).encode())


def token_id(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start(c: Connection, username: str | None, now: float, policy: SessionPolicy) -> str:
    """A new session; returns the token for the cookie (the only copy). Expired sessions are swept here."""
    c.execute(delete(staff_sessions).where(or_(
        staff_sessions.c.last_seen < now - policy.idle_seconds,
        staff_sessions.c.created_at < now - policy.max_seconds,
        and_(staff_sessions.c.username.is_(None), staff_sessions.c.last_seen < now - policy.anonymous_seconds))))
    token = secrets.token_urlsafe(32)
    c.execute(insert(staff_sessions).values(id=token_id(token), username=username, csrf=secrets.token_urlsafe(32),
                                            created_at=now, last_seen=now))
    return token


def login_token(key: bytes, now: float) -> str:
    """The login form's CSRF token, signed rather than stored: loading the form writes nothing. The browser gets it
    twice (cookie and form field); a post must bring both, equal, signed by us and young."""
    head = f"{int(now)}.{secrets.token_urlsafe(16)}"
    return head + "." + hmac.new(key, head.encode(), hashlib.sha256).hexdigest()


def login_token_ok(key: bytes, cookie: str | None, sent: str | None, now: float, policy: SessionPolicy) -> bool:
    if not cookie or not sent or len(cookie) > 160 or not hmac.compare_digest(cookie.encode(), str(sent).encode()):
        return False
    head, _, mac = cookie.rpartition(".")
    if not hmac.compare_digest(mac.encode(), hmac.new(key, head.encode(), hashlib.sha256).hexdigest().encode()):
        return False
    issued = head.partition(".")[0]
    return issued.isdigit() and 0 <= now - int(issued) <= policy.anonymous_seconds


def find(c: Connection, token: str | None, now: float, policy: SessionPolicy) -> Session | None:
    """The live session of a cookie's token; None for no token, an unknown one or an expired one."""
    if not token or len(token) > 128:
        return None
    row = c.execute(select(staff_sessions.c.id, staff_sessions.c.username, staff_sessions.c.csrf,
                           staff_sessions.c.created_at, staff_sessions.c.last_seen)
                    .where(staff_sessions.c.id == token_id(token))).first()
    if row is None:
        return None
    found = Session(*row)
    idle = policy.idle_seconds if found.username else policy.anonymous_seconds
    if now - found.last_seen > idle or now - found.created_at > policy.max_seconds:
        return None
    return found


def touch(c: Connection, session: Session, now: float, policy: SessionPolicy) -> None:
    if now - session.last_seen >= policy.touch_every:
        c.execute(update(staff_sessions).where(staff_sessions.c.id == session.id).values(last_seen=now))


def end(c: Connection, session_id: str) -> None:
    c.execute(delete(staff_sessions).where(staff_sessions.c.id == session_id))


def end_all(c: Connection, username: str, *, keep: str | None = None) -> None:
    """Every session of the account (but `keep`, the one asking)."""
    c.execute(delete(staff_sessions).where(and_(staff_sessions.c.username == username,
                                                staff_sessions.c.id != (keep or ""))))
