"""Central's migrations on both engines: the migrated schema is exactly central.schema, and a database from before
case work (revision 0003) keeps its cases, history and ratings when it is brought up to date."""

from datetime import date

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from central import db, migrate
from central.casework import Casework
from central.schema import metadata
from central.storage import CentralStore
from protocol import tracking
from tests.helpers.central import TERMINAL, invented_applicant


def test_the_migrated_schema_is_the_declared_one(central_db):
    store = CentralStore(central_db.target, keys_dir=central_db.keys_dir)
    try:
        with store.engine.connect() as c:
            assert compare_metadata(MigrationContext.configure(c), metadata) == []
    finally:
        store.close()


def test_a_database_from_revision_0003_keeps_its_cases_and_ratings(central_db):
    engine = db.open_engine(db.database_url(central_db.target), pool_size=1)
    try:
        with engine.begin() as c:
            command.upgrade(migrate._config(c), "0003")
    finally:
        engine.dispose()
    # what that version wrote (a case with its history, and a rating), put in as its code did
    number = tracking.issue(TERMINAL, date(2026, 4, 1), 1)
    engine = db.open_engine(db.database_url(central_db.target), pool_size=1)
    try:
        with engine.begin() as c:
            c.execute(text("INSERT INTO cases (case_number, item_id, tracking, terminal, service_code, status, body,"
                           " created_at, updated_at) VALUES ('C1', 'i1', :t, :term, 'HJ-001', 'returned', '{}', 1, 2)"),
                      {"t": number, "term": TERMINAL})
            c.execute(text("INSERT INTO history (case_number, status, at) VALUES ('C1', 'received', 1),"
                           " ('C1', 'returned', 2)"))
            c.execute(text("INSERT INTO ratings (item_id, terminal, tracking, score, comment, at)"
                           " VALUES ('r1', :term, :t, 1, NULL, 3)"), {"t": number, "term": TERMINAL})
    finally:
        engine.dispose()
    store = CentralStore(central_db.target, keys_dir=central_db.keys_dir)  # upgrades to head
    try:
        assert migrate.current(store.engine) == migrate.head()
        case = store.case(number)
        assert case["status"] == "returned" and case["reason"] is None  # returned before reasons were kept
        view = Casework(store).case(number, reveal=False)
        assert [(h["status"], h["actor"]) for h in view["history"]] == [("received", None), ("returned", None)]
        assert store._q("SELECT score, tags FROM ratings") == [(1, None)]
        assert store.accept_batch(TERMINAL, [{"id": "n", "seq": 2, "kind": "submission", "body": {
            "tracking": tracking.issue(TERMINAL, date(2026, 4, 1), 2), "service_code": "HJ-001",
            "applicant": invented_applicant(2)}}])[0]["result"] == "accepted"
    finally:
        store.close()
