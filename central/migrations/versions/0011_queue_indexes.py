"""Central hands each terminal of a site its queue index (the terminal part of offline ticket numbers); terminals
already at a site get theirs in the order they were registered."""

from alembic import op
from sqlalchemy import Column, Integer, select, update

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from central.queue_indexes import TOP
    from central.schema import terminals

    op.add_column("terminals", Column("queue_index", Integer))
    conn = op.get_bind()
    given: dict[str, int] = {}
    for terminal, site in conn.execute(select(terminals.c.id, terminals.c.site).where(terminals.c.site.is_not(None))
                                       .order_by(terminals.c.created_at, terminals.c.id)).all():
        given[site] = given.get(site, 0) + 1
        if given[site] <= TOP:
            conn.execute(update(terminals).where(terminals.c.id == terminal).values(queue_index=given[site]))
    op.create_index("terminals_queue_index", "terminals", ["site", "queue_index"], unique=True)
