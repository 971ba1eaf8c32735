"""The schema for SQLite and PostgreSQL; a SQLite file from before Alembic is brought to it in place.

Before Alembic the tables were made by hand (CREATE TABLE IF NOT EXISTS): history and lookups had no key of their
own (SQLite's rowid gave the order), attachments lived in blobs.data and there were no counters. Those files get
the missing tables and indexes, history and lookups are copied into keyed tables in rowid order, and the old blobs
table is set aside as blobs_v0 for central.storage to move into the blob store (it needs the blob directory and
the data key, which a migration does not have).
"""

from alembic import op
import sqlalchemy as sa
from sqlalchemy import BigInteger, Column, Float, Index, Integer, MetaData, String, Table, Text

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# frozen here: later revisions change the schema with operations of their own, never by editing these
md = MetaData()
Table("terminals", md, Column("id", String(64), primary_key=True), Column("secret", Text, nullable=False),
      Column("created_at", Float, nullable=False), Column("last_seen", Float), Column("last_heartbeat", Text))
Table("nonces", md, Column("terminal", String(64), primary_key=True), Column("nonce", String(128), primary_key=True),
      Column("ts", Float, nullable=False), Index("nonces_ts", "ts"))
Table("items", md, Column("id", String(128), primary_key=True), Column("terminal", String(64), nullable=False),
      Column("kind", String(32), nullable=False), Column("seq", BigInteger), Column("result", Text, nullable=False),
      Column("received_at", Float, nullable=False))
Table("cases", md, Column("case_number", String(32), primary_key=True),
      Column("item_id", String(128), nullable=False, unique=True),
      Column("tracking", String(64), nullable=False, unique=True), Column("terminal", String(64), nullable=False),
      Column("service_code", String(64), nullable=False), Column("id_hash", String(64)),
      Column("status", String(32), nullable=False), Column("body", Text, nullable=False),
      Column("created_at", Float, nullable=False), Column("updated_at", Float, nullable=False),
      Index("cases_id_hash", "id_hash", "created_at"))
Table("history", md, Column("id", Integer, primary_key=True, autoincrement=True),
      Column("case_number", String(32), nullable=False), Column("status", String(32), nullable=False),
      Column("at", Float, nullable=False), Index("history_case_number", "case_number", "id"))
Table("blobs", md, Column("sha256", String(64), primary_key=True), Column("size", BigInteger, nullable=False))
Table("ratings", md, Column("item_id", String(128), primary_key=True), Column("terminal", String(64), nullable=False),
      Column("tracking", String(64)), Column("score", Integer, nullable=False), Column("comment", Text),
      Column("at", Float, nullable=False))
Table("events", md, Column("item_id", String(128), primary_key=True), Column("terminal", String(64), nullable=False),
      Column("body", Text, nullable=False), Column("at", Float))
Table("certificates", md, Column("number", String(32), primary_key=True),
      Column("verify_code", String(32), nullable=False, unique=True), Column("kind", String(32), nullable=False),
      Column("ref", String(64), nullable=False), Column("id_hash", String(64), nullable=False),
      Column("terminal", String(64), nullable=False), Column("title", Text, nullable=False),
      Column("body_sha256", String(64), nullable=False), Column("holder", Text, nullable=False),
      Column("issuer", Text, nullable=False), Column("issued_at", Float, nullable=False))
Table("meta", md, Column("key", String(64), primary_key=True), Column("value", Text, nullable=False))
Table("counters", md, Column("name", String(64), primary_key=True), Column("value", BigInteger, nullable=False))
Table("presence", md, Column("id", String(64), primary_key=True), Column("terminal", String(64), nullable=False),
      Column("id_hash", String(64), nullable=False), Column("source", String(32), nullable=False),
      Column("decision", String(32), nullable=False), Column("distance", Float), Column("threshold", Float),
      Column("attempts", Integer), Column("liveness", Integer), Column("issued_at", Float, nullable=False),
      Column("expires_at", Float, nullable=False), Index("presence_terminal", "terminal", "issued_at"))
Table("lookups", md, Column("id", Integer, primary_key=True, autoincrement=True),
      Column("terminal", String(64), nullable=False), Column("at", Float, nullable=False),
      Index("lookups_terminal", "terminal", "at"), Index("lookups_at", "at"))

_REKEYED = {"history": ("case_number", "status", "at"), "lookups": ("terminal", "at")}


def upgrade() -> None:
    bind = op.get_bind()
    existing = set(sa.inspect(bind).get_table_names())
    for name in ("history", "lookups"):
        if name in existing:  # pre-Alembic: no id column
            op.rename_table(name, f"{name}_v0")
    if "blobs" in existing:
        op.rename_table("blobs", "blobs_v0")
    if "cases" in existing:
        op.execute("DROP INDEX IF EXISTS cases_id_hash")  # was on id_hash alone
    for table in md.sorted_tables:
        if table.name not in existing or table.name in _REKEYED or table.name == "blobs":
            table.create(bind)
        else:
            for index in table.indexes:
                index.create(bind, checkfirst=True)
    for name, columns in _REKEYED.items():
        if name in existing:
            cols = ", ".join(columns)
            op.execute(f"INSERT INTO {name}({cols}) SELECT {cols} FROM {name}_v0 ORDER BY rowid")
            op.drop_table(f"{name}_v0")
    # the running numbers continue where counting the rows left off
    op.execute("INSERT INTO counters(name, value) SELECT 'case', COUNT(*) FROM cases")
    op.execute("INSERT INTO counters(name, value) SELECT 'certificate:' || substr(number, 1, 9),"
               " MAX(CAST(substr(number, 10) AS INTEGER)) FROM certificates GROUP BY substr(number, 1, 9)")
