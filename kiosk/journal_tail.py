"""The kiosk's own newest journal entries, for the staff screen when logging goes to journald (`journalctl`)."""

from __future__ import annotations

import json
import subprocess
from datetime import datetime

from kiosk.redact import REDACTOR

# every line kiosk.service writes on stdout or stderr (the kiosk, and cage around it) carries this identifier:
# the unit sets it (SyslogIdentifier=), since a PAM session may move the processes out of the unit's own cgroup
IDENTIFIER = "kiosk"
TIMEOUT_SECONDS = 5.0  # a journal on a slow SD card must not keep the staff screen on "checking" for long
LEVELS = {0: "EMERGENCY", 1: "ALERT", 2: "CRITICAL", 3: "ERROR", 4: "WARNING", 5: "NOTICE", 6: "INFO", 7: "DEBUG"}
UNREADABLE = "无法读取系统日志 (journal not readable)"


def journal_tail(lines: int = 40, journalctl: str = "journalctl", timeout: float = TIMEOUT_SECONDS) -> list[str]:
    """The newest `lines` entries as masked one-line texts, oldest first; one line saying why when unreadable."""
    argv = [journalctl, "--output=json", "--no-pager", f"--lines={lines}", f"SYSLOG_IDENTIFIER={IDENTIFIER}"]
    try:
        done = subprocess.run(argv, capture_output=True, timeout=timeout, check=False)
    except FileNotFoundError:
        return [f"{UNREADABLE}: {journalctl} is not installed"]
    except subprocess.TimeoutExpired:
        return [f"{UNREADABLE}: journalctl gave no answer in {timeout:g} s"]
    except OSError as e:
        return [f"{UNREADABLE}: {e.strerror or e}"]
    said = _first_line(done.stderr)
    if done.returncode != 0:
        return [f"{UNREADABLE}: journalctl exit {done.returncode}" + (f": {said}" if said else "")]
    shown = parse(done.stdout)
    if not shown:
        # without the systemd-journal group journalctl finds nothing and only hints at why, on stderr
        return [f"{UNREADABLE}: {said}" if said else "(日志为空 / no journal entries yet)"]
    return shown


def parse(output: bytes) -> list[str]:
    """journalctl --output=json, one object per line, as "date time LEVEL message" lines, masked once more."""
    shown = []
    for raw in output.splitlines():
        try:
            entry = json.loads(raw)
        except ValueError:  # a line cut short: the rest still shows
            continue
        if isinstance(entry, dict):
            shown.append(_line(entry))
    return shown


def _line(entry: dict) -> str:
    try:
        when = datetime.fromtimestamp(int(entry["__REALTIME_TIMESTAMP"]) / 1e6).strftime("%Y-%m-%d %H:%M:%S")
    except (KeyError, ValueError, TypeError, OverflowError, OSError):
        when = "????-??-?? ??:??:??"
    try:
        level = LEVELS[int(entry.get("PRIORITY", 6))]
    except (ValueError, TypeError, KeyError):
        level = "INFO"
    return REDACTOR(f"{when} {level} {_message(entry.get('MESSAGE'))}")


def _message(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):  # journalctl writes a message that is not valid UTF-8 as its bytes
        try:
            return bytes(value).decode("utf-8", errors="replace")
        except (ValueError, TypeError):
            return "(unreadable message)"
    return "(message too large for the journal's JSON output)" if value is None else str(value)


def _first_line(stderr: bytes) -> str:
    text = stderr.decode("utf-8", errors="replace").strip()
    return text.splitlines()[0].strip() if text else ""
