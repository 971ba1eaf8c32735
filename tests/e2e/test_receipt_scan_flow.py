"""A receipt a phone can follow: the printed receipt's QR (decoded from the simulated printer's PNG) opens central's
public progress page over real HTTP, and the same receipt held up to the simulated camera at the progress screen
brings the answer; a foreign code gets a plain message. Simulated devices, real queue, real central on 127.0.0.1."""

from __future__ import annotations

import httpx
import numpy as np
import pytest
from PIL import Image
from pytestqt.exceptions import TimeoutError

from drivers.printer.raster import qr_ink
from kiosk import queue_view
from kiosk.receipt_scan import FOREIGN
from protocol import signing
from protocol import receipt_link
from protocol.receipt_link import tracking_of
from tests.helpers.apply import CARD_NAME, CARD_NUMBER, decode_qr
from tests.helpers.e2e import FLOW, receipts, screen_texts, text_of
from tests.helpers.identify import resize, sim_config
from tests.helpers.printer import Outcomes
from tests.helpers.qml import find_visible, grab, settle, tap


@pytest.fixture
def kiosk(qapp, tmp_path, shared_faces, central):
    """As tests/e2e/conftest.py's kiosk, with [central] public_url at the test central: the phone's page and the
    terminal's API are one server here, so the printed URL is fetched as it is (no host rewritten)."""
    from kiosk.app import KioskCore
    from kiosk.config import load
    from ui.app import KioskUi

    secret = tmp_path / "var" / "terminal.secret"
    secret.parent.mkdir(parents=True, exist_ok=True)
    signing.write_secret(secret, central.secret)
    core = KioskCore(load(sim_config(tmp_path, shared_faces, central={
        "url": central.url, "public_url": central.url, "credentials_file": str(secret),
        "sync_interval_seconds": 0.2, "backoff_base_seconds": 0.2, "backoff_cap_seconds": 1, "timeout_seconds": 5})))
    ui = KioskUi(core, qapp, windowed=True)
    ui.receipts = tmp_path / "var" / "receipts"
    yield ui
    ui.close()
    core.close()


def _print_receipt(qtbot, ui, record_id: str) -> str:
    """The submission receipt as the maintenance reprint builds it (same template and data as after applying)."""
    subs = ui.core.submissions
    [made] = [r for r in queue_view.view(subs).recent if r["id"] == record_id]
    data = queue_view.receipt_data(subs, ui.core.catalog, made["seq"], made["id"],
                                   public_url=ui.core.cfg.central.public_url)
    before = len(receipts(ui))
    done = Outcomes()
    ui.core.printing.print("submission_receipt", data, done.on_done, done.on_failed)
    done.wait(60)
    assert done.done and not done.failed
    qtbot.waitUntil(lambda: len(receipts(ui)) > before, timeout=10_000)
    return str(receipts(ui)[-1])


def _watch(ui, progress) -> list:
    """Every state the progress screen passes through, with the screen and session then: a scan that never ends
    says where it stopped (a CI run once waited out its two minutes with nothing to show)."""
    seen: list = []
    progress.changed.connect(lambda: seen.append(
        (progress.state, progress.problem, ui.shell.currentScreen, ui.core.session.generation)))
    return seen


def _camera_now(ui, folder) -> dict:
    """What the camera showed when a scan failed (a CI run once saw no code for 30 s): its picture is kept beside
    the test's files, and whether a code can be read in it."""
    import cv2

    from kiosk.receipt_scan import Decoder

    camera = ui.core.devices.get("camera")
    latest = camera.latest() if camera is not None else None
    seen = {"held": [c.get() for c in ui.core.tray.choices if c.key == "held"], "health": camera and camera.health()}
    if latest is not None:
        cv2.imwrite(str(folder / "camera-at-failure.png"), latest.image)
        seen["decoded"] = Decoder().read(latest.image)
    return seen


def test_receipt_qr_opens_the_public_page_and_scans_at_the_kiosk(qtbot, kiosk, central, tmp_path):
    ui, progress = kiosk, kiosk.bridges["progress"]
    ui.shell.start()
    subs = ui.core.submissions
    done = subs.submit("ZJ-002", {"phone": "13800138000"}, {"name": CARD_NAME, "id_number": CARD_NUMBER})
    qtbot.waitUntil(lambda: subs.store.lookup(done.tracking).state == "acknowledged", timeout=30_000)
    central.store.set_status(done.tracking, "reviewing")

    png = _print_receipt(qtbot, ui, done.record_id)
    url = decode_qr(png)
    assert url == f"{central.url}/p/{done.tracking}.{receipt_link.token(subs.link_secret, done.tracking)}"
    page = httpx.get(url, timeout=10)  # what a phone opens
    assert page.status_code == 200 and "审核中" in page.text and "Under review" in page.text
    assert CARD_NAME not in page.text and CARD_NUMBER not in page.text and CARD_NUMBER[-4:] not in page.text

    # the same paper held up to the kiosk camera at the progress screen
    tap(qtbot, ui.window, "home_progress")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Progress")
    ui.core.tray.choose("camera", "held", png)
    seen = _watch(ui, progress)
    tap(qtbot, ui.window, "progressScan")
    try:
        qtbot.waitUntil(lambda: progress.state in ("done", "failed"), timeout=FLOW)
    except TimeoutError as e:
        raise AssertionError(f"the scan never ended: {seen}") from e
    settle(qtbot)
    assert progress.state == "done", (seen, _camera_now(ui, tmp_path))
    assert tracking_of(progress.results[0]["tracking"]) == done.tracking
    assert text_of(ui, "progressStatus_0") == "审核中"
    assert text_of(ui, "progressSource_0") == "来自政务服务平台"


def test_a_foreign_code_at_the_camera_gets_a_plain_message(qtbot, kiosk, tmp_path):
    ui, progress = kiosk, kiosk.bridges["progress"]
    ui.shell.start()
    tap(qtbot, ui.window, "home_progress")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Progress")
    ink = np.asarray(qr_ink("https://u.wechat.com/EFsBmWdTq3LxyzQ", 8))
    Image.fromarray((255 - np.pad(ink, 32)).astype(np.uint8), "L").save(tmp_path / "wechat.png")
    ui.core.tray.choose("camera", "held", str(tmp_path / "wechat.png"))
    tap(qtbot, ui.window, "progressScan")
    qtbot.waitUntil(lambda: progress.state == "failed", timeout=FLOW)
    settle(qtbot)
    assert text_of(ui, "progressProblem") == FOREIGN.citizen.zh or FOREIGN.citizen.zh in screen_texts(ui)


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_the_citizen_sees_what_the_camera_sees_while_it_looks(qtbot, kiosk, tmp_path, artifacts_dir, orientation):
    ui, progress = kiosk, kiosk.bridges["progress"]
    resize(ui.window, orientation)
    ui.shell.start()
    tap(qtbot, ui.window, "home_progress")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Progress")
    # a paper without a code: the camera keeps looking, and the citizen sees the paper move
    Image.fromarray(np.full((480, 640), 200, np.uint8), "L").save(tmp_path / "blank.png")
    ui.core.tray.choose("camera", "held", str(tmp_path / "blank.png"))
    tap(qtbot, ui.window, "progressScan")
    qtbot.waitUntil(lambda: progress.scanFrameNo >= 3)
    settle(qtbot)
    picture = find_visible(ui.window, "progressScanImage")
    assert picture is not None and picture.width() > 0 and progress.scanHasFrame
    grab(ui.window, artifacts_dir / "screens" / f"progress_scanning_{orientation}.png")
    tap(qtbot, ui.window, "progressScanCancel")
    qtbot.waitUntil(lambda: progress.state == "")
    # the picture goes with the scan: nothing of it stays for the next visitor
    assert not progress.scanHasFrame and progress.scanFrameNo == 0
    assert find_visible(ui.window, "progressScanImage") is None
