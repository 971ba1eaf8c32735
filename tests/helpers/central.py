"""Test helpers: a real central (uvicorn on 127.0.0.1, own thread) and kiosk-side queue pieces wired to it."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from protocol import signing

TERMINAL = "SIM-0001"


ENGINES = ("sqlite", "postgresql")


@dataclass(frozen=True)
class CentralDb:
    """Where a test's central keeps its data: a SQLite file or a fresh database on the session's PostgreSQL."""

    target: str  # a SQLite file's path or a postgresql:// URL
    keys_dir: Path  # key files and blobs/

    @property
    def engine(self) -> str:
        return "postgresql" if self.target.startswith("postgresql") else "sqlite"

    def cli(self) -> list[str]:
        """The options `kiosk central ...` needs to open this database."""
        return ["--db", self.target, "--keys-dir", str(self.keys_dir)]

    def rows(self, sql: str, **params) -> list[tuple]:
        """A raw read, from outside the central that owns the database (as an operator's tool would)."""
        from sqlalchemy import text

        from central.db import database_url, open_engine

        engine = open_engine(database_url(self.target), pool_size=1)
        try:
            with engine.connect() as c:
                return [tuple(r) for r in c.execute(text(sql), params)]
        finally:
            engine.dispose()


def new_central_db(engine: str, folder: Path, request) -> CentralDb:
    if engine == "sqlite":
        return CentralDb(str(folder / "central.sqlite3"), folder)
    return CentralDb(request.getfixturevalue("postgres").new_database(), folder)


@pytest.fixture(scope="module")
def central_engine() -> str:
    """SQLite unless the module is central's own suite, which runs on both (tests/conftest.py parametrizes it)."""
    return "sqlite"


@pytest.fixture
def central_db(central_engine, tmp_path, request) -> CentralDb:
    return new_central_db(central_engine, tmp_path, request)


class CentralServer:
    """Uvicorn serving our app on a free port; stop() shuts it down cleanly."""

    def __init__(self, db: CentralDb | Path, **app_kw) -> None:
        # imported here so the crash test's child process (which imports this module) starts quickly
        import uvicorn

        from central.app import create_app
        from central.storage import CentralStore

        self.store = CentralStore(db.target, keys_dir=db.keys_dir) if isinstance(db, CentralDb) else CentralStore(db)
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


def free_port() -> int:
    """A TCP port on 127.0.0.1 nothing listens on right now (for a central started as its own process)."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_for_port(port: int, server, timeout: float = 30.0) -> None:
    """Until something listens on 127.0.0.1:port; fails at once if the server process has died."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"central did not start on port {port} (exit {server.poll()})") from None
            time.sleep(0.05)


def invented_applicant(i: int = 0) -> dict:
    """An invented person (the ID number has a valid check digit; nobody real)."""
    return {"name": f"测试{'甲乙丙丁戊己庚辛'[i % 8]}", "id_number": make_id_number(i), "address": "测试省样例市示范路1号"}


PASSED = {"decision": "match", "distance": 0.42, "threshold": 0.6, "attempts": 1, "liveness_passed": True}


def proof_for(client, person: dict) -> str:
    """A presence proof for an invented person at the client's terminal, as after a passed face check."""
    return client.presence(person["id_number"], "idcard", PASSED).token


def make_id_number(i: int) -> str:
    body = f"99010119900101{i % 1000:03d}"  # region 99 does not exist
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    check = "10X98765432"[sum(int(d) * w for d, w in zip(body, weights)) % 11]
    return body + check


def make_store(tmp: Path, terminal: str = TERMINAL, **kw):
    from offline_queue.store import QueueStore

    return QueueStore(tmp / "queue.sqlite3", tmp / "queue.key", terminal_id=terminal, **kw)


@pytest.fixture
def central(central_db):
    """A running central on 127.0.0.1 with TERMINAL registered; `.secret` holds its secret."""
    server = CentralServer(central_db).start()
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
    worker = SyncWorker(store, CentralClient(args.url, TERMINAL, args.secret, timeout=5,
                                             allow_plain_http_loopback=True), interval=0.05,
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


FAULTS = ("pass", "reset_on_accept", "reset_mid_request", "reset_after_commit", "http500", "http503", "slow",
          "timeout", "truncated_response")


class FaultProxy:
    """HTTP-aware TCP proxy on 127.0.0.1 that injects one fault per request (or per connection)."""

    def __init__(self, upstream_port: int, *, seed: int, weights: dict[str, float], hang_seconds: float,
                 forced: list[str] = (), forced_path: str = "/v1/batch") -> None:
        import random

        self.upstream_port = upstream_port
        self._rng = random.Random(seed)
        self._weights = weights
        self._hang = hang_seconds
        self._forced = list(forced)  # applied in order to the first requests for forced_path
        self._forced_path = forced_path
        self._lock = threading.Lock()
        self.counts: dict[str, int] = {}
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._closed = False
        self._threads: list[threading.Thread] = []

    def start(self) -> "FaultProxy":
        self._listener.listen(64)
        t = threading.Thread(target=self._accept, daemon=True)
        t.start()
        return self

    def stop(self) -> None:
        self._closed = True
        self._listener.close()

    def _pick(self, path: str | None) -> str:
        with self._lock:
            if path is not None and self._forced and path.startswith(self._forced_path):
                fault = self._forced.pop(0)
            else:
                names = list(self._weights)
                fault = self._rng.choices(names, [self._weights[n] for n in names])[0]
            self.counts[fault] = self.counts.get(fault, 0) + 1
            return fault

    def _accept(self) -> None:
        while not self._closed:
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    @staticmethod
    def _reset(sock: socket.socket) -> None:
        import struct

        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.close()

    @staticmethod
    def _read_message(sock: socket.socket, buf: bytes, *, no_body: bool = False) -> tuple[bytes, bytes] | None:
        """One HTTP message (head + Content-Length body) -> (message, leftover), None on EOF."""
        while b"\r\n\r\n" not in buf:
            chunk = sock.recv(65536)
            if not chunk:
                return None
            buf += chunk
        head, _, rest = buf.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        if no_body:
            length = 0
        while len(rest) < length:
            chunk = sock.recv(65536)
            if not chunk:
                return None
            rest += chunk
        return head + b"\r\n\r\n" + rest[:length], rest[length:]

    def _serve(self, client: socket.socket) -> None:
        if self._pick(None) == "reset_on_accept":
            self._reset(client)
            return
        buf = b""
        try:
            while True:
                got = self._read_message(client, buf)
                if got is None:
                    client.close()
                    return
                request, buf = got
                method, path = request.split(b" ", 2)[:2]
                fault = self._pick(path.decode())
                if fault == "reset_on_accept":
                    fault = "pass"  # only meaningful for a new connection
                if fault == "reset_mid_request":
                    with socket.create_connection(("127.0.0.1", self.upstream_port)) as up:
                        up.sendall(request[: len(request) // 2])
                        self._reset(up)
                    self._reset(client)
                    return
                if fault in ("http500", "http503"):
                    code = fault[4:]
                    client.sendall(f"HTTP/1.1 {code} Injected\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                   .encode())
                    client.close()
                    return
                if fault == "timeout":
                    time.sleep(self._hang)
                    client.close()
                    return
                if fault == "slow":
                    time.sleep(0.2)
                with socket.create_connection(("127.0.0.1", self.upstream_port)) as up:
                    up.sendall(request)
                    answer = self._read_message(up, b"", no_body=method == b"HEAD")
                if answer is None:
                    self._reset(client)
                    return
                response = answer[0]
                if fault == "reset_after_commit":
                    self._reset(client)  # central has committed; the terminal never hears about it
                    return
                if fault == "truncated_response":
                    client.sendall(response[: max(1, len(response) - 7)])
                    client.close()
                    return
                client.sendall(response)
        except OSError:
            client.close()
