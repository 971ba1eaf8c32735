"""The 词语解释 screen's view-model: the glossary's terms in the screen's language, or why they cannot be shown."""

from __future__ import annotations

import logging

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk import glossary
from kiosk.app import KioskCore
from ui.bridge import Bridge, registered
from ui.shell import Shell

log = logging.getLogger(__name__)


@registered
class GlossaryBridge(Bridge):
    changed = Signal()

    def __init__(self, core: KioskCore, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(core, shell, parent)
        self.path = glossary.GLOSSARY_FILE  # tests point it at a broken file
        self._terms: list[glossary.Term] | None = None
        self._problem: glossary.Problem | None = None
        shell.languageChanged.connect(self.changed)

    @Slot()
    def load(self) -> None:
        """Read the file when the screen opens (a small file; a fixed one is picked up without a restart)."""
        try:
            self._terms, self._problem = glossary.load(self.path), None
        except glossary.GlossaryError as exc:
            self._terms, self._problem = [], glossary.problem(exc)
            log.error("glossary unavailable: %s", exc)
        self.changed.emit()

    @Property("QVariantList", notify=changed)
    def terms(self) -> list[dict]:
        # key: the Chinese word, which another screen names to open the list at that term
        return [{"key": t.term.zh, "term": self._t(t.term), "plain": self._t(t.plain)} for t in self._terms or []]

    @Property(str, notify=changed)
    def problem(self) -> str:
        return self._t(self._problem.citizen) if self._problem else ""
