"""The console login's per-address throttle over real HTTP to a real central of two worker processes, on SQLite and
PostgreSQL: guesses spread over connections (so over both workers) and sent in parallel add up to the configured
count in total, and the database keeps the address only as a keyed hash."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import httpx

from tests.conftest import REPO
from tests.helpers.browser import wait_until
from central.console.throttle import ThrottlePolicy
from central.console.web import ConsolePolicy
from tests.helpers.central import CentralServer, free_port, wait_for_port
from tests.helpers.console import PASSWORD, ConsoleClient, add_staff
from tests.helpers.prometheus import Metrics

BURST = 6  # failed logins one address may have; the refill (one per 10 000 s) never comes during the test
PARALLEL, THEN = 12, 10


def _run(central_db, *args: str) -> None:
    done = subprocess.run([sys.executable, "-m", "central.cli", *args, *central_db.cli()], cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def _guess(url: str, password: str = "not the password 1") -> int:
    """One login on a connection of its own: the kernel hands each new connection to either worker."""
    client = ConsoleClient(url)
    try:
        return client.login("mgr", password).status_code
    finally:
        client.close()


def _workers_up(url: str) -> int:
    answer = httpx.get(url + "/metrics", timeout=30)
    return len(Metrics(answer.text).matching("central_db_pool_size")) if answer.status_code == 200 else 0


def test_guesses_spread_over_workers_and_threads_add_up_to_one_limit(tmp_path, central_db):
    (tmp_path / "password").write_text(PASSWORD + "\n")
    _run(central_db, "add-staff", "mgr", "--role", "manager", "--password-file", str(tmp_path / "password"))
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "central.cli", "serve", "--port", str(port), *central_db.cli(),
                               "--workers", "2", "--login-limit", f"0.0001/{BURST}",
                               "--metrics-dir", str(tmp_path / "metrics")], cwd=REPO, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port, server, timeout=120)
        wait_until(lambda: _workers_up(url) == 2, timeout=120, every=0.5, what="both workers to serve")
        with ThreadPoolExecutor(PARALLEL) as pool:
            answers = list(pool.map(lambda _: _guess(url), range(PARALLEL)))
        answers += [_guess(url) for _ in range(THEN)]
        assert sorted(set(answers)) == [401, 429]
        assert answers.count(401) == BURST  # not BURST per worker, and no race past it
        assert _guess(url, PASSWORD) == 429  # the right password too: this address is out of tries
        rows = central_db.rows("SELECT * FROM console_login_throttle")
        assert len(rows) == 1 and "127.0.0.1" not in repr(rows)
    finally:
        server.terminate()
        server.wait(60)


def test_parallel_guesses_in_one_worker_cannot_race_past_the_limit(central_db):
    server = CentralServer(central_db, console=ConsolePolicy(throttle=ThrottlePolicy(burst=3, refill_seconds=10_000)))
    server.start()
    try:
        add_staff(server.store, "mgr", "manager")
        with ThreadPoolExecutor(PARALLEL) as pool:
            answers = list(pool.map(lambda _: _guess(server.url), range(PARALLEL)))
        assert sorted(set(answers)) == [401, 429] and answers.count(401) == 3
    finally:
        server.stop()
