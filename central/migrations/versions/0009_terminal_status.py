"""Each terminal's flags computed when its heartbeat arrives, so the fleet is filtered and paged in SQL; terminals
that beat before this revision get theirs from their stored beats."""

import json

from alembic import op
from sqlalchemy import Column, Float, Index, Integer, String, Text, select

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from central import fleet
    from central.schema import heartbeats, terminal_status, terminals

    op.create_table("terminal_status",
                    Column("terminal", String(64), primary_key=True),
                    Column("beat_at", Float, nullable=False),
                    Column("codes", String(256), nullable=False),
                    Column("flags", Text, nullable=False),
                    Column("severe", Integer, nullable=False),
                    Column("count", Integer, nullable=False),
                    Column("software", String(64)))
    op.create_index("terminal_status_beat", "terminal_status", ["beat_at"])
    conn = op.get_bind()
    for terminal, last in conn.execute(select(terminals.c.id, terminals.c.last_heartbeat)
                                       .where(terminals.c.last_heartbeat.is_not(None))).all():
        beats = [json.loads(b) for b in reversed(conn.execute(
            select(heartbeats.c.body).where(heartbeats.c.terminal == terminal)
            .order_by(heartbeats.c.id.desc()).limit(60)).scalars().all())]
        conn.execute(terminal_status.insert().values(terminal=terminal, **fleet.beat_status(json.loads(last), beats)))
