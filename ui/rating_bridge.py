"""The rating screen's view-model (好差评): the national five-step scale, queued like applications; a bad score
first asks what went wrong (reason tags, all optional)."""

from __future__ import annotations

import logging

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk import application as use
from kiosk.app import KioskCore
from kiosk.i18n import Problem
from protocol.ratings import is_bad
from ui.bridge import Bridge, registered
from ui.shell import Shell

log = logging.getLogger(__name__)

IDLE, TAGS, BUSY, DONE, FAILED = "", "tags", "busy", "done", "failed"


@registered
class RatingBridge(Bridge):
    changed = Signal()

    def __init__(self, core: KioskCore, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(core, shell, parent)
        self._rating: tuple[str, Problem | None] = (IDLE, None)
        self._score, self._chosen = 0, []  # a bad score waiting for its tags; the tags chosen so far, in order
        shell.languageChanged.connect(self.changed)
        core.session.register_wipe("ui-rating", self.clear)

    @Property("QVariantList", notify=changed)
    def ratings(self) -> list[dict]:
        from kiosk.submissions import RATINGS  # the queue stack loads after the first frame, not with the UI

        return [{"score": s, "text": self._t(t)} for s, t in RATINGS.items()]

    @Property("QVariantList", notify=changed)
    def tags(self) -> list[dict]:
        from kiosk.submissions import RATING_TAGS

        return [{"code": c, "text": self._t(t), "chosen": c in self._chosen} for c, t in RATING_TAGS.items()]

    @Property(str, notify=changed)
    def ratingState(self) -> str:
        """"" (choose a score), "tags" (a bad score: what went wrong?), "busy", "done" or "failed"."""
        return self._rating[0]

    @Property(str, notify=changed)
    def chosenScore(self) -> str:
        """The words of the bad score whose tags are being chosen."""
        from kiosk.submissions import RATINGS

        return self._t(RATINGS[self._score]) if self._score in RATINGS else ""

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
            return self._core.catalog.catalog.item(visit.form.code, self._shell.language).name
        except Exception:  # an item dropped by a catalog update: the rating still counts
            return ""

    @Slot(int)
    def rate(self, score: int) -> None:
        """A good score is queued at once; a bad one asks for its tags first (submitTags sends it)."""
        from kiosk.submissions import RATINGS

        if self._rating[0] != IDLE or score not in RATINGS:
            return
        if is_bad(score):
            self._score, self._chosen = score, []
            self._rated((TAGS, None))
            return
        self._send(score, [])

    @Slot(str)
    def toggleTag(self, code: str) -> None:
        from kiosk.submissions import RATING_TAGS

        if self._rating[0] != TAGS or code not in RATING_TAGS:
            return
        self._chosen = [c for c in self._chosen if c != code] if code in self._chosen else self._chosen + [code]
        self.changed.emit()

    @Slot()
    def submitTags(self) -> None:
        if self._rating[0] == TAGS:
            self._send(self._score, list(self._chosen))

    @Slot()
    def chooseAgain(self) -> None:
        """Back from the tags to the scale: the citizen changed their mind about the score."""
        if self._rating[0] == TAGS:
            self._score, self._chosen = 0, []
            self._rated((IDLE, None))

    def _send(self, score: int, tags: list[str]) -> None:
        submissions, tracking = self._core.submissions, self._core.visit.tracking or None
        if submissions is None:
            self._rated((FAILED, use.RATE_FAILED))
            return
        self._rated((BUSY, None))
        self.run("rate", lambda: submissions.rate(score, tracking, tags=tags), lambda _id: self._rated((DONE, None)),
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
        self._score, self._chosen = 0, []
        self.changed.emit()
