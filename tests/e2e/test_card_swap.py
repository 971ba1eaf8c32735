"""A face check belongs to the card it was made for: person A passes with his own card, lifts it and places B's
card on a later screen. Simulated reader, camera and printer, a real queue and a real central on 127.0.0.1."""

from __future__ import annotations

from tests.helpers.e2e import FLOW, identify_from_home, screen_texts
from tests.helpers.qml import settle, tap

SERVICE = "GJ-003"
B_CARD = "li_longterm"  # an invented woman whose card photo is not the person in front of the camera
B_NAME, B_NUMBER = "李秀英", "320583195207080040"


def swap_card(qtbot, ui) -> None:
    """A lifts his card (the face check stays his) and lays B's card on the reader."""
    ui.core.tray.choose("idcard", "card", "")
    qtbot.waitUntil(lambda: ui.core.identity.current is None, timeout=FLOW)
    ui.core.tray.choose("idcard", "card", B_CARD)
    qtbot.waitUntil(lambda: ui.core.identity.current is not None
                    and ui.core.identity.current.identity.id_number == B_NUMBER, timeout=FLOW)


def b_shown(ui) -> bool:
    texts = screen_texts(ui)
    return B_NAME in texts or B_NUMBER in texts or "和平路" in texts  # not even B's address


def test_a_new_card_on_the_choose_screen_needs_its_own_face_check(qtbot, kiosk):
    ui, apply = kiosk, kiosk.bridges["apply"]
    identify_from_home(qtbot, ui, "home_apply")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "ApplyChoose")
    settle(qtbot)
    swap_card(qtbot, ui)
    # back to identification: the new card must pass a face check of its own
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "FaceCheck", timeout=FLOW)
    # a tap on the choose screen that was showing a moment ago does not open B's form
    apply.choose(SERVICE)
    settle(qtbot, 500)
    qtbot.waitUntil(lambda: ui.shell.currentScreen in ("Identify", "FaceCheck"), timeout=FLOW)
    assert apply.fields == [] and not b_shown(ui)
    apply.submit(True)
    settle(qtbot, 500)
    assert ui.core.submissions.store.stats().depth["pending"] == 0
    # A is still the one in front of the camera: B's face check does not pass, so nothing of B ever shows
    if ui.shell.currentScreen == "Identify":
        settle(qtbot)
        tap(qtbot, ui.window, "identifyContinue")
    qtbot.waitUntil(lambda: ui.bridges["faceCheck"].phase in ("retry", "ask_staff"), timeout=FLOW)
    assert ui.shell.currentScreen == "FaceCheck" and not b_shown(ui)


def test_a_new_card_on_the_certificates_screen_issues_nothing_for_its_holder(qtbot, kiosk, central):
    ui, certificates = kiosk, kiosk.bridges["certificates"]
    # B has a completed application at central, so there is something to certify for her
    done = ui.core.submissions.submit("ZJ-002", {"phone": "13800138000"}, {"name": B_NAME, "id_number": B_NUMBER})
    store = ui.core.submissions.store
    qtbot.waitUntil(lambda: store.lookup(done.tracking).state == "acknowledged", timeout=30_000)
    central.store.set_status(done.tracking, "completed")
    identify_from_home(qtbot, ui, "home_certificates")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Certificates")
    qtbot.waitUntil(lambda: certificates.state in ("offers", "failed"), timeout=20_000)
    swap_card(qtbot, ui)
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "FaceCheck", timeout=FLOW)
    certificates.load()  # as if the certificates screen were still showing and asked again
    settle(qtbot, 500)
    qtbot.waitUntil(lambda: certificates.state in ("", "failed", "offers"), timeout=20_000)
    assert certificates.offers == [] or all(B_NAME not in o["subject"] for o in certificates.offers)
    certificates.choose(0)
    settle(qtbot, 1000)
    issued = central.store._q("SELECT COUNT(*) FROM certificates")[0][0]
    assert issued == 0 and certificates.issued == {}
    assert not b_shown(ui)
