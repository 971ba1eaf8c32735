"""The kiosk core as one object: configuration, session, idle policy, simulator tray, devices and use cases."""

from __future__ import annotations

import logging
import os
import threading
import time
from typing import Callable

from drivers.simtray import SimTray
from kiosk.audit import AuditLog
from kiosk.config import KioskConfig
from kiosk.crashes import Crashes
from kiosk.devices import DeviceSet, open_devices
from kiosk.identity import IdentityPresented, IdentityService
from kiosk.overlay.state import OverlayFiles
from kiosk.a4_printing import A4Printing
from kiosk.certificate_paper import CertificatePaper
from kiosk.printing import PrintService
from kiosk.queue_index import QueueIndex
from kiosk.session import IdlePolicy, Session
from kiosk.staff_call import StaffCalls
from kiosk.visit import Visit
from offline_queue.errors import QueueError

log = logging.getLogger(__name__)


class KioskCore:
    """Built by the CLI, handed to the UI; the UI reaches devices only through the use cases made here.

    open_hardware=False builds the same core without devices, queue worker or face models (UI tests);
    defer_hardware=True leaves opening them to open_hardware(), so the first frame does not wait.
    """

    def __init__(
        self, cfg: KioskConfig, *, open_hardware: bool = True, clock: Callable[[], float] = time.monotonic,
        defer_hardware: bool = False,
    ) -> None:
        self.cfg = cfg
        self.session = Session()
        d = cfg.display
        self.idle = IdlePolicy(d.idle_timeout_seconds, d.idle_warning_seconds, d.elderly_idle_timeout_seconds, clock,
                               elderly_warning=d.elderly_warning())
        self.tray = SimTray()
        self.devices = DeviceSet()
        self.identity = IdentityService(None)
        self.visit = Visit()
        # first listener: the visit knows of a card read before any screen hears of it
        self.identity.subscribe(self._card_event)
        t = cfg.terminal
        self.printing = PrintService(None, defaults={"site_name": t.site_name, "terminal_id": t.id, "hotline": t.hotline})
        self.a4printing = A4Printing()  # certificates as PDF on the hall's A4 printer; .available says if there is one
        self.certificate_paper = CertificatePaper(self.printing, self.a4printing)
        self._catalog = None
        self._catalog_lock = threading.Lock()
        self.queue_index = QueueIndex(cfg.path(cfg.storage.state_directory) / "queue-index", t.queue_index)
        self.submissions = None
        self.queue_fault = ""
        self.crashes = Crashes(cfg.path(cfg.storage.state_directory))  # counted by `kiosk run`; the heartbeat reports them
        self.beats = None  # kiosk/heartbeat.py's Beats, made with the queue
        self.overlay = OverlayFiles.for_config(cfg)  # configuration overlays from central; the heartbeat reports them
        self._overlay_updates = None
        self._control = None  # the local control socket (serve_control), only in `kiosk run`
        self.staff_calls = StaffCalls(lambda: self.submissions)
        self.session.register_wipe("staff-call", self.staff_calls.reset)
        self.audit = AuditLog(lambda: self.submissions.store if self.submissions is not None else None,
                              on_recorded=lambda: self.submissions is not None and self.submissions.worker.wake())
        self._beeper = None
        self.session.register_wipe("identity", self.identity.clear)
        self.session.register_wipe("visit", self.visit.clear)
        self.session.register_wipe("print-buffers", self.printing.wipe)
        self.session.register_wipe("a4-print-buffers", self.a4printing.wipe)
        self._hardware_wanted = open_hardware
        if open_hardware and not defer_hardware:
            self.open_hardware()

    def _card_event(self, event) -> None:
        if isinstance(event, IdentityPresented):
            self.visit.card_read(event)

    def open_hardware(self) -> None:
        """Opens the devices and the offline queue; `kiosk run` calls it right after the attract screen's first frame."""
        if not self._hardware_wanted or self.devices.devices or self.devices.faults:
            return
        self.devices = open_devices(self.cfg, self.tray)
        self.identity.attach(self.devices.get("idcard"), self.devices.get("smartcard"))
        self.printing.attach(self.devices.get("printer"))
        a4 = self.cfg.devices.a4printer
        self.a4printing.attach(self.devices.get("a4printer"), job_timeout=a4.job_timeout_seconds, poll=a4.poll_ms / 1000)
        self._open_submissions()
        self._open_print_journal()

    def _open_submissions(self) -> None:
        from kiosk.submissions import open_submissions

        try:
            self.submissions = open_submissions(self.cfg.queue, self.cfg.central, self.cfg.terminal.id,
                                                self.cfg.base_dir)
            self._attach_beats()
            self.submissions.start()
        except Exception as e:  # the terminal still guides and prints; diagnostics show the queue fault
            log.exception("offline queue unavailable")
            self.queue_fault = e.detail if isinstance(e, QueueError) else f"{type(e).__name__}: {e}"
            self.submissions = None

    def _attach_beats(self) -> None:
        from kiosk.heartbeat import Beats

        self.beats = Beats(self, crash_counter=self.crashes)
        worker = self.submissions.worker
        worker.beats = self.beats
        # a printer or reader changing state wakes the worker, whose round sees the change and beats at once
        self.printing.subscribe(lambda readiness: worker.wake())

    def _open_print_journal(self) -> None:
        """Sealed with the queue's key: the queue is the one place the terminal keeps citizen data at rest."""
        from kiosk.print_journal import PrintJournal
        from offline_queue.crypto import load_key, make_suite

        suite = None
        if self.submissions is not None:
            try:
                q = self.cfg.queue
                suite = make_suite(q.crypto_suite, load_key(self.cfg.path(q.key_file), create=False))
            except Exception:
                log.exception("print journal: queue key unavailable; unfinished jobs are noted but not resendable")
        folder = self.cfg.path(self.cfg.storage.state_directory)
        try:
            self.printing.journal = PrintJournal(folder, suite)
            self.a4printing.journal = PrintJournal(folder, suite, name="a4-print")
        except OSError:
            log.exception("print journal unavailable")

    def start_overlay_updates(self) -> None:
        """Asks central for this terminal's configuration overlay every heartbeat interval (`kiosk run` only: a
        `kiosk diagnose` or a test building a core must not take one)."""
        from kiosk.overlay.updates import OverlayUpdates, client_fetch

        if self.submissions is None or self._overlay_updates is not None:
            return
        worker = self.submissions.worker
        self._overlay_updates = OverlayUpdates(self.overlay, client_fetch(self.submissions.client), self.cfg.source,
                                               interval=self.cfg.central.heartbeat_seconds, on_change=worker.wake)
        self._overlay_updates.start()

    @property
    def catalog(self):
        """The catalog service, built on first use: its pinyin indexes cost ~0.3 s that the first frame need not wait."""
        with self._catalog_lock:
            if self._catalog is None:
                from kiosk.catalog.service import CatalogService
                from kiosk.catalog.updates import client_fetch

                self._catalog = CatalogService(
                    self.cfg.catalog, self.cfg.base_dir, queue_index=self.queue_index.current,
                    cache=self.cfg.path(self.cfg.storage.state_directory) / "catalog-cache",
                    # the queue (and its client) may open after the catalog: asked at each ticket
                    central=lambda: self.submissions.client if self.submissions is not None else None,
                    offline_ticket=self._keep_offline_ticket)
                if self.submissions is not None:
                    fetch = client_fetch(self.submissions.client, self.cfg.catalog.max_update_bytes)
                    self._catalog.start_updates(fetch)
            return self._catalog

    def queue_index_given(self, index: int | None) -> None:
        """Central's answer to who this terminal is at its site (asked with the heartbeat's clock check)."""
        if self.queue_index.given(index):
            with self._catalog_lock:
                if self._catalog is not None:
                    self._catalog.queue_index = self.queue_index.current

    def _keep_offline_ticket(self, ticket) -> None:
        """A number this terminal gave from its own range goes to central with the queue, so the hall's calling
        system lists it once the network is back."""
        if self.submissions is None:
            raise RuntimeError("no queue")
        from protocol.offline_tickets import OFFLINE_TICKET_EVENT

        self.submissions.record_event(OFFLINE_TICKET_EVENT, ticket.details())

    def beep(self) -> None:
        """The speaker's short tone (after a card read); silent where the terminal has no way to play it."""
        if self._beeper is None:
            from drivers.sound import Beeper

            self._beeper = Beeper()
        self._beeper.beep()

    def new_face_check(self, on_update):
        """A face check on the configured camera with the shared engine; LookupError when there is no camera."""
        from kiosk.face.check import FaceCheck
        from kiosk.face.dlib_engine import shared_engine

        camera = self.devices.get("camera")
        if camera is None:
            raise LookupError("no camera device")
        return FaceCheck(camera, self.face_config(), engine=shared_engine, on_update=on_update)

    def face_config(self):
        """The face check's configuration for the mode in use: elderly mode gives more time for each movement."""
        face = self.cfg.face
        if not self.idle.elderly:
            return face
        return face.model_copy(update={"challenge_seconds": face.elderly_challenge_seconds})

    def warm_up(self) -> None:
        """Builds the catalog and loads the face models in the background, once the attract screen is up."""
        def work() -> None:
            try:
                # the item texts in the starting language too (繁體 is converted by OpenCC), off the GUI thread
                self.catalog.catalog.prepare(self.cfg.locale.language)
            except Exception:
                log.exception("service catalog failed to load")
            if self.devices.get("camera") is not None:
                self._warm_face_engine()

        log.info("warm-up: catalog and face models load in the background")
        threading.Thread(target=work, name="warm-up", daemon=True).start()

    @staticmethod
    def _warm_face_engine() -> None:
        try:
            from kiosk.face.dlib_engine import shared_engine

            shared_engine()
        except Exception:
            log.exception("face models failed to load")

    def serve_control(self) -> None:
        """`kiosk diagnose` from a shell asks this kiosk over a local socket instead of opening its devices."""
        from kiosk.control import ControlServer, socket_path
        from kiosk.maintenance import device_faults

        def health() -> dict:
            report = self.health()
            return {**report, "faults": device_faults(report["devices"]), "source": "running kiosk",
                    "pid": os.getpid()}

        server = ControlServer(socket_path(self.cfg), {"health": health})
        try:
            server.start()
        except OSError as e:  # the kiosk serves citizens without it; diagnose then says the kiosk is busy
            log.error("control socket unavailable: %s", e)
            return
        self._control = server

    def health(self) -> dict:
        """Blocking (asks the printer for its status now): call from a worker thread or the CLI."""
        try:
            self.printing.readiness()  # the printer's state is only known when asked (DLE EOT)
        except Exception:
            log.exception("printer status query failed")
        self.a4printing.readiness()  # CUPS is asked too; health() reports what it last said
        queue = {"ok": False, "detail": self.queue_fault} if self.queue_fault else None
        if self.submissions is not None:
            try:
                queue = self.submissions.status()
            except Exception as e:
                queue = {"ok": False, "detail": str(e)}
        return {"terminal": self.cfg.terminal.id, "devices": self.devices.health(), "queue": queue}

    def close(self) -> None:
        if self._control is not None:
            self._control.close()
        self.session.wipe("shutdown")
        self.printing.close()
        self.a4printing.close()
        if self._catalog is not None:
            self._catalog.stop()
        if self._overlay_updates is not None:
            self._overlay_updates.stop()
        if self.submissions is not None:
            self.submissions.close()
        self.devices.close()
