"""The site each terminal stands at (a hall or village point code), so overlays, catalogs and the console's fleet
view can address a whole site; set by `kiosk central add-terminal --site` or `set-site`."""

from alembic import op
from sqlalchemy import Column, String

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("terminals", Column("site", String(64)))
    op.create_index("terminals_site", "terminals", ["site"])
