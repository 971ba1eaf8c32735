"""Modules our libraries pull in that the running kiosk never uses, kept out of its memory."""

from __future__ import annotations

import importlib.abc
import sys

# each one is an optional import its library guards with `except ImportError`
UNUSED = {
    "httpx._main": "httpx's command line, which imports rich, pygments and click",
    "trio": "httpcore's trio backend; the kiosk's HTTP is synchronous (trio is here only with selenium, a test tool)",
}


class _KeepOut(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name in UNUSED:
            raise ModuleNotFoundError(f"{name} is not used by the kiosk ({UNUSED[name]})", name=name)
        return None


def keep_out() -> None:
    """For `kiosk run` only (about 10 MB on a terminal's settled memory); other commands and tests import freely.
    Modules already imported stay."""
    if not any(isinstance(f, _KeepOut) for f in sys.meta_path):
        sys.meta_path.insert(0, _KeepOut())
