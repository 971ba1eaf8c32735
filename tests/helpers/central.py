"""Test helpers: a real central (uvicorn on 127.0.0.1, own thread) and kiosk-side queue pieces wired to it."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from offline_queue import signing

TERMINAL = "SIM-0001"


class CentralServer:
    """Uvicorn serving our app on a free port; stop() shuts it down cleanly."""

    def __init__(self, db: Path, **app_kw) -> None:
        # imported here so the crash test's child process (which imports this module) starts quickly
        import uvicorn

        from central.app import create_app
        from central.storage import CentralStore

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


def make_store(tmp: Path, terminal: str = TERMINAL, **kw):
    from offline_queue.store import QueueStore

    return QueueStore(tmp / "queue.sqlite3", tmp / "queue.key", terminal_id=terminal, **kw)


@pytest.fixture
def central(tmp_path):
    """A running central on 127.0.0.1 with TERMINAL registered; `.secret` holds its secret."""
    server = CentralServer(tmp_path / "central.sqlite3").start()
    server.secret = server.add_terminal()
    yield server
    server.stop()


def crash_child(argv: list[str]) -> int:
    """Kiosk-side process for the crash test: enqueue (printing each id once it returned) while syncing."""
    import argparse
    import sys

    from offline_queue.client import CentralClient
    from offline_queue.worker import SyncWorker

    p = argparse.ArgumentParser()
    p.add_argument("--dir", required=True)
    p.add_argument("--url", required=True)
    p.add_argument("--secret", required=True)
    p.add_argument("--start", type=int, default=0)
    p.add_argument("--drain", action="store_true")
    args = p.parse_args(argv)
    store = make_store(Path(args.dir))
    worker = SyncWorker(store, CentralClient(args.url, TERMINAL, args.secret, timeout=5), interval=0.05,
                        batch_size=20, backoff_base=0.01, backoff_cap=0.05)
    worker.start()
    print("READY", flush=True)
    if args.drain:
        while True:
            d = store.stats().depth
            if d["pending"] == 0 and d["sending"] == 0:
                worker.close()
                print("DRAINED", flush=True)
                return 0
            time.sleep(0.02)
    i = args.start
    while True:
        made = store.enqueue_submission("gjj.withdraw", {"i": i}, invented_applicant(i), None,
                                        [f"scan {i % 7}".encode()] if i % 3 == 0 else [])
        sys.stdout.write(f"ENQ {i} {made.id} {made.tracking}\n")
        sys.stdout.flush()
        worker.wake()
        i += 1
        time.sleep(0.003)


if __name__ == "__main__":
    import sys

    if sys.argv[1:2] == ["crash-child"]:
        sys.exit(crash_child(sys.argv[2:]))
    sys.exit("usage: python -m tests.helpers.central crash-child ...")
