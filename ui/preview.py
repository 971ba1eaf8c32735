"""Live camera pictures for QML: the newest frame, shared between the camera thread and an image provider."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
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
