"""The 亲友代办 screen's view-model: for oneself, or the details of the person a helper applies for."""

from __future__ import annotations

import logging

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk import proxy
from kiosk.app import KioskCore
from ui.bridge import Bridge, registered
from ui.shell import Shell

log = logging.getLogger(__name__)


@registered
class ApplyForBridge(Bridge):
    """Who an application is for, chosen after the helper's own identification; the form (ApplyBridge) follows."""

    changed = Signal()

    def __init__(self, core: KioskCore, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(core, shell, parent)
        self._errors: dict = {}  # field -> kiosk.i18n.Text, from the last check of the principal
        shell.languageChanged.connect(self.changed)
        core.session.register_wipe("ui-apply-for", self.clear)

    @Property("QVariantList", notify=changed)
    def relations(self) -> list[dict]:
        """How the helper may be related to the person they apply for: the value recorded, the words shown."""
        return [{"value": key, "label": self._t(words)} for key, words in proxy.RELATIONS.items()]

    @Property("QVariantMap", notify=changed)
    def principalErrors(self) -> dict:
        return {k: self._t(v) for k, v in self._errors.items()}

    @Slot()
    def forSelf(self) -> None:
        """本人办理: the card holder applies for themselves (anything typed for someone else is dropped)."""
        identity = self._core.visit.verified()
        if identity is None or not self._core.visit.apply_for(identity, None):
            self._shell.rewind("Identify")
            return
        self.clear()
        self._shell.open("fill_form")

    @Slot(str, str, str, str, result=bool)
    def forSomeoneElse(self, name: str, id_number: str, relation: str, phone: str) -> bool:
        """为他人代办: the details the helper typed, checked; on to the form filled with them when they are right."""
        visit = self._core.visit
        identity = visit.verified()
        if identity is None:
            self._shell.rewind("Identify")
            return False
        principal, self._errors = proxy.check(name, id_number, relation, phone, identity.identity.id_number)
        self.changed.emit()
        if principal is None:
            log.info("principal details need fixing: %s", ", ".join(sorted(self._errors)))
            return False
        self._core.session.remember_personal(principal.name)  # masked in any log line that repeats it
        if not visit.apply_for(identity, principal):
            self._shell.rewind("Identify")
            return False
        self._shell.open("fill_form")
        return True

    @Slot()
    def clear(self) -> None:
        """Session wipe (and 本人办理): no message about a former visitor's typing stays."""
        self._errors = {}
        self.changed.emit()
