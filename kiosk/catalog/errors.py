"""Catalog errors, light enough for the UI to import before any catalog is loaded."""


class UnknownItem(KeyError):
    """No item with this code (a stale link, or an item dropped by a catalog update)."""
