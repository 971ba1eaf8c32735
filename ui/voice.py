"""Spoken prompts through QtTextToSpeech (speech-dispatcher in the field, Qt's mock engine in tests)."""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import Property, QObject, Signal, Slot

log = logging.getLogger(__name__)


class Voice(QObject):
    spoken = Signal(str)  # every prompt handed to the engine, so tests can see what was said

    def __init__(self, enabled: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._enabled = enabled
        self._tts = None
        self._language = "zh_CN"
        if enabled:
            self._open()

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
        self.setLanguage(self._language)

    @Property(bool, constant=True)
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
        if self._tts is None or not text:
            return
        self._tts.stop()
        self._tts.say(text)
        self.spoken.emit(text)

    @Slot()
    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()
