"""Words on the catalog screens: one label for "this terminal takes the application", and search results that show
no words the citizen never typed."""

from __future__ import annotations

import pytest

from protocol.catalog_schema import HERE
from tests.helpers.qml import _items, find_visible, settle

OTHER_WORDINGS = ("自助终端可办", "本机可办", "本机可直接申请", "Can be done at this terminal",
                  "You can apply at this terminal now")


def _texts(item) -> list[str]:
    out, todo = [], [item]
    while todo:
        it = todo.pop()
        if not it.isVisible():
            continue
        text = it.property("text")
        if it.inherits("QQuickText") and text:
            out.append(str(text))
        todo.extend(it.childItems())
    return out


def _page(ui):
    return find_visible(ui.window, "screenStack").property("currentItem")


def _open(qtbot, ui, screen, params):
    ui.shell.go(screen, params)
    qtbot.waitUntil(lambda: ui.shell.currentScreen == screen)
    settle(qtbot, 300)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_one_label_says_this_terminal_takes_the_application(qtbot, make_ui, language):
    ui = make_ui(display={"width": 1080, "height": 1920})
    ui.shell.start()
    ui.shell.language = language
    label = HERE.get(language)
    theme = next(t for t in ui.bridges["catalog"].themes if t["code"] == "housing_fund")
    seen = []
    _open(qtbot, ui, "CatalogItems", {"kind": "theme", "code": theme["code"], "title": theme["title"]})
    row = find_visible(ui.window, "item_GJ-003")  # applied for here (handling "kiosk")
    seen.append(("list", _texts(row)))
    _open(qtbot, ui, "Search", {"text": "公积金"})
    ui.window.contentItem().forceActiveFocus()
    seen.append(("search", _texts(find_visible(ui.window, "result_GJ-003"))))
    _open(qtbot, ui, "Guide", {"code": "GJ-003"})
    seen.append(("guide", _texts(_page(ui))))
    for where, texts in seen:
        joined = " | ".join(texts)
        assert texts.count(label) == 1, f"{where}: {label!r} should show once: {joined}"
        assert not [w for w in OTHER_WORDINGS if w in joined], f"{where}: another wording of the same idea: {joined}"
    # an item that cannot be applied for here carries no such label
    _open(qtbot, ui, "Guide", {"code": "HJ-001"})
    assert label not in " ".join(_texts(_page(ui)))


@pytest.mark.parametrize("typed", ["sfz", "gjj 提取", "身份正", "结婚"])
def test_search_results_show_no_words_the_citizen_did_not_type(qtbot, make_ui, typed):
    """"sfz" matched the alias "sfz丢了", "身份正" the misspelling "身份正到期": the rows must not show those."""
    ui = make_ui(display={"width": 1080, "height": 1920})
    ui.shell.start()
    _open(qtbot, ui, "Search", {"text": typed})
    ui.window.contentItem().forceActiveFocus()
    settle(qtbot)
    hits = ui.core.catalog.catalog.search(typed, 8)
    assert hits
    for hit in hits[:4]:
        row = find_visible(ui.window, f"result_{hit.code}")
        assert row is not None, hit.code
        shown = " | ".join(_texts(row))
        assert hit.name in shown
        if hit.matched != hit.name and hit.matched not in hit.name:
            assert hit.matched not in shown, f"{typed!r}: the row shows the matched alias {hit.matched!r}: {shown}"
        assert "匹配" not in shown, shown
