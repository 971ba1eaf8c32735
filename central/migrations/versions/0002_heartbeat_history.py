"""Each terminal's recent heartbeats, for the fleet view's trends (backlog growing, crash loop); central keeps the
newest few per terminal (central.storage.BEATS_KEPT) and deletes older ones as new beats arrive."""

from alembic import op
from sqlalchemy import Column, Float, Index, Integer, String, Text

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("heartbeats",
                    Column("id", Integer, primary_key=True, autoincrement=True),  # the order beats arrived in
                    Column("terminal", String(64), nullable=False),
                    Column("received_at", Float, nullable=False),
                    Column("body", Text, nullable=False))
    op.create_index("heartbeats_terminal", "heartbeats", ["terminal", "id"])

