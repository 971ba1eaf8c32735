"""WCAG contrast of the texts on a live QML screen: each Text's colour against the rectangles (plain or with a
vertical gradient) painted under it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor
from PySide6.QtQuick import QQuickItem, QQuickWindow
from shiboken6 import getCppPointer

LARGE_DP, LARGE_BOLD_DP = 24.0, 18.7  # WCAG "large text" (18 pt, 14 pt bold) in our dp


def luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def ratio(a: QColor, b: QColor) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def over(top: QColor, alpha: float, under: QColor) -> QColor:
    """`top` painted with `alpha` over an opaque `under`."""
    mix = lambda t, u: t * alpha + u * (1 - alpha)  # noqa: E731
    return QColor.fromRgbF(mix(top.redF(), under.redF()), mix(top.greenF(), under.greenF()),
                           mix(top.blueF(), under.blueF()))


@dataclass
class Sample:
    text: str
    size_dp: float
    bold: bool
    colour: str
    background: str
    ratio: float
    needed: float
    where: str

    @property
    def ok(self) -> bool:
        return self.ratio + 0.005 >= self.needed


def _opacity(item: QQuickItem) -> float:
    o = 1.0
    while item is not None:
        o *= item.opacity()
        item = item.parentItem()
    return o


def _paint_order(item: QQuickItem):
    """Items in the order Qt Quick paints them: negative-z children, the item, then the others by z."""
    if not item.isVisible() or item.opacity() == 0:
        return
    kids = sorted(enumerate(item.childItems()), key=lambda p: (p[1].z(), p[0]))
    for _, k in kids:
        if k.z() < 0:
            yield from _paint_order(k)
    yield item
    for _, k in kids:
        if k.z() >= 0:
            yield from _paint_order(k)


def _fill_at(rect: QQuickItem, area: QRectF, point: QPointF) -> QColor:
    """The colour a Rectangle paints at `point`: its colour, or its gradient there (stops are the gradient's
    children; vertical, Qt's default and the only orientation the kiosk uses)."""
    gradient = rect.property("gradient")
    if gradient is None or not gradient.isQObject():
        return QColor(rect.property("color"))
    stops = sorted(((s.property("position"), QColor(s.property("color"))) for s in gradient.toQObject().children()),
                   key=lambda s: s[0])
    at = (point.y() - area.top()) / area.height() if area.height() else 0.0
    below = [s for s in stops if s[0] <= at] or stops[:1]
    above = [s for s in stops if s[0] >= at] or stops[-1:]
    (p0, c0), (p1, c1) = below[-1], above[0]
    t = 0.0 if p1 == p0 else (at - p0) / (p1 - p0)
    mix = lambda a, b: a + (b - a) * t  # noqa: E731
    return QColor.fromRgbF(mix(c0.redF(), c1.redF()), mix(c0.greenF(), c1.greenF()), mix(c0.blueF(), c1.blueF()),
                           mix(c0.alphaF(), c1.alphaF()))


def _scene_rect(item: QQuickItem) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def _clipped_away(item: QQuickItem, point: QPointF) -> bool:
    parent = item.parentItem()
    while parent is not None:
        if parent.clip() and not _scene_rect(parent).contains(point):
            return True
        parent = parent.parentItem()
    return False


def _label(item: QQuickItem) -> str:
    names = []
    while item is not None and len(names) < 3:
        if item.objectName():
            names.append(item.objectName())
        item = item.parentItem()
    return "/".join(names)


def samples(window: QQuickWindow, root: QQuickItem, dp: float, elderly: bool = False,
            needed: tuple[float, float] | None = None) -> list[Sample]:
    """Every visible, non-empty Text under `root`, with the colour really behind its middle.

    Thresholds (body, large): 4.5:1 for body text, 3:1 for large text (>= 24 dp, or bold >= 18.7 dp); elderly mode
    promises more: 7:1 and 4.5:1 (WCAG AAA); `needed` sets others.
    """
    inside = set()
    todo = [root]
    while todo:
        it = todo.pop()
        inside.add(getCppPointer(it)[0])  # Python wrappers come and go; the C++ object stays
        todo.extend(it.childItems())
    base = QColor(window.color())
    rects: list[tuple[QQuickItem, QRectF]] = []
    found: list[Sample] = []
    for item in _paint_order(window.contentItem()):
        cls = item.metaObject().className()
        if cls.startswith("QQuickRectangle"):
            gradient = item.property("gradient")
            painted = QColor(item.property("color")).alpha() > 0 or (gradient is not None and gradient.isQObject())
            if painted and item.width() > 0 and item.height() > 0:
                rects.append((item, _scene_rect(item)))
            continue
        if getCppPointer(item)[0] not in inside or not item.inherits("QQuickText"):
            continue
        text = str(item.property("text") or "").strip()
        if not text or item.width() <= 0 or item.height() <= 0:
            continue
        r = _scene_rect(item)
        # the middle of the first line: multi-line texts are checked where their ink starts
        line = min(r.height(), item.property("font").pixelSize() * 1.2)
        point = QPointF(r.center().x(), r.top() + line / 2)
        if _clipped_away(item, point) or not QRectF(0, 0, window.width(), window.height()).contains(point):
            continue
        behind = base
        for rect, area in rects:
            if area.contains(point):
                colour = _fill_at(rect, area, point)
                behind = over(colour, colour.alphaF() * _opacity(rect), behind)
        fg = QColor(item.property("color"))
        shown = over(fg, fg.alphaF() * _opacity(item), behind)
        size = item.property("font").pixelSize() / dp
        bold = item.property("font").bold()
        large = size >= LARGE_DP - 0.05 or (bold and size >= LARGE_BOLD_DP - 0.05)
        body, big = needed or ((7.0, 4.5) if elderly else (4.5, 3.0))
        need = big if large else body
        found.append(Sample(text.replace("\n", " ")[:24], round(size, 1), bold, shown.name(), behind.name(),
                            round(ratio(shown, behind), 2), need, _label(item)))
    return found


def table(rows: list[Sample], title: str) -> str:
    out = [f"== {title}", f"{'ratio':>6} {'need':>4} {'dp':>5} {'fg':>8} {'bg':>8}  text"]
    for s in rows:
        mark = "  " if s.ok else "!!"
        out.append(f"{s.ratio:6.2f} {s.needed:4.1f} {s.size_dp:5.1f} {s.colour:>8} {s.background:>8} {mark}"
                   f"{s.text}  [{s.where}]")
    return "\n".join(out)
