"""The loaded catalog as the screens use it: groups to browse, items per group, item detail, search."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Mapping, Sequence

from kiosk.catalog.errors import UnknownItem  # noqa: F401 (re-exported)
from kiosk.catalog.language import in_language, localize_item
from kiosk.catalog.search import Hit, Searchable, SearchIndex, SearchSession
from kiosk.catalog.searchwords import extra_keys
from kiosk.i18n import Text
from protocol.catalog_loader import LoadedCatalog, load_directory
from protocol.catalog_schema import HANDLING_TEXT, Department, Queue, ServiceItem

log = logging.getLogger(__name__)

GroupKind = Literal["theme", "life_event", "department"]


@dataclass(frozen=True)
class GroupSummary:
    """A tile on a browse screen."""

    kind: GroupKind
    code: str
    title: Text
    hint: str
    count: int


@dataclass(frozen=True)
class ItemSummary:
    """A row in an item list or in the search results."""

    code: str
    name: str
    short_name: str
    department: str
    handling: Text
    kiosk_can_submit: bool
    matched: str = ""  # for search results: the text that matched (an alias, say), shown greyed under the name


GENERAL_DESK = Text("综合咨询", "General enquiries")


@dataclass(frozen=True)
class Where:
    """Where and when to go for an item."""

    department: Text
    location: str
    windows: str
    hours: str
    phone: str
    queue: Queue


@dataclass(frozen=True)
class Built:
    """What a Catalog builds from its items: kept by the on-disk cache (cache.py) so a fresh process need not."""

    items: Mapping[str, ServiceItem]
    order: list[str]
    members: dict[str, dict[str, list[str]]]
    index: SearchIndex | None


class Catalog:
    """Validated catalog with indexes built once at load; read-only, safe to share between threads."""

    def __init__(self, loaded: LoadedCatalog, most_used: Sequence[str] = (), built: Built | None = None):
        """`built`: what this constructor builds from `loaded.items` and `most_used`, from the on-disk cache
        (cache.py), which then leaves `loaded.items` empty."""
        self.directory = loaded.directory
        self.version = loaded.header.version
        self.title = loaded.header.title
        self._header = loaded.header
        self._departments = {d.code: d for d in loaded.header.department}
        self._queues = {q.code: q for q in loaded.header.queue}
        self._themes = {g.code: g for g in loaded.header.theme}
        self._events = {g.code: g for g in loaded.header.life_event}
        if built is None:
            items = {i.code: i for i in loaded.items}
            # group kind -> group code -> item codes in catalog order, built once: browse screens ask often
            members: dict[str, dict[str, list[str]]] = {"theme": {}, "life_event": {}, "department": {}}
            for i in loaded.items:
                for kind, codes in (("theme", i.themes), ("life_event", i.life_events),
                                    ("department", [i.department])):
                    for code in codes:
                        members[kind].setdefault(code, []).append(i.code)
            built = Built(items, [i.code for i in loaded.items], members, None)
        self._items = built.items
        self._order = built.order
        self._members = built.members
        unknown = [c for c in most_used if c not in self._items]
        if unknown:
            log.warning("most_used lists items not in catalog %s: %s", self.version, ", ".join(unknown))
        self._most_used = [c for c in most_used if c in self._items]
        rank = {c: n for n, c in enumerate(self._most_used)}
        self._index = built.index or SearchIndex(
            (self._searchable(i, rank) for i in loaded.items), misspellings=loaded.header.misspelling)
        # language -> code -> the item's texts in that language, made on first use and kept with this catalog
        self._localized: dict[str, dict[str, ServiceItem]] = {}

    @classmethod
    def load(cls, directory: Path, most_used: Sequence[str] = ()) -> Catalog:
        """Load and validate a catalog directory; raises loader.CatalogError naming file, item and field."""
        return cls(load_directory(directory), most_used)

    def _searchable(self, item: ServiceItem, rank: dict[str, int]) -> Searchable:
        group_list = [self._themes[t] for t in item.themes] + [self._events[e] for e in item.life_events]
        department = self._departments[item.department]
        groups = [g.name for g in group_list]
        # 繁體 and English are searched as other names of the same item (kiosk/catalog/searchwords.py)
        aliases = [*item.aliases, *extra_keys([item.name, item.short_name, *item.aliases],
                                              [item.name_en, item.short_name_en])]
        misspellings = [*item.misspellings, *extra_keys(item.misspellings, [])]
        groups += extra_keys([*groups, department.name], [*(g.en for g in group_list), department.en])
        # a tiny boost: enough to order ties, never enough to beat a better match
        boost = 0.02 * (1 - rank[item.code] / len(rank)) if item.code in rank else 0.0
        return Searchable(item.code, item.name, item.short_name, aliases, misspellings, groups, department.name,
                          boost)

    # ---- browsing ----

    def _count(self, kind: GroupKind, code: str) -> int:
        return len(self._codes_in(kind, code))

    def themes(self, language: str = "zh_CN") -> list[GroupSummary]:
        return [GroupSummary("theme", g.code, g.title, in_language(g.hint_en, g.hint, language),
                             self._count("theme", g.code))
                for g in self._header.theme if self._count("theme", g.code)]

    def life_events(self, language: str = "zh_CN") -> list[GroupSummary]:
        return [GroupSummary("life_event", g.code, g.title, in_language(g.hint_en, g.hint, language),
                             self._count("life_event", g.code))
                for g in self._header.life_event if self._count("life_event", g.code)]

    def departments(self, language: str = "zh_CN") -> list[GroupSummary]:
        return [GroupSummary("department", d.code, d.title, in_language(d.location_en, d.location, language),
                             self._count("department", d.code))
                for d in self._header.department if self._count("department", d.code)]

    def groups(self, kind: GroupKind, language: str = "zh_CN") -> list[GroupSummary]:
        return {"theme": self.themes, "life_event": self.life_events, "department": self.departments}[kind](language)

    def _codes_in(self, kind: GroupKind, code: str) -> list[str]:
        if kind not in self._members:
            raise ValueError(f"unknown group kind {kind!r}")
        return list(self._members[kind].get(code, ()))

    def items_in(self, kind: GroupKind, code: str, language: str = "zh_CN") -> list[ItemSummary]:
        """Items of one theme, life event or department; items whose main theme it is come first."""
        codes = self._codes_in(kind, code)
        if kind == "theme":
            codes.sort(key=lambda c: self._items[c].themes.index(code) > 0)
        return [self.summary(c, language=language) for c in codes]

    def most_used(self, limit: int = 8, language: str = "zh_CN") -> list[ItemSummary]:
        """The configured most-used list, topped up with items that can be done right here."""
        codes = list(self._most_used)
        for c in self._order:  # stops at the limit: the cache makes items only when they are asked for
            if len(codes) >= limit:
                break
            if c not in codes and self._items[c].kiosk_can_submit:
                codes.append(c)
        return [self.summary(c, language=language) for c in codes[:limit]]

    # ---- one item ----

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, code: object) -> bool:
        return code in self._items

    def codes(self) -> list[str]:
        return list(self._order)

    def item(self, code: str, language: str = "zh_CN") -> ServiceItem:
        """The item; in another language than simplified Chinese, its citizen-facing texts in that language."""
        if code not in self._items:
            raise UnknownItem(code)
        if language == "zh_CN":
            return self._items[code]
        return self.prepare(language)[code]

    def prepare(self, language: str) -> Mapping[str, ServiceItem]:
        """Every item's texts in `language`, made once per language and catalog (screens ask on every binding
        update; 繁體 costs ~0.1 s of OpenCC, so the warm-up makes the starting language ahead of the first tap)."""
        if language == "zh_CN":
            return self._items
        table = self._localized.get(language)
        if table is None:
            table = {c: localize_item(i, language) for c, i in self._items.items()}
            self._localized[language] = table
        return table

    def summary(self, code: str, matched: str = "", language: str = "zh_CN") -> ItemSummary:
        i = self.item(code, language)
        return ItemSummary(i.code, i.name, i.short_name or i.name,
                           self._departments[i.department].title.get(language),
                           HANDLING_TEXT[i.handling], i.kiosk_can_submit, matched)

    def department(self, code: str) -> Department:
        return self._departments[code]

    def where(self, code: str, language: str = "zh_CN") -> Where:
        i = self.item(code, language)
        d = self._departments[i.department]
        return Where(d.title, in_language(d.location_en, d.location, language),
                     i.windows or in_language(d.windows_en, d.windows, language),
                     i.hours or in_language(d.hours_en, d.hours, language), d.phone,
                     _queue_in(self._queues[i.queue or d.queue], language))

    def queues(self) -> list[Queue]:
        return list(self._header.queue)

    def general_where(self, language: str = "zh_CN") -> Where | None:
        """The general enquiry desk (综合咨询), or None when this catalog has none."""
        g = self._header.general
        if g is None:
            return None
        queue = _queue_in(self._queues[g.queue], language)
        return Where(GENERAL_DESK, in_language(g.location_en, g.location, language), queue.windows, "", "", queue)

    # ---- search ----

    def search(self, query: str, limit: int = 20) -> list[ItemSummary]:
        return [self.summary(h.code, h.matched) for h in self._index.search(query, limit)]

    @property
    def built(self) -> Built:
        return Built(self._items, self._order, self._members, self._index)

    def search_hits(self, query: str, limit: int = 20) -> list[Hit]:
        return self._index.search(query, limit)

    def search_session(self) -> CatalogSearch:
        """One per search screen: call update() on every keystroke."""
        return CatalogSearch(self, SearchSession(self._index))


class CatalogSearch:
    """Search-as-you-type for one search box."""

    def __init__(self, catalog: Catalog, session: SearchSession):
        self._catalog = catalog
        self._session = session

    def update(self, text: str, limit: int = 20, language: str = "zh_CN") -> list[ItemSummary]:
        return [self._catalog.summary(h.code, h.matched, language) for h in self._session.update(text, limit)]

    def clear(self) -> None:
        self._session.reset()


def _queue_in(queue: Queue, language: str) -> Queue:
    """The queue with its windows in the screen's language; the code and name are the hall's, as called out."""
    return queue.model_copy(update={"windows": in_language(queue.windows_en, queue.windows, language)})
