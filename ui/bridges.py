"""The view-models each feature adds to QML, built around the kiosk core (one line per feature)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtQml import QQmlApplicationEngine

from kiosk.app import KioskCore
from ui.shell import Shell


def make_bridges(core: KioskCore, shell: Shell, engine: QQmlApplicationEngine) -> dict[str, QObject]:
    """name -> QObject set as a QML context property; features register image providers on `engine` here."""
    bridges: dict[str, QObject] = {}
    return bridges
