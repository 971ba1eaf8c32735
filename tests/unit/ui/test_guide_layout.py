"""The landscape guide uses the width for the materials and says how many are not in view yet (还有 N 项), with
page buttons that bring them in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF

from tests.helpers.qml import find_visible, grab, settle, tap

CODE = "HJ-001"  # 出生登记: five materials to bring


def _rect(item) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def _in_view(ui, count):
    """Numbers of the material cards wholly inside the materials pane."""
    pane = _rect(find_visible(ui.window, "guideMaterials"))
    shown = []
    for n in range(1, count + 1):
        card = find_visible(ui.window, f"material_{n}")
        if card is not None:
            r = _rect(card)
            if r.top() >= pane.top() - 1 and r.bottom() <= pane.bottom() + 1:
                shown.append(n)
    return shown


@pytest.mark.parametrize("elderly", [False, True], ids=["normal", "elderly"])
def test_landscape_guide_uses_the_width_and_pages_the_materials(qtbot, make_ui, artifacts_dir, elderly):
    ui = make_ui("landscape", display={"width": 1920, "height": 1080})
    ui.shell.elderly = elderly
    mode = "elderly" if elderly else "normal"
    ui.shell.start()
    ui.shell.go("Guide", {"code": CODE})
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Guide")
    settle(qtbot, 500)
    total = len([e for e in ui.core.catalog.guide(CODE).checklist if e.bring])
    assert total >= 5
    grab(ui.window, artifacts_dir / "screens" / f"guide_materials_landscape_{mode}.png")

    first = _in_view(ui, total)
    assert len(first) >= 2, first
    cards = [_rect(find_visible(ui.window, f"material_{n}")) for n in first]
    assert len({round(r.left()) for r in cards}) >= 2, "the materials stand side by side"
    span = max(r.right() for r in cards) - min(r.left() for r in cards)
    assert span >= 0.5 * ui.window.width(), f"materials use {span / ui.window.width():.0%} of the width"

    seen = set(first)
    pages = 0
    while len(seen) < total:
        more = find_visible(ui.window, "guideMore")
        assert more is not None, f"{total - len(seen)} materials out of view and nothing says so"
        hidden = total - len(_in_view(ui, total)) - min(_in_view(ui, total)) + 1
        assert more.property("text") == f"还有 {hidden} 项"
        before = set(_in_view(ui, total))
        tap(qtbot, ui.window, "guideMaterialsNext")
        qtbot.waitUntil(lambda: bool(set(_in_view(ui, total)) - before))
        seen |= set(_in_view(ui, total))
        pages += 1
        assert pages < total, "the page button does not get through the materials"
    grab(ui.window, artifacts_dir / "screens" / f"guide_materials_page2_landscape_{mode}.png")
    if not pages:  # all in view at once: no page buttons
        assert find_visible(ui.window, "guideMaterialsNext") is None
        assert not elderly, "elderly mode's bigger cards should not all fit: this test would not see the paging"
        return
    assert find_visible(ui.window, "guideMore") is None  # the last page: nothing more
    assert not find_visible(ui.window, "guideMaterialsNext").isEnabled()
    for _ in range(pages):  # back page by page to the first material
        before = set(_in_view(ui, total))
        tap(qtbot, ui.window, "guideMaterialsPrevious")
        qtbot.waitUntil(lambda: set(_in_view(ui, total)) != before)
    assert 1 in _in_view(ui, total)
    assert not find_visible(ui.window, "guideMaterialsPrevious").isEnabled()


def _still_to_come(ui, count) -> int:
    """Material cards below the pane's top row that do not wholly show (a card of the top row taller than the pane
    is the one being read: paging goes on through it, it is not one more)."""
    pane = _rect(find_visible(ui.window, "guideMaterials"))
    cards = [find_visible(ui.window, f"material_{n}") for n in range(1, count + 1)]
    return sum(1 for c in cards if c is not None and _rect(c).top() > pane.top() + 1
               and _rect(c).bottom() > pane.bottom() + 1)


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("elderly", [False, True], ids=["normal", "elderly"])
def test_more_counts_only_materials_not_shown_at_all(qtbot, make_ui, elderly, language):
    """A card cut off at the pane's bottom edge is one the citizen is reading, not one still to come: "还有 N 项"
    never counted every material of a guide whose first row was only partly in view."""
    ui = make_ui("landscape", display={"width": 1920, "height": 1080})
    ui.shell.elderly = elderly
    ui.shell.start()
    ui.shell.language = language
    wrong = {}
    for code in ui.core.catalog.catalog.codes():
        total = len([e for e in ui.core.catalog.guide(code).checklist if e.bring])
        if not total:
            continue
        ui.shell.home()
        ui.shell.go("Guide", {"code": code})
        qtbot.waitUntil(lambda: ui.shell.currentScreen == "Guide")
        settle(qtbot, 50)
        more = find_visible(ui.window, "guideMore")
        said = more.property("text") if more is not None else ""
        hidden = _still_to_come(ui, total)
        if said != ((f"还有 {hidden} 项" if language == "zh" else f"{hidden} more") if hidden else ""):
            wrong[code] = f"{total} materials, {hidden} still to come, says {said!r}"
    assert not wrong, wrong
