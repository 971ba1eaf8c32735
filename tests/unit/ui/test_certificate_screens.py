"""Certificates screen around a real queue and a real central on 127.0.0.1 (or none): identify -> offers -> issue
-> print (no printer here: the reprint way out), with nothing personal on screen; screenshots both ways."""

from __future__ import annotations

import pytest

from protocol import signing
from tests.helpers.apply import CARD_NAME, CARD_NUMBER, DEAD_CENTRAL, attach_queue, lift_card, pass_face_check, present_card
from tests.helpers.central import TERMINAL, central  # noqa: F401
from tests.helpers.contrast import samples, table
from tests.helpers.qml import _items, distinct_colours, find_visible, focus_ring, grab, settle, tap

SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080)}


@pytest.fixture
def kiosk(make_ui, tmp_path):
    def make(url: str, secret: str = "", orientation: str = "portrait", elderly: bool = False):
        secret_file = tmp_path / "terminal.secret"
        if secret:
            signing.write_secret(secret_file, secret)
        w, h = SIZES[orientation]
        ui = make_ui(orientation, display={"width": w, "height": h}, terminal={"id": TERMINAL},
                     central={"url": url, "credentials_file": str(secret_file), "sync_interval_seconds": 0.2,
                              "backoff_base_seconds": 0.2, "backoff_cap_seconds": 1, "timeout_seconds": 5})
        ui.shell.elderly = elderly
        attach_queue(ui.core)
        return ui

    return make


def texts(ui) -> str:
    return " ".join(str(i.property("text")) for i in _items(ui.window) if i.isVisible() and i.property("text") is not None)


def completed_case(qtbot, ui, central) -> str:
    """The card holder applied earlier at this terminal; central has since completed it."""
    done = ui.core.submissions.submit("ZJ-002", {"phone": "13800138000"}, {"name": CARD_NAME, "id_number": CARD_NUMBER})
    store = ui.core.submissions.store
    qtbot.waitUntil(lambda: store.lookup(done.tracking).state in ("acknowledged", "rejected"), timeout=20_000)
    assert store.lookup(done.tracking).state == "acknowledged", store.lookup(done.tracking).reject_reason
    central.store.set_status(done.tracking, "completed")
    return done.tracking


def open_certificates(qtbot, ui, shot=None) -> None:
    """Home tile -> identify (card read, face check passed) -> Identified -> continue -> Certificates."""
    ui.shell.start()
    settle(qtbot)
    tap(qtbot, ui.window, "home_certificates")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Identify")
    present_card(ui.core)
    qtbot.waitUntil(lambda: ui.bridges["identity"].hasIdentity)
    pass_face_check(ui.core)  # the face screens' own tests check how it passes
    ui.shell.go("Identified")
    settle(qtbot)
    assert "下一步选择要打印的证明" in texts(ui)
    if shot is not None:
        grab(ui.window, shot)
    tap(qtbot, ui.window, "identifiedContinue")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Certificates")


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_offers_issue_and_print_without_a_printer_offers_reprint(qtbot, kiosk, central, artifacts_dir, orientation):
    ui = kiosk(central.url, central.secret, orientation)
    tracking = completed_case(qtbot, ui, central)
    certificates = ui.bridges["certificates"]
    open_certificates(qtbot, ui, artifacts_dir / "screens" / f"certificates_identified_{orientation}.png")
    qtbot.waitUntil(lambda: certificates.state in ("offers", "failed"), timeout=10_000)
    assert certificates.state == "offers", certificates.problem
    offers = certificates.offers
    assert [o["title"] for o in offers] == ["办件记录证明", "办结证明"]
    assert tracking in offers[1]["subject"]
    settle(qtbot, 500)
    shot = grab(ui.window, artifacts_dir / "screens" / f"certificates_offers_{orientation}.png")
    assert distinct_colours(shot) > 8
    tap(qtbot, ui.window, "certificateOffer_1")
    qtbot.waitUntil(lambda: certificates.state == "issued", timeout=10_000)
    qtbot.waitUntil(lambda: certificates.printState == "failed", timeout=10_000)  # this core has no printer
    settle(qtbot, 500)
    number = find_visible(ui.window, "certificateNumber").property("text")
    code = find_visible(ui.window, "certificateVerifyCode").property("text")
    assert number.startswith("Z") and len(code) == 16  # 80-bit verify codes
    assert find_visible(ui.window, "certificateReprint") is not None
    assert find_visible(ui.window, "certificatePrintProblem") is not None
    on_screen = texts(ui)
    assert CARD_NAME not in on_screen and CARD_NUMBER not in on_screen and CARD_NUMBER[-4:] not in on_screen
    grab(ui.window, artifacts_dir / "screens" / f"certificates_unprinted_{orientation}.png")
    # a reprint is the same certificate: central issued exactly one
    tap(qtbot, ui.window, "certificateReprint")
    qtbot.waitUntil(lambda: certificates.printState == "failed", timeout=10_000)
    assert central.store._q("SELECT COUNT(*) FROM certificates")[0][0] == 1
    # back to the list, and a session wipe forgets everything
    tap(qtbot, ui.window, "certificateMore")
    qtbot.waitUntil(lambda: certificates.state == "offers")
    lift_card(ui.core)
    ui.shell.endSession()
    qtbot.waitUntil(lambda: ui.shell.stack == ["Attract"])
    assert certificates.state == "" and certificates.offers == [] and certificates.issued == {}


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize("elderly", [False, True], ids=["normal", "elderly"])
def test_a_person_with_nothing_to_certify_is_told_so_calmly(qtbot, kiosk, central, artifacts_dir, orientation,
                                                            elderly):
    """Nothing to certify yet is information, not an error: an "i" panel, and a way on (progress, or home)."""
    ui = kiosk(central.url, central.secret, orientation, elderly=elderly)
    certificates = ui.bridges["certificates"]
    open_certificates(qtbot, ui)
    qtbot.waitUntil(lambda: certificates.state == "failed", timeout=10_000)
    settle(qtbot, 500)
    mode = "elderly" if elderly else "normal"
    grab(ui.window, artifacts_dir / "screens" / f"certificates_none_{orientation}_{mode}.png")
    assert find_visible(ui.window, "certificatesProblem") is None  # no red "!"
    panel = find_visible(ui.window, "certificatesNone")
    assert panel is not None and panel.property("kind") == "info"
    assert "暂时没有可为您出具的证明" in find_visible(ui.window, "certificatesNoneText").property("text")
    dp = min(SIZES[orientation]) / 720
    page = find_visible(ui.window, "screenStack").property("currentItem")
    rows = samples(ui.window, page, dp, elderly)
    print(table(rows, f"certificates, nothing to certify ({orientation}, {mode})"))
    assert all(s.ok for s in rows), [s for s in rows if not s.ok]
    tap(qtbot, ui.window, "certificatesToProgress")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Progress")


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_offline_says_certificates_need_the_network(qtbot, kiosk, artifacts_dir, orientation):
    ui = kiosk(DEAD_CENTRAL, orientation=orientation)
    certificates = ui.bridges["certificates"]
    open_certificates(qtbot, ui)
    qtbot.waitUntil(lambda: certificates.state == "failed", timeout=15_000)
    assert "网络不通" in certificates.problem
    ui.shell.language = "en"
    qtbot.waitUntil(lambda: "network is down" in certificates.problem)
    settle(qtbot, 500)
    grab(ui.window, artifacts_dir / "screens" / f"certificates_offline_{orientation}_en.png")


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_a_name_the_certificate_font_lacks_is_told_plainly(qtbot, kiosk, central, artifacts_dir, orientation):
    """The card holder's name on record has 𪚥 (CJK extension B, in no certificate font): central issues nothing,
    and the screen sends the citizen to a counter, in Chinese and in English."""
    ui = kiosk(central.url, central.secret, orientation)
    done = ui.core.submissions.submit("ZJ-002", {"phone": "13800138000"},
                                      {"name": "测试\U0002A6A5", "id_number": CARD_NUMBER})
    store = ui.core.submissions.store
    qtbot.waitUntil(lambda: store.lookup(done.tracking).state == "acknowledged", timeout=20_000)
    central.store.set_status(done.tracking, "completed")
    certificates = ui.bridges["certificates"]
    open_certificates(qtbot, ui)
    qtbot.waitUntil(lambda: certificates.state == "offers", timeout=10_000)
    tap(qtbot, ui.window, "certificateOffer_1")
    qtbot.waitUntil(lambda: certificates.state == "failed", timeout=10_000)
    assert "生僻字无法打印" in certificates.problem and "服务窗口" in certificates.problem
    assert central.store._q("SELECT COUNT(*) FROM certificates")[0][0] == 0
    settle(qtbot, 500)
    grab(ui.window, artifacts_dir / "screens" / f"certificates_unprintable_{orientation}.png")
    ui.shell.language = "en"
    qtbot.waitUntil(lambda: "rare character that cannot be printed" in certificates.problem)
    settle(qtbot, 500)
    grab(ui.window, artifacts_dir / "screens" / f"certificates_unprintable_{orientation}_en.png")


def test_certificates_screen_without_identification_goes_to_identify(qtbot, kiosk):
    ui = kiosk(DEAD_CENTRAL)
    ui.shell.start()
    ui.shell.go("Certificates")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Identify")


def test_an_offer_is_reached_with_tab_and_chosen_with_enter(qtbot, kiosk, central):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    ui = kiosk(central.url, central.secret)
    completed_case(qtbot, ui, central)
    certificates = ui.bridges["certificates"]
    ui.window.requestActivate()
    open_certificates(qtbot, ui)
    qtbot.waitUntil(lambda: certificates.state == "offers", timeout=10_000)
    settle(qtbot, 500)
    for _ in range(40):  # a keyboard or switch: Tab until the second offer holds the focus
        QTest.keyClick(ui.window, Qt.Key.Key_Tab)
        focused = ui.window.activeFocusItem()
        if focused is not None and focused.objectName() == "certificateOffer_1":
            break
    else:
        raise AssertionError("Tab never reached the second offer")
    ring = focus_ring(ui.window, focused)
    assert ring.isVisible()
    QTest.keyClick(ui.window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: certificates.state not in ("offers", ""), timeout=10_000)
