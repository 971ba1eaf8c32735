"""Test helpers for card readers: an event log to wait on, and a simulator + driver pair on a real pty."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import Any, Callable, Iterator

from drivers.idcard.driver import IdCardReader
from drivers.idcard.photo import SimPhotoDecoder
from drivers.idcard.profiles import CARDS_DIR
from drivers.idcard.simulator import IdCardSimulator

# generous: the pass/fail of a test never depends on speed, only on things happening at all
WAIT = 15.0


class EventLog:
    """Collects events from any thread; wait_for() blocks until one matches or the timeout ends."""

    def __init__(self) -> None:
        self.events: list[Any] = []
        self._cond = threading.Condition()

    def __call__(self, event: Any) -> None:
        with self._cond:
            self.events.append(event)
            self._cond.notify_all()

    def wait_for(self, match: Callable[[Any], bool], timeout: float = WAIT, start: int = 0) -> Any:
        with self._cond:
            found: list[Any] = []

            def seen() -> bool:
                found[:] = [e for e in self.events[start:] if match(e)]
                return bool(found)

            if not self._cond.wait_for(seen, timeout):
                raise AssertionError(f"no matching event within {timeout} s; got {self.events[start:]!r}")
            return found[0]

    def mark(self) -> int:
        with self._cond:
            return len(self.events)

    def of(self, kind: type) -> list[Any]:
        with self._cond:
            return [e for e in self.events if isinstance(e, kind)]


def is_(kind: type, **attrs: Any) -> Callable[[Any], bool]:
    return lambda e: isinstance(e, kind) and all(getattr(e, k) == v for k, v in attrs.items())


@contextlib.contextmanager
def sim_reader(
    card: str | None = None, faces_dir: Path | None = None, **reader_kw: Any
) -> Iterator[tuple[IdCardSimulator, IdCardReader, EventLog]]:
    """A simulator on a pty and the real driver on its other end, fast polling, at 115200 baud."""
    sim = IdCardSimulator(CARDS_DIR, 115200)
    sim.start()
    sim.set_card(card)
    opts = dict(poll_interval=0.05, command_timeout=0.5, reconnect_interval=0.1)
    opts.update(reader_kw)
    reader = IdCardReader(str(sim.path), decoder=SimPhotoDecoder(CARDS_DIR, faces_dir), **opts)
    log = EventLog()
    reader.subscribe(log)
    reader.start()
    try:
        yield sim, reader, log
    finally:
        reader.close()
        sim.stop()
