"""Central's PostgreSQL pool: connections that died while idle in the pool are replaced before a request uses them."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from central import db


def test_a_pooled_connection_killed_while_idle_is_replaced_unseen(central_db):
    if db.is_sqlite(db.database_url(central_db.target)):
        pytest.skip("SQLite has no server that could drop a connection")
    engine = db.open_engine(db.database_url(central_db.target), pool_size=1, ping_after_idle=0.0)
    admin = db.open_engine(db.database_url(central_db.target), pool_size=1)
    try:
        with engine.connect() as c:
            pid = c.execute(text("SELECT pg_backend_pid()")).scalar()
        # as a server restart or an idle timeout would: the pooled connection dies while nobody holds it
        with admin.begin() as c:
            assert c.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar() is True
        with engine.connect() as c:
            assert c.execute(text("SELECT pg_backend_pid()")).scalar() != pid
    finally:
        engine.dispose()
        admin.dispose()
