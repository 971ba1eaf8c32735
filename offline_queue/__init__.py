"""Durable SQLite queue with encryption at rest, and the sync worker that drains it to central. No Qt."""
