"""A check run now and then on a daemon thread until stopped; a crash in it costs one round, never the loop."""

from __future__ import annotations

import logging
import threading
from typing import Callable

log = logging.getLogger(__name__)


class Periodic:
    """Runs `job` at once and then every `interval` seconds (after each round ends) on the thread `name`."""

    def __init__(self, name: str, job: Callable[[], object], interval: float) -> None:
        self.name, self._job, self.interval = name, job, interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self._thread is not None or self.interval <= 0:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name=self.name, daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self._job()
            except Exception:  # a bug of ours must cost one round, not every one after it
                log.exception("%s crashed; trying again next interval", self.name)
            self._stop.wait(self.interval)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None
