"""Citizen identification end to end with the simulated devices: ID card on the pty reader, camera, face check."""

from __future__ import annotations

import pytest

from tests.helpers.e2e import FLOW, pass_face_check
from tests.helpers.identify import resize, sim_config
from tests.helpers.qml import distinct_colours, find_visible, grab, settle, tap

CARD_NAME, CARD_NUMBER = "张晓明", "110105198503120039"  # the invented holder of the zhang_normal profile


@pytest.fixture
def kiosk(qapp, tmp_path, shared_faces):
    """kiosk(**config sections) -> KioskUi around a core with every device simulated; closed after the test."""
    from kiosk.app import KioskCore
    from kiosk.config import load
    from ui.app import KioskUi

    made = []

    def make(**sections):
        core = KioskCore(load(sim_config(tmp_path, shared_faces, **sections)))
        made.append(core)
        ui = KioskUi(core, qapp, windowed=True)
        made.append(ui)
        return ui

    yield make
    for obj in reversed(made):
        obj.close()


def _visible_texts(window) -> list[str]:
    from tests.helpers.qml import _items

    return [str(i.property("text")) for i in _items(window) if i.isVisible() and i.property("text") is not None]


def _open_identify(qtbot, ui) -> None:
    ui.shell.start()
    tap(qtbot, ui.window, "home_apply")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Identify")
    settle(qtbot)


def _text(ui, name: str) -> str:
    item = find_visible(ui.window, name)
    assert item is not None, f"{name} not visible"
    return str(item.property("text"))


def test_card_then_face_check_passes_to_identified(qtbot, kiosk):
    ui = kiosk(locale={"voice_prompts": True})
    spoken: list[str] = []
    ui.voice.spoken.connect(spoken.append)
    _open_identify(qtbot, ui)
    ui.shell.elderly = True  # prompts are spoken in elderly mode
    ui.core.tray.choose("camera", "person", "obama")
    ui.core.tray.choose("idcard", "card", "zhang_normal")  # the card photo is obama_1
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "FaceCheck", timeout=10_000)
    face = ui.bridges["faceCheck"]
    qtbot.waitUntil(lambda: face.frameNo > 0, timeout=10_000)  # the live preview runs
    pass_face_check(qtbot, ui)
    record = ui.core.visit.face_record
    assert record["decision"] == "match" and record["attempts"] >= 1 and record["liveness"]["passed"]
    assert "请眨一眨眼" in spoken  # the challenge was spoken
    settle(qtbot)
    assert _text(ui, "identifiedName") == "张**"
    assert _text(ui, "identifiedNumber") == "110105********0039"
    texts = " ".join(_visible_texts(ui.window))
    assert CARD_NAME not in texts and CARD_NUMBER not in texts
    tap(qtbot, ui.window, "identifiedContinue")  # on to the form (the apply feature decides which)
    qtbot.waitUntil(lambda: ui.shell.depth == 6 and ui.shell.stack[4] == "Identified")


def test_other_person_fails_three_times_then_ask_staff(qtbot, kiosk):
    ui = kiosk()
    _open_identify(qtbot, ui)
    ui.core.tray.choose("camera", "person", "biden")
    ui.core.tray.choose("idcard", "card", "zhang_normal")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "FaceCheck", timeout=10_000)
    face = ui.bridges["faceCheck"]
    for n in (1, 2):
        qtbot.waitUntil(lambda: face.phase == "retry", timeout=FLOW)
        settle(qtbot, 200)  # the buttons that just appeared are laid out on the next frame
        assert face.attempt == n and face.maxAttempts == 3
        assert "第 %d 次，共 3 次" % n == _text(ui, "faceAttempt")
        assert "不一致" in _text(ui, "faceRetryPanelText")
        tap(qtbot, ui.window, "faceRetry")
        qtbot.waitUntil(lambda: face.phase != "retry", timeout=5_000)
    qtbot.waitUntil(lambda: face.phase == "ask_staff", timeout=FLOW)
    settle(qtbot)
    assert _text(ui, "faceAskStaffText") == "请到窗口请工作人员协助"
    assert find_visible(ui.window, "faceRetry") is None
    assert find_visible(ui.window, "faceHome") is not None
    assert ui.shell.currentScreen == "FaceCheck" and ui.core.visit.face_record is None


def test_expired_card_is_refused_with_its_message(qtbot, kiosk):
    ui = kiosk()
    _open_identify(qtbot, ui)
    ui.core.tray.choose("idcard", "card", "wang_expired")
    qtbot.waitUntil(lambda: ui.bridges["identity"].state == "refused", timeout=10_000)
    settle(qtbot)
    assert _text(ui, "identifyProblemText") == "您的证件已于2018年1月1日过期，请到人工窗口办理"
    assert find_visible(ui.window, "identifyRetry") is not None
    assert ui.shell.currentScreen == "Identify"  # no face check for an expired card
    ui.shell.language = "en"
    qtbot.waitUntil(lambda: "expired on 2018-01-01" in _text(ui, "identifyProblemText"))
    ui.core.tray.choose("idcard", "card", "none")  # the card is taken away: back to the instruction
    qtbot.waitUntil(lambda: ui.bridges["identity"].state == "waiting", timeout=10_000)


def test_wipe_during_check_leaves_nothing_and_stops_the_check(qtbot, kiosk):
    ui = kiosk()
    _open_identify(qtbot, ui)
    ui.core.tray.choose("camera", "person", "")  # nobody in front of the camera: the check keeps waiting
    ui.core.tray.choose("idcard", "card", "zhang_normal")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "FaceCheck", timeout=10_000)
    face, identity = ui.bridges["faceCheck"], ui.bridges["identity"]
    qtbot.waitUntil(lambda: face.phase == "positioning" and face.hasFrame, timeout=FLOW)
    check = face.check
    assert identity.maskedName == "张**"
    ui.shell.endSession()
    qtbot.waitUntil(lambda: ui.shell.stack == ["Attract", "TakeCard"])  # wiped; the card still lies there
    ui.core.tray.choose("idcard", "card", "none")
    qtbot.waitUntil(lambda: ui.shell.stack == ["Attract"], timeout=10_000)
    assert check.wait(10) is not None and check.update.phase.value == "cancelled"  # the worker has ended
    assert face.check is None and face.phase == "idle" and not face.hasFrame and face.frameNo == 0
    assert identity.state == "waiting" and identity.maskedName == "" and identity.maskedNumber == ""
    assert ui.core.identity.current is None and ui.core.session.empty
    settle(qtbot)
    assert face.frameNo == 0  # no late frame of the former visitor shows up


def test_screenshots(qtbot, kiosk, artifacts_dir):
    """Identify, the refusal, FaceCheck with a person, a failed attempt, ask staff and Identified; both
    orientations, normal and elderly. One kiosk, resized, so the devices start once."""
    ui = kiosk(face={"challenge_seconds": 2.0})
    tray, face = ui.core.tray, ui.bridges["faceCheck"]
    out = artifacts_dir / "screens"

    def shot(name: str) -> None:
        settle(qtbot, 500)
        path = grab(ui.window, out / f"identify_{name}_{orientation}_{mode}.png")
        assert distinct_colours(path) > 8, f"{path} looks blank"

    for orientation in ("portrait", "landscape"):
        for mode in ("normal", "elderly"):
            resize(ui.window, orientation)
            tray.choose("idcard", "card", "none")
            tray.choose("camera", "person", "obama")
            tray.choose("camera", "motion", "still")  # a held-up photo: the blink never comes
            _open_identify(qtbot, ui)
            ui.shell.elderly = mode == "elderly"
            shot("waiting")
            tray.choose("idcard", "card", "wang_expired")
            qtbot.waitUntil(lambda: ui.bridges["identity"].state == "refused", timeout=10_000)
            shot("expired")
            tray.choose("idcard", "card", "zhang_normal")
            qtbot.waitUntil(lambda: face.phase == "challenge" and face.frameNo > 3, timeout=FLOW)
            shot("facecheck")
            qtbot.waitUntil(lambda: face.phase == "retry", timeout=FLOW)
            shot("retry")
            tray.choose("camera", "motion", "auto")
            settle(qtbot, 200)
            tap(qtbot, ui.window, "faceRetry")
            pass_face_check(qtbot, ui)
            shot("identified")
            tray.choose("camera", "person", "biden")
            tap(qtbot, ui.window, "navBack")  # back to the face check: a new check, now with someone else
            qtbot.waitUntil(lambda: face.phase == "retry", timeout=FLOW)
            for n in (2, 3):
                settle(qtbot, 200)
                tap(qtbot, ui.window, "faceRetry")
                qtbot.waitUntil(lambda: face.attempt == n and face.phase in ("retry", "ask_staff"), timeout=FLOW)
            qtbot.waitUntil(lambda: face.phase == "ask_staff", timeout=FLOW)
            shot("askstaff")
            ui.core.tray.choose("idcard", "card", "none")
            ui.shell.endSession()
            qtbot.waitUntil(lambda: ui.shell.stack == ["Attract"], timeout=10_000)
