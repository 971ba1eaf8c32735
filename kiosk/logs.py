"""Logging set-up: rotating file plus stderr, every record passed through the redactor first."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from kiosk.redact import REDACTOR, Redactor

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RedactingFilter(logging.Filter):
    """Renders the message once, masks it, and freezes it so no handler sees the raw arguments."""

    def __init__(self, redactor: Redactor = REDACTOR) -> None:
        super().__init__()
        self.redactor = redactor

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must still produce a (masked) line
            message = f"{record.msg!r} {record.args!r}"
        record.msg = self.redactor(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redactor(record.exc_text)
        return True


def setup(directory: Path, level: str = "INFO", max_bytes: int = 2_000_000, backups: int = 5) -> Path:
    """Installs the handlers on the root logger; returns the log file path."""
    directory.mkdir(parents=True, exist_ok=True)
    log_file = directory / "kiosk.log"
    root = logging.getLogger()
    for h in list(root.handlers):
        root.removeHandler(h)
    redacting = RedactingFilter()
    file_handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
    )
    stderr_handler = logging.StreamHandler(sys.stderr)
    for h in (file_handler, stderr_handler):
        h.setFormatter(logging.Formatter(FORMAT))
        h.addFilter(redacting)
        root.addHandler(h)
    root.setLevel(level)
    # httpx logs every request line at INFO, URL and all: tracking numbers are in the path
    for chatty in ("httpx", "httpcore"):
        logging.getLogger(chatty).setLevel(logging.WARNING)
    return log_file
