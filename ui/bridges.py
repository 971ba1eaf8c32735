"""The view-models each feature adds to QML, built around the kiosk core (one line per feature)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtQml import QQmlApplicationEngine

from kiosk.app import KioskCore
from ui.apply_bridge import ApplyBridge
from ui.apply_for_bridge import ApplyForBridge
from ui.care_bridge import CareBridge
from ui.catalog_bridge import CatalogBridge
from ui.certificate_bridge import CertificateBridge
from ui.checklist_bridge import ChecklistBridge
from ui.face_bridge import PROVIDER, FaceBridge
from ui.glossary_bridge import GlossaryBridge
from ui.hours_bridge import HoursBridge
from ui.identity_bridge import IdentityBridge
from ui.maintenance_bridge import MaintenanceBridge
from ui.materials_bridge import PROVIDER as MATERIAL_PROVIDER, MaterialsBridge
from ui.preview import FrameStore, PreviewProvider
from ui.progress_bridge import PROVIDER as SCAN_PROVIDER, ProgressBridge
from ui.qr_provider import PROVIDER as QR_PROVIDER, QrProvider, QrTexts
from ui.rating_bridge import RatingBridge
from ui.shell import Shell
from ui.staff_call_bridge import StaffCallBridge
from ui.ticket_bridge import TicketBridge


def make_bridges(core: KioskCore, shell: Shell, engine: QQmlApplicationEngine) -> dict[str, QObject]:
    """name -> view-model (a KioskApp singleton in QML); features register image providers on `engine` here."""
    bridges: dict[str, QObject] = {}
    bridges["identity"] = IdentityBridge(core, shell)
    # the camera preview: the engine owns the provider, the bridge owns the frames it hands out
    engine.addImageProvider(PROVIDER, PreviewProvider(frames := FrameStore()))
    bridges["faceCheck"] = FaceBridge(core, shell, frames)
    engine.addImageProvider(QR_PROVIDER, QrProvider(qr := QrTexts()))  # on-screen QR when the printer is out
    bridges["catalog"] = CatalogBridge(core, shell, qr)
    bridges["ticket"] = TicketBridge(core, shell, qr)
    bridges["checklist"] = ChecklistBridge(core, shell, qr)
    bridges["apply"] = ApplyBridge(core, shell, qr)
    bridges["applyFor"] = ApplyForBridge(core, shell)
    engine.addImageProvider(MATERIAL_PROVIDER, PreviewProvider(pages := FrameStore()))  # materials to photograph
    bridges["materials"] = MaterialsBridge(core, shell, pages)
    bridges["rating"] = RatingBridge(core, shell)
    engine.addImageProvider(SCAN_PROVIDER, PreviewProvider(scans := FrameStore()))  # a receipt held to the camera
    bridges["progress"] = ProgressBridge(core, shell, scans)
    bridges["certificates"] = CertificateBridge(core, shell)
    bridges["maintenance"] = MaintenanceBridge(core, shell)
    bridges["care"] = CareBridge(core, shell, bridges["maintenance"].access)
    bridges["staffCall"] = StaffCallBridge(core, shell)
    bridges["hours"] = HoursBridge(core, shell)
    bridges["glossary"] = GlossaryBridge(core, shell)
    return bridges
