"""Asking central for the overlay this terminal is to run, every heartbeat interval, on a thread of its own."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable

from kiosk.config import ConfigError
from kiosk.overlay.check import effective
from kiosk.overlay.state import Overlay, OverlayFiles
from kiosk.periodic import Periodic

log = logging.getLogger(__name__)

# the newest version the kiosk knows of -> central's overlay for it, or None when that is still current
Fetch = Callable[[int], "dict | None"]


def client_fetch(client) -> Fetch:
    """A Fetch over offline_queue's CentralClient (signed GET /v1/config-overlay; the answer's MAC is checked)."""
    return lambda known: client.config_overlay(f'"overlay-{known}"')


def _offered(answer: dict) -> Overlay:
    version, toml, target = answer.get("version"), answer.get("toml"), answer.get("target")
    if not isinstance(version, int) or isinstance(version, bool) or version < 0 or not isinstance(toml, str) \
            or not (target is None or isinstance(target, str)):
        raise ValueError("central's configuration overlay answer is malformed")
    return Overlay(version, toml, target)


class OverlayUpdates:
    """check_once() asks central and hands the answer to the files; on_change() after anything the heartbeat
    should tell at once (a refusal, a new pending overlay)."""

    def __init__(self, files: OverlayFiles, fetch: Fetch, base_path: Path, *, interval: float,
                 on_change: Callable[[], None] = lambda: None) -> None:
        self.files, self._fetch, self._base_path = files, fetch, base_path
        self.interval = interval
        self._on_change = on_change
        self._rounds = Periodic("config-overlay", self.check_once, interval)

    def check_once(self) -> str:
        """unchanged, running, known, pending, refused, or failed (network, base file): tried again next interval."""
        try:
            answer = self._fetch(self.files.known_version())
            if answer is None:
                return "unchanged"
            offered = _offered(answer)
        except Exception as e:  # offline, an answer that failed verification: next interval
            log.debug("configuration overlay not fetched: %s", e)
            return "failed"
        try:
            outcome = self.files.offer(offered, lambda text: effective(self._base_path, text))
        except (ConfigError, OSError) as e:  # kiosk.toml unreadable now, or the state folder: not the overlay's fault
            log.error("configuration overlay version %d not taken: %s", offered.version, e)
            return "failed"
        if outcome in ("pending", "refused", "running"):
            self._on_change()
        return outcome

    def start(self) -> None:
        self._rounds.start()

    def stop(self) -> None:
        self._rounds.stop()
