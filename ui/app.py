"""Builds the Qt application around the kiosk core: engine, bridges, window; runs it or renders one frame."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

from kiosk.memory import hand_big_blocks_back

QML_DIR = Path(__file__).resolve().parent / "qml"
log = logging.getLogger(__name__)
# test hook, never set on a terminal: "section.key=value" makes a start whose configuration has that value die before
# its first frame, as one the schema accepts but the kiosk cannot start with would (tests/e2e/test_config_overlay.py)
START_FAILS_ENV = "KIOSK_DEBUG_START_FAILS_IF"


def _alive(pid: str) -> bool:
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


def prepare_environment() -> None:
    """Must run before QGuiApplication exists: input method and controls style are read at start."""
    hand_big_blocks_back()  # before the camera and the renderer start freeing frames (kiosk/memory.py)
    os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
    os.environ.setdefault("QT_QUICK_CONTROLS_STYLE", "Basic")
    # the virtual keyboard otherwise asks the (absent) desktop for settings and warns
    os.environ.setdefault("QT_VIRTUALKEYBOARD_DESKTOP_DISABLE", "1")
    # Qt's own start-up chatter that says nothing about the kiosk: the multimedia backend probing for
    # PipeWire (absent on kiosks) and a Qt Quick Controls internal override notice
    # and the pinyin engine announcing that it creates its (private, see below) dictionary folder
    quiet = "qt.multimedia.symbolsresolver=false;qt.qml.propertyCache.append=false;qt.virtualkeyboard.pinyin.warning=false"
    rules = os.environ.get("QT_LOGGING_RULES")
    os.environ["QT_LOGGING_RULES"] = f"{rules};{quiet}" if rules else quiet
    # The pinyin engine keeps a user dictionary of what was typed under the user's config folder,
    # whatever VirtualKeyboardSettings.userDataPath says, and rewrites it when the process ends. Citizens'
    # typing must not pile up across runs: the kiosk gets its own config folder, emptied at every start.
    if "KIOSK_PRIVATE_CONFIG" not in os.environ:
        private = Path(tempfile.gettempdir()) / f"kiosk-config-{os.getuid()}-{os.getpid()}"
        for stale in Path(tempfile.gettempdir()).glob(f"kiosk-config-{os.getuid()}-*"):
            if not _alive(stale.name.rsplit("-", 1)[-1]):  # another live kiosk (or test run) keeps its own
                shutil.rmtree(stale, ignore_errors=True)
        # a folder where the engine expects its user dictionary file: it cannot create the file, runs without
        # one, and so never learns a phrase a citizen composed (a name, an address) for the next visitor
        (private / "qtvirtualkeyboard" / "pinyin" / "usr_dict.dat").mkdir(parents=True, mode=0o700)
        os.environ["KIOSK_PRIVATE_CONFIG"] = os.environ["XDG_CONFIG_HOME"] = str(private)


from PySide6.QtCore import QObject, Qt, QtMsgType, QTimer, QUrl, qInstallMessageHandler  # noqa: E402
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication  # noqa: E402
from PySide6.QtQml import QQmlApplicationEngine  # noqa: E402
from PySide6.QtQuick import QQuickWindow, QSGRendererInterface  # noqa: E402

from kiosk.app import KioskCore  # noqa: E402
from kiosk.config import KioskConfig  # noqa: E402
from ui.bridge import forget, provide  # noqa: E402
from ui.bridges import make_bridges  # noqa: E402
from ui.idle import IdleWatch  # noqa: E402
from ui.lockdown import Lockdown  # noqa: E402
from ui.quiet_restart import QuietRestart  # noqa: E402
from ui.shell import Shell  # noqa: E402
from ui.simtray_bridge import SimTrayBridge  # noqa: E402
from ui.tidy import VisitTidy  # noqa: E402
from ui.translations import Translations  # noqa: E402
from ui.voice import Voice  # noqa: E402
from ui.watchdog import install as install_watchdog  # noqa: E402

_backend_chosen = False
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "Source Han Sans SC")


def _pick_font(app: QGuiApplication) -> str | None:
    families = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in families:
            app.setFont(QFont(family))
            return family
    log.error("no CJK font installed (install fonts-noto-cjk); Chinese text will show as boxes")
    return None


def fitted(width: int, height: int, available) -> tuple[int, int]:
    """The window size, scaled down with its shape kept, so the whole window fits the available screen area."""
    scale = min(1.0, available.width() / width, available.height() / height)
    return max(320, int(width * scale)), max(320, int(height * scale))


class KioskUi:
    """Everything Qt for one kiosk window; tests build it around a core and drive it through `shell`."""

    def __init__(self, core: KioskCore, app: QGuiApplication, *, windowed: bool = False, fit_screen: bool = False,
                 defer: bool = False) -> None:
        """fit_screen: a desktop window is scaled down to fit the screen it opens on (1080x1920 on a 1080-high
        monitor would hide the start button and the navigation bar); the layout follows the window's size.
        defer: the speech engine and the on-screen keyboard wait for finish_start() (kiosk run: after the first
        frame, which needs neither)."""
        self.core = core
        self.app = app
        cfg = core.cfg
        self.font = _pick_font(app)
        global _backend_chosen
        if not _backend_chosen and QGuiApplication.platformName() in ("offscreen", "minimal"):
            # headless: the software renderer is what grabWindow can read back reliably (once per process)
            QQuickWindow.setGraphicsApi(QSGRendererInterface.GraphicsApi.Software)
        _backend_chosen = True
        self.engine = QQmlApplicationEngine()
        self.engine.addImportPath(str(QML_DIR))
        self.translations = Translations(app, self.engine)
        self.translations.switch(cfg.locale.language)
        self.shell = Shell(core, self.translations)
        self.tray = SimTrayBridge(core.tray)
        self.voice = Voice(cfg.locale, core.beep, open_now=not defer)
        self.shell.languageChanged.connect(lambda: self.voice.setLanguage(self.shell.language))
        fullscreen = cfg.display.fullscreen and not windowed
        landscape = cfg.display.orientation == "landscape"
        w, h = sorted((cfg.display.width, cfg.display.height), reverse=landscape)
        if fit_screen and not fullscreen:
            w, h = fitted(w, h, app.primaryScreen().availableGeometry())
        self.bridges = {"shell": self.shell, "simTray": self.tray, "voice": self.voice,
                        **make_bridges(core, self.shell, self.engine)}
        provide(self.engine, list(self.bridges.values()))  # QML reaches them as KioskApp singletons
        self.engine.setInitialProperties({"fullscreen": fullscreen, "initialWidth": w, "initialHeight": h,
                                          "keyboardLater": defer})
        self.engine.load(QUrl.fromLocalFile(str(QML_DIR / "Main.qml")))
        roots = self.engine.rootObjects()
        if not roots:
            raise RuntimeError("Main.qml failed to load (see the log for QML errors)")
        self.window: QQuickWindow = roots[0]  # type: ignore[assignment]
        self.idle = IdleWatch(core.idle, self.shell)
        self.tidy = VisitTidy(self.engine, self.window, self.shell)
        # on the window, not the application: every touch, click and key reaches the window first, while an
        # application-wide filter in Python is called for each event of every object (hundreds per screen change;
        # before the first frame, it alone cost ~25 ms on one core)
        self.window.installEventFilter(self.idle)
        if fullscreen and cfg.display.hide_cursor:
            app.setOverrideCursor(Qt.CursorShape.BlankCursor)
        self.lockdown = Lockdown() if fullscreen else None  # no key leaves the kiosk session; staff mode can
        self._lockdown_installed = False
        if self.lockdown is not None:
            if defer:
                # until the first frame, the window's own events (all a window not yet shown can get); the
                # application-wide filter, which made the first frame ~25 ms slower, follows in finish_start
                self.window.installEventFilter(self.lockdown)
            else:
                self._install_lockdown()

    def _install_lockdown(self) -> None:
        # application-wide: it must also see what goes to items directly (shortcut overrides, context menus)
        if self.lockdown is not None and not self._lockdown_installed:
            self.window.removeEventFilter(self.lockdown)
            self.app.installEventFilter(self.lockdown)
            self._lockdown_installed = True

    def finish_start(self) -> None:
        """What `defer` left for after the first frame: the lockdown's filter (nothing could be typed at a window
        not yet shown), the speech engine, and the keyboard (built in pieces between frames)."""
        self._install_lockdown()
        self.voice.open()
        self.window.setProperty("keyboardWanted", True)

    def find(self, object_name: str) -> QObject | None:
        return self.window.findChild(QObject, object_name)

    def close(self) -> None:
        """The engine goes first, while the bridges its bindings read are still alive. Twice is once."""
        if self.window is None:
            return
        self.window.removeEventFilter(self.idle)
        if self.lockdown is not None:
            self.window.removeEventFilter(self.lockdown)
            self.app.removeEventFilter(self.lockdown)
        self.idle.stop()
        self.tidy.close()  # it holds the engine: `del engine` below must be the last reference
        self.window.setProperty("leaving", True)
        self.window.close()
        self.window = None  # type: ignore[assignment]
        engine, self.engine = self.engine, None
        forget(engine)
        self.translations.close()  # the application outlives this window: its translator must not stay installed
        del engine  # Python owns the engine: this destroys it now, not at some later garbage collection


def recover(core: KioskCore) -> None:
    """After any end of the last run: crash hooks on, the unclean end counted; the screen starts at Attract anyway."""
    from kiosk.crash_hooks import install

    install(core.crashes, core.cfg.path(core.cfg.logging.directory))
    qInstallMessageHandler(_qt_message)
    core.crashes.started()


def _qt_message(kind: QtMsgType, context, message: str) -> None:
    """Qt's own messages through the masking log; a fatal one is logged before Qt aborts (counted at next start)."""
    level = {QtMsgType.QtFatalMsg: logging.CRITICAL, QtMsgType.QtCriticalMsg: logging.ERROR,
             QtMsgType.QtWarningMsg: logging.WARNING}.get(kind, logging.DEBUG)
    logging.getLogger(f"qt.{context.category or 'default'}").log(level, "%s", message)


def _start_fails_hook(cfg: KioskConfig) -> None:
    wanted = os.environ.get(START_FAILS_ENV)
    if not wanted:
        return
    key, _, value = wanted.partition("=")
    node: object = cfg
    for part in key.split("."):
        node = getattr(node, part, None)
    if str(node) == value:
        raise RuntimeError(f"{START_FAILS_ENV}: start-up fails with {key} = {value}")


def leave() -> None:
    """The kiosk's own end (signal, smoke run, staff mode, nightly restart), taken up by the Qt loop itself.

    Callers sit anywhere on the Qt thread: a Python signal handler runs wherever Python next gets control there
    (inside an event filter or a frameSwapped slot, mid-frame), a QML button's slot inside its mouse event. Ending
    from there let the loop go on with a window whose platform window was already freed (SIGSEGV on SIGTERM)."""
    QTimer.singleShot(0, _leave_now)


def _leave_now() -> None:
    # a fullscreen window refuses only the window system's close, and Qt's quit() gives up when a window refuses
    for window in QGuiApplication.topLevelWindows():
        window.setProperty("leaving", True)
    QGuiApplication.quit()


def run(cfg: KioskConfig, *, windowed: bool, smoke: bool, screenshot: str | None, t0: float) -> int:
    prepare_environment()
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    app.setApplicationName("hall-kiosk")
    core = KioskCore(cfg, defer_hardware=True)
    recover(core)
    _start_fails_hook(cfg)
    try:
        ui = KioskUi(core, app, windowed=windowed, fit_screen=windowed, defer=True)
    except RuntimeError as e:
        core.close()
        print(f"kiosk: {e}", file=sys.stderr)
        return 1

    started = []

    def first_frame() -> None:
        # on a threaded render loop (xcb, a real screen) several frameSwapped calls can already be queued when the
        # first one disconnects: the start-up that follows must run once (one control socket, one warm-up)
        if started:
            return
        started.append(True)
        ui.window.frameSwapped.disconnect(first_frame)
        elapsed = time.perf_counter() - t0
        if screenshot:
            ui.window.grabWindow().save(screenshot)
        print(f"startup: first frame of the attract screen after {elapsed:.3f} s", flush=True)
        try:
            core.overlay.first_frame()  # a configuration overlay applied for this start has proven itself
        except OSError as e:
            log.error("configuration overlay state not saved: %s", e)
        QTimer.singleShot(0, after_first_frame)

    def after_first_frame() -> None:
        # the attract screen needs no device: they (and the queue) open once it is on screen; the catalog's
        # pinyin indexes and the face models (~1 s, ~100 MiB) load a moment later in the background
        ui.finish_start()
        core.open_hardware()
        core.serve_control()
        if smoke:
            print(f"startup: devices and queue open after {time.perf_counter() - t0:.3f} s", flush=True)
            leave()
        else:
            core.start_overlay_updates()
            QTimer.singleShot(3000, core.warm_up)

    ui.window.frameSwapped.connect(first_frame)
    watchdog = install_watchdog(ui.window)  # noqa: F841  (systemd: READY after the first frame, then pings)
    ui.bridges["hours"].on_restart = leave  # the nightly restart: the service unit starts the kiosk again
    ui.bridges["maintenance"].on_leave = leave  # staff restart the kiosk or leave to the desktop
    overlay_restart = QuietRestart(core, ui.shell, leave)  # noqa: F841  (a configuration overlay waiting)
    # SIGTERM (systemd stop, technician) ends the session cleanly: wipe, close devices and simulators
    signal.signal(signal.SIGTERM, lambda *_: leave())
    signal.signal(signal.SIGINT, lambda *_: leave())
    wake = QTimer()  # Python runs signal handlers only when it gets control back from Qt's loop
    wake.start(250)
    wake.timeout.connect(lambda: None)
    log.info("kiosk started: terminal %s, devices simulated: %s", cfg.terminal.id, cfg.simulated_devices)
    code = app.exec()
    ui.close()
    core.close()
    core.crashes.stopped()
    return code
