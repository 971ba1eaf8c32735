"""Common shape of a device: started and stopped by its owner, reports through callbacks."""

from __future__ import annotations

from typing import Protocol


class Device(Protocol):
    """What kiosk/ expects of every driver, real or simulated (simulators it owns are stopped by close)."""

    def start(self) -> None: ...

    def close(self) -> None: ...

    def health(self) -> dict:
        """Plain facts for diagnostics: connected, port, last error... never personal data."""
        ...
