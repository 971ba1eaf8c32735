"""On-screen QR codes for QML: texts registered under a short key, drawn with the `qrcode` package on request."""

from __future__ import annotations

import hashlib
import threading

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtQuick import QQuickImageProvider

PROVIDER = "kioskqr"
DEFAULT_PX = 360  # when QML asks for no particular size


class QrTexts:
    """Key -> text; the key (not the text) travels in the image URL, so URLs stay short and carry no content."""

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}
        self._lock = threading.Lock()  # QML may request images from its own loader thread

    def source(self, text: str) -> str:
        """The `image://` URL QML puts in Image.source; "" for no text."""
        if not text:
            return ""
        key = hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]
        with self._lock:
            self._texts[key] = text
        return f"image://{PROVIDER}/{key}"

    def get(self, key: str) -> str:
        with self._lock:
            return self._texts.get(key, "")

    def clear(self) -> None:
        with self._lock:
            self._texts.clear()


def qr_image(text: str, target_px: int = DEFAULT_PX) -> QImage:
    """A black-on-white QR (medium error correction, 4-module quiet zone) scaled by whole modules."""
    import numpy as np  # loaded with the first QR, not with the kiosk
    import qrcode

    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    qr.add_data(text)
    qr.make(fit=True)
    modules = np.array(qr.get_matrix(), dtype=bool)
    scale = max(2, target_px // modules.shape[0])  # whole pixels per module keep the edges sharp for scanners
    pixels = np.where(np.kron(modules, np.ones((scale, scale), dtype=bool)), 0, 255).astype(np.uint8)
    pixels = np.ascontiguousarray(pixels)
    h, w = pixels.shape
    return QImage(pixels.data, w, h, w, QImage.Format.Format_Grayscale8).copy()


class QrProvider(QQuickImageProvider):
    def __init__(self, texts: QrTexts) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)
        self._texts = texts

    def requestImage(self, image_id: str, size: QSize, requested: QSize) -> QImage:  # noqa: N802 (Qt name)
        text = self._texts.get(image_id.split("?")[0])
        if text:
            want = max(requested.width(), requested.height()) if requested and requested.isValid() else DEFAULT_PX
            image = qr_image(text, want if want > 0 else DEFAULT_PX)
        else:  # forgotten after a wipe: a small white square instead of a QML warning
            image = QImage(8, 8, QImage.Format.Format_Grayscale8)
            image.fill(Qt.GlobalColor.white)
        if size is not None:
            size.setWidth(image.width())
            size.setHeight(image.height())
        return image
