"""Spoken prompts through QtTextToSpeech (speech-dispatcher in the field, Qt's mock engine in tests)."""

from __future__ import annotations

import logging
import os
import time
from typing import Callable

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.config import LocaleConfig
from kiosk.voice_tuning import VoiceTuning
from ui.bridge import registered

log = logging.getLogger(__name__)


@registered
class Voice(QObject):
    spoken = Signal(str)  # every prompt handed to the engine, so tests can see what was said
    beeped = Signal()
    tuningChanged = Signal()
    availableChanged = Signal()

    def __init__(self, locale: LocaleConfig, beep: Callable[[], None] = lambda: None,
                 parent: QObject | None = None, *, open_now: bool = True) -> None:
        """open_now=False leaves the speech engine (tens of ms to start) to open(): `kiosk run` opens it after
        the attract screen's first frame, which says nothing."""
        super().__init__(parent)
        self._enabled = locale.voice_prompts
        self._configured = VoiceTuning.configured(locale.voice_volume, locale.voice_rate)
        self._tuning = self._configured
        self._beep = beep
        self._tts = None
        self._language = "zh_CN"
        self._announcing_until = 0.0
        self._announced = ""
        self._opened = False
        if open_now:
            self.open()

    def open(self) -> None:
        """Starts the speech engine when prompts are on; once."""
        if self._opened or not self._enabled:
            return
        self._opened = True
        self._open()
        if self._tts is not None:
            self.availableChanged.emit()

    def _open(self) -> None:
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:
            log.error("QtTextToSpeech missing; voice prompts off")
            return
        engine = os.environ.get("KIOSK_TTS_ENGINE", "speechd")
        if engine not in QTextToSpeech.availableEngines():
            log.warning("speech engine %s unavailable (have %s); voice prompts off",
                        engine, QTextToSpeech.availableEngines())
            return
        self._tts = QTextToSpeech(engine, self)
        self._apply()
        self.setLanguage(self._language)

    def _apply(self) -> None:
        if self._tts is not None:
            self._tts.setVolume(self._tuning.volume)
            self._tts.setRate(self._tuning.rate)
        self.tuningChanged.emit()

    def _tune(self, step: str) -> None:
        self._tuning = getattr(self._tuning, step)()
        self._apply()

    # -- the elderly-mode voice panel: this visitor's volume and rate (back to the hall's own when the visit ends)
    @Property(int, notify=tuningChanged)
    def volumeLevel(self) -> int:
        return self._tuning.volume_level

    @Property(int, notify=tuningChanged)
    def rateLevel(self) -> int:
        return self._tuning.rate_level

    @Property("QVariantMap", notify=tuningChanged)
    def can(self) -> dict:
        return self._tuning.can

    @Slot()
    def louder(self) -> None:
        self._tune("louder")

    @Slot()
    def quieter(self) -> None:
        self._tune("quieter")

    @Slot()
    def faster(self) -> None:
        self._tune("faster")

    @Slot()
    def slower(self) -> None:
        self._tune("slower")

    @Slot()
    def resetTuning(self) -> None:
        self._tuning = self._configured
        self._apply()

    @Property(bool, notify=availableChanged)
    def available(self) -> bool:
        return self._tts is not None

    @Slot(str)
    def setLanguage(self, language: str) -> None:
        self._language = language
        if self._tts is None:
            return
        from PySide6.QtCore import QLocale

        wanted = QLocale(QLocale.Language.Chinese if language.startswith("zh") else QLocale.Language.English)
        for loc in self._tts.availableLocales():
            if loc.language() == wanted.language():
                self._tts.setLocale(loc)
                break

    @Slot(str)
    def say(self, text: str) -> None:
        """A screen's prompt: replaces what is being said, unless an announcement is still running."""
        if self._tts is None or not text:
            return
        if time.monotonic() < self._announcing_until:
            if text == self._announced:  # a screen whose prompt is the announcement itself (take your card)
                return
            self._tts.enqueue(text)
        else:
            self._tts.stop()
            self._tts.say(text)
        self.spoken.emit(text)

    @Slot(str)
    def announce(self, text: str) -> None:
        """Something the citizen must hear whole (take your card back): the next screen's prompt waits for it."""
        if self._tts is None or not text:
            return
        self._tts.stop()
        self._tts.say(text)
        self._announcing_until = time.monotonic() + 0.3 * len(text)  # about the time it takes to say it
        self._announced = text
        self.spoken.emit(text)

    @Slot()
    def beep(self) -> None:
        """A short tone (a card was read): heard even by someone who does not look at the screen."""
        if self._enabled:
            self._beep()
            self.beeped.emit()

    def speaking(self) -> bool:
        from PySide6.QtTextToSpeech import QTextToSpeech

        return self._tts is not None and self._tts.state() == QTextToSpeech.State.Speaking

    @Slot()
    def stop(self) -> None:
        """Silence now (the session ended): nothing of the last visitor is still being said to the next one, and
        the next one hears the hall's volume and rate, not the last visitor's."""
        self._announcing_until = 0.0
        if self._tts is not None:
            self._tts.stop()
        if self._tuning != self._configured:
            self.resetTuning()
