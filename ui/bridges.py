"""The view-models each feature adds to QML, built around the kiosk core (one line per feature)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtQml import QQmlApplicationEngine

from kiosk.app import KioskCore
from ui.apply_bridge import ApplyBridge
from ui.catalog_bridge import CatalogBridge
from ui.certificate_bridge import CertificateBridge
from ui.face_bridge import PROVIDER, FaceBridge, FrameStore, PreviewProvider
from ui.identity_bridge import IdentityBridge
from ui.maintenance_bridge import MaintenanceBridge
from ui.materials_bridge import PROVIDER as MATERIAL_PROVIDER, MaterialsBridge
from ui.progress_bridge import ProgressBridge
from ui.qr_provider import PROVIDER as QR_PROVIDER, QrProvider, QrTexts
from ui.shell import Shell


def make_bridges(core: KioskCore, shell: Shell, engine: QQmlApplicationEngine) -> dict[str, QObject]:
    """name -> QObject set as a QML context property; features register image providers on `engine` here."""
    bridges: dict[str, QObject] = {}
    bridges["identity"] = IdentityBridge(core, shell)
    # the camera preview: the engine owns the provider, the bridge owns the frames it hands out
    engine.addImageProvider(PROVIDER, PreviewProvider(frames := FrameStore()))
    bridges["faceCheck"] = FaceBridge(core, shell, frames)
    engine.addImageProvider(QR_PROVIDER, QrProvider(qr := QrTexts()))  # on-screen QR when the printer is out
    bridges["catalog"] = CatalogBridge(core, shell, qr)
    bridges["apply"] = ApplyBridge(core, shell, qr)
    engine.addImageProvider(MATERIAL_PROVIDER, PreviewProvider(pages := FrameStore()))  # materials to photograph
    bridges["materials"] = MaterialsBridge(core, shell, pages)
    bridges["apply"].attachments_for = bridges["materials"].attachments
    bridges["progress"] = ProgressBridge(core, shell)
    bridges["certificates"] = CertificateBridge(core, shell)
    bridges["maintenance"] = MaintenanceBridge(core, shell)
    return bridges
