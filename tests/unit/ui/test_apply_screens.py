"""Apply, review, submitted, rating and progress screens around a real offline queue (SQLite in the test folder,
central unreachable) and a card fed to the real IdentityService; no printer, so the receipt becomes a QR."""

from __future__ import annotations

import pytest

from protocol.receipt_link import tracking_of
from protocol.tracking import grouped
from tests.helpers.apply import (CARD_NAME, CARD_NUMBER, DEAD_CENTRAL, attach_queue, decode_qr, lift_card,
                                 pass_face_check, present_card)
from tests.helpers.apply_ui import SERVICE, card_on_home, enter, fill_and_review, open_form, text_of, texts, type_into
from tests.helpers.qml import distinct_colours, find_visible, grab, settle, tap



@pytest.fixture
def kiosk(make_ui):
    def make(orientation: str = "portrait", queue: bool = True, voice: bool = False):
        ui = make_ui(orientation, central={"url": DEAD_CENTRAL}, locale={"voice_prompts": voice})
        if queue:
            attach_queue(ui.core)
        return ui

    return make


def test_form_is_prefilled_masked_and_says_what_to_fix(qtbot, kiosk):
    ui = kiosk()
    open_form(qtbot, ui)
    assert text_of(ui, "locked_name") == "张**"
    assert text_of(ui, "locked_id_number") == "110105********0039"
    assert CARD_NAME not in texts(ui) and CARD_NUMBER not in texts(ui)
    tap(qtbot, ui.window, "applyNext")
    qtbot.waitUntil(lambda: find_visible(ui.window, "fieldError_phone") is not None)
    assert ui.shell.currentScreen == "ApplyForm"
    assert text_of(ui, "fieldError_phone") == "! 请填写此项"
    assert "2" in text_of(ui, "applyFormErrorsText")
    type_into(qtbot, ui, "phone", "12345")
    tap(qtbot, ui.window, "applyNext")
    qtbot.waitUntil(lambda: "11位手机号码" in text_of(ui, "fieldError_phone"))
    ui.shell.language = "en"  # the messages follow the language; what was typed stays
    qtbot.waitUntil(lambda: "11-digit mobile" in text_of(ui, "fieldError_phone"))
    assert find_visible(ui.window, "field_phone").property("text") == "12345"
    labels = {f["key"]: (f["label"], f["help"]) for f in ui.bridges["apply"].fields}  # the catalog's English
    assert labels["phone"] == ("Phone number", "Mobile number; we send progress updates by text message")
    assert ui.bridges["apply"].serviceName.isascii()
    ui.shell.language = "zh_TW"
    qtbot.waitUntil(lambda: {f["key"]: f["label"] for f in ui.bridges["apply"].fields}["phone"] == "聯繫電話")
    ui.shell.language = "zh_CN"
    fill_and_review(qtbot, ui)
    assert text_of(ui, "review_name") == "张**" and text_of(ui, "review_phone") == "13800138000"
    assert not find_visible(ui.window, "reviewSubmit").isEnabled()  # no submit before consent
    tap(qtbot, ui.window, "reviewEdit")  # back to the form keeps what was typed
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "ApplyForm")
    settle(qtbot)
    assert find_visible(ui.window, "field_phone").property("text") == "13800138000"


def test_submit_then_qr_without_printer_then_rating_ends_the_session(qtbot, kiosk, tmp_path):
    ui = kiosk()
    apply = ui.bridges["apply"]
    open_form(qtbot, ui)
    fill_and_review(qtbot, ui)
    tap(qtbot, ui.window, "reviewConsent")
    tap(qtbot, ui.window, "reviewSubmit")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Submitted", timeout=10_000)
    tracking = apply.trackingNumber
    # the number shown is the one the queue committed, with everything the citizen gave
    case = ui.core.submissions.store.lookup(tracking)
    assert case is not None and case.service_code == SERVICE and case.state == "pending"
    qtbot.waitUntil(lambda: apply.printState == "failed", timeout=10_000)  # this core has no printer
    settle(qtbot, 600)
    assert text_of(ui, "submittedTracking") == grouped(tracking)  # in short groups to read out
    assert "请拍照或记下受理编号" in text_of(ui, "submittedPrintText")
    shot = grab(ui.window, tmp_path / "submitted.png")
    assert tracking_of(decode_qr(shot)) == tracking
    tap(qtbot, ui.window, "submittedRate")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Rating")
    settle(qtbot)
    assert "退休提取住房公积金" in texts(ui)  # the matter being rated
    tap(qtbot, ui.window, "rate_4")
    qtbot.waitUntil(lambda: ui.bridges["rating"].ratingState == "done", timeout=10_000)
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "TakeCard", timeout=10_000)  # the card still lies there
    lift_card(ui.core)
    qtbot.waitUntil(lambda: ui.shell.stack == ["Attract"], timeout=10_000)
    assert ui.core.session.empty and ui.core.identity.current is None
    assert apply.trackingNumber == "" and apply.fields == [] and ui.bridges["rating"].ratingState == ""
    assert ui.core.submissions.store.stats().depth["pending"] >= 2  # the submission and the rating


def test_elderly_mode_speaks_mistakes_and_the_outcome(qtbot, kiosk):
    ui = kiosk(voice=True)
    spoken: list[str] = []
    ui.voice.spoken.connect(spoken.append)
    open_form(qtbot, ui)
    ui.shell.elderly = True
    tap(qtbot, ui.window, "applyNext")
    qtbot.waitUntil(lambda: "有 2 项需要修改，请看红色提示" in spoken)
    fill_and_review(qtbot, ui)
    tap(qtbot, ui.window, "reviewConsent")
    tap(qtbot, ui.window, "reviewSubmit")
    qtbot.waitUntil(lambda: any("回执未能打印" in s for s in spoken), timeout=10_000)
    assert ui.shell.currentScreen == "Submitted"  # no rating by itself in elderly mode
    assert all(CARD_NAME not in s and CARD_NUMBER not in s for s in spoken)


def test_apply_here_from_a_guide_identifies_then_opens_that_form(qtbot, kiosk):
    ui = kiosk()
    ui.shell.start()
    ui.shell.go("Guide", {"code": SERVICE})
    settle(qtbot)
    tap(qtbot, ui.window, "guideApply")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Identify")
    assert ui.core.visit.service == SERVICE
    present_card(ui.core)  # on Identify: on to the face check (its own tests cover it), then Identified
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "FaceCheck")
    pass_face_check(ui.core)
    ui.shell.go("Identified")
    settle(qtbot)
    tap(qtbot, ui.window, "identifiedContinue")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "ApplyForm")
    assert ui.bridges["apply"].serviceCode == SERVICE


def test_a_card_swapped_after_the_form_opened_is_not_submitted(qtbot, kiosk):
    ui = kiosk()
    open_form(qtbot, ui)
    fill_and_review(qtbot, ui)
    tap(qtbot, ui.window, "reviewConsent")
    present_card(ui.core, "li_longterm")  # someone else's card, after the face check of the first
    qtbot.waitUntil(lambda: ui.core.identity.current.identity.id_number != CARD_NUMBER)
    # back to identification at once: the new card needs its own face check
    qtbot.waitUntil(lambda: ui.shell.currentScreen in ("Identify", "FaceCheck"))
    ui.bridges["apply"].submit(True)  # a tap that was on its way is refused
    settle(qtbot, 300)
    assert ui.core.submissions.store.stats().depth["pending"] == 0
    assert "证件已更换" in ui.bridges["apply"].submitProblem


def test_without_identity_the_form_sends_to_identify(qtbot, kiosk):
    ui = kiosk()
    ui.shell.start()
    ui.core.visit.service = SERVICE
    ui.shell.go("ApplyForm")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Identify")
    ui.bridges["apply"].submit(True)  # nothing submitted without an identity
    assert ui.core.submissions.store.stats().depth["pending"] == 0


def test_identified_without_a_service_lists_the_items_done_here(qtbot, kiosk):
    ui = kiosk()
    ui.shell.start()
    card_on_home(qtbot, ui)
    ui.shell.go("Identified")
    settle(qtbot)  # a StackView in transition takes no taps
    tap(qtbot, ui.window, "identifiedContinue")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "ApplyChoose")
    codes = [s["code"] for s in ui.bridges["apply"].services]
    assert SERVICE in codes and "HJ-001" not in codes  # 出生登记 needs the window
    tap(qtbot, ui.window, f"applyChoose_{codes[0]}")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "ApplyForm")
    assert ui.bridges["apply"].serviceCode == codes[0]


def test_progress_offline_finds_the_local_record_and_explains_mistakes(qtbot, kiosk):
    ui = kiosk()
    made = ui.core.submissions.submit(SERVICE, {"phone": "13800138000"}, {"id_number": CARD_NUMBER})
    ui.shell.start()
    tap(qtbot, ui.window, "home_progress")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Progress")
    progress = ui.bridges["progress"]
    field = tap(qtbot, ui.window, "progressField")
    field.setProperty("text", made.tracking.lower())  # typed in lower case: still found
    tap(qtbot, ui.window, "progressQuery")
    qtbot.waitUntil(lambda: progress.state == "done", timeout=20_000)
    settle(qtbot)
    assert text_of(ui, "progressSource_0") == "本机记录（网络未连接）"
    assert grouped(made.tracking) in text_of(ui, "progressTracking_0")  # in the receipt's groups
    assert "网络恢复后自动上传" in text_of(ui, "progressStatus_0")
    field.setProperty("text", made.tracking[:-1] + ("0" if made.tracking[-1] != "0" else "1"))
    tap(qtbot, ui.window, "progressQuery")
    qtbot.waitUntil(lambda: progress.state == "failed", timeout=20_000)
    assert "受理编号有误" in progress.problem
    present_card(ui.core)  # the card alone lists nothing: its holder's face check comes first
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "FaceCheck", timeout=20_000)
    assert progress.results == [] and not progress.byCard and ui.core.visit.purpose == "progress"
    pass_face_check(ui.core)  # passed for that card read: then the applications of that person (offline: local)
    ui.shell.open("identified")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Progress")
    qtbot.waitUntil(lambda: progress.state == "done" and progress.byCard, timeout=20_000)
    assert [r["tracking"] for r in progress.results] == [made.tracking]
    # another card placed on the shown list: the list goes at once, not only when that person's check is done
    present_card(ui.core, "wang_expired")
    qtbot.waitUntil(lambda: progress.results == [] and not progress.byCard, timeout=20_000)
    assert find_visible(ui.window, "progressSource_0") is None


def test_without_a_queue_the_screens_say_so_plainly(qtbot, kiosk):
    ui = kiosk(queue=False)
    open_form(qtbot, ui)
    fill_and_review(qtbot, ui)
    assert "人工窗口" in text_of(ui, "reviewNoQueueText")
    assert not find_visible(ui.window, "reviewSubmit").isEnabled()


def test_screenshots(qtbot, kiosk, artifacts_dir):
    """Every screen of the flow in both orientations, normal and elderly, one kiosk per orientation."""
    out = artifacts_dir / "screens"
    for orientation in ("portrait", "landscape"):
        ui = kiosk(orientation)
        apply = ui.bridges["apply"]
        made = ui.core.submissions.submit(SERVICE, {}, {"id_number": CARD_NUMBER})
        for mode in ("normal", "elderly"):

            def shot(name: str) -> None:
                settle(qtbot, 500)
                path = grab(ui.window, out / f"apply_{name}_{orientation}_{mode}.png")
                assert distinct_colours(path) > 8, f"{path} looks blank"

            ui.shell.start()
            ui.shell.elderly = mode == "elderly"
            card_on_home(qtbot, ui)
            ui.shell.go("Identified")
            settle(qtbot)
            tap(qtbot, ui.window, "identifiedContinue")
            qtbot.waitUntil(lambda: ui.shell.currentScreen == "ApplyChoose")
            shot("choose")
            apply.choose(SERVICE)  # further down the list than one screenful
            qtbot.waitUntil(lambda: ui.shell.currentScreen == "ApplyForm")
            type_into(qtbot, ui, "phone", "1380013")
            shot("form_keyboard")
            enter(qtbot, ui)
            qtbot.waitUntil(lambda: apply.errorCount > 0)
            shot("form_errors")
            fill_and_review(qtbot, ui)
            tap(qtbot, ui.window, "reviewConsent")
            shot("review")
            tap(qtbot, ui.window, "reviewSubmit")
            qtbot.waitUntil(lambda: apply.printState == "failed", timeout=10_000)
            shot("submitted_qr")
            tap(qtbot, ui.window, "submittedRate")
            qtbot.waitUntil(lambda: ui.shell.currentScreen == "Rating")
            shot("rating")
            tap(qtbot, ui.window, "rate_3")
            qtbot.waitUntil(lambda: ui.bridges["rating"].ratingState == "done", timeout=10_000)
            shot("rating_thanks")
            lift_card(ui.core)
            if mode == "elderly":  # never hurried: the visitor ends it
                tap(qtbot, ui.window, "ratingSkip")
            qtbot.waitUntil(lambda: ui.shell.stack == ["Attract"], timeout=10_000)
            ui.shell.start()
            ui.shell.elderly = mode == "elderly"
            tap(qtbot, ui.window, "home_progress")
            qtbot.waitUntil(lambda: ui.shell.currentScreen == "Progress")
            settle(qtbot)
            # the tracking number is typed on the screen's own pad (test_progress_pad.py)
            qtbot.waitUntil(lambda: find_visible(ui.window, "trackingPad") is not None)
            shot("progress_pad")
            ui.bridges["progress"].query(made.tracking)
            qtbot.waitUntil(lambda: ui.bridges["progress"].state == "done", timeout=20_000)
            shot("progress_local")
            ui.shell.endSession()
            qtbot.waitUntil(lambda: ui.shell.stack == ["Attract"])


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_materials_to_photograph_without_a_camera_say_so_and_submit_without_photos(qtbot, kiosk, artifacts_dir,
                                                                                    orientation):
    ui = kiosk(orientation)
    materials = ui.bridges["materials"]
    open_form(qtbot, ui)
    fill_and_review(qtbot, ui)
    assert [m["name"] for m in materials.items] == ["申请人居民身份证", "本人一类银行卡"]
    assert text_of(ui, "reviewPhotoCount_0") == "未拍"
    tap(qtbot, ui.window, "reviewPhoto_1")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Capture")
    settle(qtbot, 500)
    assert text_of(ui, "captureMaterial") == "本人一类银行卡"
    ui.shell.language = "en"  # the words follow the screen; the photos stay filed under the catalog's name
    qtbot.waitUntil(lambda: text_of(ui, "captureMaterial") == "Your own Type I bank card")
    assert [m["name"] for m in materials.items] == ["Applicant's resident ID card", "Your own Type I bank card"]
    ui.shell.language = "zh_CN"
    assert "摄像头不可用" in text_of(ui, "captureProblemText")  # this core has no camera
    assert not find_visible(ui.window, "captureShoot").isEnabled()
    grab(ui.window, artifacts_dir / "screens" / f"apply_capture_no_camera_{orientation}.png")
    tap(qtbot, ui.window, "captureDone")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Review")
    settle(qtbot)
    tap(qtbot, ui.window, "reviewConsent")
    tap(qtbot, ui.window, "reviewSubmit")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Submitted", timeout=10_000)
    from protocol.tracking import parse

    seq = parse(ui.bridges["apply"].trackingNumber).seq
    assert ui.core.submissions.store.read_body(seq)["attachments"] == []


def test_choices_show_in_the_screen_language_and_record_the_catalogs_value(qtbot, kiosk, artifacts_dir):
    ui = kiosk()
    ui.shell.language = "en"
    open_form(qtbot, ui, "SB-001")  # social security card: delivery and bank are choices, gender is from the card
    assert text_of(ui, "locked_gender") == "Male"
    tap(qtbot, ui.window, "choice_delivery_1")
    qtbot.waitUntil(lambda: "Post to my home" in find_visible(ui.window, "choice_delivery_1").property("text"))
    assert find_visible(ui.window, "choice_delivery_1").property("text").startswith("✓ ")
    assert find_visible(ui.window, "choice_bank_2").property("text") == "Bank of China"
    assert ui.core.visit.form.values["delivery"] == "邮寄到家（到付）"  # what the application records
    grab(ui.window, artifacts_dir / "screens" / "apply_form_choices_portrait_english.png")
    ui.shell.language = "zh_TW"
    qtbot.waitUntil(lambda: find_visible(ui.window, "choice_delivery_1").property("text") == "✓ 郵寄到家（到付）")
