"""The operations console's tables: staff accounts, server-side sessions, the append-only staff audit trail and
call-staff requests. The audit trail refuses UPDATE and DELETE (and, on PostgreSQL, TRUNCATE) in the database itself,
so no code path of ours, and nobody with only a connection, can edit what it says.

Call-staff requests that arrived before this revision stay in the events table (the terminal page shows them); only
new ones wait on the console for an acknowledgement, so an upgrade does not flood it with calls long answered."""

from alembic import op
from sqlalchemy import Column, Float, Index, Integer, String, Text

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_REFUSAL = "staff_audit is append-only: entries cannot be changed or deleted"


def upgrade() -> None:
    op.create_table("staff",
                    Column("username", String(64), primary_key=True),
                    Column("role", String(32), nullable=False),
                    Column("password_hash", Text, nullable=False),
                    Column("created_at", Float, nullable=False),
                    Column("failures", Integer, nullable=False, server_default="0"),
                    Column("locked_until", Float),
                    Column("disabled_at", Float))
    op.create_table("staff_sessions",
                    Column("id", String(64), primary_key=True),
                    Column("username", String(64)),
                    Column("csrf", String(64), nullable=False),
                    Column("created_at", Float, nullable=False),
                    Column("last_seen", Float, nullable=False))
    op.create_index("staff_sessions_last_seen", "staff_sessions", ["last_seen"])
    op.create_table("staff_audit",
                    Column("id", Integer, primary_key=True, autoincrement=False),
                    Column("at", Float, nullable=False),
                    Column("actor", String(64), nullable=False),
                    Column("role", String(32), nullable=False),
                    Column("action", String(64), nullable=False),
                    Column("target", String(160), nullable=False),
                    Column("detail", Text, nullable=False),
                    Column("mac", String(64), nullable=False))
    op.create_index("staff_audit_target", "staff_audit", ["target", "id"])
    op.create_table("staff_calls",
                    Column("item_id", String(128), primary_key=True),
                    Column("terminal", String(64), nullable=False),
                    Column("screen", String(64)),
                    Column("at", Float, nullable=False),
                    Column("acked_by", String(64)),
                    Column("acked_at", Float))
    op.create_index("staff_calls_open", "staff_calls", ["acked_at", "at"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"""CREATE FUNCTION staff_audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                       BEGIN RAISE EXCEPTION '{_REFUSAL}'; END $$""")
        op.execute("CREATE TRIGGER staff_audit_append_only BEFORE UPDATE OR DELETE ON staff_audit"
                   " FOR EACH ROW EXECUTE FUNCTION staff_audit_refuse()")
        op.execute("CREATE TRIGGER staff_audit_no_truncate BEFORE TRUNCATE ON staff_audit"
                   " FOR EACH STATEMENT EXECUTE FUNCTION staff_audit_refuse()")
    else:
        for verb in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER staff_audit_no_{verb.lower()} BEFORE {verb} ON staff_audit"
                       f" BEGIN SELECT RAISE(ABORT, '{_REFUSAL}'); END")
