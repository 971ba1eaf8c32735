"""Opening central's database: a URL or a SQLite path to an engine, with the SQLite settings central relies on."""

from __future__ import annotations

import os
import time
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError

# read-only work (lookups, listings) asks for a deferred transaction; everything else takes SQLite's write lock at
# BEGIN, so two writers never deadlock upgrading a read lock
READ_ONLY = {"sqlite_begin": "DEFERRED"}
# a pooled PostgreSQL connection idle longer than this is pinged before use: one that went back to the pool
# moments ago is alive, and pinging on every checkout was a database round trip per statement group
PING_AFTER_IDLE_SECONDS = 2.0


def database_url(target: str | Path) -> str:
    """`postgresql://…`, `sqlite:///…` or a plain path of a SQLite file, as a SQLAlchemy URL (psycopg 3 for
    PostgreSQL)."""
    text = str(target)
    if text.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + text.split("://", 1)[1]
    if "://" in text:
        return text
    return "sqlite:///" + text


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for PostgreSQL or an in-memory database)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def open_engine(url: str, *, pool_size: int = 8, ping_after_idle: float = PING_AFTER_IDLE_SECONDS) -> Engine:
    if not is_sqlite(url):
        engine = create_engine(url, pool_size=pool_size, max_overflow=pool_size)
        _ping_when_idle(engine, ping_after_idle)
        return engine
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            # owner-only from the first byte: the file holds sealed personal data and terminal records
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False},
                           pool_size=pool_size, max_overflow=pool_size)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None  # transactions are ours (below), not the driver's guesswork
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA busy_timeout=30000")
        # what is deleted or overwritten (a body sealed in place, an attachment moved out) is zeroed, not left in
        # free pages
        cur.execute("PRAGMA secure_delete=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql(f"BEGIN {conn.get_execution_options().get('sqlite_begin', 'IMMEDIATE')}")

    return engine


def _ping_when_idle(engine: Engine, idle: float) -> None:
    """A server restart or an idle timeout kills pooled connections while they wait: those are pinged, and a dead
    one is replaced before a request sees it. A connection killed mid-burst fails one request and SQLAlchemy then
    drops the whole pool."""

    @event.listens_for(engine, "checkin")
    def _returned(_dbapi_conn, record) -> None:
        record.info["returned_at"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _taken(dbapi_conn, record, _proxy) -> None:
        if time.monotonic() - record.info.get("returned_at", float("-inf")) <= idle:
            return
        try:
            engine.dialect.do_ping(dbapi_conn)
        except Exception as exc:
            raise DisconnectionError() from exc  # the pool opens a fresh connection and tries again
