"""Progress by ID card: a card alone lists nothing and leads to the face check; a passed check opens the person's
cases, a wrong face opens nothing. Simulated reader and camera, a real queue and a real central on 127.0.0.1."""

from __future__ import annotations

from tests.helpers.apply import CARD_NAME, CARD_NUMBER
from tests.helpers.e2e import FLOW, pass_face_check, screen_texts, text_of
from tests.helpers.qml import find_visible, settle, tap


def _applied_and_at_progress(qtbot, ui, central):
    done = ui.core.submissions.submit("ZJ-002", {"phone": "13800138000"}, {"name": CARD_NAME, "id_number": CARD_NUMBER})
    store = ui.core.submissions.store
    qtbot.waitUntil(lambda: store.lookup(done.tracking).state == "acknowledged", timeout=30_000)
    central.store.set_status(done.tracking, "reviewing")
    ui.shell.start()
    tap(qtbot, ui.window, "home_progress")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Progress")
    return done


def test_a_card_at_progress_goes_to_the_face_check_and_the_list_follows_it(qtbot, kiosk, central):
    ui, progress = kiosk, kiosk.bridges["progress"]
    done = _applied_and_at_progress(qtbot, ui, central)
    ui.core.tray.choose("camera", "person", "obama")
    ui.core.tray.choose("idcard", "card", "zhang_normal")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "FaceCheck", timeout=FLOW)
    assert progress.results == [] and done.tracking not in screen_texts(ui)
    pass_face_check(qtbot, ui)  # the real face check passed
    settle(qtbot)
    assert "查看您名下全部办件" in text_of(ui, "identifiedNext")
    tap(qtbot, ui.window, "identifiedContinue")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Progress")
    qtbot.waitUntil(lambda: progress.state == "done", timeout=FLOW)
    settle(qtbot)
    assert text_of(ui, "progressSource_0") == "来自政务服务平台"
    assert text_of(ui, "progressStatus_0") == "审核中"


def test_a_wrong_face_shows_nothing_of_the_card_holder(qtbot, kiosk, central):
    ui, progress = kiosk, kiosk.bridges["progress"]
    done = _applied_and_at_progress(qtbot, ui, central)
    ui.core.tray.choose("camera", "person", "biden")
    ui.core.tray.choose("idcard", "card", "zhang_normal")  # the card photo is someone else
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "FaceCheck", timeout=FLOW)
    qtbot.waitUntil(lambda: ui.bridges["faceCheck"].phase == "retry", timeout=FLOW)
    assert progress.results == [] and progress.state == "" and done.tracking not in screen_texts(ui)
    assert find_visible(ui.window, "progressSource_0") is None
    assert ui.core.visit.verified() is None
