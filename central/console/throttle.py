"""Slowing down one client address that keeps failing to log in, whichever accounts it tries (per process: each
worker counts its own; the per-account lockout is in the database and shared)."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ThrottlePolicy:
    burst: int = 10  # failed logins an address may have in a row
    refill_seconds: float = 30.0  # then one more try per this many seconds


class LoginThrottle:
    """A token bucket per address that only failures take from; asking costs nothing."""

    def __init__(self, policy: ThrottlePolicy = ThrottlePolicy(), *, clock: Callable[[], float] = time.monotonic,
                 max_keys: int = 20_000) -> None:
        self.policy, self._clock, self._max = policy, clock, max_keys
        self._lock = threading.Lock()  # routes run in the thread pool
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # address -> (tokens, at)

    def _tokens(self, address: str, now: float) -> float:
        tokens, at = self._buckets.get(address, (float(self.policy.burst), now))
        return min(float(self.policy.burst), tokens + (now - at) / self.policy.refill_seconds)

    def wait(self, address: str) -> float:
        """0.0 when this address may try now; otherwise seconds until it may (for Retry-After)."""
        with self._lock:
            tokens = self._tokens(address, self._clock())
        return 0.0 if tokens >= 1.0 else (1.0 - tokens) * self.policy.refill_seconds

    def failed(self, address: str) -> None:
        with self._lock:
            now = self._clock()
            tokens = max(0.0, self._tokens(address, now) - 1.0)
            self._buckets.pop(address, None)
            self._buckets[address] = (tokens, now)
            while len(self._buckets) > self._max:
                self._buckets.popitem(last=False)
