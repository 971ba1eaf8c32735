"""The progress screen's "scan receipt QR": the waiting panel with its way out, and a foreign code's message, in
both orientations and languages, with the simulated camera; screenshots in test-artifacts/screens for review."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from drivers.printer.raster import qr_ink
from kiosk.receipt_scan import FOREIGN
from tests.helpers.contrast import samples
from tests.helpers.e2e import text_of
from tests.helpers.qml import find_visible, grab, settle, tap

SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080)}


def _wechat_png(path) -> str:
    ink = np.asarray(qr_ink("https://u.wechat.com/EFsBmWdTq3LxyzQ", 8))
    Image.fromarray((255 - np.pad(ink, 32)).astype(np.uint8), "L").save(path)
    return str(path)


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_scan_waits_with_a_way_out_and_words_a_foreign_code(qtbot, make_ui, artifacts_dir, tmp_path, orientation):
    w, h = SIZES[orientation]
    ui = make_ui(orientation, hardware=True, display={"width": w, "height": h})
    progress = ui.bridges["progress"]
    ui.shell.start()
    tap(qtbot, ui.window, "home_progress")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Progress")
    tap(qtbot, ui.window, "progressScan")
    qtbot.waitUntil(lambda: progress.state == "scanning")
    settle(qtbot, 400)
    assert text_of(ui, "progressScanText") == "请将回执上的二维码对准摄像头，保持不动"
    assert find_visible(ui.window, "progressScan") is None
    page = find_visible(ui.window, "screenStack").property("currentItem")
    rows = samples(ui.window, page, min(w, h) / 720, False)
    assert all(s.ok for s in rows), [s for s in rows if not s.ok]
    grab(ui.window, artifacts_dir / "screens" / f"progress_scan_waiting_{orientation}.png")

    tap(qtbot, ui.window, "progressScanCancel")
    qtbot.waitUntil(lambda: progress.state == "")
    qtbot.waitUntil(lambda: find_visible(ui.window, "progressScan") is not None)

    ui.core.tray.choose("camera", "held", _wechat_png(tmp_path / "wechat.png"))
    tap(qtbot, ui.window, "progressScan")
    qtbot.waitUntil(lambda: progress.state == "failed", timeout=30_000)
    settle(qtbot, 400)
    assert progress.problem == FOREIGN.citizen.zh
    assert find_visible(ui.window, "progressScan") is not None  # try again, or type the number
    grab(ui.window, artifacts_dir / "screens" / f"progress_scan_foreign_{orientation}.png")
    ui.shell.language = "en"
    settle(qtbot, 400)
    assert progress.problem == FOREIGN.citizen.en
    assert text_of(ui, "progressScan") == "Scan receipt QR"
    grab(ui.window, artifacts_dir / "screens" / f"progress_scan_foreign_{orientation}_en.png")
