"""A real throwaway PostgreSQL server for tests: Debian's initdb and pg_ctl in a temporary folder, reachable only
through a unix socket in that folder; one per test session, a fresh database per test."""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

# initdb refuses to run as root: then the server runs as this user (Debian's package makes it)
SERVER_USER = "postgres"
SUPERUSER = "kiosk_test"


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]))
    return Path(found[-1]).parent if found else None


class PostgresServer:
    def __init__(self, bin_dir: Path) -> None:
        self.bin = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="kiosk-pg-"))
        self.data, self.socket_dir = self.root / "data", self.root / "run"
        self.socket_dir.mkdir()
        self._as: list[str] = []
        if os.geteuid() == 0:
            owner = pwd.getpwnam(SERVER_USER)
            for path in (self.root, self.socket_dir):
                os.chown(path, owner.pw_uid, owner.pw_gid)
            self._as = ["runuser", "-u", SERVER_USER, "--"]
        self._names = itertools.count(1)

    def _run(self, *argv: str) -> None:
        done = subprocess.run([*self._as, *argv], capture_output=True, text=True, timeout=120, cwd=self.root)
        if done.returncode != 0:
            raise RuntimeError(f"{argv[0]} failed: {done.stderr.strip() or done.stdout.strip()}")

    def start(self) -> PostgresServer:
        # trust is safe here: the only way in is a socket inside a folder of ours
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8",
                  "--no-sync")
        options = (f"-k {self.socket_dir} -c listen_addresses='' -c max_connections=400 -c fsync=off"
                   " -c synchronous_commit=off -c full_page_writes=off")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.root / "log"),
                  "-w", "-t", "60", "start")
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@/{database}?host={self.socket_dir}"

    def new_database(self) -> str:
        """A fresh empty database; its postgresql:// URL."""
        import psycopg

        name = f"central_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(host=str(self.socket_dir), user=SUPERUSER, dbname="postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def start_or_skip() -> PostgresServer:
    bin_dir = _bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL is not installed (Debian package postgresql; ./install.sh installs it)")
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SERVER_USER)
        except KeyError:
            pytest.skip(f"running as root and there is no {SERVER_USER} user to run PostgreSQL as")
    return PostgresServer(bin_dir).start()


@pytest.fixture(scope="session")
def postgres():
    """The session's PostgreSQL server (skips only when PostgreSQL is not installed)."""
    server = start_or_skip()
    yield server
    server.stop()
