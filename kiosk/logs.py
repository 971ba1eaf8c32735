"""Logging set-up: rotating file plus one-line stderr, or the journal; every record passes the redactor first."""

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


class OneLineFormatter(logging.Formatter):
    """For stderr, which a technician reads: the message and a pointer, the traceback stays in the log file."""

    def format(self, record: logging.LogRecord) -> str:
        saved = record.exc_info, record.exc_text, record.stack_info
        record.exc_info = record.exc_text = record.stack_info = None
        try:
            line = super().format(record)
        finally:
            record.exc_info, record.exc_text, record.stack_info = saved
        return line + (" (traceback in the log file)" if saved[0] or saved[1] else "")


class JournalFormatter(logging.Formatter):
    """One journal entry per line, each with the record's syslog priority as the "<N>" prefix journald reads
    on a service's stderr (sd-daemon(3)); the masked traceback stays with its message, the journal dates it."""

    def format(self, record: logging.LogRecord) -> str:
        prefix = f"<{_priority(record.levelno)}>"
        return "\n".join(prefix + line for line in super().format(record).splitlines())


def _priority(levelno: int) -> int:
    for threshold, priority in ((logging.CRITICAL, 2), (logging.ERROR, 3), (logging.WARNING, 4), (logging.INFO, 6)):
        if levelno >= threshold:
            return priority
    return 7


def _stderr_handler(redacting: RedactingFilter) -> logging.Handler:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(OneLineFormatter(FORMAT))
    handler.addFilter(redacting)
    return handler


def _reset_root() -> logging.Logger:
    root = logging.getLogger()
    for h in list(root.handlers):
        root.removeHandler(h)
    return root


def setup_stderr(level: int | str = logging.WARNING) -> None:
    """Command-line tools without a log file: masked one-line messages on stderr only."""
    root = _reset_root()
    root.addHandler(_stderr_handler(RedactingFilter()))
    root.setLevel(level)


def setup(directory: Path, level: str = "INFO", max_bytes: int = 2_000_000, backups: int = 5) -> Path:
    """Installs the handlers on the root logger; returns the log file path."""
    directory.mkdir(parents=True, exist_ok=True)
    log_file = directory / "kiosk.log"
    redacting = RedactingFilter()
    file_handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
    )
    file_handler.setFormatter(logging.Formatter(FORMAT))
    file_handler.addFilter(redacting)
    root = _reset_root()
    root.addHandler(file_handler)
    root.addHandler(_stderr_handler(redacting))
    root.setLevel(level)
    _quiet_chatty()
    return log_file


def setup_journald(level: str = "INFO") -> None:
    """Terminals under systemd: everything on stderr for the journal, no file of our own to rotate."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JournalFormatter("%(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    root = _reset_root()
    root.addHandler(handler)
    root.setLevel(level)
    _quiet_chatty()


def _quiet_chatty() -> None:
    # httpx logs every request line at INFO, URL and all: tracking numbers are in the path
    for chatty in ("httpx", "httpcore"):
        logging.getLogger(chatty).setLevel(logging.WARNING)
