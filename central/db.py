"""Opening central's database: a URL or a SQLite path to an engine, with the SQLite settings central relies on."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

# read-only work (lookups, listings) asks for a deferred transaction; everything else takes SQLite's write lock at
# BEGIN, so two writers never deadlock upgrading a read lock
READ_ONLY = {"sqlite_begin": "DEFERRED"}


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


def open_engine(url: str, *, pool_size: int = 8) -> Engine:
    if not is_sqlite(url):
        return create_engine(url, pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True)
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
