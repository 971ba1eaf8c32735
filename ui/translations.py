"""Qt translations: .ts sources in ui/i18n are compiled to .qm when missing or stale, then swapped at run time."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtQml import QQmlApplicationEngine

log = logging.getLogger(__name__)

I18N = Path(__file__).resolve().parent / "i18n"
# the QML source strings are simplified Chinese, so they need no translator; English is kiosk_en.ts, traditional
# Chinese kiosk_zh_TW.ts (made from the sources by OpenCC: python -m ui.traditional_ts)
LANGUAGES = {"zh_CN": None, "en": "kiosk_en", "zh_TW": "kiosk_zh_TW"}


def _lrelease() -> str | None:
    exe = Path(sys.executable).parent / "pyside6-lrelease"
    return str(exe) if exe.exists() else shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compile_qm(ts: Path) -> Path | None:
    """Builds <name>.qm next to the .ts (or in a cache when the package folder is read-only)."""
    qm = ts.with_suffix(".qm")
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    tool = _lrelease()
    if tool is None:
        log.error("no lrelease tool found; English text will show in Chinese")
        return None
    result = subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True)
    if result.returncode != 0 or not qm.exists():
        log.error("lrelease failed for %s: %s", ts.name, result.stderr.strip()[:300])
        return None
    return qm


class Translations:
    def __init__(self, app: QCoreApplication, engine: QQmlApplicationEngine | None = None) -> None:
        self._app = app
        self.engine = engine
        self._translator: QTranslator | None = None
        self.language = "zh_CN"

    def switch(self, language: str) -> bool:
        if language not in LANGUAGES:
            log.error("unknown language %s", language)
            return False
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator = None
        name = LANGUAGES[language]
        ok = True
        if name:
            qm = compile_qm(I18N / f"{name}.ts")
            translator = QTranslator(self._app)
            if qm is not None and translator.load(str(qm)):
                self._app.installTranslator(translator)
                self._translator = translator
            else:
                ok = False
        self.language = language
        if self.engine is not None:
            self.engine.retranslate()
        return ok

    def close(self) -> None:
        """The window is gone: its translator leaves the application (a next window starts in its own language)."""
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator = None
        self.engine = None
