"""The catalog as the UI bridge uses it: current catalog, guides, checklists, queue numbers, background updates."""

from __future__ import annotations

import dataclasses
import logging
import threading
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable, Protocol

from kiosk.catalog.catalog import Catalog, Where
from kiosk.catalog.config import CatalogConfig
from kiosk.catalog.errors import UnknownItem
from kiosk.catalog.guide import (Guide, build_guide, checklist_lines, checklist_print_data, printed_language,
                                 ticket_lines, ticket_print_data)
from kiosk.catalog.language import english
from kiosk.catalog.tickets import Ticket, TicketCounter
from kiosk.catalog.textkeys import warm_up
from kiosk.catalog.updates import CatalogStore, Fetch, UpdateResult
from kiosk.i18n import Text
from kiosk.periodic import Periodic
from protocol.offline_tickets import OfflineTicket

log = logging.getLogger(__name__)

# a citizen stands at the screen: central answers a ticket in milliseconds, or the terminal numbers it itself
CENTRAL_TICKET_TIMEOUT = 3.0
# after central failed to number one, the next citizens in that window get the terminal's numbers without waiting
# for it again (an unreachable central would cost each of them the whole timeout)
CENTRAL_TICKET_RETRY = timedelta(seconds=30)


class TicketSource(Protocol):
    """What numbers a hall's tickets: offline_queue.client.CentralClient (take_ticket, answer MAC-checked)."""

    def take_ticket(self, queue: str, day: str, *, priority: str = "", service: str = "",
                    timeout: float | None = None) -> dict: ...


class CatalogService:
    """Thread-safe: screens read `catalog` from the GUI thread while an update thread may swap it.

    Callbacks run on the update thread; the Qt bridge re-emits them as queued signals.
    """

    def __init__(self, cfg: CatalogConfig, base_dir: Path, *, clock: Callable[[], datetime] = datetime.now,
                 central: Callable[[], TicketSource | None] = lambda: None, queue_index: int | None = None,
                 cache: Path | None = None, offline_ticket: Callable[[OfflineTicket], None] | None = None):
        """`central` gives the client that numbers the hall's tickets (None: not configured, as before the queue
        opens); `queue_index` ([terminal] queue_index) marks this terminal's own numbers while central is away;
        `cache` a folder where validated catalogs and their search indexes are kept between starts;
        `offline_ticket` is handed each number this terminal gave from its own range, to be taken to central later
        (the hall's calling system must learn of it)."""
        self._cfg = cfg
        self._central = central
        self._queue_index = queue_index
        self._offline_ticket = offline_ticket
        self._warned_unreserved = False
        self._central_failed_at: datetime | None = None
        self._count_failed_at: datetime | None = None
        self._clock = clock
        self._store = CatalogStore.from_config(cfg, base_dir, cache)
        self._catalog = self._store.open()  # raises CatalogError only if even the shipped catalog is broken
        threading.Thread(target=warm_up, name="pinyin-warm-up", daemon=True).start()
        tickets = Path(cfg.tickets_database).expanduser()
        self._tickets = TicketCounter(tickets if tickets.is_absolute() else Path(base_dir) / tickets,
                                      reset_hour=cfg.tickets_reset_hour, clock=clock)
        self._lock = threading.Lock()
        self._listeners: list[Callable[[Catalog], None]] = []
        self._updates: Periodic | None = None

    @property
    def catalog(self) -> Catalog:
        return self._catalog  # one attribute read: a screen keeps the catalog it started with until it reloads

    def guide(self, code: str, language: str = "zh_CN") -> Guide:
        return build_guide(self._catalog, code, self._cfg.guide_url, language)

    def checklist(self, code: str, language: str = "zh_CN") -> list[str]:
        """Lines for the printer ("print this checklist"); the QR fallback uses guide(code).qr_url."""
        return checklist_lines(self.guide(code, printed_language(language)), language, printed_at=self._clock())

    def checklist_print(self, code: str, *, site_name: str, hotline: str) -> dict[str, object]:
        """Data for PrintService.print("materials_checklist", ...)."""
        return checklist_print_data(self.guide(code), site_name=site_name, hotline=hotline, printed_at=self._clock())

    # ---- take a number ----

    def take_number(self, code: str, priority: bool = False) -> Ticket:
        """Blocking SQLite commit (milliseconds): call from a worker thread, print after it returns.

        code "" is the general enquiry desk (综合咨询) for a visitor with no service in mind. `priority`: a
        green-channel number (elderly, disabled, pregnant visitors; nobody is asked for proof), ValueError when
        this terminal gives none or its letter is also one of the catalog's queues."""
        queue = self.ticket_place(code)[1].queue.code
        letter = ""
        if priority:
            letter = self._cfg.priority_ticket_letter
            if not letter:
                raise ValueError("this terminal gives no priority numbers ([catalog] priority_ticket_letter is empty)")
            if letter in {q.code for q in self._catalog.queues()}:
                raise ValueError(f"the priority letter {letter!r} is also a queue of the catalog: choose another one"
                                 " in [catalog] priority_ticket_letter")
        ticket = self._central_ticket(queue, code, letter)
        if ticket is not None:
            return ticket
        local = self._tickets.take(queue, code, priority=letter)
        if self._queue_index is None and not self._warned_unreserved:
            self._warned_unreserved = True
            log.warning("queue number %s taken without central and without [terminal] queue_index: in a hall with "
                        "more than one terminal, numbers may collide with another terminal's", local.number)
        # the local count sees this terminal's tickets only: on paper that would be a guess
        ticket = dataclasses.replace(local, ahead=None, terminal_index=self._queue_index or 0)
        if ticket.terminal_index and self._offline_ticket is not None:
            self._report(ticket)
        return ticket

    def _report(self, ticket: Ticket) -> None:
        """Hands an own-range number on for central; a failure there must not cost the citizen the number."""
        try:
            self._offline_ticket(OfflineTicket(
                ticket.day.isoformat(), ticket.series or ticket.queue, ticket.seq, ticket.queue, ticket.priority,
                ticket.service, ticket.terminal_index, ticket.issued_at.timestamp()))
        except Exception as exc:
            log.error("queue number %s was not kept for central (%s): the hall's calling system will not list it",
                      ticket.number, type(exc).__name__)

    def _central_ticket(self, queue: str, code: str, letter: str) -> Ticket | None:
        """Central's number for the hall (one sequence for all its terminals), or None to number it here."""
        client = self._central()
        if client is None:
            return None
        now = self._clock()
        failed = self._central_failed_at
        if failed is not None and failed <= now < failed + CENTRAL_TICKET_RETRY:
            return None
        day = self._tickets.day(now)
        try:
            answer = client.take_ticket(queue, day.isoformat(), priority=letter, service=code,
                                        timeout=CENTRAL_TICKET_TIMEOUT)
            series, seq, ahead = answer["series"], answer["seq"], answer["ahead"]
            if not (series == (letter or queue) and type(seq) is int and seq > 0 and type(ahead) is int
                    and ahead >= 0):
                raise ValueError("answer does not fit the ticket asked for")
        except Exception as exc:  # unreachable, refusing (no site, a bad key) or a strange answer: number it here
            log.warning("central numbered no ticket (%s: %s); this terminal numbers tickets for the next %d s",
                        type(exc).__name__, exc, CENTRAL_TICKET_RETRY.total_seconds())
            self._central_failed_at = now
            return None
        self._central_failed_at = None
        return Ticket(queue, seq, day, code, now.replace(microsecond=0), ahead, series, bool(letter))

    @property
    def queue_index(self) -> int | None:
        return self._queue_index

    @queue_index.setter
    def queue_index(self, index: int | None) -> None:
        """Central handed this terminal its index (kiosk/queue_index.py): the next own-range number carries it."""
        self._queue_index = index

    @property
    def gives_priority_numbers(self) -> bool:
        return bool(self._cfg.priority_ticket_letter)

    def ticket_place(self, code: str, language: str = "zh_CN") -> tuple[Text, Where]:
        """(what a ticket is for, where to wait in `language`) of an item, or of the general desk for code "".
        Raises UnknownItem for an item that is gone or a catalog without a general desk."""
        if code:
            item = self._catalog.item(code)
            return Text(item.name, english(item.name_en, item.name)), self._catalog.where(code, language)
        where = self._catalog.general_where(language)
        if where is None:
            raise UnknownItem("this catalog has no general enquiry desk ([general] in catalog.toml)")
        return where.department, where

    def has_general_desk(self) -> bool:
        return self._catalog.general_where() is not None

    def ticket_lines(self, ticket: Ticket, language: str = "zh_CN") -> list[str]:
        name, where = self.ticket_place(ticket.service, language)
        return ticket_lines(ticket, name.get(language), where, language)

    def ticket_print(self, ticket: Ticket, *, site_name: str) -> dict[str, object]:
        """Data for PrintService.print("queue_ticket", ...)."""
        name, where = self.ticket_place(ticket.service)
        return ticket_print_data(ticket, name.zh, where, site_name=site_name)

    def waiting_for(self, code: str) -> int | None:
        """How many are waiting in the queue that serves this item ("" the general desk), shown before taking one.
        Blocking (central may take CENTRAL_TICKET_TIMEOUT): call from a worker thread.

        With central configured, central's count for the whole hall, or None (not known) while it cannot answer:
        this terminal's own count would leave out every other terminal's tickets. Without central (a lone
        terminal), this terminal's count is the hall's."""
        queue = self.ticket_place(code)[1].queue.code
        client = self._central()
        if client is None:
            return self._tickets.waiting(queue)
        now = self._clock()
        # its own pause after a failure: a count central cannot give (an older central without the route, a slow
        # moment) must never move numbering off central, and a central that cannot number cannot count either
        for failed in (self._central_failed_at, self._count_failed_at):
            if failed is not None and failed <= now < failed + CENTRAL_TICKET_RETRY:
                return None
        try:
            count = client.tickets_waiting(queue, self._tickets.day(now).isoformat(), timeout=CENTRAL_TICKET_TIMEOUT)
        except Exception as exc:  # the count is a courtesy: the choice still shows, and says it is not known
            log.warning("central gave no waiting count (%s: %s); not asked again for %d s",
                        type(exc).__name__, exc, CENTRAL_TICKET_RETRY.total_seconds())
            self._count_failed_at = now
            return None
        self._count_failed_at = None
        return count

    # ---- updates from central ----

    def on_catalog_changed(self, callback: Callable[[Catalog], None]) -> None:
        self._listeners.append(callback)

    def check_for_update(self, fetch: Fetch) -> UpdateResult:
        """Blocking (network, disk): ask central once and swap in a new catalog if one was installed."""
        with self._lock:  # one check at a time: a timer and a staff-triggered check must not race
            result, new = self._store.check(fetch, self._catalog)
            if new is not None:
                self._catalog = new
        if new is not None:
            for callback in list(self._listeners):
                try:
                    callback(new)
                except Exception:  # a broken listener must not stop updates for the others
                    log.exception("catalog listener failed")
        return result

    def start_updates(self, fetch: Fetch, interval_seconds: float | None = None) -> None:
        """Check now and then every interval (default update_interval_minutes) on a daemon thread."""
        interval = interval_seconds if interval_seconds is not None else self._cfg.update_interval_minutes * 60
        if interval <= 0 or self._updates is not None:
            return
        if not self._store.public_keys:
            self._store.no_keys()  # nothing could ever be accepted: say so once, ask central never
            return
        self._updates = Periodic("catalog-updates", lambda: self.check_for_update(fetch), interval)
        self._updates.start()

    def stop(self) -> None:
        if self._updates is not None:
            self._updates.stop()
            self._updates = None
