"""systemd's notify protocol (sd_notify) without libsystemd: READY, WATCHDOG, STATUS and STOPPING datagrams."""

from __future__ import annotations

import logging
import os
import socket

log = logging.getLogger(__name__)


class Notifier:
    """Talks to the service manager named by $NOTIFY_SOCKET; does nothing when there is none (a desktop run)."""

    def __init__(self, environ: dict | None = None) -> None:
        env = os.environ if environ is None else environ
        self.address = _address(env.get("NOTIFY_SOCKET", ""))
        self.watchdog_usec = _watchdog_usec(env)
        self._sock: socket.socket | None = None
        self._failed = False

    @property
    def enabled(self) -> bool:
        return self.address is not None

    @property
    def watchdog_interval(self) -> float | None:
        """Seconds between pings: half the timeout, as systemd advises, so one late ping is not fatal."""
        return self.watchdog_usec / 2_000_000 if self.watchdog_usec else None

    def send(self, *fields: str) -> bool:
        """One datagram of KEY=VALUE lines; False when it could not be sent (logged once, never raised)."""
        if self.address is None:
            return False
        try:
            if self._sock is None:
                self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC)
            self._sock.sendto("\n".join(fields).encode("utf-8"), self.address)
        except OSError as e:
            if not self._failed:  # a gone manager would otherwise fill the log at every ping
                log.warning("service manager notification failed: %s", e)
            self._failed = True
            return False
        self._failed = False
        return True

    def ready(self, status: str = "") -> bool:
        return self.send("READY=1", *([f"STATUS={status}"] if status else []))

    def watchdog(self) -> bool:
        return self.send("WATCHDOG=1")

    def status(self, text: str) -> bool:
        return self.send(f"STATUS={text}")

    def stopping(self) -> bool:
        return self.send("STOPPING=1")

    def close(self) -> None:
        sock, self._sock = self._sock, None
        if sock is not None:
            sock.close()


def _address(value: str) -> str | bytes | None:
    if value.startswith("@"):
        return b"\0" + value[1:].encode()  # abstract namespace: a leading NUL instead of the '@'
    if value.startswith("/"):
        return value
    return None  # unset, or a vsock address this kiosk never runs under


def _watchdog_usec(env) -> int | None:
    try:
        usec = int(env.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    pid = env.get("WATCHDOG_PID", "")
    # systemd names the main process; under cage that is the compositor, whose child the kiosk is
    if pid and pid not in (str(os.getpid()), str(os.getppid())):
        return None
    return usec if usec > 0 else None
