"""The catalog generator: its catalogs pass the loader's validation, and a seed always gives the same catalog."""

from pathlib import Path

import pytest

from kiosk.catalog.generate import generate, main
from protocol.catalog_loader import load_directory


def _files(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def test_generated_catalog_validates(tmp_path):
    loaded = load_directory(generate(tmp_path / "c", 1200, seed=3))
    assert len(loaded.items) == 1200
    assert len({i.name for i in loaded.items}) == 1200
    assert any(i.kiosk_can_submit for i in loaded.items)


def test_same_seed_same_bytes_other_seed_other_catalog(tmp_path):
    a, b, c = (_files(generate(tmp_path / n, 200, seed=s)) for n, s in (("a", 7), ("b", 7), ("c", 8)))
    assert a == b
    assert a != c


def test_cli_refuses_to_overwrite_a_catalog(tmp_path, capsys):
    assert main(["--items", "50", str(tmp_path / "c")]) == 0
    assert main(["--items", "50", str(tmp_path / "c")]) == 1
    assert "already holds a catalog" in capsys.readouterr().err


def test_too_many_items_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="at most"):
        generate(tmp_path / "c", 10_000_000)
