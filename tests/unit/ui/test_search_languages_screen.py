"""The search screen finds items typed in the citizen's language: English words in English mode, 繁體 in 繁體
mode; screenshots in elderly mode, both orientations (test-artifacts/screens)."""

from __future__ import annotations

import pytest

from tests.helpers.qml import find_visible, grab, settle

SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080)}


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize(("language", "query", "code"), [("en", "pension", "YL-001"),
                                                          ("zh_TW", "戶籍證明", "HJ-006")])
def test_search_in_the_citizens_language(qtbot, make_ui, artifacts_dir, orientation, language, query, code):
    w, h = SIZES[orientation]
    ui = make_ui(orientation, display={"width": w, "height": h}, locale={"language": language})
    ui.shell.elderly = True
    ui.shell.start(True)
    ui.shell.go("Search", {"text": query})
    qtbot.waitUntil(lambda: find_visible(ui.window, f"result_{code}") is not None)
    settle(qtbot, 500)
    grab(ui.window, artifacts_dir / "screens" / f"search_{language}_{orientation}_elderly.png")
