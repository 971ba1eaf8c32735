"""systemd's side of NOTIFY_SOCKET for tests: a datagram socket keeping every message with its arrival time."""

import socket
import time


class Manager:
    """Plays systemd's side of the socket: keeps every datagram with its arrival time."""

    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(path)
        self.messages: list[tuple[float, str]] = []

    def wait_for(self, text, after=0.0, timeout=120.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for at, msg in self.messages:
                if at > after and text in msg.split("\n"):
                    return at
            self.sock.settimeout(max(0.05, deadline - time.monotonic()))
            try:
                data = self.sock.recv(4096)
            except socket.timeout:
                break
            self.messages.append((time.monotonic(), data.decode()))
        raise AssertionError(f"no {text} within {timeout} s; got {self.messages}")

    def pings(self):
        return [at for at, msg in self.messages if msg == "WATCHDOG=1"]
