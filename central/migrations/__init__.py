"""Alembic migrations of central's schema (run by central.migrate.upgrade, or `kiosk central migrate`)."""
