"""The running kiosk's local control socket: `kiosk diagnose` asks it for device health instead of opening devices.

A unix socket under the terminal's var/ folder, mode 0600 from the moment it has its name, answering only
processes of the same user (SO_PEERCRED). One request line of JSON, one answer of JSON, then the connection ends."""

from __future__ import annotations

import json
import logging
import os
import socket
import struct
import threading
from pathlib import Path
from typing import Callable

log = logging.getLogger(__name__)

SOCKET_NAME = "var/kiosk.sock"
MAX_REQUEST = 4096
_PATH_MAX = 107  # sun_path holds 108 bytes with the terminating NUL


def socket_path(cfg) -> Path:
    return cfg.path(SOCKET_NAME)


class ControlServer:
    """Serves `asks` (name -> callable returning a JSON-able dict) on its own thread; close() removes the socket."""

    def __init__(self, path: Path, asks: dict[str, Callable[[], dict]]) -> None:
        self.path = Path(path)
        self._asks = asks
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._closed = threading.Event()

    def start(self) -> None:
        if len(os.fsencode(self.path)) > _PATH_MAX:
            raise OSError(f"control socket path {self.path} is longer than {_PATH_MAX} bytes")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        # bound under a temporary name, made owner-only, then renamed: nobody else ever sees it open
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}")
        if len(os.fsencode(tmp)) > _PATH_MAX:
            tmp = self.path
        for stale in {tmp, self.path}:
            try:
                stale.unlink()  # left by a kiosk that was killed: the instance lock says none runs now
            except FileNotFoundError:
                pass
        sock.bind(str(tmp))
        os.chmod(tmp, 0o600)
        if tmp != self.path:
            os.replace(tmp, self.path)
        sock.listen(4)
        sock.settimeout(0.5)
        self._sock = sock
        self._thread = threading.Thread(target=self._serve, name="control-socket", daemon=True)
        self._thread.start()
        log.info("control socket at %s", self.path)

    def close(self) -> None:
        self._closed.set()
        if self._thread is not None:
            self._thread.join(5)
        if self._sock is not None:
            self._sock.close()
            try:
                self.path.unlink()
            except FileNotFoundError:
                pass

    def _serve(self) -> None:
        while not self._closed.is_set():
            try:
                conn, _ = self._sock.accept()
            except (TimeoutError, socket.timeout):
                continue
            except OSError:
                return
            threading.Thread(target=self._answer, args=(conn,), name="control-answer", daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(10)
            try:
                creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
                _, uid, _ = struct.unpack("3i", creds)
                if uid != os.getuid():
                    log.warning("control socket: refused a process of uid %d", uid)
                    return
                request = _read_line(conn)
                ask = json.loads(request).get("ask")
                if ask not in self._asks:
                    answer = {"error": f"unknown request {ask!r}; known: {', '.join(sorted(self._asks))}"}
                else:
                    answer = self._asks[ask]()
            except (OSError, ValueError, AttributeError) as exc:
                answer = {"error": f"bad request: {type(exc).__name__}"}
            except Exception as exc:  # the kiosk keeps serving citizens whatever a diagnostic call hits
                log.exception("control socket request failed")
                answer = {"error": f"{type(exc).__name__}: {exc}"}
            try:
                conn.sendall(json.dumps(answer, ensure_ascii=False, default=str).encode() + b"\n")
            except OSError:
                pass


def _read_line(conn: socket.socket) -> bytes:
    data = b""
    while b"\n" not in data and len(data) < MAX_REQUEST:
        chunk = conn.recv(MAX_REQUEST)
        if not chunk:
            break
        data += chunk
    return data.split(b"\n", 1)[0]


def ask(path: Path, what: str, timeout: float = 30.0) -> dict | None:
    """The running kiosk's answer, or None when no kiosk listens at `path`."""
    if len(os.fsencode(path)) > _PATH_MAX or not Path(path).exists():
        return None
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(timeout)
        try:
            sock.connect(str(path))
        except (ConnectionRefusedError, FileNotFoundError):
            return None
        sock.sendall(json.dumps({"ask": what}).encode() + b"\n")
        data = b""
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    return json.loads(data) if data.strip() else None
