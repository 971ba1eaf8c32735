"""Configuration overlays: versioned kiosk.toml fragments addressed to one terminal or one site, which terminals
fetch from GET /v1/config-overlay (docs/config-overlays.md)."""

from alembic import op
from sqlalchemy import BigInteger, Column, Float, String, Text

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("overlays",
                    Column("version", BigInteger, primary_key=True, autoincrement=False),
                    Column("scope", String(16), nullable=False),
                    Column("target", String(64), nullable=False),
                    Column("body", Text),
                    Column("actor", String(128), nullable=False),
                    Column("published_at", Float, nullable=False))
    op.create_index("overlays_target", "overlays", ["scope", "target", "version"])
