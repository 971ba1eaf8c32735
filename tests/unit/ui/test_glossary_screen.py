"""The 词语解释 screen: reached from a guide whose button is in sight without scrolling, the terms in zh / en / 繁體,
larger in elderly mode, a broken file said plainly; screenshots in both orientations (test-artifacts/screens)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF

from tests.helpers.apply_ui import text_of
from tests.helpers.qml import find_visible, grab, settle, tap

SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080)}
WORDS = {"zh_CN": ("户籍", "户口本"), "zh_TW": ("戶籍", "戶口本"), "en": ("Household registration", "hukou")}


def _from_guide(qtbot, ui):
    ui.shell.start(ui.shell.elderly)
    ui.shell.go("Guide", {"code": "HJ-006"})
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Guide")
    settle(qtbot, 500)
    tap(qtbot, ui.window, "guideGlossary")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Glossary")
    settle(qtbot, 500)


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize(("mode", "language"), [("elderly", "zh_CN"), ("elderly", "zh_TW"), ("elderly", "en"),
                                                 ("normal", "zh_CN")])
def test_glossary_from_the_guide(qtbot, make_ui, artifacts_dir, orientation, mode, language):
    w, h = SIZES[orientation]
    ui = make_ui(orientation, display={"width": w, "height": h}, locale={"language": language})
    ui.shell.elderly = mode == "elderly"
    _from_guide(qtbot, ui)
    term, plain = WORDS[language]
    first = find_visible(ui.window, "glossaryTerm_0")
    assert first is not None
    shown = [str(c.property("text")) for c in first.findChildren(type(first)) if c.property("text")]
    assert any(term in s for s in shown) and any(plain in s for s in shown), shown
    assert find_visible(ui.window, "glossaryProblem") is None
    grab(ui.window, artifacts_dir / "screens" / f"glossary_{orientation}_{mode}_{language}.png")


def _in_sight(item, size: tuple[int, int]) -> bool:
    """The item's whole rectangle is on the window and inside every clipping pane above it, as the screen opens."""
    rect = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
    window = QRectF(0, 0, size[0], size[1])
    panes = []
    parent = item.parentItem()
    while parent is not None:
        if parent.clip():
            panes.append(parent.mapRectToScene(QRectF(0, 0, parent.width(), parent.height())))
        parent = parent.parentItem()
    return all(pane.contains(rect) for pane in [window, *panes])


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize("mode", ["normal", "elderly"])
# in English the guides' summaries and proxy notes run longest: CJ-002's pushed the button furthest down
@pytest.mark.parametrize(("language", "code"), [("zh_CN", "HJ-006"), ("en", "HJ-006"), ("en", "CJ-002")])
def test_the_words_button_is_in_sight_without_scrolling(qtbot, make_ui, artifacts_dir, orientation, mode, language,
                                                        code):
    w, h = SIZES[orientation]
    ui = make_ui(orientation, display={"width": w, "height": h}, locale={"language": language})
    ui.shell.elderly = mode == "elderly"
    ui.shell.start(ui.shell.elderly)
    ui.shell.go("Guide", {"code": code})
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Guide")
    settle(qtbot, 500)
    button = find_visible(ui.window, "guideGlossary")
    assert button is not None
    grab(ui.window, artifacts_dir / "screens" / f"guide_words_{code}_{orientation}_{mode}_{language}.png")
    assert _in_sight(button, (ui.window.width(), ui.window.height())), f"词语解释 is out of sight: {button.mapToScene(button.boundingRect().topLeft())}"


def test_elderly_mode_makes_the_words_larger(qtbot, make_ui):
    sizes = {}
    for elderly in (False, True):
        ui = make_ui()
        ui.shell.elderly = elderly
        _from_guide(qtbot, ui)
        first = find_visible(ui.window, "glossaryTerm_0")
        texts = [c for c in first.findChildren(type(first)) if c.property("text")]
        sizes[elderly] = max(c.property("font").pixelSize() for c in texts)
    assert sizes[True] > sizes[False]


def test_a_broken_glossary_file_is_said_plainly(qtbot, make_ui, tmp_path):
    ui = make_ui()
    bad = tmp_path / "terms.toml"
    bad.write_text("[[term]]\nterm = \"户籍\"\n", encoding="utf-8")
    ui.bridges["glossary"].path = bad
    _from_guide(qtbot, ui)
    assert "呼叫工作人员" in text_of(ui, "glossaryProblem")
    assert find_visible(ui.window, "glossaryTerm_0") is None
