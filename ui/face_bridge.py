"""The FaceCheck screen's view-model: one check per card read, its prompts and the live, mirrored preview."""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import Property, QObject, QRectF, Qt, Signal, Slot

from kiosk.app import KioskCore
from kiosk.face.result import FaceCheckUpdate, Phase
from kiosk.flow import Screen
from kiosk.i18n import Text
from kiosk.identity import IdentityPresented
from kiosk.visit import card_key
from ui.bridge import Bridge, registered
from ui.preview import FrameStore, to_qimage
from ui.shell import Shell

if TYPE_CHECKING:  # OpenCV, numpy and the face stack load with the first check, not with the kiosk
    import numpy as np

    from kiosk.face.check import FaceCheck

log = logging.getLogger(__name__)

PROVIDER = "facepreview"
NO_CAMERA = Text(zh="摄像头未连接，请联系工作人员", en="The camera is not connected. Please ask the staff for help.")
NO_IDENTITY = Text(zh="请先刷身份证", en="Please place your ID card on the reader first")


@registered
class FaceBridge(Bridge):
    """Runs one FaceCheck per visit; worker-thread updates and preview frames reach QML through queued signals."""

    _posted = Signal(object, int)  # update, check token
    _frame_posted = Signal(int)  # check token
    _card_posted = Signal(object)  # a card read while a check may run
    changed = Signal()
    frameChanged = Signal()

    def __init__(self, core: KioskCore, shell: Shell, store: FrameStore,
                 make_check: Callable[..., FaceCheck] | None = None, parent: QObject | None = None) -> None:
        super().__init__(core, shell, parent)
        self._store = store
        self.check_factory = make_check or self._default_check  # tests pass their own
        self._check: FaceCheck | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._token = 0  # bumps per check; updates and frames of an older check are dropped
        self._update: FaceCheckUpdate | None = None
        self._presented: IdentityPresented | None = None  # the card this check compares with
        self._problem: Text | None = None
        self._frame_no = 0
        self._frame_pending = False
        self._frame_lock = threading.Lock()  # a frame converted while stop() runs must not outlive it
        self._mirror = True
        self._posted.connect(self._on_update, Qt.ConnectionType.QueuedConnection)
        self._frame_posted.connect(self._on_frame, Qt.ConnectionType.QueuedConnection)
        self._card_posted.connect(self._on_card, Qt.ConnectionType.QueuedConnection)
        core.identity.subscribe(lambda e: self._card_posted.emit(e) if isinstance(e, IdentityPresented) else None)
        shell.languageChanged.connect(self.changed)
        core.session.register_wipe("ui-face", self.stop)

    def _default_check(self, on_update: Callable[[FaceCheckUpdate], None]) -> FaceCheck:
        return self._core.new_face_check(on_update)

    # ---- what QML shows

    @Property(str, notify=changed)
    def phase(self) -> str:
        """"idle" before start/after a wipe, "unavailable" without camera or card, else the check's phase."""
        if self._problem is not None:
            return "unavailable"
        return self._update.phase.value if self._update is not None else "idle"

    @Property(str, notify=changed)
    def prompt(self) -> str:
        if self._problem is not None:
            return self._t(self._problem)
        return self._t(self._update.prompt) if self._update is not None else ""

    @Property(str, notify=changed)
    def challenge(self) -> str:
        u = self._update
        return u.challenge.value if u is not None and u.challenge is not None else ""

    @Property(int, notify=changed)
    def attempt(self) -> int:
        return self._update.attempt if self._update is not None else 0

    @Property(int, notify=changed)
    def maxAttempts(self) -> int:
        return self._update.max_attempts if self._update is not None else self._core.cfg.face.max_attempts

    @Property(bool, notify=changed)
    def cannotCompare(self) -> bool:
        """Nothing to compare with (no card photo, no usable face in it, no engine): staff verify instead."""
        u = self._update
        if u is None or u.result is None:
            return False
        return u.result.decision.value in ("no_card_photo", "card_photo_unusable", "unavailable")

    @Property(QRectF, notify=changed)
    def faceBox(self) -> QRectF:
        """The face as 0..1 fractions of the preview as shown (mirrored when the preview is)."""
        u = self._update
        if u is None or u.face is None:
            return QRectF()
        left, top, right, bottom = u.face
        if self._mirror:
            left, right = 1 - right, 1 - left
        return QRectF(left, top, right - left, bottom - top)

    @Property(int, notify=frameChanged)
    def frameNo(self) -> int:
        return self._frame_no

    @Property(bool, notify=frameChanged)
    def hasFrame(self) -> bool:
        return self._frame_no > 0 and not self._store.get().isNull()

    @Property(str, constant=True)
    def previewSource(self) -> str:
        return f"image://{PROVIDER}/"

    # ---- commands from QML

    @Slot()
    def start(self) -> None:
        """The FaceCheck screen opened: a new check against the identity just read."""
        self.stop()
        self._core.visit.forget_face()  # a result only ever belongs to the check that made it
        presented = self._core.visit.identity  # the card may already be back in the citizen's hand
        if presented is None or not presented.accepted:
            self._problem = NO_IDENTITY
            self.changed.emit()
            return
        token = self._token
        try:
            check = self.check_factory(lambda update: self._posted.emit(update, token))
        except Exception as e:
            log.error("face check cannot start: %s", e)
            self._problem = NO_CAMERA
            self.changed.emit()
            return
        self._check, self._presented = check, presented
        self._mirror = bool(check.mirror)
        self._unsubscribe = check.subscribe_preview(lambda image: self._frame(image, token))
        from kiosk.face.check import card_photo_array

        check.start(card_photo_array(presented.photo))

    @Slot()
    def retry(self) -> None:
        if self._check is not None and self._update is not None and self._update.phase is Phase.RETRY:
            self._check.retry()

    @Slot()
    def offerStaff(self) -> None:
        """The citizen accepts verification by staff: the result says so; the staff screen is another issue."""
        u = self._update
        if u is not None and u.result is not None and self._presented is not None:
            self._core.visit.face_checked(self._presented, u.result.record())

    @Slot()
    def stop(self) -> None:
        """Cancel the running check, drop its frames; the thread is joined off the GUI thread."""
        self._end_preview()
        check, self._check = self._check, None
        if check is not None:
            check.cancel()
            threading.Thread(target=check.close, name="face-check-close", daemon=True).start()
        self._update, self._problem, self._presented = None, None, None
        self._frame_no = 0
        self.changed.emit()
        self.frameChanged.emit()

    def _end_preview(self) -> None:
        """No more frames: the camera stops feeding us and the last picture is forgotten.

        The token bump also drops any later word from this check (a final update is its last anyway).
        """
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        with self._frame_lock:
            self._token += 1
            self._store.clear()
        self.frameChanged.emit()

    # ---- test and diagnostics access

    @property
    def check(self) -> FaceCheck | None:
        return self._check

    # ---- worker threads -> GUI thread

    def _frame(self, image: np.ndarray, token: int) -> None:
        """Camera thread: convert here, then tell QML; a frame QML has not fetched yet is simply replaced."""
        if token != self._token:
            return
        image = to_qimage(image, self._mirror)
        with self._frame_lock:
            if token != self._token:
                return
            self._store.put(image)
        if not self._frame_pending:
            self._frame_pending = True
            self._frame_posted.emit(token)

    def _on_frame(self, token: int) -> None:
        self._frame_pending = False
        if token != self._token:
            return
        self._frame_no += 1
        self.frameChanged.emit()

    def _on_card(self, presented: IdentityPresented) -> None:
        """Another card during the check: the face must match the card now on the reader, so start over."""
        if (self._presented is None or card_key(presented) == card_key(self._presented)
                or self._shell.currentScreen != Screen.FACE_CHECK):
            return  # the same card lifted and placed again changes nothing
        log.info("another card was placed during the face check; starting over")
        if presented.accepted:
            self.start()
        else:  # back to Identify, which shows why this card cannot be used
            self.stop()
            self._shell.rewind(Screen.IDENTIFY)

    def _on_update(self, update: FaceCheckUpdate, token: int) -> None:
        if token != self._token:
            return
        self._update = update
        if update.face is not None:  # someone is working with the camera: that is activity, like a touch
            self._core.idle.touch()
        if update.phase.final:  # nothing left to look at: the preview ends with the check
            self._end_preview()
        self.changed.emit()
        if update.phase is Phase.PASSED and update.result is not None:
            if not self._core.visit.face_checked(self._presented, update.result.record(), update.result.evidence_jpeg):
                return  # another card arrived meanwhile; _on_card starts over with it
            if self._shell.currentScreen == Screen.FACE_CHECK:
                self._shell.open("face_passed")
