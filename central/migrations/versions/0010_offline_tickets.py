"""Tickets a terminal numbered from its own range while offline join its hall's queue when they reach central."""

from alembic import op
from sqlalchemy import Column, Integer

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # the number's terminal part is part of its identity: A007 (central's) and A9-007 (terminal 9's) are two tickets
    op.drop_index("hall_tickets_number", table_name="hall_tickets")
    op.add_column("hall_tickets", Column("terminal_index", Integer, nullable=False, server_default="0"))
    op.create_index("hall_tickets_number", "hall_tickets", ["site", "day", "series", "terminal_index", "seq"],
                    unique=True)
