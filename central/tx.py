"""Transactions for the modules beside central.storage: reads deferred, writes taking SQLite's write lock at BEGIN."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine

from central import db


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as c:
        c = c.execution_options(**db.READ_ONLY)
        with c.begin():
            yield c


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    with engine.begin() as c:
        yield c
