"""Sealed A4 certificates: the sha256 of each certificate's signed PDF, kept sealed in the blob store."""

from alembic import op
from sqlalchemy import Column, String

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("certificates", Column("pdf_sha256", String(64)))

