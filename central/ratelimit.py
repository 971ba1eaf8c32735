"""Token buckets per key (terminal, client address), in process: central answers 429 before it does any work."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Rate:
    """`per_second` tokens refill a bucket of `burst`; each request takes one."""

    per_second: float
    burst: int

    @classmethod
    def parse(cls, text: str) -> Rate | None:
        """'RATE/BURST' such as '0.5/20', or 'off' (None); ValueError with a readable message otherwise."""
        if text.strip().lower() == "off":
            return None
        rate, sep, burst = text.partition("/")
        try:
            parsed = cls(float(rate), int(burst)) if sep else None
        except ValueError:
            parsed = None
        if parsed is None or not (0 < parsed.per_second <= 1e6) or not (1 <= parsed.burst <= 10**6):
            raise ValueError(f"{text!r} is not RATE/BURST (e.g. 0.5/20: half a request per second, bursts of 20) "
                             "or off")
        return parsed


@dataclass(frozen=True)
class RateLimits:
    """Per terminal (charged once its signature is proven, so nobody else can spend a terminal's budget: its id is
    printed on every receipt), per client address (every request), and per address on the public /verify and /p
    pages."""

    terminal: Rate | None = Rate(20.0, 300)
    # a whole service hall may reach central through one address
    address: Rate | None = Rate(100.0, 1000)
    # a person checks a paper or two; guessing codes needs thousands of tries
    verify: Rate | None = Rate(0.5, 20)


class Buckets:
    """Token buckets by key. Used from the event loop only (no lock). Past `max_keys` the longest idle key is
    forgotten: it comes back with a full bucket, which is what an idle key would have anyway after burst/rate."""

    def __init__(self, rate: Rate, *, clock: Callable[[], float] = time.monotonic, max_keys: int = 20_000) -> None:
        self.rate, self._clock, self._max = rate, clock, max_keys
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key -> (tokens, at)

    def take(self, key: str) -> float:
        """0.0 when the request may go ahead; otherwise the seconds until the next token (for Retry-After)."""
        now = self._clock()
        tokens, at = self._buckets.pop(key, (float(self.rate.burst), now))
        tokens = min(float(self.rate.burst), tokens + (now - at) * self.rate.per_second)
        wait = 0.0
        if tokens >= 1.0:
            tokens -= 1.0
        else:
            wait = (1.0 - tokens) / self.rate.per_second
        self._buckets[key] = (tokens, now)
        while len(self._buckets) > self._max:
            self._buckets.popitem(last=False)
        return wait
