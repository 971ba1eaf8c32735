"""Printing a certificate end to end: simulated reader, camera and printer, a real queue and a real central on
127.0.0.1. An earlier application is completed at central -> home tile -> card + face check -> the offers ->
tap -> issued and printed -> the paper's QR leads to the public verification, which names nobody in full."""

from __future__ import annotations

import httpx

from tests.helpers.apply import CARD_NAME, CARD_NUMBER, decode_qr, pass_face_check
from tests.helpers.e2e import identify_from_home, receipts, screen_texts
from tests.helpers.qml import grab, settle, tap


def completed_application(qtbot, ui, central) -> str:
    done = ui.core.submissions.submit("ZJ-002", {"phone": "13800138000"}, {"name": CARD_NAME, "id_number": CARD_NUMBER})
    store = ui.core.submissions.store
    qtbot.waitUntil(lambda: store.lookup(done.tracking).state in ("acknowledged", "rejected"), timeout=30_000)
    assert store.lookup(done.tracking).state == "acknowledged", store.lookup(done.tracking).reject_reason
    central.store.set_status(done.tracking, "completed")  # staff at central finish it
    return done.tracking


def test_card_face_then_a_completion_certificate_is_printed_and_verifiable(qtbot, kiosk, central, artifacts_dir):
    ui, certificates = kiosk, kiosk.bridges["certificates"]
    tracking = completed_application(qtbot, ui, central)
    identify_from_home(qtbot, ui, "home_certificates")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Certificates")
    qtbot.waitUntil(lambda: certificates.state in ("offers", "failed"), timeout=20_000)
    assert certificates.state == "offers", certificates.problem
    assert tracking in certificates.offers[1]["subject"]
    settle(qtbot)
    before = len(receipts(ui))
    tap(qtbot, ui.window, "certificateOffer_1")
    qtbot.waitUntil(lambda: certificates.printState == "printed", timeout=20_000)
    settle(qtbot, 500)
    grab(ui.window, artifacts_dir / "screens" / "certificates_printed_portrait.png")
    assert CARD_NAME not in screen_texts(ui) and CARD_NUMBER not in screen_texts(ui)
    printed = receipts(ui)
    assert len(printed) == before + 1, "no certificate rendered by the printer simulator"
    url = decode_qr(printed[-1])
    code = certificates.issued["verifyCode"]
    assert url.endswith("/verify/" + code)
    # anyone scanning the paper learns that it is genuine, and whose it is only as 张*
    answer = httpx.get(f"{central.url}/verify/{code}", headers={"Accept": "application/json"}, timeout=5).json()
    assert answer["valid"] is True and answer["certificate_number"] == certificates.issued["number"]
    assert CARD_NAME not in str(answer) and CARD_NUMBER not in str(answer)
    tap(qtbot, ui.window, "certificateDone")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Rating")


def test_paper_out_then_reprint_gives_the_same_certificate(qtbot, kiosk, central):
    ui, tray, certificates = kiosk, kiosk.core.tray, kiosk.bridges["certificates"]
    completed_application(qtbot, ui, central)
    ui.shell.start()
    tray.choose("idcard", "card", "zhang_normal")  # read on Home; the face check result is set below
    qtbot.waitUntil(lambda: ui.core.identity.current is not None, timeout=10_000)
    pass_face_check(ui.core)
    tray.choose("printer", "paper", "out")
    ui.bridges["apply"].startFor("certificates")
    ui.shell.go("Identified")
    settle(qtbot)
    tap(qtbot, ui.window, "identifiedContinue")
    qtbot.waitUntil(lambda: certificates.state == "offers", timeout=20_000)
    settle(qtbot)
    before = len(receipts(ui))
    tap(qtbot, ui.window, "certificateOffer_1")
    qtbot.waitUntil(lambda: certificates.printState == "failed", timeout=20_000)
    assert len(receipts(ui)) == before  # nothing came out
    number = certificates.issued["number"]
    tray.choose("printer", "paper", "ok")
    settle(qtbot)
    tap(qtbot, ui.window, "certificateReprint")
    qtbot.waitUntil(lambda: certificates.printState == "printed", timeout=20_000)
    assert len(receipts(ui)) == before + 1 and certificates.issued["number"] == number
    assert central.store._q("SELECT COUNT(*) FROM certificates")[0][0] == 1
