"""Every citizen screen says where the visitor is and the next step: spoken on arrival in elderly mode, on the
listen-again button in any mode, and silenced when the session ends (Qt's mock speech engine)."""

from __future__ import annotations

import pytest

from tests.helpers.apply import present_card
from tests.helpers.qml import tap
from tests.helpers.screens import arrive, every_screen

def make(make_ui):
    return make_ui(locale={"voice_prompts": True})


def test_every_citizen_screen_speaks_its_prompt_on_arrival_in_elderly_mode(qtbot, make_ui):
    ui = make(make_ui)
    spoken: list[str] = []
    ui.voice.spoken.connect(spoken.append)
    ui.shell.start(True)
    prompts = {}
    for screen in every_screen(qtbot, ui):
        prompts[screen] = prompt = arrive(qtbot, ui, screen)
        qtbot.waitUntil(lambda: prompt in spoken)
    assert prompts["Home"] == "这是首页。请点您要办的事，也可以搜索"
    assert prompts["Identify"] == "刷身份证。请将身份证放在读卡区"
    assert len(set(prompts.values())) == len(prompts)  # each screen says its own


def test_in_standard_mode_prompts_wait_for_the_listen_again_button_which_repeats_them(qtbot, make_ui):
    ui = make(make_ui)
    spoken: list[str] = []
    ui.voice.spoken.connect(spoken.append)
    ui.shell.start()
    for screen in every_screen(qtbot, ui):
        if screen == "TakeCard":
            continue  # announced in every mode (the card must be taken); see the wipe test
        prompt = arrive(qtbot, ui, screen)
        assert prompt not in spoken, screen
        tap(qtbot, ui.window, "listenAgain")
        qtbot.waitUntil(lambda: spoken and spoken[-1].startswith(prompt))
        tap(qtbot, ui.window, "listenAgain")
        qtbot.waitUntil(lambda: [s for s in spoken if s.startswith(prompt)] == [spoken[-1]] * 2)


def test_prompts_follow_the_language_and_elderly_mode_switched_on_speaks_at_once(qtbot, make_ui):
    ui = make(make_ui)
    spoken: list[str] = []
    ui.voice.spoken.connect(spoken.append)
    ui.shell.start()
    ui.shell.language = "en"
    arrive(qtbot, ui, "Progress")
    tap(qtbot, ui.window, "navElderly")
    said = "Check progress. Type the tracking number, scan the receipt's QR code, or place your ID card."
    qtbot.waitUntil(lambda: said in spoken)


def test_an_error_on_screen_is_spoken_with_its_way_forward_in_elderly_mode(qtbot, make_ui):
    ui = make(make_ui)
    spoken: list[str] = []
    ui.voice.spoken.connect(spoken.append)
    ui.shell.start(True)
    arrive(qtbot, ui, "Guide", {"code": "none"})  # an item the catalog no longer has
    qtbot.waitUntil(lambda: "该事项已调整，请返回重新查找。" in spoken)


def test_volume_and_rate_come_from_the_configuration(make_ui):
    ui = make_ui(locale={"voice_prompts": True, "voice_volume": 0.5, "voice_rate": -0.4})
    assert ui.voice._tts.volume() == pytest.approx(0.5)
    assert ui.voice._tts.rate() == pytest.approx(-0.4)


@pytest.mark.parametrize("card_left", [False, True])
def test_the_end_of_a_session_stops_what_is_being_said(qtbot, make_ui, card_left):
    ui = make(make_ui)
    spoken: list[str] = []
    ui.voice.spoken.connect(spoken.append)
    ui.shell.start(True)
    arrive(qtbot, ui, "Catalog")
    if card_left:
        present_card(ui.core)
        qtbot.waitUntil(lambda: ui.bridges["identity"].cardOnReader)
    ui.voice.say(" ".join(["long"] * 400))  # the mock engine takes a while per word: still speaking at the wipe
    assert ui.voice.speaking()
    ui.shell.endSession()
    if card_left:  # the next screen asks, in any mode, for the card left behind
        assert ui.shell.currentScreen == "TakeCard" and spoken[-1] == "请取走身份证和回执"
    else:
        assert ui.shell.currentScreen == "Attract" and not ui.voice.speaking()


def test_in_elderly_mode_the_visitor_sets_loudness_and_speed_and_the_next_visitor_gets_the_halls(qtbot, make_ui):
    from tests.helpers.qml import find_visible

    ui = make(make_ui)
    spoken: list[str] = []
    ui.voice.spoken.connect(spoken.append)
    ui.shell.start()
    prompt = arrive(qtbot, ui, "Progress")
    assert find_visible(ui.window, "voiceSettings") is None  # standard mode: the hall's voice, on request
    tap(qtbot, ui.window, "navElderly")
    tap(qtbot, ui.window, "voiceSettings")
    qtbot.waitUntil(lambda: find_visible(ui.window, "voiceLouder") is not None)
    engine = ui.voice._tts
    before = (engine.volume(), engine.rate(), ui.voice.volumeLevel, ui.voice.rateLevel)
    said = len(spoken)
    tap(qtbot, ui.window, "voiceLouder")
    tap(qtbot, ui.window, "voiceSlower")
    # each tap is heard at once: the screen's prompt again, at the new setting
    qtbot.waitUntil(lambda: len([s for s in spoken[said:] if s.startswith(prompt)]) == 2)
    assert engine.volume() > before[0] and engine.rate() < before[1]
    assert (ui.voice.volumeLevel, ui.voice.rateLevel) == (before[2] + 1, before[3] - 1)
    for _ in range(10):
        ui.voice.quieter()
    assert not ui.voice.can["quieter"] and engine.volume() > 0  # never down to silence
    assert not find_visible(ui.window, "voiceQuieter").isEnabled()
    tap(qtbot, ui.window, "voiceDone")
    ui.shell.endSession()
    assert (engine.volume(), engine.rate(), ui.voice.volumeLevel) == before[:3]


def test_a_voice_opened_after_the_first_frame_lights_the_listen_again_button(qtbot, make_ui):
    """kiosk run starts the speech engine once the attract screen is up: until then the buttons that speak
    stay hidden, and they show as soon as it is there; opening twice is opening once."""
    from tests.helpers.qml import find_visible

    ui = make_ui(locale={"voice_prompts": True}, defer=True)
    ui.shell.start()
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Home")
    assert not ui.voice.available and find_visible(ui.window, "listenAgain") is None
    changed = []
    ui.voice.availableChanged.connect(lambda: changed.append(ui.voice.available))
    ui.voice.open()
    ui.voice.open()
    assert changed == [True]
    qtbot.waitUntil(lambda: find_visible(ui.window, "listenAgain") is not None)
    spoken = []
    ui.voice.spoken.connect(spoken.append)
    tap(qtbot, ui.window, "listenAgain")
    qtbot.waitUntil(lambda: len(spoken) == 1)
