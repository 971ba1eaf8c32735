"""This terminal's queue index (the terminal part of its offline ticket numbers): configured, or given by central and
kept on disk so it holds through restarts without the network."""

from __future__ import annotations

import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)


class QueueIndex:
    def __init__(self, path: Path, configured: int | None) -> None:
        self._path = Path(path)
        self._configured = configured
        self._given = self._read()

    @property
    def current(self) -> int | None:
        """The configured index wins (a technician set it on purpose); else central's last answer."""
        return self._configured if self._configured is not None else self._given

    def given(self, index: int | None) -> bool:
        """Central's answer; True when it changed the index in use. None (no index there, or a central too old to
        hand them out) keeps the one kept: numbers with it still never meet central's own."""
        if index is None or index == self._given:
            return False
        if not (type(index) is int and 1 <= index <= 99):
            return False
        try:
            self._write(index)
        except OSError as exc:  # a full disk: the index holds until the next restart, and is asked for again
            log.error("queue index from central not kept on disk (%s)", type(exc).__name__)
        self._given = index
        if self._configured is not None:
            if index != self._configured:
                log.warning("central gave queue index %d, [terminal] queue_index = %d is used: two terminals of the "
                            "hall may share an index; remove the setting to use central's", index, self._configured)
            return False
        log.info("queue index %d given by central", index)
        return True

    def _read(self) -> int | None:
        try:
            text = self._path.read_text(encoding="ascii").strip()
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as exc:
            log.warning("queue index file unreadable (%s): asked of central again", type(exc).__name__)
            return None
        if text.isdigit() and 1 <= int(text) <= 99:
            return int(text)
        log.warning("queue index file holds no index: asked of central again")
        return None

    def _write(self, index: int) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        part = self._path.with_name(self._path.name + ".part")
        with open(part, "w", encoding="ascii") as f:
            f.write(f"{index}\n")
            f.flush()
            os.fsync(f.fileno())
        os.replace(part, self._path)
