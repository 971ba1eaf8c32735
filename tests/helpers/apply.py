"""Helpers for the application-flow tests: a queue attached to a UI-test core, a card presented from a thread."""

from __future__ import annotations

import threading
from pathlib import Path

from drivers.cards.events import CardPresented
from drivers.cards.photo import Photo
from drivers.idcard import textblock
from drivers.idcard.profiles import CARDS_DIR, load_profile

# the invented holder of the zhang_normal card profile
CARD_NAME, CARD_NUMBER = "张晓明", "110105198503120039"
DEAD_CENTRAL = "http://127.0.0.1:9"  # the discard port: nothing answers, so the terminal is offline


def present_card(core, profile: str = "zhang_normal") -> None:
    """What the reader's worker thread does when a card is placed."""
    identity = textblock.decode(load_profile(CARDS_DIR, profile).card_data().text)
    photo = Photo((CARDS_DIR / "silhouette.png").read_bytes(), ".png")
    t = threading.Thread(target=core.identity._on_card_event, args=(CardPresented("idcard", identity, photo),))
    t.start()
    t.join()


def lift_card(core) -> None:
    """What the reader's worker thread does when the card is taken off the reader."""
    from drivers.cards.events import CardRemoved

    t = threading.Thread(target=core.identity._on_card_event, args=(CardRemoved("idcard"),))
    t.start()
    t.join()


def pass_face_check(core, record: dict | None = None) -> None:
    """The face check's result for the card read now, bound to that read (the face screens' own tests check how
    a result is reached)."""
    presented = core.visit.identity
    assert presented is not None, "no card was read"
    assert core.visit.face_checked(presented, record or {"decision": "match", "attempts": 1})


def ask_progress(qtbot, ui, tracking: str, *, elderly: bool = False) -> None:
    """From the attract screen, as a citizen: 进度查询, the tracking number typed in, 查询; the answer is there."""
    from tests.helpers.qml import find_visible, tap

    ui.shell.start(elderly)
    tap(qtbot, ui.window, "home_progress")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Progress")
    find_visible(ui.window, "progressField").setProperty("text", tracking)
    tap(qtbot, ui.window, "progressQuery")
    progress = ui.bridges["progress"]
    qtbot.waitUntil(lambda: progress.state in ("done", "failed"), timeout=30_000)
    assert progress.state == "done", progress.problem


def attach_queue(core) -> None:
    """The real offline queue (SQLite in the test folder) on a core built without hardware."""
    from kiosk.submissions import open_submissions

    cfg = core.cfg
    core.submissions = open_submissions(cfg.queue, cfg.central, cfg.terminal.id, Path(cfg.base_dir))
    core.submissions.start()


def decode_qr(png: Path) -> str:
    """The text of the (first) QR code in a picture, "" when none is found."""
    import cv2

    image = cv2.imread(str(png))
    text, _points, _ = cv2.QRCodeDetectorAruco().detectAndDecode(image)
    return text or ""


# a tiny component in the kiosk's own engine that presses keys of the on-screen keyboard
KEYBOARD_DRIVER = b"""
import QtQuick
import QtQuick.VirtualKeyboard
QtObject {
    function click(key, text) { return InputContext.inputEngine.virtualKeyClick(key, text, 0) }
}
"""


class KeyboardDriver:
    """Keeps the component alive with the object it made (the object goes when the component is collected)."""

    def __init__(self, engine) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtQml import QQmlComponent

        self.component = QQmlComponent(engine)
        self.component.setData(KEYBOARD_DRIVER, QUrl("keyboard_driver.qml"))
        self.driver = self.component.create()
        assert self.driver is not None, [e.toString() for e in self.component.errors()]

    def type_digits(self, digits: str) -> None:
        """Presses each digit on the on-screen keyboard (Qt.Key_0 .. Qt.Key_9 are 0x30 .. 0x39)."""
        for d in digits:
            assert self.driver.click(ord(d), d), f"the keyboard did not take {d!r}"
