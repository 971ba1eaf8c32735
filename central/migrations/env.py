"""Alembic environment: central.migrate hands over an open connection; no alembic.ini, no URL of our own."""

from alembic import context

context.configure(connection=context.config.attributes["connection"], render_as_batch=True,
                  transaction_per_migration=False)
with context.begin_transaction():
    context.run_migrations()
