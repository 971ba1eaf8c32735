"""A citizen's application end to end: simulated reader, camera and printer, a real queue file and a real central
on 127.0.0.1. Card -> face check -> service -> pre-filled form -> submit -> receipt -> rating -> wipe; progress
from central after sync and from the terminal's own record when central is down; paper out -> QR on screen."""

from __future__ import annotations

from protocol.receipt_link import tracking_of
from protocol.tracking import grouped
from tests.helpers.apply import CARD_NAME, CARD_NUMBER, KeyboardDriver, decode_qr, pass_face_check
from tests.helpers.e2e import identify_from_home, receipts, screen_texts, stop_central, text_of
from tests.helpers.qml import find_visible, grab, settle, tap

SERVICE = "ZJ-002"  # 居民身份证换领: six fields from the card, a phone number and two choices


def fill_the_form(qtbot, ui) -> None:
    """Phone typed on the on-screen keyboard, both choices tapped, then on to the review."""
    assert text_of(ui, "locked_name") == "张**" and text_of(ui, "locked_id_number") == "110105********0039"
    assert text_of(ui, "locked_gender") == "男" and text_of(ui, "locked_birth_date") == "1985-03-12"
    assert CARD_NAME not in screen_texts(ui) and CARD_NUMBER not in screen_texts(ui)
    field = tap(qtbot, ui.window, "field_phone")
    qtbot.waitUntil(lambda: field.hasActiveFocus())
    panel = find_visible(ui.window, "inputPanel")
    qtbot.waitUntil(lambda: panel.property("active"))
    KeyboardDriver(ui.engine).type_digits("13800138000")
    qtbot.waitUntil(lambda: field.property("text") == "13800138000")
    flick = find_visible(ui.window, "applyFormFlick")
    ui.window.contentItem().forceActiveFocus()  # the keyboard goes away, as after tapping a choice
    settle(qtbot)
    flick.setProperty("contentY", max(0.0, flick.property("contentHeight") - flick.height()))  # the citizen scrolls
    settle(qtbot)
    tap(qtbot, ui.window, "choice_delivery_0")
    tap(qtbot, ui.window, "choice_reason_0")
    tap(qtbot, ui.window, "applyNext")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Review")
    settle(qtbot)


def card_then_form(qtbot, ui) -> None:
    """The card read on Home (the face check result set here: the face flow has its own tests), the service's
    form filled, on the review screen."""
    ui.shell.start()
    ui.core.tray.choose("idcard", "card", "zhang_normal")
    qtbot.waitUntil(lambda: ui.core.identity.current is not None, timeout=10_000)
    pass_face_check(ui.core)
    ui.bridges["apply"].choose(SERVICE)
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "ApplyForm")
    settle(qtbot)
    fill_the_form(qtbot, ui)


def submit(qtbot, ui) -> str:
    tap(qtbot, ui.window, "reviewConsent")
    tap(qtbot, ui.window, "reviewSubmit")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Submitted", timeout=10_000)
    return ui.bridges["apply"].trackingNumber


def ask_progress(qtbot, ui, tracking: str) -> None:
    ui.shell.start()
    tap(qtbot, ui.window, "home_progress")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Progress")
    settle(qtbot)
    field = tap(qtbot, ui.window, "progressField")
    field.setProperty("text", tracking)
    tap(qtbot, ui.window, "progressQuery")
    qtbot.waitUntil(lambda: ui.bridges["progress"].state in ("done", "failed"), timeout=20_000)
    settle(qtbot)


def test_card_face_form_submit_receipt_rating_then_local_progress(qtbot, kiosk, central):
    """A village point with the network down the whole visit: everything works from the terminal alone."""
    ui, apply = kiosk, kiosk.bridges["apply"]
    stop_central(central)
    apply.rating_delay_ms = 500  # the rating opens by itself after the receipt; quickly here
    identify_from_home(qtbot, ui, "home_apply")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "ApplyChoose")
    settle(qtbot)
    tap(qtbot, ui.window, f"applyChoose_{SERVICE}")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "ApplyForm")
    settle(qtbot)
    fill_the_form(qtbot, ui)
    tracking = submit(qtbot, ui)
    store = ui.core.submissions.store
    assert store.lookup(tracking) is not None  # committed before anything was printed
    qtbot.waitUntil(lambda: apply.printState == "printed", timeout=20_000)
    settle(qtbot)
    assert text_of(ui, "submittedTracking") == grouped(tracking)  # in short groups to read out
    printed = receipts(ui)
    assert printed, "no receipt rendered by the printer simulator"
    # the QR on the paper opens the committed number's public progress page; the kiosk reads the number back
    assert f"/p/{tracking}." in decode_qr(printed[-1]) and tracking_of(decode_qr(printed[-1])) == tracking
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Rating", timeout=10_000)  # opened by itself
    settle(qtbot)  # a StackView in transition takes no taps
    tap(qtbot, ui.window, "rate_5")
    qtbot.waitUntil(lambda: ui.shell.stack == ["Attract", "TakeCard"], timeout=10_000)  # wiped; the card lies there
    ui.core.tray.choose("idcard", "card", "none")  # the citizen takes it
    qtbot.waitUntil(lambda: ui.shell.stack == ["Attract"], timeout=10_000)
    assert ui.core.session.empty and ui.core.identity.current is None and apply.trackingNumber == ""
    assert store.stats().depth["pending"] == 2  # the application and its rating wait for the network

    ask_progress(qtbot, ui, tracking)
    assert ui.bridges["progress"].state == "done", ui.bridges["progress"].problem
    assert text_of(ui, "progressSource_0") == "本机记录（网络未连接）"
    assert grouped(tracking) in text_of(ui, "progressTracking_0")  # in the receipt's groups
    assert "网络恢复后自动上传" in text_of(ui, "progressStatus_0")


def test_synced_application_shows_central_status_then_local_when_central_is_down(qtbot, kiosk, central):
    ui = kiosk
    card_then_form(qtbot, ui)
    tracking = submit(qtbot, ui)
    ui.shell.endSession()
    store = ui.core.submissions.store
    # "sending" passes on its way; wait for central's answer (accepted, or rejected with a reason)
    qtbot.waitUntil(lambda: store.lookup(tracking).state in ("acknowledged", "purged", "rejected"), timeout=30_000)
    assert store.lookup(tracking).state in ("acknowledged", "purged"), store.lookup(tracking).reject_reason
    assert central.store.case(tracking)["service_code"] == SERVICE
    central.store.set_status(tracking, "reviewing")  # staff at central take it up
    ask_progress(qtbot, ui, tracking)
    assert ui.bridges["progress"].state == "done", ui.bridges["progress"].problem
    assert text_of(ui, "progressSource_0") == "来自政务服务平台"
    assert text_of(ui, "progressStatus_0") == "审核中"
    ui.shell.endSession()

    stop_central(central)  # the network is gone: the terminal answers from its own record, and says so
    ask_progress(qtbot, ui, tracking)
    assert ui.bridges["progress"].state == "done", ui.bridges["progress"].problem
    assert text_of(ui, "progressSource_0") == "本机记录（网络未连接）"
    assert text_of(ui, "progressStatus_0") == "已受理"  # what central said when it took it


def test_paper_out_shows_the_number_as_qr_and_still_submits(qtbot, kiosk, tmp_path):
    ui, tray, apply = kiosk, kiosk.core.tray, kiosk.bridges["apply"]
    tray.choose("printer", "paper", "out")
    card_then_form(qtbot, ui)
    before = len(receipts(ui))
    tracking = submit(qtbot, ui)
    qtbot.waitUntil(lambda: apply.printState == "failed", timeout=20_000)
    settle(qtbot, 600)
    assert "请拍照或记下受理编号" in text_of(ui, "submittedPrintText")
    assert tracking_of(decode_qr(grab(ui.window, tmp_path / "submitted.png"))) == tracking
    assert len(receipts(ui)) == before  # nothing came out of the printer
    case = ui.core.submissions.store.lookup(tracking)
    assert case is not None and case.service_code == SERVICE
    assert apply.printState == "failed" and ui.shell.currentScreen == "Submitted"  # no rating before the photo
    # paper refilled: the same receipt comes out, with the number committed before
    tray.choose("printer", "paper", "ok")
    tap(qtbot, ui.window, "submittedReprint")
    qtbot.waitUntil(lambda: apply.printState == "printed", timeout=20_000)
    printed = receipts(ui)
    assert len(printed) == before + 1 and tracking_of(decode_qr(printed[-1])) == tracking
    settle(qtbot, 600)
    assert find_visible(ui.window, "submittedReprint") is None


def test_photographed_materials_travel_with_the_application(qtbot, kiosk, central, artifacts_dir):
    """The guide says "可在本机拍照上传": two pages of the old ID card are taken with the kiosk camera on the review
    screen, committed encrypted with the application, and reach central as blobs the case refers to."""
    ui, materials = kiosk, kiosk.bridges["materials"]
    ui.core.tray.choose("camera", "person", "obama")  # something in front of the simulated camera
    card_then_form(qtbot, ui)
    names = [m["name"] for m in materials.items]
    assert names and names[0] == "原居民身份证"
    tap(qtbot, ui.window, "reviewPhoto_0")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Capture")
    qtbot.waitUntil(lambda: materials.hasFrame, timeout=10_000)
    settle(qtbot)
    for n in (1, 2):
        tap(qtbot, ui.window, "captureShoot")
        qtbot.waitUntil(lambda: materials.currentCount == n and not materials.busy, timeout=10_000)
    settle(qtbot, 500)
    grab(ui.window, artifacts_dir / "screens" / "apply_capture_portrait.png")
    tap(qtbot, ui.window, "captureUndo")  # a blurred page taken again
    qtbot.waitUntil(lambda: materials.currentCount == 1)
    tap(qtbot, ui.window, "captureShoot")
    qtbot.waitUntil(lambda: materials.currentCount == 2 and not materials.busy, timeout=10_000)
    tap(qtbot, ui.window, "captureDone")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Review")
    settle(qtbot, 500)
    assert text_of(ui, "reviewPhotoCount_0") == "已拍2张" and not materials.hasFrame  # camera preview off
    grab(ui.window, artifacts_dir / "screens" / "apply_review_photos_portrait.png")
    tracking = submit(qtbot, ui)
    store = ui.core.submissions.store
    qtbot.waitUntil(lambda: store.lookup(tracking).state in ("acknowledged", "purged", "rejected"), timeout=30_000)
    assert store.lookup(tracking).state in ("acknowledged", "purged"), store.lookup(tracking).reject_reason
    body = central.store.case_body(tracking)
    assert len(body["attachments"]) == 2
    for sha in body["attachments"]:
        assert central.store.blob(sha)[:3] == b"\xff\xd8\xff"  # JPEG pages, as taken
    ui.shell.endSession()
    assert materials.total == 0 and ui.core.visit.attachments(SERVICE) == []
