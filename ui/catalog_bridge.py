"""The catalog screens' view-model: browse groups, search as you type, and the guide of each item."""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, Qt, Signal, Slot

from kiosk.app import KioskCore
from kiosk.catalog.errors import UnknownItem
from kiosk.i18n import Text
from ui.bridge import registered
from ui.qr_provider import QrTexts
from ui.shell import Shell

if TYPE_CHECKING:  # the catalog's models load with the catalog, after the first frame
    from kiosk.catalog.catalog import GroupSummary, ItemSummary
    from kiosk.catalog.guide import Guide

log = logging.getLogger(__name__)

MOST_USED = 8  # rows on the 常用 tab: one screenful even in elderly mode


def _here() -> Text:
    # the catalog's models module is imported with the first catalog screen, not before the kiosk's first frame
    from protocol.catalog_schema import HERE

    return HERE


@registered
class CatalogBridge(QObject):
    """Reads CatalogService on the GUI thread (fast, in memory); blocking work runs in workers.

    Print callbacks and ticket numbers arrive on worker threads and reach Qt only through the queued `_posted`
    signal, tagged with the session generation so a former visitor's late callback is dropped.
    """

    _posted = Signal(object, int)  # (what, payload), session generation
    changed = Signal()  # groups, language or catalog: everything bound to `revision` re-reads
    searchChanged = Signal()
    waitingChanged = Signal()

    def __init__(self, core: KioskCore, shell: Shell, qr: QrTexts, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self._shell = shell
        self._qr = qr
        self._revision = 0
        self._search = None  # made with the catalog on first use: the attract screen must not wait for it
        self._service = None
        self._query = ""
        self._results: list[ItemSummary] = []
        self._waiting: dict[str, int | None] = {}  # code -> people waiting at its windows (None: not known)
        self._waiting_revision = 0
        self._posted.connect(self._on_posted, Qt.ConnectionType.QueuedConnection)
        shell.languageChanged.connect(self._bump)
        core.session.register_wipe("ui-catalog", self.clear)

    # ---- helpers

    def _catalog_service(self):
        """core.catalog builds the catalog and its pinyin indexes on first use (~0.4 s)."""
        if self._service is None:
            self._service = self._core.catalog
            self._service.on_catalog_changed(lambda new: self._posted.emit(("catalog", new), -1))
        return self._service

    def _search_session(self):
        if self._search is None:
            self._search = self._catalog_service().catalog.search_session()
        return self._search

    def _lang(self) -> str:
        return self._shell.language

    def _t(self, text: Text | None) -> str:
        return text.get(self._lang()) if text is not None else ""

    def _post(self, what: str, payload: object, generation: int) -> None:
        self._posted.emit((what, payload), generation)

    def _group(self, g: GroupSummary) -> dict:
        return {"kind": g.kind, "code": g.code, "title": self._t(g.title), "hint": g.hint, "count": g.count}

    def _handling(self, handling: Text) -> str:
        """How an item is handled, unless that is "this terminal takes it": the `hereLabel` badge says so once."""
        return "" if handling == _here() else self._t(handling)

    def _item(self, s: ItemSummary) -> dict:
        # why a search result matched (an alias, a misspelling) is not passed on: words the citizen never typed
        return {"code": s.code, "name": s.name, "shortName": s.short_name, "department": s.department,
                "handling": self._handling(s.handling), "here": s.kiosk_can_submit}

    def _bump(self) -> None:
        self._revision += 1
        self.changed.emit()
        self.searchChanged.emit()

    # ---- browsing

    @Property(int, notify=changed)
    def revision(self) -> int:
        """QML bindings that call slots read this first, so they re-run when the language or catalog changes."""
        return self._revision

    @Property(str, notify=changed)
    def hereLabel(self) -> str:
        """The one label for "this terminal takes the application" (lists, guide, printed checklist)."""
        return self._t(_here())

    @Property("QVariantList", notify=changed)
    def themes(self) -> list[dict]:
        return [self._group(g) for g in self._catalog_service().catalog.themes(self._lang())]

    @Property("QVariantList", notify=changed)
    def lifeEvents(self) -> list[dict]:
        return [self._group(g) for g in self._catalog_service().catalog.life_events(self._lang())]

    @Property("QVariantList", notify=changed)
    def departments(self) -> list[dict]:
        return [self._group(g) for g in self._catalog_service().catalog.departments(self._lang())]

    @Property("QVariantList", notify=changed)
    def mostUsed(self) -> list[dict]:
        return [self._item(s) for s in self._catalog_service().catalog.most_used(MOST_USED, self._lang())]

    @Slot(str, str, result="QVariantList")
    def items(self, kind: str, code: str) -> list[dict]:
        try:
            return [self._item(s) for s in self._catalog_service().catalog.items_in(kind, code, self._lang())]
        except ValueError:
            log.warning("unknown group kind %r", kind)
            return []

    # ---- search as you type

    @Property(str, notify=searchChanged)
    def query(self) -> str:
        return self._query

    @Property("QVariantList", notify=searchChanged)
    def results(self) -> list[dict]:
        catalog = self._catalog_service().catalog  # in the current language, which may have changed since typing
        return [self._item(catalog.summary(s.code, s.matched, self._lang()))
                for s in self._results if s.code in catalog]

    @Property(bool, notify=searchChanged)
    def noResult(self) -> bool:
        """Something was typed and nothing matched: the screen offers the themes and staff help."""
        return bool(self._query.strip()) and not self._results

    @Slot(str)
    def search(self, text: str) -> None:
        if text == self._query:
            return
        self._query = text
        limit = self._core.cfg.catalog.search_limit
        self._results = self._search_session().update(text, limit, self._lang()) if text.strip() else []
        self.searchChanged.emit()

    # ---- one item's guide

    @Slot(str, result="QVariantMap")
    def guide(self, code: str) -> dict:
        try:
            g = self._catalog_service().guide(code, self._lang())
        except UnknownItem:  # a stale link after a catalog update
            return {"code": code, "missing": True}
        return self._guide_map(g)

    def _guide_map(self, g: Guide) -> dict:
        w = g.where
        return {
            "code": g.code, "missing": False, "name": g.name, "summary": g.summary,
            "audience": (", " if self._lang().startswith("en") else "、").join(self._t(a) for a in g.audience),
            "handling": self._handling(g.handling), "here": g.kiosk_can_submit, "conditions": list(g.conditions),
            "materials": [{"number": e.number, "name": e.name, "quantity": self._t(e.quantity), "when": e.when,
                           "notes": e.notes, "example": e.example, "capture": e.capture}
                          for e in g.checklist if e.bring],
            "shared": [e.name for e in g.checklist if not e.bring],
            "fees": list(g.fees), "statutory": self._t(g.statutory), "promised": self._t(g.promised),
            "department": self._t(w.department), "location": w.location, "windows": w.windows, "hours": w.hours,
            "phone": w.phone, "queue": w.queue.name, "legalBasis": list(g.legal_basis), "proxy": g.proxy,
        }

    @Slot(str)
    def askWaiting(self, code: str) -> None:
        """Counts the people waiting in the item's queue in a worker (central may take seconds); the 取号 button
        shows the count when it comes (waiting(code), re-read on waitingChanged)."""
        self._waiting.pop(code, None)
        self.waitingChanged.emit()
        generation = self._core.session.generation

        def work() -> None:
            try:
                count = self._catalog_service().waiting_for(code)
            except Exception:  # a missing item or a locked database must not break the guide screen
                log.exception("waiting count failed")
                count = None
            self._post("waiting", (code, count), generation)

        threading.Thread(target=work, name="waiting-count", daemon=True).start()

    @Slot(str, result=int)
    def waiting(self, code: str) -> int:
        """People waiting in the item's queue as last counted; -1 while not (yet) known."""
        count = self._waiting.get(code)
        return -1 if count is None else count

    @Property(int, notify=waitingChanged)
    def waitingRevision(self) -> int:
        """Bound beside waiting(code) so QML reads the count again when one comes."""
        return self._waiting_revision

    # ---- events on the GUI thread

    def _on_posted(self, event: tuple, generation: int) -> None:
        what, payload = event
        if generation not in (-1, self._core.session.generation):
            return  # the visitor who started it has gone; the wipe already cleared the screens
        if what == "waiting":
            code, count = payload
            self._waiting[code] = count
            self._waiting_revision += 1
            self.waitingChanged.emit()
        elif what == "catalog":
            self._search = payload.search_session()
            self._results = self._search.update(self._query, self._core.cfg.catalog.search_limit, self._lang()) \
                if self._query.strip() else []
            self._bump()

    def clear(self) -> None:
        """Session wipe: search text and results go; QR texts are forgotten."""
        if self._search is not None:
            self._search.clear()
        self._query, self._results = "", []
        self._waiting.clear()
        self._qr.clear()
        self._bump()
        self.waitingChanged.emit()
