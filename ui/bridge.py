"""The base of every view-model: QML singleton registration, worker runs answered on the GUI thread, bilingual text."""

from __future__ import annotations

import logging
import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtQml import QJSEngine, QQmlEngine

from kiosk.app import KioskCore
from kiosk.i18n import Text

log = logging.getLogger(__name__)

QML_IMPORT_NAME = "KioskApp"  # `import KioskApp` in QML; qmllint checks every name against the generated types
QML_IMPORT_MAJOR_VERSION = 1

# the view-models of each engine, by type: QML asks for a singleton per engine (tests build many engines)
_INSTANCES: dict[str, dict[type, QObject]] = {}


def provide(engine: QQmlEngine, objects: list[QObject]) -> None:
    """Makes `objects` the singletons `engine` hands to QML (call before loading any QML into it)."""
    key = f"kiosk-engine-{id(engine)}"
    engine.setObjectName(key)
    _INSTANCES[key] = {type(o): o for o in objects}


def forget(engine: QQmlEngine) -> None:
    _INSTANCES.pop(engine.objectName(), None)


def singleton_for(cls: type, engine: QQmlEngine) -> QObject:
    """What a view-model class's QML `create` returns: the instance made for this engine, kept by Python."""
    obj = _INSTANCES[engine.objectName()][cls]
    QJSEngine.setObjectOwnership(obj, QJSEngine.ObjectOwnership.CppOwnership)  # never deleted by the engine
    return obj


class Bridge(QObject):
    """What every view-model shares: blocking work in a thread whose answer reaches the GUI thread, dropped when
    the visitor it was for has gone (the session generation moved on); citizen text in the current language."""

    _answered = Signal(object, object, int)  # callback, payload, session generation the work started in

    def __init__(self, core: KioskCore, shell: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._core, self._shell = core, shell
        self._answered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @staticmethod
    def create(engine: QQmlEngine) -> QObject:  # overridden per class by `registered`
        raise NotImplementedError

    def _t(self, text: Text | None) -> str:
        return text.get(self._shell.language) if text is not None else ""

    def post(self, callback: Callable[[Any], None], payload: Any = None, generation: int | None = None) -> None:
        """From any thread: `callback(payload)` on the GUI thread, unless the session was wiped meanwhile."""
        gen = self._core.session.generation if generation is None else generation
        self._answered.emit(callback, payload, gen)

    def run(self, name: str, work: Callable[[], Any], on_done: Callable[[Any], None],
            on_failed: Callable[[Exception], None]) -> None:
        """`work()` in a worker thread; its result or exception is handed to the GUI thread (never both)."""
        gen = self._core.session.generation

        def worker() -> None:
            try:
                result = work()
            except Exception as exc:  # every failure reaches the screen as a plain message, never a crash
                log.debug("%s failed: %s", name, type(exc).__name__)
                self.post(on_failed, exc, gen)
                return
            self.post(on_done, result, gen)

        threading.Thread(target=worker, name=name, daemon=True).start()

    def _deliver(self, callback: Callable[[Any], None], payload: Any, generation: int) -> None:
        if generation == self._core.session.generation:
            callback(payload)


_REGISTERED: list[type] = []


def registered(cls: type) -> type:
    """Class decorator: the view-model is a QML singleton of KioskApp, one instance per engine (see provide)."""
    from PySide6.QtQml import QmlElement, QmlSingleton

    cls.create = staticmethod(lambda engine: singleton_for(cls, engine))
    _REGISTERED.append(cls)
    return QmlElement(QmlSingleton(cls))


def registered_classes() -> list[type]:
    """Every view-model QML sees, for tools that describe them (qmllint's type information)."""
    return list(_REGISTERED)
