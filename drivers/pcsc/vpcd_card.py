"""Our card emulator for vsmartcard's vpcd reader: connects to pcscd's vpcd socket and plays a card application."""

from __future__ import annotations

import logging
import socket
import struct
import threading
from typing import Protocol

log = logging.getLogger(__name__)

VPCD_HOST, VPCD_PORT = "127.0.0.1", 35963
# vpcd sends one-byte control messages; anything longer is a command APDU
POWER_OFF, POWER_ON, RESET, GET_ATR = 0, 1, 2, 4
# T=1 only: T0=80 (TD1 follows), TD1=80 (TD2 follows, T=0 offered), TD2=01 (T=1), TCK=01
DEFAULT_ATR = bytes.fromhex("3B80800101")


class CardApplet(Protocol):
    def reset(self) -> None: ...

    def process(self, apdu: bytes) -> bytes: ...


class VpcdCard:
    """A card is "inserted" while we are connected to vpcd and "removed" when we hang up.

    vpcd frames every message with a two-byte big-endian length. insert() retries the connection until
    pcscd (and its vpcd driver) is listening, so the emulator may start before the daemon.
    """

    def __init__(
        self, applet: CardApplet, host: str = VPCD_HOST, port: int = VPCD_PORT, atr: bytes = DEFAULT_ATR
    ) -> None:
        self.applet = applet
        self.host, self.port, self.atr = host, port, atr
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self.apdus = 0

    @property
    def inserted(self) -> bool:
        return self._sock is not None

    def insert(self, timeout: float = 10.0) -> None:
        if self._sock is not None:
            return
        self._stop.clear()
        self._sock = socket.create_connection((self.host, self.port), timeout=timeout)
        self._sock.settimeout(None)
        self.applet.reset()
        self._thread = threading.Thread(target=self._serve, args=(self._sock,), name="vpcd-card", daemon=True)
        self._thread.start()

    def remove(self) -> None:
        sock, self._sock = self._sock, None
        self._stop.set()
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def _serve(self, sock: socket.socket) -> None:
        try:
            while not self._stop.is_set():
                head = _recv_exact(sock, 2)
                if head is None:
                    break
                msg = _recv_exact(sock, struct.unpack(">H", head)[0])
                if msg is None:
                    break
                answer = self._handle(msg)
                if answer is not None:
                    sock.sendall(struct.pack(">H", len(answer)) + answer)
        except OSError as e:
            if not self._stop.is_set():
                log.info("vpcd connection ended: %s", e)
        if self._sock is sock:  # pcscd went away: we are no longer in a reader
            self._sock = None
            sock.close()

    def _handle(self, msg: bytes) -> bytes | None:
        if len(msg) == 1:
            if msg[0] == GET_ATR:
                return self.atr
            if msg[0] in (POWER_ON, RESET, POWER_OFF):
                self.applet.reset()
            return None
        self.apdus += 1
        return self.applet.process(msg)


def _recv_exact(sock: socket.socket, n: int) -> bytes | None:
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            return None
        buf += chunk
    return bytes(buf)
