"""Catalog test helpers: a writable copy of the shipped catalog and small edits to its files."""

import re
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "assets" / "catalog"


def copy_shipped(dest: Path) -> Path:
    """A copy of assets/catalog that a test may break."""
    shutil.copytree(SHIPPED, dest)
    return dest


def set_version(directory: Path, version: str) -> None:
    header = directory / "catalog.toml"
    text = header.read_text(encoding="utf-8")
    header.write_text(re.sub(r'(?m)^version = ".*"$', f'version = "{version}"', text, count=1), encoding="utf-8")


def replace_in(path: Path, old: str, new: str) -> None:
    """Edit one spot of a catalog file; fails loudly if the spot is not there (the data changed)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
