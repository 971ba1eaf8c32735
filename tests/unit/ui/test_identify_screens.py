"""Identify, FaceCheck and Identified screens against the real IdentityService fed with reader events from a
worker thread, and against a stand-in face check (the real one with the simulated camera runs in tests/e2e)."""

from __future__ import annotations

import dataclasses
import threading

import numpy as np
import pytest

from drivers.cards.events import CardPresented, CardRemoved, ReaderError, ReaderStatus
from drivers.cards.photo import Photo
from drivers.idcard import textblock
from drivers.idcard.profiles import CARDS_DIR, load_profile
from kiosk.face.result import Decision, FaceCheckResult, FaceCheckUpdate, Phase, PROMPTS
from kiosk.face.liveness import Challenge
from kiosk.i18n import Text
from tests.helpers.qml import _items, find_visible, settle, tap
from ui.preview import to_qimage

SILHOUETTE = CARDS_DIR / "silhouette.png"


def identity_of(profile: str):
    return textblock.decode(load_profile(CARDS_DIR, profile).card_data().text)


def from_thread(fn, *args) -> None:
    """Readers and the face check call back on their own threads: so do the tests."""
    t = threading.Thread(target=fn, args=args)
    t.start()
    t.join()


def present(ui, profile: str, photo: bool = True) -> None:
    event = CardPresented("idcard", identity_of(profile), Photo(SILHOUETTE.read_bytes(), ".png") if photo else None)
    from_thread(ui.core.identity._on_card_event, event)  # what the reader's worker thread does


def text_of(ui, name: str) -> str:
    item = find_visible(ui.window, name)
    assert item is not None, f"{name} not visible"
    return str(item.property("text"))


def all_texts(ui) -> str:
    return " ".join(str(i.property("text")) for i in _items(ui.window) if i.property("text") is not None)


class StandInCheck:
    """What FaceBridge needs of kiosk.face.check.FaceCheck; the test plays the worker thread."""

    mirror = True

    def __init__(self, on_update) -> None:
        self.on_update = on_update
        self.listeners: list = []
        self.commands: list[str] = []
        self.photo = None

    def subscribe_preview(self, listener):
        self.listeners.append(listener)
        return lambda: self.listeners.remove(listener)

    def start(self, photo) -> None:
        self.photo = photo

    def retry(self) -> None:
        self.commands.append("retry")

    def cancel(self) -> None:
        self.commands.append("cancel")

    def close(self) -> None:
        self.commands.append("close")

    def send(self, phase: Phase, prompt: Text | None = None, attempt: int = 1, **kw) -> None:
        from_thread(self.on_update, FaceCheckUpdate(phase, prompt, attempt, 3, **kw))

    def frame(self, image: np.ndarray) -> None:
        for listener in list(self.listeners):
            from_thread(listener, image)


@pytest.fixture
def kiosk(make_ui):
    """A UI without hardware whose face bridge makes stand-in checks (kiosk.checks lists them)."""

    def make(**sections):
        ui = make_ui(**sections)
        checks: list[StandInCheck] = []

        def factory(on_update):
            checks.append(StandInCheck(on_update))
            return checks[-1]

        ui.bridges["faceCheck"].check_factory = factory
        ui.checks = checks
        return ui

    return make


def open_identify(qtbot, ui) -> None:
    ui.shell.start()
    tap(qtbot, ui.window, "home_apply")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Identify")
    settle(qtbot)


def test_accepted_card_opens_the_face_check_with_the_card_photo(qtbot, kiosk):
    ui = kiosk()
    open_identify(qtbot, ui)
    assert text_of(ui, "identifyInstruction") == "请将身份证放在读卡区"
    present(ui, "zhang_normal")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "FaceCheck")
    qtbot.waitUntil(lambda: len(ui.checks) == 1)
    assert isinstance(ui.checks[0].photo, np.ndarray)  # the decoded card photo, not bytes or a path
    assert ui.bridges["identity"].maskedName == "张**"
    assert "张晓明" not in all_texts(ui) and "110105198503120039" not in all_texts(ui)


def test_card_read_on_home_counts_when_identify_opens(qtbot, kiosk):
    ui = kiosk()
    ui.shell.start()
    present(ui, "zhang_normal")  # the reader never reports a card twice while it stays there
    qtbot.wait(100)
    assert ui.shell.currentScreen == "Home"
    tap(qtbot, ui.window, "home_apply")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "FaceCheck")
    tap(qtbot, ui.window, "navBack")  # back: the identity waits with a way forward, no trap
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Identify")
    settle(qtbot)
    assert ui.checks[0].commands[:1] == ["cancel"]  # leaving the screen ended the check
    assert "张**" in text_of(ui, "identifyAcceptedText")
    tap(qtbot, ui.window, "identifyContinue")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "FaceCheck")
    qtbot.waitUntil(lambda: len(ui.checks) == 2)


def test_refusals_problems_and_reader_state_in_both_languages(qtbot, kiosk):
    ui = kiosk()
    open_identify(qtbot, ui)
    identity = ui.bridges["identity"]
    assert text_of(ui, "readerStateText") == "读卡器已就绪"
    from_thread(ui.core.identity._on_card_event, ReaderStatus("idcard", False, "/dev/ttyUSB0 gone"))
    qtbot.waitUntil(lambda: not identity.readerConnected)
    assert text_of(ui, "readerStateText") == "身份证读卡器未连接，请联系工作人员"
    from_thread(ui.core.identity._on_card_event, ReaderStatus("idcard", True, "/dev/ttyUSB0"))
    from_thread(ui.core.identity._on_card_event, ReaderError("idcard", "checksum", "bad XOR"))
    qtbot.waitUntil(lambda: identity.state == "problem")
    settle(qtbot)
    assert text_of(ui, "identifyProblemText") == "读卡失败，请将身份证重新放到读卡区"
    ui.shell.language = "en"
    qtbot.waitUntil(lambda: text_of(ui, "identifyProblemText").startswith("The card could not be read"))
    assert text_of(ui, "identifyInstruction") == "Place your ID card on the reader"
    tap(qtbot, ui.window, "identifyRetry")
    qtbot.waitUntil(lambda: identity.state == "waiting")
    # a number that fails its check digit is refused, never passed on to the face check
    bad = dataclasses.replace(identity_of("zhang_normal"), id_number="110105198503120038")
    from_thread(ui.core.identity._on_card_event, CardPresented("idcard", bad, None))
    qtbot.waitUntil(lambda: identity.state == "refused")
    assert identity.problem == "The number on this card failed its check. Please go to a service window."
    from_thread(ui.core.identity._on_card_event, CardRemoved("idcard"))
    qtbot.waitUntil(lambda: identity.state == "waiting")
    tap(qtbot, ui.window, "callStaff")  # the frame's call button: the panel opens over the screen, which stays
    qtbot.waitUntil(lambda: find_visible(ui.window, "staffCallHeadline") is not None)
    assert ui.shell.currentScreen == "Identify"


def test_retry_then_ask_staff(qtbot, kiosk):
    ui = kiosk()
    open_identify(qtbot, ui)
    present(ui, "zhang_normal")
    qtbot.waitUntil(lambda: len(ui.checks) == 1)
    check, face = ui.checks[0], ui.bridges["faceCheck"]
    check.send(Phase.CHALLENGE, Text(zh="请眨一眨眼", en="Please blink"), challenge=Challenge.BLINK)
    qtbot.waitUntil(lambda: face.phase == "challenge")
    assert face.challenge == "blink"
    check.send(Phase.RETRY, PROMPTS["no_match"], attempt=1)
    qtbot.waitUntil(lambda: face.phase == "retry")
    settle(qtbot)
    assert text_of(ui, "faceAttempt") == "第 1 次，共 3 次"
    tap(qtbot, ui.window, "faceRetry")
    qtbot.waitUntil(lambda: check.commands == ["retry"])
    result = FaceCheckResult(Decision.NO_MATCH, 0.6, "test", staff_verification=True)
    check.send(Phase.ASK_STAFF, PROMPTS["ask_staff"], attempt=3, result=result)
    qtbot.waitUntil(lambda: face.phase == "ask_staff")
    settle(qtbot)
    assert text_of(ui, "faceAskStaffText") == "请到窗口请工作人员协助"
    assert find_visible(ui.window, "faceStaffVerify") is None  # the faces were compared: no staff offer here
    assert find_visible(ui.window, "faceRetry") is None
    assert ui.core.visit.face_record is None and ui.shell.currentScreen == "FaceCheck"


def test_no_card_photo_offers_staff_verification(qtbot, kiosk):
    ui = kiosk()
    open_identify(qtbot, ui)
    present(ui, "zhang_normal", photo=False)
    qtbot.waitUntil(lambda: len(ui.checks) == 1)
    assert ui.checks[0].photo is None
    result = FaceCheckResult(Decision.NO_CARD_PHOTO, 0.6, "none", staff_verification=True)
    prompt = Text(zh=PROMPTS["no_card_photo"].zh + "，" + PROMPTS["ask_staff"].zh, en="cannot compare")
    ui.checks[0].send(Phase.ASK_STAFF, prompt, result=result)
    qtbot.waitUntil(lambda: ui.bridges["faceCheck"].cannotCompare)
    settle(qtbot)
    assert text_of(ui, "faceAskStaffText") == "请到窗口请工作人员协助"
    assert "不能进行人脸比对" in find_visible(ui.window, "faceAskStaff").property("detail")
    tap(qtbot, ui.window, "faceStaffVerify")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "PinPad")  # staff confirm with their PIN
    record = ui.core.visit.face_record
    assert record["decision"] == "no_card_photo" and record["staff_verification"] is True
    assert not record.get("staff_verified")


def test_pass_stores_the_result_and_shows_identified_with_spoken_prompts(qtbot, kiosk):
    ui = kiosk(locale={"voice_prompts": True})
    spoken: list[str] = []
    ui.voice.spoken.connect(spoken.append)
    ui.shell.elderly = True
    open_identify(qtbot, ui)
    assert "刷身份证。请将身份证放在读卡区" in spoken
    present(ui, "li_longterm")
    qtbot.waitUntil(lambda: len(ui.checks) == 1)
    check = ui.checks[0]
    check.send(Phase.POSITIONING, Text(zh="请靠近一点", en="Please come closer"))
    qtbot.waitUntil(lambda: "请靠近一点" in spoken)
    check.send(Phase.PASSED, PROMPTS["passed"], result=FaceCheckResult(Decision.MATCH, 0.6, "test"))
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Identified")
    assert ui.core.visit.face_record["decision"] == "match"
    settle(qtbot)
    assert text_of(ui, "identifiedName") == "李**"
    assert text_of(ui, "identifiedNumber").count("*") == 8
    assert "长期" in all_texts(ui)  # valid_to of a long-term card
    tap(qtbot, ui.window, "identifiedContinue")  # on to the form (the apply feature decides which)
    qtbot.waitUntil(lambda: ui.shell.stack[:-1] == ["Attract", "Home", "Identify", "FaceCheck", "Identified"])


def test_another_card_during_the_check_starts_over_with_that_card(qtbot, kiosk):
    ui = kiosk()
    open_identify(qtbot, ui)
    present(ui, "zhang_normal")
    qtbot.waitUntil(lambda: len(ui.checks) == 1)
    first = ui.checks[0]
    present(ui, "li_longterm")  # someone else's card while the first check runs
    qtbot.waitUntil(lambda: len(ui.checks) == 2)
    assert "cancel" in first.commands
    first.send(Phase.PASSED, PROMPTS["passed"], result=FaceCheckResult(Decision.MATCH, 0.6, "test"))
    qtbot.wait(50)
    assert ui.shell.currentScreen == "FaceCheck" and ui.core.visit.face_record is None
    ui.checks[1].send(Phase.PASSED, PROMPTS["passed"], result=FaceCheckResult(Decision.MATCH, 0.6, "test"))
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Identified")
    settle(qtbot)
    assert text_of(ui, "identifiedName") == "李**"
    present(ui, "zhang_normal")  # and another card on the Identified screen: its own face check first
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "FaceCheck")
    qtbot.waitUntil(lambda: len(ui.checks) == 3)
    assert ui.core.visit.face_record is None


def test_no_camera_says_so_and_offers_home(qtbot, make_ui):
    ui = make_ui()  # no hardware: the core has no camera
    open_identify(qtbot, ui)
    present(ui, "zhang_normal")
    qtbot.waitUntil(lambda: ui.bridges["faceCheck"].phase == "unavailable")
    settle(qtbot)
    assert text_of(ui, "faceUnavailableText") == "摄像头未连接，请联系工作人员"
    tap(qtbot, ui.window, "faceHome")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Home")


def test_preview_frames_are_mirrored_and_wiped(qtbot, kiosk):
    ui = kiosk()
    open_identify(qtbot, ui)
    present(ui, "zhang_normal")
    qtbot.waitUntil(lambda: len(ui.checks) == 1)
    face, check = ui.bridges["faceCheck"], ui.checks[0]
    image = np.zeros((48, 64, 3), np.uint8)
    image[:, :8] = (255, 0, 0)  # blue band on the camera's left
    check.frame(image)
    qtbot.waitUntil(lambda: face.frameNo > 0 and face.hasFrame)
    ui.core.session.wipe("test")
    assert not face.hasFrame and face.frameNo == 0 and face.phase == "idle"
    assert check.listeners == [] and check.commands[0] == "cancel"
    check.frame(image)  # a late frame of the former visitor
    check.send(Phase.CHALLENGE, PROMPTS["loading"])  # and a late update
    qtbot.wait(50)
    assert not face.hasFrame and face.phase == "idle"
    identity = ui.bridges["identity"]
    assert identity.state == "waiting" and identity.maskedName == "" and ui.core.identity.current is None


def test_to_qimage_mirrors():
    image = np.zeros((2, 4, 3), np.uint8)
    image[:, 0] = (255, 0, 0)  # BGR blue in the leftmost column
    assert to_qimage(image, mirror=False).pixelColor(0, 0).blue() == 255
    mirrored = to_qimage(image, mirror=True)
    assert mirrored.pixelColor(3, 0).blue() == 255 and mirrored.pixelColor(0, 0).blue() == 0


def test_a_face_at_the_camera_counts_as_activity(qtbot, kiosk, clock):
    ui = kiosk()
    open_identify(qtbot, ui)
    present(ui, "zhang_normal")
    qtbot.waitUntil(lambda: len(ui.checks) == 1)
    clock.advance(80)  # no touch for 80 s, but the citizen is in front of the camera
    ui.checks[0].send(Phase.POSITIONING, Text(zh="请保持不动", en="Hold still"), face=(0.3, 0.2, 0.6, 0.7))
    qtbot.waitUntil(lambda: ui.bridges["faceCheck"].prompt == "请保持不动")
    clock.advance(50)
    ui.shell.tick()
    assert ui.shell.idlePhase == "active" and ui.shell.currentScreen == "FaceCheck"
    assert ui.bridges["faceCheck"].faceBox.width() > 0  # shown mirrored: left edge 1 - 0.6
    assert abs(ui.bridges["faceCheck"].faceBox.left() - 0.4) < 1e-9
