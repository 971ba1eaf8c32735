"""The Identify screen's view-model: reader state, card problems and the masked identity, from IdentityService."""

from __future__ import annotations

import logging

from PySide6.QtCore import Property, QObject, Qt, QTimer, Signal, Slot

from kiosk import flow
from kiosk.app import KioskCore
from kiosk.flow import Screen
from kiosk.i18n import Text
from kiosk.identity import IdentityPresented, IdentityProblem, IdentityRemoved, ReaderState
from ui.shell import Shell
from ui.bridge import Bridge, registered

log = logging.getLogger(__name__)
WAITING = "waiting"  # no card yet
ACCEPTED = "accepted"  # a valid card was read
REFUSED = "refused"  # a card was read but cannot be used (expired, number fails its check)
PROBLEM = "problem"  # the read failed; the citizen places the card again


@registered
class IdentityBridge(Bridge):
    """Listens to IdentityService on device threads; everything reaches QML on the GUI thread via `_posted`.

    Navigation to the face check happens here, not in QML, so tests and the idle wipe see one truth.
    """

    _posted = Signal(object, int)  # event, session generation when it arrived
    changed = Signal()
    cardChanged = Signal()
    cardRead = Signal()  # a card was read (accepted or not): the screen says, speaks and beeps "take it back"

    def __init__(self, core: KioskCore, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(core, shell, parent)
        self._state = WAITING
        self._problem: Text | None = None
        self._reader_problem: Text | None = None
        self._presented: IdentityPresented | None = None
        self._consumed = False  # the face check has been started for this identity
        self._on_reader = core.identity.card_on_reader
        self._posted.connect(self._on_event, Qt.ConnectionType.QueuedConnection)
        shell.languageChanged.connect(self.changed)
        for state in core.identity.readers().values():
            self._reader(state)
        core.identity.subscribe(lambda event: self._posted.emit(event, core.session.generation))
        core.session.register_wipe("ui-identity", self.clear)

    # ---- what QML shows

    @Property(str, notify=changed)
    def state(self) -> str:
        return self._state

    @Property(str, notify=changed)
    def problem(self) -> str:
        """Citizen text of the refusal or read failure, in the current language."""
        return self._t(self._problem)

    @Property(bool, notify=changed)
    def expired(self) -> bool:
        return self._presented is not None and self._presented.expired

    @Property(bool, notify=changed)
    def readerConnected(self) -> bool:
        return self._reader_problem is None

    @Property(str, notify=changed)
    def readerProblem(self) -> str:
        return self._t(self._reader_problem)

    @Property(bool, notify=cardChanged)
    def cardOnReader(self) -> bool:
        """A card lies on a reader: after a read the citizen is asked to take it back, and a visit does not end
        (back to the attract screen) while it is still there."""
        return self._on_reader

    @Property(bool, notify=changed)
    def hasIdentity(self) -> bool:
        return self._state == ACCEPTED

    def _masked(self, key: str) -> str:
        if self._presented is None or self._state != ACCEPTED:
            return ""
        return self._presented.display().get(key, "")

    @Property(str, notify=changed)
    def maskedName(self) -> str:
        return self._masked("name")

    @Property(str, notify=changed)
    def maskedNumber(self) -> str:
        return self._masked("id_number")

    @Property(str, notify=changed)
    def validTo(self) -> str:
        """ISO date, or 长期 for cards without an end date (QML translates the latter)."""
        return self._masked("valid_to")

    @Property(str, notify=changed)
    def kind(self) -> str:
        return self._masked("kind")

    # ---- commands from QML

    @Slot()
    def begin(self) -> None:
        """The Identify screen is showing: a card read before it opened (say on Home) counts now, once."""
        if self._state == ACCEPTED and not self._consumed:
            QTimer.singleShot(0, self._advance)

    @Slot()
    def proceed(self) -> None:
        """The citizen came back from the face check and wants to try it again with the same card."""
        if self._state == ACCEPTED:
            self._consumed = False
            self._advance()

    @Slot()
    def dismiss(self) -> None:
        """"Try again" after a refusal or a read failure: back to the plain instruction."""
        if self._state in (REFUSED, PROBLEM):
            self._state, self._problem, self._presented = WAITING, None, None
            self.changed.emit()

    def clear(self) -> None:
        """Session wipe: nothing of the visitor stays in the view-model."""
        self._state, self._problem, self._presented, self._consumed = WAITING, None, None, False
        self.changed.emit()

    # ---- events, on the GUI thread

    def _advance(self) -> None:
        if self._state == ACCEPTED and not self._consumed and self._shell.currentScreen == Screen.IDENTIFY:
            self._consumed = True
            self._shell.open("check_face")

    def _on_event(self, event: object, generation: int) -> None:
        on_reader = self._core.identity.card_on_reader
        if on_reader != self._on_reader:  # whoever's it is: a card left behind matters after a wipe too
            self._on_reader = on_reader
            self.cardChanged.emit()
        if generation != self._core.session.generation:
            return  # read for a visitor who has gone: the wipe already cleared the core
        if isinstance(event, IdentityPresented):
            self.cardRead.emit()
            self._presented = event
            self._consumed = False
            if event.accepted:
                self._state, self._problem = ACCEPTED, None
            else:
                self._state, self._problem = REFUSED, event.problem.citizen if event.problem else None
            self.changed.emit()
            # a card placed after the face check passed (someone else's, perhaps) must pass its own check
            back_to = flow.after_card_read(self._shell.currentScreen, self._core.visit.verified() is not None)
            if back_to is not None:
                log.info("card replaced on %s: identify again", self._shell.currentScreen)
                self._shell.rewind(back_to)  # Identify takes the new card to its face check when it is accepted
            self._advance()
        elif isinstance(event, IdentityRemoved):
            if self._state in (REFUSED, PROBLEM):  # the refused card went away: back to the instruction
                self._state, self._problem, self._presented = WAITING, None, None
                self.changed.emit()
            # an accepted identity stays: lifting the card during the face check is normal
        elif isinstance(event, IdentityProblem):
            if self._state != ACCEPTED:
                self._state, self._problem, self._presented = PROBLEM, event.problem.citizen, None
                self.changed.emit()
        elif isinstance(event, ReaderState):
            self._reader(event)
            self.changed.emit()

    def _reader(self, state: ReaderState) -> None:
        if state.source == "idcard":
            self._reader_problem = None if state.connected else (state.problem.citizen if state.problem else None)
