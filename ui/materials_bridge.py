"""Photographing materials with the kiosk camera (材料拍照) for the application being filled: preview, shots, list."""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import Property, QObject, Qt, Signal, Slot

from kiosk.app import KioskCore
from kiosk.i18n import Text
from ui.preview import FrameStore, LivePreview
from ui.shell import Shell
from ui.bridge import Bridge, registered

log = logging.getLogger(__name__)

PROVIDER = "materialpreview"
SCREEN = "Capture"
MAX_PER_MATERIAL = 5  # pages of one document; more is a mistake more often than a need
JPEG_QUALITY = 85  # text on a document stays readable; ~60 KB a page at 640x480
NO_CAMERA = Text("摄像头不可用，请把材料带到窗口。", "The camera is not available; please bring the papers to the counter.")
TOO_MANY = Text(f"每种材料最多拍{MAX_PER_MATERIAL}张", f"At most {MAX_PER_MATERIAL} photos per document")


def encode_jpeg(image) -> bytes:
    """BGR frame -> JPEG bytes (OpenCV, imported with the first shot, not with the UI)."""
    import cv2

    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    if not ok:
        raise ValueError("the frame could not be encoded as JPEG")
    return data.tobytes()


@registered
class MaterialsBridge(Bridge):
    """Photos live in memory only, for this visit: they reach disk solely inside the encrypted queue record
    that the submission commits, and a session wipe forgets them. Camera frames come on the camera thread and
    reach QML through ui.preview.LivePreview; JPEG encoding runs in a worker thread."""

    _shot_posted = Signal(object, int)
    changed = Signal()
    frameChanged = Signal()

    def __init__(self, core: KioskCore, shell: Shell, store: FrameStore, parent: QObject | None = None) -> None:
        super().__init__(core, shell, parent)
        # documents are shown as they are (not mirrored): the citizen must be able to read them
        self._preview = LivePreview(store, lambda: core.session.generation, mirror=False, parent=self)
        self._preview.shown.connect(self.frameChanged)
        self._current = ""  # the material being photographed
        self._problem: Text | None = None
        self._busy = False
        self._shot_posted.connect(self._on_shot, Qt.ConnectionType.QueuedConnection)
        shell.languageChanged.connect(self.changed)
        core.session.register_wipe("ui-materials", self.clear)

    # ---- which materials, and what was taken

    def _service(self) -> str:
        return self._core.visit.service

    def _pages(self, name: str) -> list[bytes]:
        return self._core.visit.photos.get((self._service(), name), [])

    def _capturable(self, language: str = "zh_CN") -> list[str]:
        """Names of the materials the camera can take: in Chinese they key the photos; in the screen language
        (same order) they are what the citizen reads."""
        code = self._service()
        if not code:
            return []
        try:
            guide = self._core.catalog.guide(code, language)
        except Exception:  # an item dropped by a catalog update: nothing to photograph for it
            return []
        proxy = self._core.visit.principal is not None  # the power of attorney only when applying for another
        return [e.name for e in guide.checklist if e.capture and e.bring and (proxy or not e.for_proxy)]

    def _shown(self) -> dict[str, str]:
        return dict(zip(self._capturable(), self._capturable(self._shell.language)))

    @Property("QVariantList", notify=changed)
    def items(self) -> list[dict]:
        """The current application's materials the camera can take, with how many pages are taken."""
        shown = self._shown()
        form = self._core.visit.form
        required = set(form.proxy_materials) if form is not None and form.code == self._service() else set()
        return [{"index": i, "name": shown[name], "count": len(self._pages(name)), "required": name in required}
                for i, name in enumerate(shown)]

    @Property(int, notify=changed)
    def total(self) -> int:
        return len(self._core.visit.attachments(self._service()))

    @Property(str, notify=changed)
    def current(self) -> str:
        return self._shown().get(self._current, self._current)

    @Property(int, notify=changed)
    def currentCount(self) -> int:
        return len(self._pages(self._current))

    @Property(bool, notify=changed)
    def busy(self) -> bool:
        return self._busy

    @Property(str, notify=changed)
    def problem(self) -> str:
        return self._t(self._problem)

    @Property(int, notify=frameChanged)
    def frameNo(self) -> int:
        return self._preview.frame_no

    @Property(bool, notify=frameChanged)
    def hasFrame(self) -> bool:
        return self._preview.has_frame

    @Property(str, constant=True)
    def previewSource(self) -> str:
        return f"image://{PROVIDER}/"

    # ---- the capture screen

    @Slot(int)
    def open(self, index: int) -> None:
        names = self._capturable()
        if not 0 <= index < len(names):
            return
        self._current, self._problem = names[index], None
        self.changed.emit()
        self._start_preview()
        self._shell.open("photograph")

    def _camera(self):
        return self._core.devices.get("camera")

    def _start_preview(self) -> None:
        self._end_preview()
        camera = self._camera()
        if camera is None:
            self._problem = NO_CAMERA
            self.changed.emit()
            return
        self._preview.start(camera)

    @Slot()
    def shoot(self) -> None:
        camera = self._camera()
        frame = camera.latest() if camera is not None else None
        if self._busy or not self._current:
            return
        if frame is None:
            self._problem = NO_CAMERA
            self.changed.emit()
            return
        if len(self._pages(self._current)) >= MAX_PER_MATERIAL:
            self._problem = TOO_MANY
            self.changed.emit()
            return
        self._busy, self._problem = True, None
        self.changed.emit()
        key, image, gen = (self._service(), self._current), frame.image.copy(), self._core.session.generation

        def work() -> None:
            try:
                data = encode_jpeg(image)
            except Exception:
                log.exception("material photo could not be encoded")
                data = None
            self._shot_posted.emit((key, data), gen)

        threading.Thread(target=work, name="material-photo", daemon=True).start()

    def _on_shot(self, shot: tuple, generation: int) -> None:
        if generation != self._core.session.generation:
            return  # the visitor has gone: the picture is dropped unseen
        key, data = shot
        self._busy = False
        if data is None:
            self._problem = NO_CAMERA
        else:
            self._core.visit.photos.setdefault(key, []).append(data)
            log.info("material photo taken (%d KB)", len(data) // 1024)  # what it shows is never logged
        self.changed.emit()

    @Slot()
    def removeLast(self) -> None:
        pages = self._pages(self._current)
        if pages:
            pages.pop()
            self._problem = None
            self.changed.emit()

    @Slot()
    def done(self) -> None:
        """Leaving the capture screen: the camera stops feeding the preview and the last picture is forgotten."""
        self._end_preview()
        self._current = ""
        self.changed.emit()
        if self._shell.currentScreen == SCREEN:
            self._shell.back()

    def _end_preview(self) -> None:
        self._preview.stop()

    @Slot()
    def clear(self) -> None:
        """Session wipe: every photo and the preview are forgotten."""
        self._end_preview()
        self._current, self._problem, self._busy = "", None, False  # the photos went with the visit
        self.changed.emit()
