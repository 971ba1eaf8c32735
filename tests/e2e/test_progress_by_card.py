"""Progress by ID card: a card alone lists only this terminal's records; the face check opens the person's cases at
central (a presence proof). Simulated reader and camera, a real queue and a real central on 127.0.0.1."""

from __future__ import annotations

from tests.helpers.apply import CARD_NAME, CARD_NUMBER
from tests.helpers.e2e import FLOW, pass_face_check, text_of
from tests.helpers.qml import settle, tap


def test_a_card_alone_shows_local_records_and_the_face_check_shows_central(qtbot, kiosk, central):
    ui, progress = kiosk, kiosk.bridges["progress"]
    done = ui.core.submissions.submit("ZJ-002", {"phone": "13800138000"}, {"name": CARD_NAME, "id_number": CARD_NUMBER})
    store = ui.core.submissions.store
    qtbot.waitUntil(lambda: store.lookup(done.tracking).state == "acknowledged", timeout=30_000)
    central.store.set_status(done.tracking, "reviewing")
    ui.shell.start()
    tap(qtbot, ui.window, "home_progress")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Progress")
    ui.core.tray.choose("camera", "person", "obama")
    ui.core.tray.choose("idcard", "card", "zhang_normal")  # no face check yet: this terminal's own records only
    qtbot.waitUntil(lambda: progress.state == "done", timeout=FLOW)
    settle(qtbot)
    assert text_of(ui, "progressSource_0") == "本机记录（未做人脸核验，只显示在本机办理的事项）"
    tap(qtbot, ui.window, "progressVerify")
    pass_face_check(qtbot, ui)  # the real face check passed
    settle(qtbot)
    assert "查看您名下全部办件" in text_of(ui, "identifiedNext")
    tap(qtbot, ui.window, "identifiedContinue")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Progress")
    qtbot.waitUntil(lambda: progress.state == "done" and not progress.canVerify, timeout=FLOW)
    settle(qtbot)
    assert text_of(ui, "progressSource_0") == "来自政务服务平台"
    assert text_of(ui, "progressStatus_0") == "审核中"
