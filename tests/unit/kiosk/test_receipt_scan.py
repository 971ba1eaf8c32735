"""Progress by scanning: the simulated camera shows a held-up receipt or another code, the scan answers."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from PIL import Image, ImageDraw

from drivers.camera.capture import Camera
from drivers.camera.sim_faces import SimPeople
from drivers.camera.simulated import SimulatedSource
from drivers.printer.layout import build
from drivers.printer.profile import Profile
from drivers.printer.raster import qr_ink
from kiosk import receipt_scan
from kiosk.receipt_scan import DAMAGED, FOREIGN, NO_CAMERA, TIMED_OUT, ScanCancelled, ScanFailed
from tests.helpers.printer import SAMPLE_DATA, render_bytes

RECEIPT = SAMPLE_DATA["submission_receipt"]


def _qr_png(path, text: str, module: int = 8) -> str:
    ink = np.asarray(qr_ink(text, module))
    paper = np.pad(255 - ink, 4 * module, constant_values=255)  # white paper, black modules, quiet zone
    Image.fromarray(paper.astype(np.uint8), "L").save(path)
    return str(path)


def _scan(camera, **kw) -> str:
    return receipt_scan.scan(camera, threading.Event(), **kw)


@pytest.fixture
def rig(tmp_path):
    source = SimulatedSource(640, 480)
    people = SimPeople(source, tmp_path, 640, 480, 15)
    camera = Camera(source, fps=15)
    camera.start()
    yield people, camera
    camera.close()


@pytest.mark.parametrize("mode", ["raster", "text"])
def test_a_printed_receipt_held_up_gives_its_number(rig, tmp_path, mode):
    people, camera = rig
    [paper] = render_bytes(build("submission_receipt", RECEIPT, Profile(58, mode)), 384)
    paper.save(tmp_path / "receipt.png")
    people.hold(str(tmp_path / "receipt.png"))
    assert _scan(camera) == RECEIPT["tracking_number"]


def test_a_receipt_link_with_its_token_reads(rig, tmp_path):
    people, camera = rig
    number = RECEIPT["tracking_number"]
    people.hold(_qr_png(tmp_path / "new.png", f"https://zwfw.example.gov.cn/p/{number}.0123456789abcdef0123"))
    assert _scan(camera) == number


def test_an_old_receipt_with_the_bare_number_still_reads(rig, tmp_path):
    people, camera = rig
    people.hold(_qr_png(tmp_path / "old.png", RECEIPT["tracking_number"]))
    assert _scan(camera) == RECEIPT["tracking_number"]


@pytest.mark.parametrize("text", ["https://u.wechat.com/EFsBmWdTq3LxyzQ",
                                  "https://zwfw.example.gov.cn/p/SIM-0001-20261123-000042-M",  # bad check char
                                  "wxp://f2f0abcdef"])
def test_a_foreign_code_is_told_at_once(rig, tmp_path, text):
    people, camera = rig
    people.hold(_qr_png(tmp_path / "other.png", text))
    with pytest.raises(ScanFailed) as failed:
        _scan(camera)
    assert failed.value.args[0] is FOREIGN


def test_a_damaged_code_is_told(rig, tmp_path):
    people, camera = rig
    path = _qr_png(tmp_path / "torn.png", RECEIPT["progress_qr"])
    image = Image.open(path)
    w, h = image.size
    # a stain over the middle: the finder patterns still show a code is there, its data is gone
    ImageDraw.Draw(image).rectangle((w * 0.3, h * 0.3, w * 0.75, h * 0.75), fill=0)
    image.save(path)
    people.hold(path)
    with pytest.raises(ScanFailed) as failed:
        _scan(camera)
    assert failed.value.args[0] is DAMAGED


def test_nothing_shown_times_out_and_leaving_cancels(rig):
    people, camera = rig
    with pytest.raises(ScanFailed) as failed:
        _scan(camera, timeout=1.0)
    assert failed.value.args[0] is TIMED_OUT
    cancelled = threading.Event()
    cancelled.set()
    with pytest.raises(ScanCancelled):
        receipt_scan.scan(camera, cancelled)
    with pytest.raises(ScanFailed) as failed:
        receipt_scan.scan(None, threading.Event())
    assert failed.value.args[0] is NO_CAMERA


def test_putting_the_picture_down_shows_the_person_again(rig, tmp_path):
    people, _ = rig
    people.hold(_qr_png(tmp_path / "q.png", "x"))
    assert people.held
    people.hold("")
    assert people.held == ""
    with pytest.raises(ValueError):
        people.hold(str(tmp_path / "missing.png"))


def test_every_receipt_code_reads_whatever_its_pattern():
    """Held close with a sensor's noise, each of many different receipt codes is read: the classic detector could
    not read about one in fifteen of them, so a citizen's scan would time out on their particular receipt."""
    import cv2

    from drivers.camera.sim_faces import held_up
    from tests.helpers.receipt_codes import links, slip

    decoder, unread = receipt_scan.Decoder(), []
    for n, link in enumerate(links(60)):
        source = SimulatedSource(640, 480, [held_up(slip(link), 640, 480)])
        source._rng = np.random.default_rng(n)  # this test's noise, the same every run
        if decoder.read(cv2.cvtColor(source.read(), cv2.COLOR_BGR2GRAY)) != link:
            unread.append(n)
    assert unread == []
