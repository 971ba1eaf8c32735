"""One queue per hall: tickets numbered by central per site, counting day and series letter; calling-system tokens."""

from alembic import op
from sqlalchemy import Column, Float, Integer, String

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("hall_tickets",
                    Column("id", Integer, primary_key=True, autoincrement=True),
                    Column("site", String(64), nullable=False),
                    Column("day", String(10), nullable=False),
                    Column("series", String(1), nullable=False),
                    Column("seq", Integer, nullable=False),
                    Column("queue", String(1), nullable=False),
                    Column("priority", Integer, nullable=False),
                    Column("service", String(64), nullable=False),
                    Column("terminal", String(64), nullable=False),
                    Column("issued_at", Float, nullable=False),
                    Column("called_at", Float))
    op.create_index("hall_tickets_number", "hall_tickets", ["site", "day", "series", "seq"], unique=True)
    op.create_index("hall_tickets_waiting", "hall_tickets", ["site", "day", "queue", "called_at"])
    op.create_table("calling_tokens",
                    Column("token_sha256", String(64), primary_key=True),
                    Column("site", String(64), nullable=False),
                    Column("created_at", Float, nullable=False))
