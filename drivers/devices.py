"""Common shape of a device: started and stopped by its owner, reports through callbacks."""

from __future__ import annotations

from typing import Any, Callable, Protocol


class Device(Protocol):
    """What kiosk/ expects of every driver, real or simulated (simulators it owns are stopped by close)."""

    def start(self) -> None: ...

    def close(self) -> None: ...

    def health(self) -> dict:
        """Plain facts for diagnostics: connected, port, last error... never personal data."""
        ...


class ReaderDevice:
    """A card reader and, for url "sim:", the simulated card side it owns (a pty simulator, a virtual PC/SC
    card): that is stopped after the reader, and health says "simulated" so nobody takes it for hardware."""

    def __init__(self, reader: Any, simulator: Any = None, *, stop_simulator: Callable[[], None] | None = None,
                 sim_facts: Callable[[], dict] | None = None) -> None:
        self.reader = reader
        self.simulator = simulator
        self._stop_simulator = stop_simulator or (simulator.close if simulator is not None else None)
        self._sim_facts = sim_facts

    def subscribe(self, listener: Callable[[Any], None]) -> None:
        self.reader.subscribe(listener)

    def start(self) -> None:
        self.reader.start()

    def close(self) -> None:
        self.reader.close()
        if self._stop_simulator is not None:
            self._stop_simulator()

    def health(self) -> dict:
        h = self.reader.health()
        if self.simulator is not None:
            h["simulated"] = True
            if self._sim_facts is not None:
                h.update(self._sim_facts())
        return h
