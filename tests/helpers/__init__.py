"""Fixtures and helpers shared by tests."""
