"""The print job on its way to paper, kept on disk (sealed with the queue's key) so a crash cannot lose it silently."""

from __future__ import annotations

import base64
import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path

from kiosk.crashes import write_atomically

log = logging.getLogger(__name__)

AAD = b"kiosk-print-journal-v1"


@dataclass(frozen=True)
class Unfinished:
    """A job the last run started and never saw finish; what staff see (no citizen data) and the bytes to resend."""

    layout: str
    title: str
    started: float
    data: bytes


class PrintJournal:
    """`<dir>/print-inflight.json` holds the job being printed now; at start, one left by a crashed run becomes
    `<dir>/print-unfinished.json`, offered for reprint in staff mode until reprinted or dismissed.

    The built bytes (ESC/POS, PDF) are sealed with `suite` (the queue's cipher and key: a certificate names its holder);
    without a suite (no queue), only the job's kind and time are kept and the reprint is not possible."""

    def __init__(self, folder: Path, suite=None, clock=time.time, name: str = "print") -> None:
        # one journal per printer (`name`: "print" for receipts, "a4-print" for A4): both may print at once
        self.inflight = folder / f"{name}-inflight.json"
        self.unfinished_path = folder / f"{name}-unfinished.json"
        self._suite = suite
        self._clock = clock
        self._current: int | None = None
        if self.inflight.exists():
            self.inflight.replace(self.unfinished_path)
            log.warning("a print job was interrupted by the end of the last run; offered for reprint in staff mode")

    def begin(self, job_id: int, layout: str, title: str, data: bytes) -> None:
        sealed = self._suite.encrypt(data, AAD) if self._suite is not None and data else b""
        record = {"layout": layout, "title": title, "started": self._clock(),
                  "data": base64.b64encode(sealed).decode("ascii")}
        try:
            write_atomically(self.inflight, json.dumps(record).encode())
            self._current = job_id
        except OSError as e:
            log.error("print journal not written: %s", e)

    def finished(self, job_id: int) -> None:
        """The printer took the whole job (or the visit it was for ended on screen)."""
        if self._current == job_id:
            self.forget_current()

    def forget_current(self) -> None:
        self._current = None
        self.inflight.unlink(missing_ok=True)

    def unfinished(self) -> Unfinished | None:
        try:
            record = json.loads(self.unfinished_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as e:
            log.warning("unfinished print record unreadable (%s); dropped", type(e).__name__)
            self.dismiss()
            return None
        data = b""
        sealed = base64.b64decode(record.get("data", ""))
        if sealed and self._suite is not None:
            try:
                data = self._suite.decrypt(sealed, AAD)
            except Exception:  # another key (queue started over): the kind and time still show
                log.warning("unfinished print job cannot be decrypted with this queue's key")
        return Unfinished(str(record.get("layout", "?")), str(record.get("title", "?")),
                          float(record.get("started", 0)), data)

    def dismiss(self) -> None:
        self.unfinished_path.unlink(missing_ok=True)
