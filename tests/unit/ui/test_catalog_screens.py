"""Catalog screens without hardware: browse, search (typed on the on-screen keyboard), guide, QR fallbacks, shots."""

import cv2
import numpy as np
import pytest

from tests.helpers.catalog_ui import type_on_keyboard
from tests.helpers.qml import distinct_colours, find_visible, grab, settle, tap

SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080)}


def _ui(make_ui, orientation="portrait", **sections):
    w, h = SIZES[orientation]
    return make_ui(orientation, display={"width": w, "height": h}, **sections)


def _screen(qtbot, ui, name):
    qtbot.waitUntil(lambda: ui.shell.currentScreen == name)
    settle(qtbot, 300)


def _qr_text(window, item) -> str:
    """Decodes the QR actually drawn on screen (the grabbed window, cropped to the item)."""
    image = window.grabWindow()
    p = item.mapToScene(item.boundingRect().topLeft())
    crop = image.copy(int(p.x()) - 10, int(p.y()) - 10, int(item.width()) + 20, int(item.height()) + 20)
    crop = crop.convertToFormat(crop.Format.Format_Grayscale8)
    arr = np.array(crop.constBits(), dtype=np.uint8).reshape(crop.height(), crop.bytesPerLine())[:, :crop.width()]
    text, _, _ = cv2.QRCodeDetectorAruco().detectAndDecode(np.ascontiguousarray(arr))
    return text


def test_home_guide_theme_item_shows_numbered_checklist(qtbot, make_ui):
    ui = _ui(make_ui)
    ui.shell.start()
    tap(qtbot, ui.window, "home_guide")
    _screen(qtbot, ui, "Catalog")
    themes = ui.bridges["catalog"].themes
    assert len(themes) >= 12
    housing = next(t for t in themes if "公积金" in t["title"])
    tap(qtbot, ui.window, f"group_theme_{housing['code']}")
    _screen(qtbot, ui, "CatalogItems")
    tap(qtbot, ui.window, "item_GJ-003")
    _screen(qtbot, ui, "Guide")
    guide = ui.core.catalog.guide("GJ-003")
    wanted = [e for e in guide.checklist if e.bring]
    for e in wanted:
        card = find_visible(ui.window, f"material_{e.number}")
        assert card is not None, e.name
    where = find_visible(ui.window, "guideWhere")
    assert guide.where.location in where.property("text")


def test_no_printer_shows_the_guide_as_qr(qtbot, make_ui):
    ui = _ui(make_ui)  # no hardware: no printer at all
    ui.shell.start()
    ui.shell.go("Guide", {"code": "HJ-001"})
    _screen(qtbot, ui, "Guide")
    tap(qtbot, ui.window, "guidePrint")
    bridge = ui.bridges["catalog"]
    qtbot.waitUntil(lambda: ui.bridges["checklist"].checklistState == "failed", timeout=10000)
    settle(qtbot)
    qr = find_visible(ui.window, "guideQrImage")
    assert qr is not None
    assert _qr_text(ui.window, qr) == ui.core.catalog.guide("HJ-001").qr_url
    assert "扫描" in ui.bridges["checklist"].checklistProblem or "二维码" in ui.bridges["checklist"].checklistProblem


def test_search_typed_as_pinyin_initials_finds_the_housing_fund(qtbot, make_ui):
    ui = _ui(make_ui)
    ui.shell.start()
    tap(qtbot, ui.window, "home_guide")
    _screen(qtbot, ui, "Catalog")  # a StackView in transition takes no taps
    tap(qtbot, ui.window, "catalogSearch")
    _screen(qtbot, ui, "Search")
    field, driver = type_on_keyboard(qtbot, ui, "searchField", "gjj")
    bridge = ui.bridges["catalog"]
    # the pinyin is still being composed: the screen searches it anyway
    qtbot.waitUntil(lambda: bridge.query == "gjj", timeout=5000)
    codes = [r["code"] for r in bridge.results]
    assert codes and all(c.startswith("GJ-") for c in codes[:3]), codes
    tap(qtbot, ui.window, f"result_{codes[0]}")
    _screen(qtbot, ui, "Guide")
    assert find_visible(ui.window, "guidePrint") is not None


def test_search_rows_refilled_in_place_show_each_keystrokes_results_in_order(qtbot, make_ui):
    # the rows of the last keystroke are refilled, added to or cut: never a row left from an earlier answer
    ui = _ui(make_ui)
    ui.shell.start()
    ui.shell.go("Search", {"text": ""})
    _screen(qtbot, ui, "Search")
    field, bridge = find_visible(ui.window, "searchField"), ui.bridges["catalog"]
    listed = find_visible(ui.window, "searchResults")
    for text in ["s", "sh", "she", "shen", "shenfenzheng", "qqqq", "", "公积金", "g", "gjj 提取", "jiehun"]:
        field.setProperty("text", text)
        settle(qtbot, 50)
        codes = [r["code"] for r in bridge.results]
        assert listed.property("count") == len(codes), text
        shown = sorted((row.y(), row.objectName()) for row in listed.property("contentItem").childItems()
                       if row.objectName().startswith("result_") and row.isVisible())
        assert bool(shown) == bool(codes), text
        assert [name for _, name in shown] == [f"result_{c}" for c in codes[:len(shown)]], text


def test_home_search_enter_opens_search_with_the_text(qtbot, make_ui):
    ui = _ui(make_ui)
    ui.shell.start()
    field = tap(qtbot, ui.window, "homeSearch")
    field.setProperty("text", "结婚登记")
    _screen(qtbot, ui, "Search")
    bridge = ui.bridges["catalog"]
    assert bridge.query == "结婚登记"
    assert any("结婚" in r["name"] for r in bridge.results[:3])
    ui.shell.back()
    qtbot.waitUntil(lambda: field.property("text") == "")  # emptied for the next visitor


def test_no_result_offers_themes_and_staff_help(qtbot, make_ui):
    ui = _ui(make_ui)
    ui.shell.start()
    ui.shell.go("Search", {"text": "qqqqxz"})
    _screen(qtbot, ui, "Search")
    bridge = ui.bridges["catalog"]
    assert bridge.noResult
    panel = find_visible(ui.window, "searchNoResultPanelText")
    assert "qqqqxz" in panel.property("text")
    first = bridge.themes[0]
    tap(qtbot, ui.window, f"noResultTheme_{first['code']}")
    _screen(qtbot, ui, "CatalogItems")
    assert find_visible(ui.window, "catalogItems").property("count") == first["count"]


def test_take_a_number_without_printer_shows_number_and_qr(qtbot, make_ui):
    ui = _ui(make_ui)
    ui.shell.start()
    tap(qtbot, ui.window, "home_ticket")
    _screen(qtbot, ui, "Catalog")
    code = ui.bridges["catalog"].mostUsed[0]["code"]
    tap(qtbot, ui.window, f"item_{code}")
    _screen(qtbot, ui, "Guide")
    tap(qtbot, ui.window, "guideTicket")
    _screen(qtbot, ui, "Ticket")
    tap(qtbot, ui.window, "ticketTakeNormal")
    bridge = ui.bridges["catalog"]
    qtbot.waitUntil(lambda: ui.bridges["ticket"].ticketState == "failed", timeout=10000)
    letter = ui.core.catalog.catalog.where(code).queue.code
    assert ui.bridges["ticket"].ticketNumber == f"{letter}001"
    qtbot.waitUntil(lambda: find_visible(ui.window, "ticketQrImage") is not None)
    qr = find_visible(ui.window, "ticketQrImage")
    # the image arrives from its provider a moment after the screen: wait for it, however busy the machine
    qtbot.waitUntil(lambda: _qr_text(ui.window, qr).startswith(f"{letter}001 "), timeout=10_000)
    # the session wipe forgets the number
    ui.shell.endSession()
    assert ui.bridges["ticket"].ticketNumber == "" and bridge.query == ""


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_general_enquiry_number_without_choosing_a_service(qtbot, make_ui, artifacts_dir, orientation):
    ui = _ui(make_ui, orientation)
    ui.shell.start()
    tap(qtbot, ui.window, "home_ticket")
    _screen(qtbot, ui, "Catalog")
    grab(ui.window, artifacts_dir / "screens" / f"catalog_ticket_general_{orientation}.png")
    tap(qtbot, ui.window, "catalogGeneralTicket")
    _screen(qtbot, ui, "Ticket")
    tap(qtbot, ui.window, "ticketTakeNormal")
    bridge = ui.bridges["catalog"]
    qtbot.waitUntil(lambda: ui.bridges["ticket"].ticketState == "failed", timeout=10000)  # no printer here: number + QR
    assert ui.bridges["ticket"].ticketNumber == "F001" and ui.bridges["ticket"].ticketService == "综合咨询"
    assert "一楼大厅" in ui.bridges["ticket"].ticketWindow
    settle(qtbot)
    grab(ui.window, artifacts_dir / "screens" / f"ticket_general_{orientation}.png")
    ui.shell.language = "en"
    qtbot.waitUntil(lambda: ui.bridges["ticket"].ticketService == "General enquiries")


def test_english_mode_shows_the_catalogs_english(qtbot, make_ui):
    ui = _ui(make_ui)
    ui.shell.start()
    ui.shell.language = "en"
    settle(qtbot)
    tap(qtbot, ui.window, "home_guide")
    _screen(qtbot, ui, "Catalog")
    tab = find_visible(ui.window, "catalogTab_theme")
    assert tab.property("text") == "By theme"
    bridge = ui.bridges["catalog"]
    assert bridge.themes[0]["title"].isascii()  # theme titles have English names in the catalog
    rows = bridge.items("theme", "household")
    assert rows[0]["name"] == "Birth registration (newborn hukou)" and rows[0]["shortName"] == "Register a newborn"
    g = bridge.guide("HJ-001")
    assert g["name"] == "Birth registration (newborn hukou)"
    assert g["materials"][1]["name"] == "Household register of the parent the child is registered with"
    assert g["department"] == "City Police, Household Registration"
    assert all(b.startswith("(Chinese only) ") for b in g["legalBasis"])  # no English in the catalog: marked
    ui.shell.language = "zh_TW"
    assert bridge.guide("HJ-001")["name"] == "出生登記"
    assert bridge.items("theme", "household")[0]["shortName"] == "新生兒落戶"


def _walk(qtbot, ui):
    """Visits every catalog screen and grabs each one."""
    shell, bridge = ui.shell, ui.bridges["catalog"]
    shell.start()
    shell.go("Catalog", {"view": "theme"})
    _screen(qtbot, ui, "Catalog")
    yield "catalog_themes"
    tap(qtbot, ui.window, "catalogTab_most_used")
    settle(qtbot)
    yield "catalog_most_used"
    tap(qtbot, ui.window, "catalogTab_life_event")
    settle(qtbot)
    yield "catalog_life_events"
    shell.go("CatalogItems", {"kind": "theme", "code": bridge.themes[0]["code"], "title": bridge.themes[0]["title"]})
    _screen(qtbot, ui, "CatalogItems")
    yield "catalog_items"
    shell.go("Search", {"text": "gjj 提取"})
    _screen(qtbot, ui, "Search")
    yield "search_results"
    shell.back()
    shell.go("Search", {"text": "qqqqxz"})
    _screen(qtbot, ui, "Search")
    yield "search_no_result"
    shell.back()
    shell.go("Guide", {"code": "HJ-001"})
    _screen(qtbot, ui, "Guide")
    yield "guide"
    tap(qtbot, ui.window, "guidePrint")
    qtbot.waitUntil(lambda: ui.bridges["checklist"].checklistState == "failed", timeout=10000)
    settle(qtbot)
    yield "guide_print_failed_qr"
    tap(qtbot, ui.window, "guideTicket")
    _screen(qtbot, ui, "Ticket")
    tap(qtbot, ui.window, "ticketTakeNormal")
    qtbot.waitUntil(lambda: ui.bridges["ticket"].ticketState == "failed", timeout=10000)
    settle(qtbot)
    yield "ticket_qr"


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize("elderly", [False, True], ids=["normal", "elderly"])
def test_catalog_screenshots(qtbot, make_ui, artifacts_dir, orientation, elderly):
    ui = _ui(make_ui, orientation)
    ui.shell.elderly = elderly
    mode = "elderly" if elderly else "normal"
    w, h = SIZES[orientation]
    for name in _walk(qtbot, ui):
        assert ui.shell.elderly == elderly
        assert (ui.window.width(), ui.window.height()) == (w, h)
        path = grab(ui.window, artifacts_dir / "screens" / f"catalog_{name}_{orientation}_{mode}.png")
        assert distinct_colours(path) > 8, f"{path} looks blank"


def test_a_number_taken_for_a_visitor_who_left_is_not_shown_to_the_next(qtbot, make_ui):
    ui = _ui(make_ui)
    bridge = ui.bridges["catalog"]
    ui.shell.start()
    ui.shell.go("Guide", {"code": "HJ-001"})
    _screen(qtbot, ui, "Guide")
    ui.bridges["ticket"].takeNumber("HJ-001")
    ui.shell.endSession()  # the visitor walks away before the worker answers
    letter = ui.core.catalog.catalog.where("HJ-001").queue.code
    qtbot.waitUntil(lambda: ui.core.catalog.waiting_for("HJ-001") == 1, timeout=10000)  # the number was issued
    settle(qtbot)
    assert ui.bridges["ticket"].ticketNumber == "" and ui.bridges["ticket"].ticketState == ""
    # the next visitor gets the next number, on screen
    ui.shell.start()
    ui.shell.go("Guide", {"code": "HJ-001"})
    _screen(qtbot, ui, "Guide")
    tap(qtbot, ui.window, "guideTicket")
    tap(qtbot, ui.window, "ticketTakeNormal")
    qtbot.waitUntil(lambda: ui.bridges["ticket"].ticketNumber == f"{letter}002", timeout=10000)
    assert ui.bridges["ticket"].ticketAhead == -1  # no central here: how many wait in the hall is not known


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize("suffix", ["english", "traditional", "english_elderly"])
def test_catalog_screenshots_in_other_languages(qtbot, make_ui, artifacts_dir, orientation, suffix):
    ui = _ui(make_ui, orientation)
    ui.shell.language = "zh_TW" if suffix == "traditional" else "en"
    ui.shell.elderly = suffix.endswith("elderly")  # English words are the longest: the tightest fit
    for name in _walk(qtbot, ui):
        path = grab(ui.window, artifacts_dir / "screens" / f"catalog_{name}_{orientation}_{suffix}.png")
        assert distinct_colours(path) > 8, f"{path} looks blank"


def _visible_items(root):
    todo = [root]
    while todo:
        item = todo.pop()
        if not item.isVisible() or item.opacity() == 0:
            continue
        yield item
        todo.extend(item.childItems())


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_elderly_mode_text_and_targets_are_big_enough(qtbot, make_ui, orientation):
    """适老化: body text >= 18 dp and touch targets >= 60 dp on every catalog screen (1 dp = short side / 720 px)."""
    ui = _ui(make_ui, orientation)
    ui.shell.elderly = True
    dp = min(SIZES[orientation]) / 720
    small = []
    for name in _walk(qtbot, ui):
        stack = find_visible(ui.window, "screenStack")
        page = stack.property("currentItem")
        for item in _visible_items(page):
            kind = item.metaObject().className()
            if kind.startswith("QQuickText") and not kind.startswith("QQuickTextField"):
                text = item.property("text") or ""
                size = item.property("font").pixelSize()
                if text.strip() and text not in ("›",) and size < 18 * dp - 0.5:
                    small.append(f"{name}: text {text[:20]!r} {size / dp:.1f} dp")
            if item.inherits("QQuickAbstractButton") and item.width() > 0:
                if min(item.width(), item.height()) < 60 * dp - 0.5:
                    w, h = item.width() / dp, item.height() / dp
                    small.append(f"{name}: {item.objectName() or kind} {w:.0f}x{h:.0f} dp")
    assert not small, "\n".join(sorted(set(small)))


def test_elderly_mode_speaks_the_number_and_the_print_outcome(qtbot, make_ui):
    ui = _ui(make_ui, locale={"voice_prompts": True})
    spoken: list[str] = []
    ui.voice.spoken.connect(spoken.append)
    ui.shell.start()
    ui.shell.elderly = True
    ui.shell.go("Guide", {"code": "HJ-001"})
    _screen(qtbot, ui, "Guide")
    tap(qtbot, ui.window, "guidePrint")
    qtbot.waitUntil(lambda: any("二维码" in s for s in spoken), timeout=10000)  # no printer: the QR way out
    tap(qtbot, ui.window, "guideTicket")
    tap(qtbot, ui.window, "ticketTakeNormal")
    letter = ui.core.catalog.catalog.where("HJ-001").queue.code
    qtbot.waitUntil(lambda: any(f"{letter}001" in s for s in spoken), timeout=10000)


def test_a_catalog_update_from_central_refreshes_the_open_screens(qtbot, make_ui, tmp_path):
    import threading

    from kiosk.catalog.updates import Fetched
    from tests.helpers.catalog import replace_in, signed_bundle, signing_keys

    private, public = signing_keys()
    bundle = signed_bundle(tmp_path, "2099.1.1", private, edit=lambda d: replace_in(
        d / "items" / "household.toml", 'name = "出生登记"', 'name = "出生登记（新生儿落户）"'))

    ui = _ui(make_ui, catalog={"update_public_keys": [public]})
    bridge = ui.bridges["catalog"]
    ui.shell.start()
    ui.shell.go("Guide", {"code": "HJ-001"})
    _screen(qtbot, ui, "Guide")
    page = find_visible(ui.window, "screenStack").property("currentItem")
    assert page.property("title") == "出生登记"
    revision = bridge.revision
    # the update thread installs it; the bridge hears about it on that thread and re-emits on the GUI thread
    worker = threading.Thread(target=ui.core.catalog.check_for_update, args=(lambda etag: Fetched(bundle, "v2"),))
    worker.start()
    qtbot.waitUntil(lambda: bridge.revision > revision, timeout=20000)
    worker.join(timeout=30)
    assert ui.core.catalog.catalog.version == "2099.1.1"
    qtbot.waitUntil(lambda: page.property("title") == "出生登记（新生儿落户）")
