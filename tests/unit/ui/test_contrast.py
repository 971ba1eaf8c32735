"""Every text on the home, catalog, guide, search and progress screens reads against what is really behind it:
WCAG 4.5:1 for body text and 3:1 for large text; elderly mode keeps its promise of more (7:1 and 4.5:1)."""

from __future__ import annotations

import pytest

from tests.helpers.contrast import samples, table
from tests.helpers.qml import find_visible, settle, tap

SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080)}


def _page(ui):
    return find_visible(ui.window, "screenStack").property("currentItem")


def _screen(qtbot, ui, name):
    qtbot.waitUntil(lambda: ui.shell.currentScreen == name)
    settle(qtbot, 400)


def _walk(qtbot, ui):
    shell = ui.shell
    shell.start()
    _screen(qtbot, ui, "Home")
    yield "home"
    shell.go("Catalog", {"view": "theme"})
    _screen(qtbot, ui, "Catalog")
    yield "catalog themes"
    tap(qtbot, ui.window, "catalogTab_most_used")
    settle(qtbot)
    yield "catalog most used"
    shell.go("Catalog", {"view": "most_used", "purpose": "ticket"})
    _screen(qtbot, ui, "Catalog")
    yield "catalog for a number"
    theme = ui.bridges["catalog"].themes[0]
    shell.go("CatalogItems", {"kind": "theme", "code": theme["code"], "title": theme["title"]})
    _screen(qtbot, ui, "CatalogItems")
    yield "catalog items"
    shell.go("Search", {"text": "gjj"})
    _screen(qtbot, ui, "Search")
    ui.window.contentItem().forceActiveFocus()  # the keyboard away: the results are what is checked
    settle(qtbot)
    yield "search results"
    shell.go("Search", {"text": "qqqqxz"})
    _screen(qtbot, ui, "Search")
    ui.window.contentItem().forceActiveFocus()
    settle(qtbot)
    yield "search no result"
    shell.go("Guide", {"code": "GJ-003"})  # can be applied for here: all three actions show
    _screen(qtbot, ui, "Guide")
    yield "guide"
    shell.go("Progress")
    _screen(qtbot, ui, "Progress")
    yield "progress (nothing typed)"


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize("elderly", [False, True], ids=["normal", "elderly"])
def test_text_contrast_on_the_screens(qtbot, make_ui, orientation, elderly):
    w, h = SIZES[orientation]
    ui = make_ui(orientation, display={"width": w, "height": h})
    ui.shell.elderly = elderly
    dp = min(w, h) / 720
    report, bad = [], []
    for name in _walk(qtbot, ui):
        rows = samples(ui.window, _page(ui), dp, elderly)
        assert rows, f"{name}: no text found"
        report.append(table(rows, f"{name} ({orientation}, {'elderly' if elderly else 'normal'})"))
        bad += [f"{name}: {s.text!r} {s.ratio}:1 < {s.needed}:1 ({s.colour} on {s.background})"
                for s in rows if not s.ok]
    print("\n".join(report))
    assert not bad, "\n".join(bad)
