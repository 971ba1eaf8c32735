"""The Qt side stays thin: what a visit knows and which screen comes next live in kiosk/, so no module of ui/
grows past 300 lines, and no view-model keeps the visit's facts of its own."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[3] / "ui"
LIMIT = 300


@pytest.mark.parametrize("path", sorted(UI.glob("*.py")), ids=lambda p: p.name)
def test_no_ui_module_grows_past_the_limit(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= LIMIT, f"{path.name}: {lines} lines; move what it knows to kiosk/ (a use case or the visit)"


def test_no_view_model_keeps_the_session_dictionary():
    """The visit (kiosk/visit.py) holds identity, face check, service, form, photos and tracking number."""
    for path in UI.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("put", "get") and \
                    isinstance(node.value, ast.Attribute) and node.value.attr == "session":
                pytest.fail(f"{path.name}:{node.lineno} keeps visit state in the session; use core.visit")
