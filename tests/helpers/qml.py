"""Drive the QML UI like a finger: find items by objectName, tap their centre, wait for screens, grab PNGs."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest


def _items(window: QQuickWindow):
    """Every item of the visual tree; Repeater delegates have no QObject parent, so findChild misses them."""
    todo = [window.contentItem()]
    while todo:
        item = todo.pop()
        yield item
        todo.extend(item.childItems())


def find(window: QQuickWindow, name: str) -> QQuickItem | None:
    found = window.findChild(QObject, name)
    if found is not None:
        return found  # type: ignore[return-value]
    return next((i for i in _items(window) if i.objectName() == name), None)


def find_visible(window: QQuickWindow, name: str) -> QQuickItem | None:
    """The visible item of that name (StackView keeps hidden screens around)."""
    for item in _items(window):
        if item.objectName() == name and item.isVisible() and item.width() > 0:
            return item
    return None


def centre(item: QQuickItem) -> QPoint:
    p = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
    return QPoint(int(p.x()), int(p.y()))


_last_tap = [0.0]


def tap(qtbot, window: QQuickWindow, name: str, timeout: int = 10_000) -> QQuickItem:
    """Waits until the item is visible and no screen is sliding in (an item in motion takes no tap where it
    is drawn: a busy machine only makes the slide slower), then presses and releases at its centre."""
    holder: list[QQuickItem] = []
    stack = find(window, "screenStack")

    def ready() -> None:
        item = find_visible(window, name)
        assert item is not None, f"no visible item {name!r}"
        assert item.width() > 0 and item.height() > 0
        assert stack is None or not stack.property("busy"), "a screen transition is running"
        holder[:] = [item]

    qtbot.waitUntil(ready, timeout=timeout)
    if _scroll_into_view(holder[0]):
        qtbot.wait(50)
    # two quick taps would reach Qt as a double click, which buttons do not take as a click
    gap = QGuiApplication.styleHints().mouseDoubleClickInterval() + 20
    wait = _last_tap[0] + gap / 1000 - time.monotonic()
    if wait > 0:
        qtbot.wait(int(wait * 1000) + 1)
    _last_tap[0] = time.monotonic()
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre(holder[0]))
    return holder[0]


def _scroll_into_view(item: QQuickItem) -> bool:
    """Scrolls the nearest Flickable holding the item so all of it shows, as a citizen would; True if it moved."""
    parent = item.parentItem()
    while parent is not None and parent.property("contentY") is None:
        parent = parent.parentItem()
    if parent is None:
        return False
    flick = parent
    top = item.mapToItem(flick, QPointF(0, 0)).y()
    view = flick.height()
    if 0 <= top and top + item.height() <= view:
        return False
    content_y = flick.property("contentY")
    target = content_y + top - max(0.0, (view - item.height()) / 2)
    limit = max(0.0, flick.property("contentHeight") - view)
    flick.setProperty("contentY", min(max(0.0, target), limit))
    return True


def settle(qtbot, ms: int = 400) -> None:
    """Lets transitions finish so a screenshot shows the resting screen."""
    qtbot.wait(ms)
    QGuiApplication.processEvents()


def grab(window: QQuickWindow, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = window.grabWindow()
    assert not image.isNull(), "grabWindow returned nothing"
    assert image.save(str(path)), f"cannot save {path}"
    return path


def distinct_colours(path: Path, limit: int = 64) -> int:
    """How many colours a PNG has (capped): a blank or failed render has one or two."""
    from PIL import Image

    with Image.open(path) as im:
        colours = im.convert("RGB").getcolors(limit)
    return limit if colours is None else len(colours)


def focus_ring(window: QQuickWindow, control: QQuickItem) -> QQuickItem:
    """The focus ring drawn around `control` (ui/qml/Kiosk/FocusRing.qml, declared inside the control)."""
    return next(i for i in _items(window) if i.objectName() == "focusRing" and i.parentItem() is control)
