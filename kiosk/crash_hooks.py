"""Last-resort handlers: an uncaught exception in any thread, or a native fault, lands in the log (masked) and counts."""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
from pathlib import Path

from kiosk.crashes import Crashes
from kiosk.redact import REDACTOR

log = logging.getLogger("kiosk.crash")

FAULT_FILE = "faults.txt"  # faulthandler's dump of a segfault or abort; read (and emptied) at the next start
_fault_stream = None


def _uncaught(crashes: Crashes, where: str, exc_type, exc, tb) -> None:
    # the log's redacting filter masks the traceback text; values in exception messages are masked there too
    log.critical("uncaught %s in %s; counted as a crash", exc_type.__name__, where, exc_info=(exc_type, exc, tb))
    crashes.record(f"uncaught {exc_type.__name__} in {where}")


def install(crashes: Crashes, log_dir: Path) -> None:
    """Call once, after logging is set up. A native crash cannot log: faulthandler writes the Python stacks to a
    file (frames only: file, line, function; no values), which the next start moves into the log."""
    global _fault_stream

    def main_hook(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        _uncaught(crashes, "the main thread", exc_type, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "a thread"
        _uncaught(crashes, f"thread {name}", args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = main_hook
    threading.excepthook = thread_hook
    fault_file = log_dir / FAULT_FILE
    _report_native_fault(fault_file)
    try:
        if _fault_stream is None:
            _fault_stream = open(fault_file, "w", encoding="utf-8")  # noqa: SIM115 (open for the process's life)
        faulthandler.enable(_fault_stream, all_threads=True)
    except OSError as e:
        log.warning("native crash reports disabled: %s", e)


def _report_native_fault(fault_file: Path) -> None:
    try:
        text = fault_file.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return
    if text:
        log.critical("the previous run died of a native fault; its stacks:\n%s", REDACTOR(text[-8000:]))
