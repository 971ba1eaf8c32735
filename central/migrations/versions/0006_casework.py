"""Casework at central: who changed a case and why (the reason the citizen reads, a staff note), 好差评 reason tags
and follow-ups, the working-day calendar their deadlines count in, and catalog versions published to sites."""

from alembic import op
from sqlalchemy import BigInteger, Column, Float, Integer, LargeBinary, String, Text

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("history", Column("actor", String(64)))
    op.add_column("history", Column("reason", Text))
    op.add_column("history", Column("note", Text))
    op.create_index("cases_status", "cases", ["status", "updated_at"])
    op.create_index("cases_service", "cases", ["service_code", "updated_at"])
    op.add_column("ratings", Column("tags", Text))
    op.create_index("ratings_at", "ratings", ["at"])
    op.create_table("rating_followups",
                    Column("id", Integer, primary_key=True, autoincrement=True),
                    Column("rating", String(128), nullable=False),
                    Column("state", String(32), nullable=False),
                    Column("actor", String(64), nullable=False),
                    Column("note", Text),
                    Column("at", Float, nullable=False))
    op.create_index("rating_followups_rating", "rating_followups", ["rating", "id"])
    op.create_table("workdays",
                    Column("day", String(10), primary_key=True),
                    Column("working", Integer, nullable=False),
                    Column("note", Text))
    op.create_table("catalogs",
                    Column("id", Integer, primary_key=True, autoincrement=True),
                    Column("version", String(64), nullable=False, unique=True),
                    Column("digest", String(64), nullable=False),
                    Column("etag", String(64), nullable=False),
                    Column("title", Text, nullable=False),
                    Column("item_count", Integer, nullable=False),
                    Column("size", BigInteger, nullable=False),
                    Column("signature_checked", Integer, nullable=False),
                    Column("uploaded_at", Float, nullable=False),
                    Column("uploaded_by", String(64), nullable=False),
                    Column("data", LargeBinary, nullable=False))
    op.create_table("catalog_publications",
                    Column("id", Integer, primary_key=True, autoincrement=True),
                    Column("catalog", Integer, nullable=False),
                    Column("site", String(64)),
                    Column("published_at", Float, nullable=False),
                    Column("actor", String(64), nullable=False))
    op.create_index("catalog_publications_site", "catalog_publications", ["site"])
