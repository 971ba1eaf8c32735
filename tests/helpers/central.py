"""Test helpers: a real central (uvicorn on 127.0.0.1, own thread) and kiosk-side queue pieces wired to it."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import uvicorn

from central.app import create_app
from central.storage import CentralStore
from offline_queue import signing

TERMINAL = "SIM-0001"


class CentralServer:
    """Uvicorn serving our app on a free port; stop() shuts it down cleanly."""

    def __init__(self, db: Path, **app_kw) -> None:
        self.store = CentralStore(db)
        self.app = create_app(self.store, **app_kw)
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self.port = self._sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._server = uvicorn.Server(uvicorn.Config(self.app, log_level="error", lifespan="off",
                                                     timeout_graceful_shutdown=1))
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self._sock]}, daemon=True)

    def start(self) -> "CentralServer":
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("central did not start")
            time.sleep(0.01)
        return self

    def add_terminal(self, terminal: str = TERMINAL) -> str:
        secret = signing.new_secret()
        self.store.add_terminal(terminal, secret)
        return secret

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(10)
        self._sock.close()
        self.store.close()


def invented_applicant(i: int = 0) -> dict:
    """An invented person (the ID number has a valid check digit; nobody real)."""
    return {"name": f"测试{'甲乙丙丁戊己庚辛'[i % 8]}", "id_number": make_id_number(i), "address": "测试省样例市示范路1号"}


def make_id_number(i: int) -> str:
    body = f"99010119900101{i % 1000:03d}"  # region 99 does not exist
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    check = "10X98765432"[sum(int(d) * w for d, w in zip(body, weights)) % 11]
    return body + check
