"""The shell view-model: navigation stack, elderly mode, language and the idle countdown for QML."""

from __future__ import annotations

import logging

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk import flow
from kiosk.app import KioskCore
from kiosk.flow import Screen
from protocol.bilingual import Text
from ui.bridge import registered
from ui.translations import Translations

log = logging.getLogger(__name__)

ATTRACT, HOME, TAKE_CARD = Screen.ATTRACT.value, Screen.HOME.value, Screen.TAKE_CARD.value


@registered
class Shell(QObject):
    """Python owns the screen stack so tests, the idle wipe and later flows navigate the same way."""

    navigated = Signal(str, str, "QVariantMap")  # op ("push", "pop", "reset"), screen, params
    elderlyChanged = Signal()
    languageChanged = Signal()
    idleChanged = Signal()
    stackChanged = Signal()
    sessionWiped = Signal()
    sessionEnding = Signal()  # before the screens change: what is being said to this visitor stops here

    def __init__(self, core: KioskCore, translations: Translations, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self._tr = translations
        self._stack: list[str] = [ATTRACT]
        self._elderly = False
        self._language = core.cfg.locale.language
        self._idle_phase = "active"
        self._idle_left = 0
        core.session.register_wipe("shell", self._reset)

    # ---- static facts from the configuration ----
    @Property(str, notify=languageChanged)
    def siteName(self) -> str:
        t = self._core.cfg.terminal
        return Text(t.site_name, t.site_name_en or t.site_name).get(self._language)

    @Property(str, constant=True)
    def terminalId(self) -> str:
        return self._core.cfg.terminal.id

    @Property(bool, constant=True)
    def villagePoint(self) -> bool:
        return self._core.cfg.terminal.site_kind == "village_point"

    @Property(str, constant=True)
    def hotline(self) -> str:
        return self._core.cfg.terminal.hotline

    # ---- navigation ----
    @property
    def quiet(self) -> bool:
        """No visit in progress: the attract screen with nothing of a visitor in the session (when restarts may run)."""
        return self._stack == [ATTRACT] and self._core.session.empty

    @Property(str, notify=stackChanged)
    def currentScreen(self) -> str:
        return self._stack[-1]

    @Property(int, notify=stackChanged)
    def depth(self) -> int:
        return len(self._stack)

    @Property("QStringList", notify=stackChanged)
    def stack(self) -> list[str]:
        return list(self._stack)

    @Slot(str)
    @Slot(str, "QVariantMap")
    def open(self, intent: str, params: dict | None = None) -> None:
        """What QML asks for: an intent (what the citizen wants), which kiosk.flow turns into a screen."""
        try:
            screen, purpose = flow.route(intent, self._core.visit)
        except KeyError:
            log.error("no screen for intent %r", intent)
            return
        if purpose is not None:
            self._core.visit.purpose = purpose
        self.go(screen, params)

    def go(self, screen: str, params: dict | None = None) -> None:
        """Onto a named screen (view-models and tests; QML opens intents)."""
        screen = str(screen)
        if screen in flow.CONCLUDING:
            self._conclude(screen, params or {})
            return
        self._stack.append(screen)
        log.info("navigate: push %s", screen)
        self.navigated.emit("push", screen, params or {})
        self.stackChanged.emit()

    def _conclude(self, screen: str, params: dict) -> None:
        """A finished transaction: home and this screen are all the history there is now."""
        self._stack = [ATTRACT, HOME, screen]
        log.info("navigate: conclude with %s", screen)
        self.navigated.emit("conclude", screen, params)
        self.stackChanged.emit()

    def rewind(self, screen: str) -> None:
        """Back to the last `screen` in the stack, dropping what came after it; onto it when it is not there."""
        screen = str(screen)
        if screen not in self._stack:
            self.go(screen)
            return
        depth = len(self._stack) - self._stack[::-1].index(screen)
        if depth == len(self._stack):
            return
        self._stack = self._stack[:depth]
        log.info("navigate: back to %s", screen)
        self.navigated.emit("rewind", screen, {"depth": depth})
        self.stackChanged.emit()

    @Slot()
    def back(self) -> None:
        instead = flow.leaving(self.currentScreen, self._core.visit.rated)
        if instead is not None:
            self._conclude(instead, {})
            return
        if len(self._stack) <= 2:  # back from the first screen after attract lands on home, never attract
            self.home()
            return
        self._stack.pop()
        self.navigated.emit("pop", self._stack[-1], {})
        self.stackChanged.emit()

    @Slot()
    def home(self) -> None:
        instead = flow.leaving(self.currentScreen, self._core.visit.rated)
        if instead is not None:
            self._conclude(instead, {})
            return
        self._stack = [ATTRACT, HOME]
        self.navigated.emit("reset", HOME, {})
        self.stackChanged.emit()

    @Slot()
    @Slot(bool)
    def start(self, elderly: bool = False) -> None:
        """A touch on the attract screen begins a session, in elderly mode when the citizen chose it there."""
        self._core.idle.touch()
        if elderly:
            self.elderly = True
        self.home()

    @Slot(result=bool)
    def visitHasData(self) -> bool:
        """The citizen has given something that 退出 would throw away (a card read, and all that follows it)."""
        return self._core.visit.identity is not None

    @Slot()
    def endSession(self) -> None:
        """The citizen is done (or the countdown ran out): forget everything, back to attract."""
        self._core.session.wipe("end of session")

    @Slot()
    def cardTaken(self) -> None:
        """The card left on the reader at the end of a visit was taken: now the attract screen."""
        if self.currentScreen == TAKE_CARD:
            self._stack = [ATTRACT]
            self.elderly = False
            self.navigated.emit("reset", ATTRACT, {})
            self.stackChanged.emit()

    def _reset(self) -> None:
        # everything of the visitor is gone at once; while their card still lies on the reader the screen asks
        # them to take it (in the mode they used) instead of inviting the next visitor to a reader that holds it
        self.sessionEnding.emit()
        left_card = self._core.identity.card_on_reader
        self._stack = [ATTRACT, TAKE_CARD] if left_card else [ATTRACT]
        self.elderly = self._elderly and left_card
        self.language = self._core.cfg.locale.language
        self.navigated.emit("reset", self._stack[-1], {})
        self.stackChanged.emit()
        self.sessionWiped.emit()

    # ---- modes ----
    def _get_elderly(self) -> bool:
        return self._elderly

    def _set_elderly(self, on: bool) -> None:
        if on != self._elderly:
            self._elderly = on
            self._core.idle.elderly = on
            self.elderlyChanged.emit()

    elderly = Property(bool, _get_elderly, _set_elderly, notify=elderlyChanged)

    def _get_language(self) -> str:
        return self._language

    def _set_language(self, language: str) -> None:
        if language != self._language:
            self._tr.switch(language)
            self._language = language
            self.languageChanged.emit()

    language = Property(str, _get_language, _set_language, notify=languageChanged)

    # ---- idle countdown ----
    @Property(str, notify=idleChanged)
    def idlePhase(self) -> str:
        return self._idle_phase

    @Property(int, notify=idleChanged)
    def idleSecondsLeft(self) -> int:
        return self._idle_left

    @Slot()
    def keepGoing(self) -> None:
        self._core.idle.touch()
        self.tick()

    def tick(self) -> None:
        """Called every second by the idle timer; the attract screen has no session to time out."""
        if self._stack in ([ATTRACT], [ATTRACT, TAKE_CARD]):  # no visit: nothing to time out
            phase, left = "active", 0
        else:
            state = self._core.idle.state()
            phase, left = state.phase, state.seconds_left
        if (phase, left) != (self._idle_phase, self._idle_left):
            self._idle_phase, self._idle_left = phase, left
            self.idleChanged.emit()
        if phase == "expired":
            self._core.session.wipe("idle timeout")
            self._idle_phase, self._idle_left = "active", 0
            self.idleChanged.emit()
