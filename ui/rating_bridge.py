"""The rating screen's view-model (好差评): the national five-step scale, queued like applications."""

from __future__ import annotations

import logging

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk import application as use
from kiosk.app import KioskCore
from kiosk.i18n import Problem
from ui.bridge import Bridge, registered
from ui.shell import Shell

log = logging.getLogger(__name__)

IDLE, BUSY, DONE, FAILED = "", "busy", "done", "failed"


@registered
class RatingBridge(Bridge):
    changed = Signal()

    def __init__(self, core: KioskCore, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(core, shell, parent)
        self._rating: tuple[str, Problem | None] = (IDLE, None)
        shell.languageChanged.connect(self.changed)
        core.session.register_wipe("ui-rating", self.clear)

    @Property("QVariantList", notify=changed)
    def ratings(self) -> list[dict]:
        from kiosk.submissions import RATINGS  # the queue stack loads after the first frame, not with the UI

        return [{"score": s, "text": self._t(t)} for s, t in RATINGS.items()]

    @Property(str, notify=changed)
    def ratingState(self) -> str:
        return self._rating[0]

    @Property(str, notify=changed)
    def ratingProblem(self) -> str:
        return self._t(self._rating[1].citizen) if self._rating[1] else ""

    @Property(str, notify=changed)
    def ratedService(self) -> str:
        """The matter being rated, when the rating follows an application of this visit."""
        visit = self._core.visit
        if not visit.tracking or visit.form is None:
            return ""
        try:
            return self._core.catalog.catalog.item(visit.form.code).name
        except Exception:  # an item dropped by a catalog update: the rating still counts
            return ""

    @Slot(int)
    def rate(self, score: int) -> None:
        from kiosk.submissions import RATINGS

        if self._rating[0] in (BUSY, DONE) or score not in RATINGS:
            return
        submissions, tracking = self._core.submissions, self._core.visit.tracking or None
        if submissions is None:
            self._rated((FAILED, use.RATE_FAILED))
            return
        self._rated((BUSY, None))
        self.run("rate", lambda: submissions.rate(score, tracking), lambda _id: self._rated((DONE, None)),
                 self._failed)

    def _failed(self, exc: Exception) -> None:
        log.error("rating could not be queued: %s", type(exc).__name__)
        self._rated((FAILED, use.RATE_FAILED))

    def _rated(self, outcome: tuple) -> None:
        if outcome[0] in (DONE, FAILED):
            self._core.visit.rated = True  # the citizen did their part; they are not asked again
        self._rating = outcome
        self.changed.emit()

    def clear(self) -> None:
        self._rating = (IDLE, None)
        self.changed.emit()
