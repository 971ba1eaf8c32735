"""Exposes the simulator tray (drivers.simtray via the kiosk core) to QML as plain lists."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Property, QObject, QUrl, Signal, Slot

from kiosk.app import SimTray  # the core's tray seam (ui/ stays off drivers/)
from ui.bridge import registered

log = logging.getLogger(__name__)

SECTION_TITLES = {"idcard": "身份证读卡器", "camera": "摄像头", "printer": "打印机", "smartcard": "社保卡读卡器"}


@registered
class SimTrayBridge(QObject):
    changed = Signal()
    _changed_elsewhere = Signal()  # device threads notify; a queued hop brings it to the GUI thread

    def __init__(self, tray: SimTray, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tray = tray
        self._changed_elsewhere.connect(self.changed)
        tray.subscribe(self._changed_elsewhere.emit)

    @Property(bool, notify=changed)
    def active(self) -> bool:
        return self._tray.active

    @Property("QVariantList", notify=changed)
    def sections(self) -> list[dict]:
        out: dict[str, dict] = {}
        for c in self._tray.choices:
            sec = out.setdefault(c.section, {"section": c.section, "title": SECTION_TITLES.get(c.section, c.section),
                                             "choices": [], "pictures": []})
            try:
                options = [{"value": v, "label": label} for v, label in c.options()]
                current = c.get()
            except Exception as e:  # a simulator in trouble shows its fault instead of hiding the tray
                log.exception("simulator control %s.%s failed", c.section, c.key)
                options, current = [], f"error: {e}"
            sec["choices"].append({"key": c.key, "label": c.label, "value": current, "options": options})
        for p in self._tray.pictures:
            sec = out.setdefault(p.section, {"section": p.section, "title": SECTION_TITLES.get(p.section, p.section),
                                             "choices": [], "pictures": []})
            path = p.path()
            url = QUrl.fromLocalFile(path).toString() if path and Path(path).exists() else ""
            # a changing query makes QML reload the same file name after a new receipt
            stamp = int(Path(path).stat().st_mtime_ns) if url else 0
            sec["pictures"].append({"key": p.key, "label": p.label, "url": f"{url}?{stamp}" if url else ""})
        return list(out.values())

    @Slot(str, str, str)
    def choose(self, section: str, key: str, value: str) -> None:
        try:
            self._tray.choose(section, key, value)
        except Exception:
            log.exception("simulator control %s.%s refused %s", section, key, value)
        self.changed.emit()

    @Slot()
    def refresh(self) -> None:
        self.changed.emit()
