"""The floors point down: imports read with ast (module level, inside functions, import_module strings)."""

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGES = ("kiosk", "drivers", "offline_queue", "protocol", "central", "ui")

# package -> top-level names it must never import
FORBIDDEN = {
    "drivers": {"kiosk", "ui"},
    "offline_queue": {"kiosk", "ui"},
    "central": {"offline_queue", "drivers", "kiosk", "ui"},
    # the contract both sides import (wire models, the catalog's schema and loader) stands on nothing of theirs
    "protocol": {"offline_queue", "drivers", "kiosk", "ui", "central"},
}
UI_MAX_LINES = 300


def _modules(package: str) -> list[Path]:
    return sorted((REPO / package).rglob("*.py"))


def _imports(path: Path) -> list[tuple[int, str]]:
    return _imports_in(path.read_text(encoding="utf-8"), path.relative_to(REPO).with_suffix("").parts[:-1])


def _imports_in(source: str, package: tuple[str, ...]) -> list[tuple[int, str]]:
    """(line, dotted name) of every import in the source, wherever it stands."""
    tree = ast.parse(source)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against this file's package
                base = list(package[: len(package) - node.level + 1])
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            found.append((node.lineno, name))
        elif isinstance(node, ast.Call) and _is_dynamic_import(node.func) and node.args:
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.append((node.lineno, arg.value))
    return found


def _is_dynamic_import(func: ast.expr) -> bool:
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    return name in ("import_module", "__import__")


def _offences(packages, banned: set[str]) -> list[str]:
    return [f"{path.relative_to(REPO)}:{line} imports {name}"
            for package in packages for path in _modules(package)
            for line, name in _imports(path) if name.split(".")[0] in banned]


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_lower_floors_do_not_import_upper_ones(package):
    assert _offences([package], FORBIDDEN[package]) == []


def test_only_ui_imports_pyside6():
    assert _offences([p for p in PACKAGES if p != "ui"], {"PySide6", "shiboken6"}) == []


def test_ui_modules_stay_small():
    too_long = {str(p.relative_to(REPO)): n for p in sorted((REPO / "ui").glob("*.py"))
                if (n := len(p.read_text(encoding="utf-8").splitlines())) > UI_MAX_LINES}
    assert too_long == {}


def test_the_import_reader_sees_every_kind_of_import():
    """The checks above are only as good as this reader: module level, in functions, relative, import_module."""
    sample = (
        "from kiosk.i18n import Text\n"
        "def later():\n"
        "    import PySide6.QtCore\n"
        "    from .cards import identity\n"
        "    from ..kiosk import app\n"
        "    importlib.import_module('kiosk.config')\n"
        "    __import__('kiosk.devices')\n"
    )
    names = {name for _, name in _imports_in(sample, ("drivers", "camera"))}
    assert names == {"kiosk.i18n", "PySide6.QtCore", "drivers.camera.cards", "drivers.kiosk", "kiosk.config",
                     "kiosk.devices"}
