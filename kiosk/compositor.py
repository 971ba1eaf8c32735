"""The kiosk session: the cage command that runs `kiosk run` fullscreen on tty1, turned as configured, and its stop."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

from kiosk.config import KioskConfig

CAGE = "/usr/bin/cage"
PROC = Path("/proc")


def cage_argv(cfg: KioskConfig, config_path: Path, cage: str = CAGE) -> list[str]:
    """Debian 12's cage 0.1.4: -r turns the output 90 degrees clockwise per use; no -s, so no VT switching.
    (Newer cage dropped -r for wlr-randr: see docs/terminal.md.)

    Never `-m last`: cage 0.1.4 crashes with it at start, even with one screen (cage issue #231; seen here under
    its headless backend), so "last" runs as "extend", one picture across every screen, and says so."""
    turns = ["-r"] * (cfg.display.rotation // 90)
    kiosk = [sys.executable, "-m", "kiosk.cli", "run", "--config", str(config_path)]
    return [cage, "-d", "-m", "extend", *turns, "--", *kiosk]


def outputs_note(cfg: KioskConfig) -> str | None:
    """What `kiosk session` tells the journal when the configuration asks for what cage cannot do."""
    if cfg.display.outputs == "last":
        return ("kiosk: display.outputs = \"last\" is not used: Debian 12's cage crashes with `-m last`; the kiosk "
                "spans every connected screen (set outputs = \"extend\" to silence this)")
    return None


def _children(pid: int, proc: Path = PROC) -> list[int]:
    found = []
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # ended while we looked
            continue
        # the command name is in parentheses and may hold spaces: the parent PID is the second field after it
        if int(stat.rpartition(")")[2].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie waiting for systemd to reap it has ended all the same
        return (PROC / str(pid) / "stat").read_text().rpartition(")")[2].split()[0] != "Z"
    except OSError:
        return False


def stop_session(main_pid: int, timeout: float = 25.0) -> int:
    """The units' ExecStop: SIGTERM to the kiosk (cage's client), then wait for cage to end on its own.

    cage 0.1.4 aborts on SIGTERM (cage issue #339: its handler terminates a display it holds no pointer to), and
    the unit would count every `systemctl stop` as a crash and show the out-of-service screen. Ended by its
    child, cage closes cleanly. Returns 0 once cage is gone, 1 if it is still there at the timeout (systemd
    then goes on with its own SIGTERM and SIGKILL)."""
    if not _alive(main_pid):
        return 0
    for child in _children(main_pid):
        try:
            cmdline = (PROC / str(child) / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if cmdline == [b""]:  # a zombie or a process on its way out has no command line: nothing to stop
            continue
        if os.path.basename(cmdline[0]) != b"Xwayland":  # the kiosk (or the out-of-service screen); cage ends Xwayland
            try:
                os.kill(child, signal.SIGTERM)
            except ProcessLookupError:
                pass
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _alive(main_pid):
            return 0
        time.sleep(0.1)
    print(f"kiosk: the compositor (pid {main_pid}) did not end within {timeout:.0f} s of the kiosk's stop",
          file=sys.stderr)
    return 1
