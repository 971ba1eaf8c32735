"""适老化 measured on a live QML window: text pixel size, touch-target size, contrast against what is painted
behind, line spacing, each against the numbers of ../shared/DESIGN.md; and every button label inside its button
("fits": how far a label reaches out, in dp, negated)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QAccessible
from PySide6.QtQuick import QQuickItem, QQuickWindow

from tests.helpers.contrast import samples

# not the citizen's: the technician's simulator tab and panel, staff's hidden hold-to-enter spot; the on-screen keyboard's keys are sized by its
# own style (tests/unit/ui/test_keyboard_size.py measures them)
NOT_MEASURED = ("simTrayButton", "simTrayPanel", "maintenanceEntry", "inputPanel")
INTERACTIVE = ("QQuickAbstractButton", "QQuickTextInput", "QQuickTextEdit", "QQuickMouseArea")
TEXTS = ("QQuickText", "QQuickTextInput", "QQuickTextEdit")


@dataclass(frozen=True)
class Rules:
    """The numbers one mode must meet (dp; contrast as WCAG ratios; line spacing as a multiple of the size)."""

    body_dp: float
    heading_dp: float | None
    target_dp: float
    contrast: tuple[float, float]  # body text, large text (>= 24 dp, or bold >= 18.7 dp)
    line_spacing: float | None


# DESIGN.md, "Elderly mode and accessibility numbers": body >= 18 dp, main headings >= 30 dp, targets >= 60x60 dp,
# contrast >= 4.5:1 (3:1 large), line spacing >= 1.3x. Normal mode: targets >= 44x44 dp and the same contrast;
# DESIGN.md gives elderly body text as "about 1.4x normal", so no normal text is below 18 / 1.4 rounded down, 12 dp
ELDERLY = Rules(18.0, 30.0, 60.0, (4.5, 3.0), 1.3)
NORMAL = Rules(12.0, None, 44.0, (4.5, 3.0), None)


@dataclass(frozen=True)
class Finding:
    check: str  # "text", "heading", "target", "contrast", "spacing", "fits"
    what: str  # the words, or the object's name
    where: str  # object names up the tree
    value: float
    need: float

    @property
    def ok(self) -> bool:
        return self.value + 0.005 >= self.need


def _label(item: QQuickItem) -> str:
    names = []
    while item is not None and len(names) < 3:
        if item.objectName():
            names.append(item.objectName())
        item = item.parentItem()
    return "/".join(names) or "-"


def _shown(item: QQuickItem, window: QQuickWindow) -> bool:
    """Visible, not transparent, with an area, at least partly inside the window and not clipped away (the window
    is passed in: a wrapper from item.window() deletes the window when Python drops it)."""
    if not item.isVisible() or item.width() <= 0 or item.height() <= 0:
        return False
    node = item
    while node is not None:
        if node.opacity() == 0:
            return False
        node = node.parentItem()
    area = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
    if not area.intersects(QRectF(0, 0, window.width(), window.height())):
        return False
    middle = area.center()
    parent = item.parentItem()
    while parent is not None:
        if parent.clip() and not parent.mapRectToScene(QRectF(0, 0, parent.width(), parent.height())).contains(middle):
            return False
        parent = parent.parentItem()
    return True


def _measured(root: QQuickItem):
    """Every item under `root` that a citizen can see, outside the parts not measured here."""
    todo = [root]
    while todo:
        item = todo.pop()
        if item.objectName() in NOT_MEASURED or not item.isVisible():
            continue
        yield item
        todo.extend(item.childItems())


def _heading(item: QQuickItem) -> bool:
    iface = QAccessible.queryAccessibleInterface(item)
    return iface is not None and iface.role() == QAccessible.Role.Heading


def _button_of(item: QQuickItem) -> QQuickItem | None:
    parent = item.parentItem()
    while parent is not None and not parent.inherits("QQuickAbstractButton"):
        parent = parent.parentItem()
    return parent


def _outside(item: QQuickItem, box: QQuickItem) -> float:
    """How far (dp-independent px) the item's box reaches out of `box`, 0 when it lies inside."""
    a = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
    b = box.mapRectToScene(QRectF(0, 0, box.width(), box.height()))
    return max(0.0, b.left() - a.left(), a.right() - b.right(), b.top() - a.top(), a.bottom() - b.bottom())


def _interactive(item: QQuickItem) -> bool:
    if not item.isEnabled():
        return False
    if any(item.inherits(c) for c in INTERACTIVE):
        return True
    return any(child.inherits("QQuickTapHandler") for child in item.children())


def measure(window: QQuickWindow, root: QQuickItem, dp: float, rules: Rules) -> list[Finding]:
    """One finding per measured thing under `root`: each text's size (and spacing when it wraps), each touch
    target's smaller side, each text's contrast against the colours painted behind it."""
    QAccessible.setActive(True)  # the heading role is read through the accessibility interface
    for item in _measured(root):  # layouts that changed since the last frame settle now, not mid-measurement
        item.ensurePolished()
    found: list[Finding] = []
    for item in _measured(root):
        if not _shown(item, window):
            continue
        if any(item.inherits(c) for c in TEXTS):
            words = str(item.property("text") or "").strip()
            if words:
                what = words.replace("\n", " ")[:24]
                size = item.property("font").pixelSize() / dp
                found.append(Finding("text", what, _label(item), round(size, 1), rules.body_dp))
                if rules.heading_dp is not None and _heading(item):
                    found.append(Finding("heading", what, _label(item), round(size, 1), rules.heading_dp))
                lines = item.property("lineCount") if item.inherits("QQuickText") else 1
                if rules.line_spacing is not None and lines and lines > 1:
                    spacing = item.property("contentHeight") / lines / item.property("font").pixelSize()
                    found.append(Finding("spacing", what, _label(item), round(spacing, 2), rules.line_spacing))
                button = _button_of(item)
                if button is not None:  # a label spilling out of its button (the button too small for it)
                    found.append(Finding("fits", what, _label(item), -round(_outside(item, button) / dp, 1), 0.0))
        if _interactive(item):
            area = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
            smaller = min(area.width(), area.height()) / dp
            name = item.objectName() or str(item.property("text") or "")[:24] or item.metaObject().className()
            found.append(Finding("target", name, _label(item), round(smaller, 1), rules.target_dp))
    for s in samples(window, root, dp, needed=rules.contrast):
        if not any(part in NOT_MEASURED for part in s.where.split("/")):
            found.append(Finding("contrast", s.text, s.where, s.ratio, s.needed))
    return found


def table(findings: list[Finding], title: str) -> str:
    """Per check: how many were measured, the worst one, what is needed; then every violation."""
    by_check: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_check[f.check].append(f)
    out = [f"== {title}", f"  {'check':<9}{'n':>4} {'worst':>7} {'need':>6}  {'':2}worst item"]
    for check in ("text", "heading", "target", "contrast", "spacing", "fits"):
        rows = by_check.get(check)
        if not rows:
            continue
        worst = min(rows, key=lambda f: f.value - f.need)
        bad = sum(not f.ok for f in rows)
        out.append(f"  {check:<9}{len(rows):>4} {worst.value:>7.2f} {worst.need:>6.1f}  "
                   f"{'!!' if bad else 'ok'} {worst.what!r} [{worst.where}]" + (f"  ({bad} below)" if bad else ""))
    for f in findings:
        if not f.ok:
            out.append(f"  !! {f.check}: {f.what!r} {f.value} < {f.need} [{f.where}]")
    return "\n".join(out)
