"""The out-of-service screen: a static bilingual notice, shown by kiosk-out-of-service.service; Qt only."""

from __future__ import annotations

import sys

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QRasterWindow

LINES = ("暂停服务，请联系工作人员", "Out of service, please contact staff")
BACKGROUND, TEXT = QColor("#1f2a36"), QColor("#ffffff")


def draw(painter: QPainter, area: QRect) -> None:
    """Both lines centred, sized to the narrow side so they fit portrait and landscape screens alike."""
    painter.fillRect(area, BACKGROUND)
    painter.setPen(TEXT)
    size = max(12, min(area.width(), area.height()) // 16)
    half = area.height() // 2
    for i, (line, scale) in enumerate(zip(LINES, (1.0, 0.6))):
        font = QFont("Noto Sans CJK SC")
        font.setPixelSize(int(size * scale))
        painter.setFont(font)
        box = QRect(area.left(), area.top() + (0 if i == 0 else half), area.width(), half)
        painter.drawText(box, (Qt.AlignBottom if i == 0 else Qt.AlignTop) | Qt.AlignHCenter, line)


class Notice(QRasterWindow):
    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        draw(painter, self.rect())
        painter.end()


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    app.setOverrideCursor(Qt.CursorShape.BlankCursor)
    window = Notice()
    window.showFullScreen()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
