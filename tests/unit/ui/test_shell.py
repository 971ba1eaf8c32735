"""The touch shell: attract -> home -> entries, back/home, idle countdown and wipe, elderly mode, language."""

import pytest

from tests.helpers.qml import find, find_visible, settle, tap


def test_touch_starts_and_tiles_navigate(qtbot, make_ui):
    ui = make_ui()
    settle(qtbot)
    assert ui.shell.currentScreen == "Attract"
    assert find_visible(ui.window, "navBar") is None  # no navigation on the attract screen
    tap(qtbot, ui.window, "attractTouch")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Home")
    for key in ("guide", "apply", "progress", "certificates", "ticket", "rating"):
        tap(qtbot, ui.window, f"home_{key}")
        qtbot.waitUntil(lambda: ui.shell.depth == 3)
        tap(qtbot, ui.window, "navBack")
        qtbot.waitUntil(lambda: ui.shell.currentScreen == "Home")
    tap(qtbot, ui.window, "home_guide")
    qtbot.waitUntil(lambda: ui.shell.depth == 3)
    tap(qtbot, ui.window, "navHome")
    qtbot.waitUntil(lambda: ui.shell.stack == ["Attract", "Home"])
    settle(qtbot)
    assert find_visible(ui.window, "homeGrid") is not None


def test_idle_countdown_then_wipe(qtbot, make_ui, clock):
    ui = make_ui()
    wiped = []
    ui.core.session.register_wipe("probe", lambda: wiped.append(True))
    ui.shell.start()
    ui.shell.go("Placeholder", {"title": "x"})
    ui.core.session.put("form", {"field": "value"})
    clock.advance(90 - 15 + 1)  # into the warning window of the shipped 90 s / 15 s
    ui.shell.tick()
    overlay = find_visible(ui.window, "idleOverlay")
    assert overlay is not None and ui.shell.idlePhase == "warning"
    question = find_visible(ui.window, "idleQuestion")
    assert "14 秒" in question.property("text")
    tap(qtbot, ui.window, "idleContinue")  # a touch keeps the session
    qtbot.waitUntil(lambda: ui.shell.idlePhase == "active")
    assert ui.shell.depth == 3 and not wiped
    clock.advance(91)
    ui.shell.tick()
    qtbot.waitUntil(lambda: ui.shell.stack == ["Attract"])
    assert wiped and ui.core.session.empty
    settle(qtbot)
    assert find_visible(ui.window, "attractTouch") is not None


def test_no_countdown_on_attract(make_ui, clock):
    ui = make_ui()
    clock.advance(10_000)
    ui.shell.tick()
    assert ui.shell.idlePhase == "active"


def test_finish_button_wipes(qtbot, make_ui):
    ui = make_ui()
    ui.shell.start()
    ui.shell.elderly = True
    tap(qtbot, ui.window, "navFinish")
    qtbot.waitUntil(lambda: ui.shell.stack == ["Attract"])
    assert ui.shell.elderly is False


def test_elderly_mode_enlarges_text_and_targets_and_waits_longer(qtbot, make_ui, clock):
    ui = make_ui()
    ui.shell.start()
    settle(qtbot)
    tile = find_visible(ui.window, "home_guide")
    back = find_visible(ui.window, "navBack")
    normal_height = back.height()
    tap(qtbot, ui.window, "navElderly")
    qtbot.waitUntil(lambda: ui.shell.elderly)
    settle(qtbot)
    assert back.height() >= 60 * 1.5  # 60 dp targets at 1.5 px per dp
    assert back.height() > normal_height
    assert tile.height() >= 60 * 1.5
    clock.advance(200)  # past the normal 90 s, within the elderly 240 s
    ui.shell.tick()
    assert ui.shell.idlePhase == "active"


def test_language_switch_translates_the_home_screen(qtbot, make_ui):
    ui = make_ui()
    ui.shell.start()
    settle(qtbot)

    def tile_title():
        # a language switch re-evaluates the entries, so the tiles are new items: look each time
        tile = find_visible(ui.window, "home_guide")
        return tile.property("text") if tile is not None else None

    assert tile_title() == "办事指南"
    for language, title in (("en", "Service guide"), ("zh_TW", "辦事指南"), ("zh_CN", "办事指南")):
        tap(qtbot, ui.window, "navLanguage")
        qtbot.waitUntil(lambda: find_visible(ui.window, f"language_{language}") is not None)
        tap(qtbot, ui.window, f"language_{language}")
        qtbot.waitUntil(lambda: tile_title() == title)
        assert ui.shell.language == language
        qtbot.waitUntil(lambda: not find(ui.window, "languageMenu").property("visible"))


def test_back_from_first_screen_goes_home_never_attract(make_ui):
    ui = make_ui()
    ui.shell.start()
    ui.shell.back()
    assert ui.shell.stack == ["Attract", "Home"]


def test_a_fullscreen_kiosk_ignores_close_requests(qtbot, make_ui):
    """Alt+F4 or a compositor's close reaches the window as a close event: the kiosk stays up."""
    from PySide6.QtGui import QCloseEvent, QGuiApplication

    ui = make_ui(display={"fullscreen": True})
    ui.window.setProperty("fullscreen", True)  # the fixture opens it windowed; this is what `kiosk run` does
    event = QCloseEvent()
    QGuiApplication.sendEvent(ui.window, event)
    assert not event.isAccepted() and ui.window.isVisible()


def test_a_desktop_window_closes_normally(qtbot, make_ui):
    from PySide6.QtGui import QCloseEvent, QGuiApplication

    ui = make_ui()
    event = QCloseEvent()
    QGuiApplication.sendEvent(ui.window, event)
    assert event.isAccepted()


def test_a_desktop_window_fits_the_screen_it_opens_on(qtbot, qapp, tmp_path):
    """`kiosk run --windowed` on a screen smaller than the configured 1080x1920: all of it is on screen."""
    from PySide6.QtCore import QRect

    from kiosk.app import KioskCore
    from kiosk.config import load
    from tests.helpers.kiosk import write_config
    from ui.app import KioskUi, fitted

    assert fitted(1080, 1920, QRect(0, 0, 1920, 1050)) == (590, 1050)
    assert fitted(1920, 1080, QRect(0, 0, 1366, 738)) == (1312, 738)
    assert fitted(1080, 1920, QRect(0, 0, 2160, 3840)) == (1080, 1920)  # never scaled up
    core = KioskCore(load(write_config(tmp_path, display={"fullscreen": False})), open_hardware=False)
    ui = KioskUi(core, qapp, windowed=True, fit_screen=True)
    try:
        screen = qapp.primaryScreen().availableGeometry()
        assert ui.window.width() <= screen.width() and ui.window.height() <= screen.height()
        assert abs(ui.window.width() / ui.window.height() - 1080 / 1920) < 0.01
    finally:
        ui.close()
        core.close()


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_home_and_the_language_menu_in_each_language(qtbot, make_ui, artifacts_dir, orientation):
    from tests.helpers.qml import distinct_colours, grab

    w, h = (1080, 1920) if orientation == "portrait" else (1920, 1080)
    ui = make_ui(orientation, display={"width": w, "height": h})
    ui.shell.start()
    menu = find(ui.window, "languageMenu")
    for language, elderly, suffix in (("en", False, "english"), ("zh_TW", False, "traditional"),
                                      ("zh_TW", True, "traditional_elderly"), ("en", True, "english_elderly")):
        ui.shell.elderly = elderly
        ui.shell.language = language
        settle(qtbot, 300)
        path = grab(ui.window, artifacts_dir / "screens" / f"shell_home_{orientation}_{suffix}.png")
        assert distinct_colours(path) > 8, f"{path} looks blank"
        tap(qtbot, ui.window, "navLanguage")
        qtbot.waitUntil(lambda: menu.property("opened"))
        settle(qtbot, 300)
        grab(ui.window, artifacts_dir / "screens" / f"shell_language_menu_{orientation}_{suffix}.png")
        tap(qtbot, ui.window, f"language_{language}")  # the language in use: the menu closes, nothing changes
        qtbot.waitUntil(lambda: not menu.property("visible"))
        assert ui.shell.language == language


def test_the_site_name_is_in_the_screens_language(make_ui):
    ui = make_ui()
    assert ui.shell.siteName == "示例市政务服务中心"
    ui.shell.language = "en"
    assert ui.shell.siteName == "Example City Government Service Centre"
    ui.shell.language = "zh_TW"
    assert ui.shell.siteName == "示例市政務服務中心"
    # a site without an English name keeps its Chinese name, as a proper name reads in any language
    plain = make_ui(terminal={"site_name_en": ""})
    plain.shell.language = "en"
    assert plain.shell.siteName == "示例市政务服务中心"
