"""Live camera pictures for QML: the newest frame, shared between the camera thread and an image provider."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtQuick import QQuickImageProvider

if TYPE_CHECKING:  # OpenCV and numpy load with the first picture, not with the kiosk
    import numpy as np


class FrameStore:
    """The newest preview frame, shared by the camera thread (writer) and the image provider (reader).

    Kept apart from the provider because the QML engine owns and deletes the provider at shutdown, while
    the session wipe that clears this store runs later.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._image = QImage()

    def put(self, image: QImage) -> None:
        with self._lock:
            self._image = image

    def clear(self) -> None:
        self.put(QImage())

    def get(self) -> QImage:
        with self._lock:
            return self._image


class LivePreview(QObject):
    """A camera's pictures into a FrameStore while someone looks: at most one picture waits for QML (no backlog on
    a slow screen), and `shown` is emitted on the GUI thread for each one QML should fetch."""

    _posted = Signal(int)
    shown = Signal()

    def __init__(self, store: FrameStore, generation: Callable[[], int], mirror: bool,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store, self._generation, self.mirror = store, generation, mirror
        self._unsubscribe: Callable[[], None] | None = None
        self._pending = False
        self._lock = threading.Lock()
        self.frame_no = 0
        self._posted.connect(self._on_posted, Qt.ConnectionType.QueuedConnection)

    @property
    def has_frame(self) -> bool:
        return not self._store.get().isNull()

    def start(self, camera: Any) -> None:
        """Pictures from `camera` (anything with subscribe(listener) -> unsubscribe) until stop()."""
        self.stop()
        with self._lock:
            self._unsubscribe = camera.subscribe(self._frame)

    def stop(self) -> None:
        """No more pictures, and the last one is forgotten."""
        with self._lock:
            if self._unsubscribe is not None:
                self._unsubscribe()
                self._unsubscribe = None
            self._pending = False
            self._store.clear()
        self.frame_no = 0
        self.shown.emit()

    def _frame(self, frame: Any) -> None:
        """Camera thread: convert only when QML took the previous picture."""
        with self._lock:
            if self._unsubscribe is None or self._pending:
                return
            self._pending = True
            self._store.put(to_qimage(frame.image, self.mirror))
        self._posted.emit(self._generation())

    def _on_posted(self, generation: int) -> None:
        with self._lock:
            self._pending = False
            live = self._unsubscribe is not None
        if live and generation == self._generation():
            self.frame_no += 1
            self.shown.emit()


class PreviewProvider(QQuickImageProvider):
    """Hands QML the newest preview frame; frames are never written to disk."""

    def __init__(self, store: FrameStore) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)
        self._store = store

    def requestImage(self, image_id: str, size: QSize, requested: QSize) -> QImage:  # noqa: N802 (Qt name)
        image = self._store.get()
        if image.isNull():  # nothing to show (after a wipe): a tiny black picture instead of a QML warning
            image = QImage(4, 3, QImage.Format.Format_RGB888)
            image.fill(Qt.GlobalColor.black)
        if size is not None:
            size.setWidth(image.width())
            size.setHeight(image.height())
        return image


def to_qimage(bgr: np.ndarray, mirror: bool) -> QImage:
    """BGR camera array -> QImage that owns its pixels, flipped left-right when the screen acts as a mirror."""
    import cv2
    import numpy as np

    if mirror:
        bgr = cv2.flip(bgr, 1)
    bgr = np.ascontiguousarray(bgr)
    h, w = bgr.shape[:2]
    return QImage(bgr.data, w, h, 3 * w, QImage.Format.Format_BGR888).copy()
