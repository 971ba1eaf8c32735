"""Slowing down one client address that keeps failing to log in, whichever accounts it tries: one budget per
address in the database, shared by every worker process (like the per-account lockout)."""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, bindparam, case, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite

from central.schema import console_login_throttle as table


@dataclass(frozen=True)
class ThrottlePolicy:
    burst: int = 10  # failed logins an address may have in a row
    refill_seconds: float = 30.0  # then one more try per this many seconds


_NOW, _STEP = bindparam("now"), bindparam("step")
# a token bucket as one number (the generic cell rate algorithm): full_at, when the address's bucket is full again;
# a try may go ahead while full_at lies less than burst-1 steps ahead, and pushes it one step further. One
# INSERT … ON CONFLICT DO UPDATE … RETURNING decides and takes atomically (PostgreSQL locks the row, SQLite holds
# its write lock), so parallel tries on any workers cannot all pass before one is counted.
_TAKE = {name: dialect.insert(table).values(address=bindparam("key"), full_at=_NOW + _STEP)
         .on_conflict_do_update(index_elements=["address"],
                                set_={"full_at": case((table.c.full_at > _NOW, table.c.full_at), else_=_NOW) + _STEP},
                                where=table.c.full_at - _NOW <= bindparam("ahead"))
         .returning(table.c.full_at) for name, dialect in (("postgresql", postgresql), ("sqlite", sqlite))}
_FULL_AT = select(table.c.full_at).where(table.c.address == bindparam("key"))
_GIVE_BACK = update(table).where(table.c.address == bindparam("key")).values(full_at=table.c.full_at - _STEP)
# a full bucket is what a missing row means; rows another transaction holds are left for the next sweep, so a
# sweep never waits for (or deadlocks with) a login
_SWEEP = delete(table).where(table.c.address.in_(
    select(table.c.address).where(table.c.full_at <= _NOW).with_for_update(skip_locked=True)))


class LoginThrottle:
    """Only failures spend: a try takes a token before the password is checked and a right one gives it back
    (give_back, in the login's transaction). Addresses are kept as a keyed hash: an address is personal data."""

    def __init__(self, engine: Engine, key: bytes, policy: ThrottlePolicy = ThrottlePolicy(), *,
                 clock: Callable[[], float] = time.time) -> None:
        # a wall clock: the workers' monotonic clocks do not agree
        self.engine, self.policy, self._clock = engine, policy, clock
        self._key = hmac.new(key, b"console login throttle", hashlib.sha256).digest()
        self._swept = float("-inf")  # old rows are swept at most once a refill period per worker

    def address_hash(self, address: str) -> str:
        return hmac.new(self._key, address.encode(), hashlib.sha256).hexdigest()

    def take(self, address: str) -> float:
        """0.0 when this address may try now (a token is taken); otherwise seconds until it may (for Retry-After)."""
        step = self.policy.refill_seconds
        params = {"key": self.address_hash(address), "now": self._clock(), "step": step,
                  "ahead": (self.policy.burst - 1) * step}
        with self.engine.begin() as c:
            taken = c.execute(_TAKE[c.dialect.name], params).first()
            full_at = None if taken else c.execute(_FULL_AT, params).scalar_one()
        if params["now"] - self._swept >= step:  # a second write per try would let a login flood crowd out syncs
            self._swept = params["now"]
            with self.engine.begin() as c:
                c.execute(_SWEEP, params)
        return 0.0 if full_at is None else full_at - params["now"] - params["ahead"]

    def give_back(self, c, address: str) -> None:
        c.execute(_GIVE_BACK, {"key": self.address_hash(address), "step": self.policy.refill_seconds})
