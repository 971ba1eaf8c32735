"""The view-models each feature adds to QML, built around the kiosk core (one line per feature)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtQml import QQmlApplicationEngine

from kiosk.app import KioskCore
from ui.face_bridge import PROVIDER, FaceBridge, FrameStore, PreviewProvider
from ui.identity_bridge import IdentityBridge
from ui.shell import Shell


def make_bridges(core: KioskCore, shell: Shell, engine: QQmlApplicationEngine) -> dict[str, QObject]:
    """name -> QObject set as a QML context property; features register image providers on `engine` here."""
    bridges: dict[str, QObject] = {}
    bridges["identity"] = IdentityBridge(core, shell)
    # the camera preview: the engine owns the provider, the bridge owns the frames it hands out
    engine.addImageProvider(PROVIDER, PreviewProvider(frames := FrameStore()))
    bridges["faceCheck"] = FaceBridge(core, shell, frames)
    return bridges
