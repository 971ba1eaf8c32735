"""Central hands each terminal of a site its own queue index (the terminal part of its offline ticket numbers), on
SQLite and PostgreSQL; a database from before (revision 0010) gives its terminals theirs in registration order."""

from alembic import command
from sqlalchemy import text

from central import db, migrate
from central.storage import CentralStore
from protocol import signing


def _indexes(store) -> dict:
    return {t["id"]: t["queue_index"] for t in store.terminals()}


def test_each_terminal_of_a_site_has_its_own_index(central_db):
    store = CentralStore(central_db.target, keys_dir=central_db.keys_dir)
    try:
        for name, site in (("T1", "HALL-1"), ("T2", "HALL-1"), ("T3", "HALL-2"), ("T4", None), ("T5", "HALL-1")):
            store.add_terminal(name, signing.new_secret(), site=site)
        assert _indexes(store) == {"T1": 1, "T2": 2, "T3": 1, "T4": None, "T5": 3}
        # a re-key keeps the index; a move takes the new hall's smallest free one and frees the old
        store.add_terminal("T2", signing.new_secret())
        assert _indexes(store)["T2"] == 2
        assert store.set_site("T2", "HALL-2") and _indexes(store)["T2"] == 2
        assert store.set_site("T1", "HALL-2") and _indexes(store)["T1"] == 3
        assert store.set_site("T4", "HALL-1") and _indexes(store)["T4"] == 1
        store.add_terminal("T3", signing.new_secret(), site="HALL-1")  # re-keyed into another hall
        assert _indexes(store) == {"T1": 3, "T2": 2, "T3": 2, "T4": 1, "T5": 3}
        assert store.set_site("T5", None) and _indexes(store)["T5"] is None
        assert not store.set_site("NOBODY", "HALL-1")
    finally:
        store.close()


def test_a_site_with_99_terminals_gives_the_hundredth_none(central_db):
    store = CentralStore(central_db.target, keys_dir=central_db.keys_dir)
    try:
        secret = signing.new_secret()
        for i in range(100):
            store.add_terminal(f"T{i:03d}", secret, site="BIG")
        indexes = _indexes(store)
        assert sorted(v for v in indexes.values() if v is not None) == list(range(1, 100))
        assert indexes["T099"] is None
    finally:
        store.close()


def test_terminals_of_a_database_from_0010_get_indexes_in_registration_order(central_db):
    engine = db.open_engine(db.database_url(central_db.target), pool_size=1)
    try:
        with engine.begin() as c:
            command.upgrade(migrate._config(c), "0010")
        with engine.begin() as c:
            for name, site, at in (("B", "HALL-1", 1), ("A", "HALL-1", 2), ("C", "HALL-2", 3), ("D", None, 4)):
                c.execute(text("INSERT INTO terminals (id, secret, created_at, site) VALUES (:id, 'x', :at, :site)"),
                          {"id": name, "at": at, "site": site})
    finally:
        engine.dispose()
    store = CentralStore(central_db.target, keys_dir=central_db.keys_dir)
    try:
        assert _indexes(store) == {"A": 2, "B": 1, "C": 1, "D": None}
    finally:
        store.close()


def test_terminals_registered_at_once_at_one_site_all_get_their_own_index(central_db):
    from tests.helpers.concurrent import take_concurrently

    store = CentralStore(central_db.target, keys_dir=central_db.keys_dir)
    try:
        secret = signing.new_secret()
        names = iter(f"P{i:02d}" for i in range(24))
        lock = __import__("threading").Lock()

        def register(_):
            with lock:
                name = next(names)
            store.add_terminal(name, secret, site="HALL-P")
            return name

        assert len(take_concurrently(range(8), register, 3)) == 24
        assert sorted(_indexes(store).values()) == list(range(1, 25))
    finally:
        store.close()
