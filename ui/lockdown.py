"""The kiosk session's lockdown: keys and gestures that would leave, switch or reveal anything else are eaten."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QTouchEvent

log = logging.getLogger(__name__)

K = Qt.Key
M = Qt.KeyboardModifier
_SUPER_KEYS = {K.Key_Meta, K.Key_Super_L, K.Key_Super_R, K.Key_Hyper_L, K.Key_Hyper_R, K.Key_Menu}
_FUNCTION_KEYS = {getattr(K, f"Key_F{n}") for n in range(1, 36)}
# what a desktop would make of these: close (Alt+F4, Ctrl+W, Ctrl+Q), switch (Alt+Tab, Alt+Esc), menus (Alt+Space)
_WITH_ALT = {K.Key_F4, K.Key_Tab, K.Key_Backtab, K.Key_Escape, K.Key_Space}
_WITH_CTRL = {K.Key_Q, K.Key_W, K.Key_Tab, K.Key_Backtab, K.Key_Escape, K.Key_O, K.Key_S, K.Key_P}
_GESTURES = {QEvent.Type.Gesture, QEvent.Type.GestureOverride, QEvent.Type.NativeGesture}
_TOUCH = {QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate}
_KEYS = {QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride, QEvent.Type.Shortcut}


def forbidden_key(key: int, modifiers) -> bool:
    """A key (with its modifiers) that must never reach the app or its window in the kiosk session."""
    mods = M(int(modifiers)) if not isinstance(modifiers, M) else modifiers
    if key in _SUPER_KEYS or mods & M.MetaModifier:
        return True
    ctrl, alt = bool(mods & M.ControlModifier), bool(mods & M.AltModifier)
    if ctrl and alt:  # Ctrl+Alt+Backspace (zap the X server), Ctrl+Alt+F1..F12 (console switch), Ctrl+Alt+Del
        return True
    if key in _FUNCTION_KEYS and (ctrl or alt):
        return True
    return (alt and key in _WITH_ALT) or (ctrl and key in _WITH_CTRL)


class Lockdown(QObject):
    """Application-wide event filter, installed only in fullscreen (kiosk) mode; leaving is staff mode's quit.

    What it cannot see is for the session to block: the compositor (cage) or X server (DontZap, DontVTSwitch)
    handle Ctrl+Alt+Backspace and the console switch before any app hears of them (docs in README)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.eaten = 0  # for tests and diagnostics

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind in _KEYS and isinstance(event, QKeyEvent) and forbidden_key(event.key(), event.modifiers()):
            return self._eat(f"key {event.key():#x}")
        if kind == QEvent.Type.ContextMenu:
            return self._eat("context menu")
        if kind in _GESTURES:
            return self._eat("gesture")
        if kind in _TOUCH and isinstance(event, QTouchEvent) and len(event.points()) > 1:
            return self._eat("multi-finger touch")  # pinch, rotate, two-finger swipe: a second finger does nothing
        return False

    def _eat(self, what: str) -> bool:
        self.eaten += 1
        log.debug("lockdown: %s ignored", what)
        return True
