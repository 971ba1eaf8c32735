"""代办 said before the choice: the guide says who may apply, the card screen tells a helper to use their own card,
and the consent a helper ticks is worded for a helper (not 本人承诺); screenshots in elderly 繁體 and English."""

from __future__ import annotations

import pytest

from tests.helpers.apply import lift_card
from tests.helpers.apply_ui import card_on_home, text_of
from tests.helpers.proxy import PRINCIPAL_NUMBER, PROXY_ITEM, SELF_ONLY_ITEM
from tests.helpers.qml import find_visible, grab, settle, tap

SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080)}
CASES = [("elderly", "zh_TW"), ("elderly", "en"), ("normal", "zh_CN")]


def _ui(make_ui, orientation, mode, language):
    w, h = SIZES[orientation]
    ui = make_ui(orientation, display={"width": w, "height": h}, locale={"language": language})
    ui.shell.elderly = mode == "elderly"
    return ui


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize(("mode", "language"), CASES)
def test_guide_says_who_may_apply(qtbot, make_ui, artifacts_dir, orientation, mode, language):
    ui = _ui(make_ui, orientation, mode, language)
    ui.shell.start(ui.shell.elderly)
    for code, words in ((PROXY_ITEM, {"zh_CN": "代办人", "zh_TW": "代辦人", "en": "helper"}),
                        (SELF_ONLY_ITEM, {"zh_CN": "只能为自己", "zh_TW": "只能為自己", "en": "only for yourself"})):
        ui.shell.go("Guide", {"code": code})
        qtbot.waitUntil(lambda: ui.shell.currentScreen == "Guide")
        settle(qtbot, 500)
        assert words[language] in text_of(ui, "guideProxyNote")
        grab(ui.window, artifacts_dir / "screens" / f"guide_proxy_{code}_{orientation}_{mode}_{language}.png")


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize(("mode", "language"), CASES)
def test_card_screen_tells_a_helper_to_use_their_own_card(qtbot, make_ui, artifacts_dir, orientation, mode,
                                                          language):
    ui = _ui(make_ui, orientation, mode, language)
    ui.shell.start(ui.shell.elderly)
    ui.bridges["apply"].start(PROXY_ITEM)  # 在本机申请 on the guide
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Identify")
    settle(qtbot, 500)
    words = {"zh_CN": "您自己的身份证", "zh_TW": "您自己的身份證", "en": "your own ID card"}[language]
    assert words in text_of(ui, "identifyProxyNote")
    grab(ui.window, artifacts_dir / "screens" / f"identify_proxy_{orientation}_{mode}_{language}.png")


def test_card_screen_is_silent_on_proxy_for_a_self_only_item(qtbot, make_ui):
    ui = make_ui()
    ui.shell.start()
    ui.bridges["apply"].start(SELF_ONLY_ITEM)
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Identify")
    settle(qtbot)
    assert find_visible(ui.window, "identifyProxyNote") is None


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_a_helper_consents_as_a_helper(qtbot, make_ui, artifacts_dir, language):
    ui = make_ui("portrait", display={"width": 1080, "height": 1920}, locale={"language": language})
    ui.shell.start()
    card_on_home(qtbot, ui)
    lift_card(ui.core)
    qtbot.waitUntil(lambda: not ui.bridges["identity"].cardOnReader)
    ui.bridges["apply"].choose(PROXY_ITEM)
    settle(qtbot)
    tap(qtbot, ui.window, "applyForOther")
    settle(qtbot)
    for name, text in (("principal_name", "钱样例"), ("principal_id_number", PRINCIPAL_NUMBER)):
        field = find_visible(ui.window, name)
        field.forceActiveFocus()
        field.setProperty("text", text)
    ui.window.contentItem().forceActiveFocus()
    settle(qtbot)
    tap(qtbot, ui.window, "relation_1")
    tap(qtbot, ui.window, "principalNext")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "ApplyForm")
    ui.shell.go("Review")
    settle(qtbot, 500)
    consent = text_of(ui, "reviewConsent")
    if language == "en":
        assert "asked me to apply for them" in consent
    else:
        assert "本人承诺" not in consent and "受申请人委托" in consent
    grab(ui.window, artifacts_dir / "screens" / f"review_proxy_consent_{language}.png")


def test_an_applicant_still_consents_for_themselves(qtbot, make_ui):
    ui = make_ui()
    ui.shell.start()
    card_on_home(qtbot, ui)
    ui.bridges["apply"].choose(SELF_ONLY_ITEM)
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "ApplyForm")
    ui.shell.go("Review")
    settle(qtbot, 500)
    assert "本人承诺" in text_of(ui, "reviewConsent")
