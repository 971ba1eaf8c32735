"""Service names for the console's lists: from the newest catalog uploaded at central, over the catalog file central
serves (a code the catalogs do not name is shown as its code)."""

from __future__ import annotations

from central.catalogs import Catalogs
from central.titles import parse_titles

_by_catalog: dict[int, dict[str, str]] = {}  # a catalog version never changes once uploaded: safe to keep


def titles(request, store) -> dict[str, str]:
    shelf = Catalogs(store)
    versions = shelf.versions()
    names = dict(request.app.state.settings.titles.current())
    if versions:
        newest = versions[0]["id"]
        if newest not in _by_catalog:
            if len(_by_catalog) >= 8:
                _by_catalog.clear()
            _by_catalog[newest] = parse_titles(shelf.payload(newest) or b"")
        names.update(_by_catalog[newest])
    return names
