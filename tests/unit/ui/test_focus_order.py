"""A keyboard or switch-access device (Tab, Enter, Space) reaches every control of every citizen screen in reading
order, sees where it is, and can press what it is on."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest
from shiboken6 import getCppPointer

from tests.helpers.qml import _items, distinct_colours, find_visible, focus_ring, grab, settle
from tests.helpers.screens import arrive, every_screen

SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080)}
SLACK = 2.0  # px: rounding of scaled positions


def _ancestors(item: QQuickItem):
    item = item.parentItem()
    while item is not None:
        yield item
        item = item.parentItem()


def _flickables(item: QQuickItem) -> list[QQuickItem]:
    """The Flickables (lists, scrolled columns) holding the item, innermost first."""
    return [a for a in _ancestors(item) if a.inherits("QQuickFlickable")]


def _scene(item: QQuickItem) -> QRectF:
    return QRectF(item.mapToScene(QPointF(0, 0)), item.size())


def _actionable(item: QQuickItem) -> bool:
    """A control a finger can use: a button or a field, shown and enabled. An on-screen keyboard's keys are not
    counted: a keyboard user types into the field itself."""
    if not (item.isVisible() and item.isEnabled() and item.width() > 0 and item.height() > 0):
        return False
    if not any(item.inherits(c) for c in ("QQuickAbstractButton", "QQuickTextInput", "QQuickTextEdit")):
        return False
    return not any(a.objectName() == "inputPanel" or "CharacterPad" in a.metaObject().className()
                   for a in _ancestors(item))


def _in_view(item: QQuickItem, window) -> bool:
    """All of the item shows: inside the window and inside every Flickable holding it (or fills its view)."""
    rect = _scene(item)
    views = [_scene(f) for f in _flickables(item)] + [QRectF(0, 0, window.width(), window.height())]
    for view in views:
        fits = rect.top() >= view.top() - SLACK and rect.bottom() <= view.bottom() + SLACK
        if not (fits or (rect.height() >= view.height() and rect.intersects(view))):
            return False
        if rect.left() < view.left() - SLACK or rect.right() > view.right() + SLACK:
            return False
    return True


@dataclass
class Stop:
    """A control the focus rested on, where it sat for reading order."""

    item: QQuickItem
    key: str  # _key(item)
    name: str
    band: int  # 0 the page's top row (call staff, listen again), 1 the screen's content, 2 the navigation bar
    scroller: QQuickItem | None  # the outermost Flickable holding it, if any
    rect: QRectF  # in that Flickable's content when it has one, else in the scene
    outer: QRectF  # where it sits among things outside the Flickable: the Flickable's own rectangle
    pane: tuple[int, int] | None  # (id of a side-by-side two-pane layout, 0 left / 1 right) in landscape
    usable: bool  # shown and enabled when focused
    shown: bool  # wholly on screen when focused

    @classmethod
    def of(cls, item: QQuickItem, window, landscape: bool) -> Stop:
        ancestors = list(_ancestors(item))
        names = {a.objectName() for a in ancestors}
        tools = find_visible(window, "listenAgain") or find_visible(window, "callStaff")
        band = 2 if "navBar" in names else 0 if tools is not None and tools.parentItem() in ancestors else 1
        flicks = _flickables(item)
        scroller = flicks[-1] if flicks else None
        if scroller is not None:
            rect = QRectF(item.mapToItem(scroller.property("contentItem"), QPointF(0, 0)), item.size())
            outer = _scene(scroller)
        else:
            rect = outer = _scene(item)
        return cls(item, _key(item), item.objectName() or str(item.property("text")), band, scroller, rect, outer,
                   _pane(item, ancestors, window) if landscape else None, item.isVisible() and item.isEnabled(),
                   _in_view(item, window))


def _pane(item: QQuickItem, ancestors: list[QQuickItem], window) -> tuple[int, int] | None:
    """Which side of a two-column layout taking much of the screen (landscape: words left, actions right)."""
    child = item
    for holder in ancestors:
        if (holder.inherits("QQuickGridLayout") and holder.property("columns") == 2
                and holder.width() >= window.width() * 0.5 and holder.height() >= window.height() * 0.3):
            left = child.mapToItem(holder, QPointF(child.width() / 2, 0)).x() < holder.width() / 2
            return getCppPointer(holder)[0], 0 if left else 1
        child = holder
    return None


def _before(a: Stop, b: Stop) -> bool:
    """Whether a reader meets `a` before `b`: top row, content, navigation; left pane before right; then rows top
    to bottom, left to right within a row."""
    if a.band != b.band:
        return a.band < b.band
    if a.pane and b.pane and a.pane[0] == b.pane[0] and a.pane[1] != b.pane[1]:
        return a.pane[1] < b.pane[1]
    same = a.scroller is not None and a.scroller is b.scroller
    ra, rb = (a.rect, b.rect) if same else (a.outer, b.outer)
    if ra == rb:
        return False  # both in one Flickable seen from outside it
    if abs(ra.center().y() - rb.center().y()) < min(ra.height(), rb.height()) / 2:
        return ra.center().x() < rb.center().x() - SLACK
    return ra.center().y() < rb.center().y()


def _key(item: QQuickItem) -> str:
    """Which control: a list row scrolled away and back is built anew, its name stays."""
    return item.objectName() or f"#{id(item)}"


def tab_cycle(qtbot, ui, limit: int = 80) -> list[Stop]:
    """Presses Tab until the focus comes back to where the cycle started; each control met on the way."""
    window = ui.window
    landscape = window.width() > window.height()
    stops: list[Stop] = []
    for _ in range(limit):
        QTest.keyClick(window, Qt.Key.Key_Tab)
        qtbot.wait(20)  # a scroll to the focused control is applied at once; this only lets the scene update
        item = window.activeFocusItem()
        assert item is not None, "Tab left nothing focused"
        if stops and _key(item) == stops[0].key:
            return stops
        assert all(s.key != _key(item) for s in stops), \
            f"Tab went round without {stops[0].name!r}: {[s.name for s in stops]} then {item.objectName()!r}"
        stops.append(Stop.of(item, window, landscape))
    raise AssertionError(f"no cycle in {limit} Tabs: {[s.name for s in stops]}")


def focus_problems(qtbot, ui) -> list[str]:
    stops = tab_cycle(qtbot, ui)
    problems = []
    reached = {s.key for s in stops}
    missed = [i.objectName() or str(i.property("text")) for i in _items(ui.window)
              if _actionable(i) and _key(i) not in reached]
    if missed:
        problems.append(f"not reachable by Tab: {missed}")
    hidden = [s.name for s in stops if not s.usable]
    if hidden:
        problems.append(f"hidden or disabled but focusable: {hidden}")
    unseen = [s.name for s in stops if not s.shown]
    if unseen:
        problems.append(f"focused but not (wholly) on screen: {unseen}")
    # Tab goes round: the round is read from the control nothing reads before
    first = next((k for k, s in enumerate(stops) if not any(_before(o, s) for o in stops)), 0)
    stops = stops[first:] + stops[:first]
    for i, a in enumerate(stops):
        late = [b.name for b in stops[i + 1:] if _before(b, a)]
        if late:
            problems.append(f"{a.name!r} comes before {late}, which read before it")
            break
    return problems


@pytest.mark.parametrize("elderly", [False, True], ids=["standard", "elderly"])
@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_tab_walks_every_citizen_screen_in_reading_order(qtbot, make_ui, orientation, elderly):
    ui = make_ui(orientation=orientation, locale={"voice_prompts": True})
    assert (ui.window.width(), ui.window.height()) == SIZES[orientation]
    ui.window.requestActivate()
    ui.shell.start()
    ui.shell.elderly = elderly
    problems = {}
    for screen in every_screen(qtbot, ui):
        arrive(qtbot, ui, screen)
        if found := focus_problems(qtbot, ui):
            problems[screen] = found
    assert not problems, "\n".join(f"{s}: {'; '.join(p)}" for s, p in problems.items())


def _tab_to(qtbot, ui, name: str) -> QQuickItem:
    """Tabs on to the control of that name (or whose name starts so, when it ends in '*')."""
    for _ in range(60):
        QTest.keyClick(ui.window, Qt.Key.Key_Tab)
        item = ui.window.activeFocusItem()
        if item is not None and (item.objectName() == name
                                 or name.endswith("*") and item.objectName().startswith(name[:-1])):
            return item
    raise AssertionError(f"Tab never reached {name!r}")


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_enter_or_space_presses_the_focused_control(qtbot, make_ui, key):
    ui = make_ui()
    ui.window.requestActivate()
    ui.shell.start()
    arrive(qtbot, ui, "Home")
    _tab_to(qtbot, ui, "home_ticket")  # a home tile: 取号 first asks for the service
    QTest.keyClick(ui.window, key)
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Catalog")
    settle(qtbot)
    _tab_to(qtbot, ui, "navHome")  # a navigation button
    QTest.keyClick(ui.window, key)
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Home")
    arrive(qtbot, ui, "Catalog")
    _tab_to(qtbot, ui, "group_theme_education")  # a browse tile
    QTest.keyClick(ui.window, key)
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "CatalogItems")
    settle(qtbot)
    _tab_to(qtbot, ui, "item_*")  # a service item in the list
    QTest.keyClick(ui.window, key)
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Guide")


def test_the_control_reached_by_tab_wears_a_ring_around_it_until_tab_moves_on(qtbot, make_ui):
    ui = make_ui()
    ui.window.requestActivate()
    ui.shell.start()
    arrive(qtbot, ui, "Home")
    tile = _tab_to(qtbot, ui, "home_guide")
    ring = focus_ring(ui.window, tile)
    assert ring.isVisible()
    assert ring.width() > tile.width() and ring.height() > tile.height()  # drawn around it, not under its words
    QTest.keyClick(ui.window, Qt.Key.Key_Tab)
    assert not ring.isVisible()


@pytest.mark.parametrize("elderly", [False, True], ids=["standard", "elderly"])
@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_focus_ring_screenshots(qtbot, make_ui, tmp_path, orientation, elderly):
    """Home with a tile focused, Catalog with a tile deep in the grid focused (the ring shows, the grid scrolled
    to it) and the PIN pad. The PNGs go to the test's tmp_path, to be looked at."""
    ui = make_ui(orientation=orientation)
    ui.window.requestActivate()
    ui.shell.start()
    ui.shell.elderly = elderly
    arrive(qtbot, ui, "Home")
    _tab_to(qtbot, ui, "home_apply")
    settle(qtbot)
    tag = f"{orientation}-{'elderly' if elderly else 'standard'}"
    assert distinct_colours(grab(ui.window, tmp_path / f"home-{tag}.png")) > 8
    arrive(qtbot, ui, "Catalog")
    focused = _tab_to(qtbot, ui, "group_theme_assistance")
    settle(qtbot)
    assert _in_view(focused, ui.window)
    grab(ui.window, tmp_path / f"catalog-{tag}.png")
    arrive(qtbot, ui, "PinPad")  # landscape: 取消 sits under the words, left of the pad
    _tab_to(qtbot, ui, "pinCancel")
    settle(qtbot)
    grab(ui.window, tmp_path / f"pinpad-{tag}.png")


def test_the_consent_is_ticked_with_enter_and_shows_where_it_is(qtbot, make_ui):
    ui = make_ui()
    ui.window.requestActivate()
    ui.shell.start()
    arrive(qtbot, ui, "Review")
    consent = _tab_to(qtbot, ui, "reviewConsent")
    ring = focus_ring(ui.window, consent)
    assert ring.isVisible() and not consent.property("checked")
    QTest.keyClick(ui.window, Qt.Key.Key_Return)
    assert consent.property("checked")
    QTest.keyClick(ui.window, Qt.Key.Key_Enter)
    assert not consent.property("checked")


def _largest_group(ui) -> dict:
    catalog = ui.bridges["catalog"]
    groups = catalog.themes + catalog.lifeEvents + catalog.departments
    return max(groups, key=lambda g: g["count"])


def _built(view: QQuickItem, prefix: str) -> list[str]:
    """The rows of a view Qt has built (delegates of rows far from the view do not exist yet)."""
    found, todo = [], [view]
    while todo:
        item = todo.pop()
        found += [item.objectName()] if item.objectName().startswith(prefix) and item.isVisible() else []
        todo.extend(item.childItems())
    return found


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_tab_reaches_every_row_of_a_list_longer_than_its_view_in_order_and_back(qtbot, make_ui, orientation):
    """Qt builds only the rows near the view; Tab still meets every row, in the list's order, each wholly shown
    with its ring, then leaves the list; Shift+Tab walks them back."""
    ui = make_ui(orientation=orientation)
    ui.window.requestActivate()
    ui.shell.start()
    ui.shell.elderly = True  # the tallest rows: fewest built
    group = _largest_group(ui)
    arrive(qtbot, ui, "CatalogItems", {"kind": group["kind"], "code": group["code"], "title": group["title"]})
    view = find_visible(ui.window, "catalogItems")
    codes = ["item_" + r["code"] for r in ui.bridges["catalog"].items(group["kind"], group["code"])]
    assert len(_built(view, "item_")) < len(codes)  # the case in question: rows not built yet
    stops = tab_cycle(qtbot, ui, limit=len(codes) + 20)
    rows = [s for s in stops if s.name.startswith("item_")]
    assert [s.name for s in rows] == codes
    assert all(s.shown and s.usable for s in rows)
    # ring on the last row reached, and the list left after it: the next stop is no row
    last = _tab_to(qtbot, ui, codes[-1])
    assert focus_ring(ui.window, last).isVisible()
    QTest.keyClick(ui.window, Qt.Key.Key_Tab)
    assert not ui.window.activeFocusItem().objectName().startswith("item_")
    back = []
    for _ in codes:
        QTest.keyClick(ui.window, Qt.Key.Key_Backtab)
        back.append(ui.window.activeFocusItem().objectName())
    assert back == codes[::-1]
    # an arrow moves along the rows too, the ring following
    QTest.keyClick(ui.window, Qt.Key.Key_Down)
    qtbot.wait(20)  # the ring follows once the view has moved its focus
    item = ui.window.activeFocusItem()
    assert item.objectName() == codes[1] and focus_ring(ui.window, item).isVisible()
    assert _in_view(item, ui.window)


@pytest.mark.parametrize("kind,groups", [("theme", "themes"), ("life_event", "lifeEvents"),
                                         ("department", "departments")])
def test_tab_walks_a_catalog_grid_tile_by_tile_in_reading_order(qtbot, make_ui, kind, groups):
    """The grid is one stop too (TabbedRows): Tab meets its tiles in reading order, each wholly shown."""
    ui = make_ui(orientation="landscape")
    ui.window.requestActivate()
    ui.shell.start()
    ui.shell.elderly = True
    arrive(qtbot, ui, "Catalog")
    QTest.mouseClick(ui.window, Qt.MouseButton.LeftButton, pos=find_visible(ui.window, f"catalogTab_{kind}")
                     .mapToScene(QPointF(5, 5)).toPoint())
    settle(qtbot)
    names = [f"group_{kind}_" + g["code"] for g in getattr(ui.bridges["catalog"], groups)]
    stops = tab_cycle(qtbot, ui, limit=len(names) + 30)
    tiles = [s for s in stops if s.name.startswith("group_")]
    assert [s.name for s in tiles] == names
    assert all(s.shown for s in tiles)


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_the_attract_screen_starts_by_tab_and_enter_or_space_with_the_ring_shown(qtbot, make_ui, tmp_path,
                                                                               orientation):
    """The idle screen's two ways in (start, 长辈版) are Tab stops in reading order, ringed, pressed by a key (a
    PNG of the ringed start card goes to the test's tmp_path, to be looked at)."""
    ui = make_ui(orientation=orientation)
    ui.window.requestActivate()
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Attract")
    settle(qtbot)
    assert not focus_problems(qtbot, ui)
    assert sorted(s.name for s in tab_cycle(qtbot, ui)) == ["attractElderlyTouch", "attractStartButton"]
    start = _tab_to(qtbot, ui, "attractStartButton")
    ring = focus_ring(ui.window, start)
    assert ring.isVisible() and ring.width() > start.width()
    settle(qtbot)
    grab(ui.window, tmp_path / f"attract-{orientation}.png")
    QTest.keyClick(ui.window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Home")
    assert not ui.shell.elderly
    ui.shell.endSession()
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Attract")
    settle(qtbot)
    elderly = _tab_to(qtbot, ui, "attractElderlyTouch")
    assert focus_ring(ui.window, elderly).isVisible()
    QTest.keyClick(ui.window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Home")
    assert ui.shell.elderly


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_tab_walks_the_staff_screens_in_reading_order_each_control_named(qtbot, make_ui, orientation):
    """The PIN pad (in the citizen walk too), the staff overview and the care screen: every control reached by
    Tab in reading order, and each has a name a screen reader says."""
    from PySide6.QtGui import QAccessible

    from tests.unit.ui.test_accessible_names import _unnamed
    from tests.unit.ui.test_maintenance_screens import STAFF, STAFF_PIN, _type_pin, _ui

    QAccessible.setActive(True)
    ui = _ui(make_ui, orientation, maintenance=STAFF)
    ui.window.requestActivate()
    ui.shell.go("PinPad")
    settle(qtbot)
    problems = {}
    for screen in ("PinPad", "Maintenance", "MaintenanceCare"):
        if screen == "Maintenance":
            _type_pin(qtbot, ui, STAFF_PIN)
            qtbot.waitUntil(lambda: ui.shell.currentScreen == "Maintenance", timeout=30_000)
            qtbot.waitUntil(lambda: find_visible(ui.window, "health_printer") is not None, timeout=10_000)
        elif screen == "MaintenanceCare":
            _tab_to(qtbot, ui, "maintCare")
            QTest.keyClick(ui.window, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: ui.shell.currentScreen == "MaintenanceCare", timeout=10_000)
        settle(qtbot)
        found = focus_problems(qtbot, ui) + [f"no name: {n}" for n in _unnamed(ui)]
        if found:
            problems[screen] = found
    assert not problems, "\n".join(f"{s}: {'; '.join(p)}" for s, p in problems.items())
