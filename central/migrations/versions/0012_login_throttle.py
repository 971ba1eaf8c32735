"""The console login's per-address throttle moves from each worker's memory into the database, so all workers
share one budget per address (kept as a keyed hash of the address)."""

from alembic import op
from sqlalchemy import Column, Float, String

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("console_login_throttle",
                    Column("address", String(64), primary_key=True),
                    Column("full_at", Float, nullable=False))
    op.create_index("console_login_throttle_full_at", "console_login_throttle", ["full_at"])
