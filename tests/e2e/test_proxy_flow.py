"""亲友代办 end to end: the helper's own card and a real face check, the applicant's details typed (a wrong check
digit refused first), the form filled with the applicant's data, the power of attorney photographed, the commit,
and central over HTTP holding both identities: the helper as a keyed hash and a masked name, the applicant sealed
like any applicant. The helper's card does not list the applicant's case."""

from __future__ import annotations

import json

from tests.helpers.apply import CARD_NAME, CARD_NUMBER
from tests.helpers.apply_ui import enter, type_into
from tests.helpers.e2e import identify_from_home, screen_texts, text_of
from tests.helpers.proxy import LETTER, PRINCIPAL_NAME, PRINCIPAL_NUMBER, PROXY_ITEM, WRONG_CHECK
from tests.helpers.qml import find_visible, grab, settle, tap


def _type(qtbot, ui, name: str, text: str) -> None:
    """As the on-screen keyboard leaves a field (the keyboard itself is tested elsewhere)."""
    field = find_visible(ui.window, name)
    assert field is not None, name
    field.forceActiveFocus()
    qtbot.waitUntil(lambda: field.hasActiveFocus())
    field.setProperty("text", text)


def test_a_helper_applies_for_a_relative_and_central_records_both(qtbot, kiosk, central, artifacts_dir):
    ui, apply, materials = kiosk, kiosk.bridges["apply"], kiosk.bridges["materials"]
    shots = artifacts_dir / "screens"
    identify_from_home(qtbot, ui, "home_apply")  # the helper: their own card, their own face
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "ApplyChoose")
    settle(qtbot)
    find_visible(ui.window, "applyChooseList").positionViewAtIndex(
        [s["code"] for s in apply.services].index(PROXY_ITEM), 1)  # ListView.Center
    settle(qtbot)
    tap(qtbot, ui.window, f"applyChoose_{PROXY_ITEM}")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "ApplyFor")
    settle(qtbot)
    grab(ui.window, shots / "proxy_apply_for_portrait.png")

    tap(qtbot, ui.window, "applyForOther")
    settle(qtbot)
    _type(qtbot, ui, "principal_name", PRINCIPAL_NAME)
    _type(qtbot, ui, "principal_id_number", WRONG_CHECK)
    ui.window.contentItem().forceActiveFocus()
    settle(qtbot)
    tap(qtbot, ui.window, "relation_1")  # 子女
    tap(qtbot, ui.window, "principalNext")
    qtbot.waitUntil(lambda: find_visible(ui.window, "principalError_id_number") is not None)
    assert "校验位" in text_of(ui, "principalError_id_number") and ui.shell.currentScreen == "ApplyFor"
    settle(qtbot)
    grab(ui.window, shots / "proxy_principal_bad_check_digit_portrait.png")
    _type(qtbot, ui, "principal_id_number", PRINCIPAL_NUMBER)
    ui.window.contentItem().forceActiveFocus()
    settle(qtbot)
    tap(qtbot, ui.window, "principalNext")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "ApplyForm")
    settle(qtbot)

    # the form asks about the applicant: their data, not the helper's
    assert text_of(ui, "locked_name") == "钱**" and text_of(ui, "locked_id_number") == "110105********0029"
    assert text_of(ui, "locked_birth_date") == "1938-02-14"
    assert PRINCIPAL_NUMBER not in screen_texts(ui) and CARD_NUMBER not in screen_texts(ui)
    grab(ui.window, shots / "proxy_form_portrait.png")
    type_into(qtbot, ui, "address", "测试省样例市示范路2号")
    type_into(qtbot, ui, "phone", "13800138000")
    type_into(qtbot, ui, "bank_account", "6222020200112233445")
    enter(qtbot, ui)
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Review")
    settle(qtbot)
    line = text_of(ui, "reviewProxy")
    assert line.startswith("代办人 张**（110105********0039） 为 钱**（110105********0029） 申请")
    assert CARD_NAME not in screen_texts(ui) and PRINCIPAL_NAME not in screen_texts(ui)

    # without the power of attorney nothing is submitted, and the screen says what to do
    tap(qtbot, ui.window, "reviewConsent")
    tap(qtbot, ui.window, "reviewSubmit")
    qtbot.waitUntil(lambda: apply.submitState == "failed")
    settle(qtbot)
    assert "授权委托书" in text_of(ui, "reviewProblem") and ui.shell.currentScreen == "Review"
    grab(ui.window, shots / "proxy_review_needs_letter_portrait.png")
    index = [m["name"] for m in materials.items].index(LETTER)
    assert materials.items[index]["required"]
    ui.core.tray.choose("camera", "person", "obama")  # something in front of the simulated camera
    tap(qtbot, ui.window, f"reviewPhoto_{index}")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Capture")
    qtbot.waitUntil(lambda: materials.hasFrame, timeout=10_000)
    settle(qtbot)
    tap(qtbot, ui.window, "captureShoot")
    qtbot.waitUntil(lambda: materials.currentCount == 1 and not materials.busy, timeout=10_000)
    tap(qtbot, ui.window, "captureDone")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Review")
    settle(qtbot, 500)
    grab(ui.window, shots / "proxy_review_portrait.png")
    tap(qtbot, ui.window, "reviewSubmit")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Submitted", timeout=10_000)
    tracking = apply.trackingNumber

    store = ui.core.submissions.store
    qtbot.waitUntil(lambda: store.lookup(tracking).state in ("acknowledged", "purged", "rejected"), timeout=30_000)
    assert store.lookup(tracking).state in ("acknowledged", "purged"), store.lookup(tracking).reject_reason
    body = central.store.case_body(tracking)
    assert body["applicant"]["id_number"] == PRINCIPAL_NUMBER and body["applicant"]["name"] == PRINCIPAL_NAME
    assert body["form"]["id_number"] == PRINCIPAL_NUMBER and body["form"]["address"] == "测试省样例市示范路2号"
    assert body["agent"] == {"id_hash": central.store.id_hash(CARD_NUMBER), "name": "张**", "relation": "子女",
                             "kind": "resident", "source": "idcard"}
    assert CARD_NUMBER not in json.dumps(body, ensure_ascii=False)  # the helper's number never at rest
    [letter] = body["attachments"]  # the power of attorney, as photographed
    assert central.store.blob(letter)[:3] == b"\xff\xd8\xff"
    at_rest = json.dumps(central.store._q("SELECT * FROM cases"), ensure_ascii=False)
    for clear in (PRINCIPAL_NAME, PRINCIPAL_NUMBER, CARD_NAME, CARD_NUMBER):
        assert clear not in at_rest  # sealed

    # the case is the applicant's: the helper's own card lists nothing of it (central, over HTTP, with a proof)
    mine = ui.core.submissions.progress_by_id_number(ui.core.visit.citizen())
    assert tracking not in [p.tracking for p in mine] and all(p.source == "central" for p in mine)
    assert [c["tracking"] for c in central.store.cases_by_id_hash(central.store.id_hash(PRINCIPAL_NUMBER))] == [
        tracking]
    ui.shell.endSession()
    assert ui.core.visit.principal is None and ui.core.visit.attachments(PROXY_ITEM) == []
