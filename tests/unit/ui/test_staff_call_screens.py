"""Call staff from every citizen screen: one tap, "staff are on their way" with where they sit, the call and its
cancellation reaching a real central; spoken in elderly mode; screenshots of the confirmation."""

from __future__ import annotations

import pytest

from kiosk.staff_call import STAFF_CALL_CANCEL_EVENT, STAFF_CALL_EVENT
from protocol import signing
from tests.helpers.central import TERMINAL, central  # noqa: F401
from tests.helpers.qml import distinct_colours, find, find_visible, grab, settle, tap
from tests.helpers.screens import arrive, every_screen

SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080)}
WHERE = {"staff_location": "一楼东侧咨询台", "staff_location_en": "the enquiry desk, ground floor east"}


def _ui(make_ui, tmp_path, orientation="portrait", central=None, **sections):  # noqa: F811
    """A kiosk with its queue open; talking to `central` when given (else its sends wait in the queue)."""
    w, h = SIZES[orientation]
    if central is not None:
        secret = tmp_path / "terminal.secret"
        signing.write_secret(secret, central.secret)
        sections["central"] = {"url": central.url, "credentials_file": str(secret), "allow_plain_http_loopback": True,
                               "sync_interval_seconds": 3600, "timeout_seconds": 5}
    return make_ui(orientation, hardware=True, display={"width": w, "height": h},
                   queue={"database": "q.sqlite3", "key_file": "q.key"}, logging={"directory": "log"},
                   terminal=WHERE, **{"devices.printer": {"sim_output_dir": "receipts"}}, **sections)


def _central_events(central, name):  # noqa: F811
    """(item id, details) of the terminal's events called `name` that central holds, oldest first."""
    return [(e["id"], e["body"]["details"]) for e in central.store.events(TERMINAL) if e["body"]["name"] == name]


def test_the_call_button_is_on_every_citizen_screen_and_on_no_staff_screen(qtbot, make_ui):
    ui = make_ui(locale={"voice_prompts": True})
    ui.shell.start(True)
    dp = min(ui.window.width(), ui.window.height()) / 720
    for screen in every_screen(qtbot, ui):
        arrive(qtbot, ui, screen)
        button = find_visible(ui.window, "callStaff")
        assert button is not None, screen
        assert min(button.width(), button.height()) >= 60 * dp - 0.5, screen  # elderly-mode target
    ui.shell.go("Maintenance")  # as after the staff PIN
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Maintenance")
    settle(qtbot)
    assert find_visible(ui.window, "callStaff") is None


def test_one_tap_calls_staff_says_where_they_sit_and_a_cancel_reaches_central(qtbot, make_ui, tmp_path, central):  # noqa: F811
    ui = _ui(make_ui, tmp_path, central=central)
    qtbot.waitUntil(lambda: ui.core.submissions is not None, timeout=30_000)
    bridge = ui.bridges["staffCall"]
    ui.shell.start()
    arrive(qtbot, ui, "Identify")
    assert find(ui.window, "identifyAskStaff") is None  # the screen's own button gave way to the common one
    tap(qtbot, ui.window, "callStaff")
    qtbot.waitUntil(lambda: bridge.state == "called", timeout=10_000)
    settle(qtbot)
    assert find_visible(ui.window, "staffCallHeadline").property("text") == "工作人员马上就来"
    assert "一楼东侧咨询台" in find_visible(ui.window, "staffCallDetail").property("text")
    # the sync worker sleeps an hour between rounds: only the call's own wake brings it over at once
    qtbot.waitUntil(lambda: len(_central_events(central, STAFF_CALL_EVENT)) == 1, timeout=30_000)
    [(call_id, details)] = _central_events(central, STAFF_CALL_EVENT)
    assert details["screen"] == "Identify"

    tap(qtbot, ui.window, "staffCallOk")  # the panel goes, the call stands and the button says so
    qtbot.waitUntil(lambda: not bridge.panelOpen)
    settle(qtbot)
    assert find_visible(ui.window, "callStaff").property("text") == "✓ 已呼叫工作人员"
    tap(qtbot, ui.window, "callStaff")  # again within a minute: the same call, the panel back
    qtbot.waitUntil(lambda: bridge.panelOpen and bridge.state == "called")
    settle(qtbot)
    tap(qtbot, ui.window, "staffCallCancel")
    qtbot.waitUntil(lambda: not bridge.panelOpen and bridge.state == "", timeout=10_000)
    qtbot.waitUntil(lambda: len(_central_events(central, STAFF_CALL_CANCEL_EVENT)) == 1, timeout=30_000)
    [(_, cancel)] = _central_events(central, STAFF_CALL_CANCEL_EVENT)
    assert cancel["calls"] == [call_id] and cancel["screen"] == "Identify"
    assert len(_central_events(central, STAFF_CALL_EVENT)) == 1
    settle(qtbot)
    assert find_visible(ui.window, "callStaff").property("text") == "呼叫工作人员"


def test_offline_the_call_is_kept_and_the_panel_still_says_staff_are_coming(qtbot, make_ui, tmp_path):
    ui = _ui(make_ui, tmp_path)  # central is the shipped address nobody answers here
    qtbot.waitUntil(lambda: ui.core.submissions is not None, timeout=30_000)
    ui.shell.start()
    tap(qtbot, ui.window, "callStaff")
    qtbot.waitUntil(lambda: ui.bridges["staffCall"].state == "called", timeout=10_000)
    store = ui.core.submissions.store
    names = [store.read_body(seq)["name"] for (seq,) in store._conn.execute("SELECT seq FROM records WHERE kind='event'")]
    assert names == [STAFF_CALL_EVENT]


def test_without_a_queue_the_panel_sends_the_visitor_to_where_staff_sit(qtbot, make_ui, tmp_path):
    ui = make_ui(terminal=WHERE)  # no hardware, no queue: nothing can be recorded
    ui.shell.start()
    ui.shell.language = "en"
    tap(qtbot, ui.window, "callStaff")
    qtbot.waitUntil(lambda: ui.bridges["staffCall"].state == "failed", timeout=10_000)
    settle(qtbot)
    assert find_visible(ui.window, "staffCallHeadline").property("text") == \
        "Please go to the enquiry desk, ground floor east for help"
    assert find_visible(ui.window, "staffCallCancel") is None  # nothing recorded, nothing to take back


def test_in_elderly_mode_the_confirmation_is_spoken_with_the_place(qtbot, make_ui, tmp_path):
    ui = _ui(make_ui, tmp_path, locale={"voice_prompts": True})
    qtbot.waitUntil(lambda: ui.core.submissions is not None, timeout=30_000)
    spoken: list[str] = []
    ui.voice.spoken.connect(spoken.append)
    ui.shell.start(True)
    arrive(qtbot, ui, "Catalog")
    tap(qtbot, ui.window, "callStaff")
    qtbot.waitUntil(lambda: any(s.startswith("工作人员马上就来") and "一楼东侧咨询台" in s for s in spoken),
                    timeout=10_000)


def test_the_end_of_the_visit_closes_the_panel(qtbot, make_ui, tmp_path):
    ui = _ui(make_ui, tmp_path)
    qtbot.waitUntil(lambda: ui.core.submissions is not None, timeout=30_000)
    ui.shell.start()
    tap(qtbot, ui.window, "callStaff")
    qtbot.waitUntil(lambda: ui.bridges["staffCall"].state == "called", timeout=10_000)
    ui.shell.endSession()
    assert not ui.bridges["staffCall"].panelOpen and ui.bridges["staffCall"].state == ""
    ui.shell.start()
    settle(qtbot)
    assert find_visible(ui.window, "staffCallPanel") is None


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize("elderly", [False, True], ids=["normal", "elderly"])
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_screenshots_of_the_call(qtbot, make_ui, tmp_path, artifacts_dir, orientation, elderly, language):
    ui = _ui(make_ui, tmp_path, orientation)
    qtbot.waitUntil(lambda: ui.core.submissions is not None, timeout=30_000)
    ui.shell.start(elderly)
    ui.shell.language = language
    mode = "elderly" if elderly else "normal"
    shots = artifacts_dir / "screens"
    arrive(qtbot, ui, "Identify")
    settle(qtbot, 500)
    grab(ui.window, shots / f"staff_call_button_identify_{orientation}_{mode}_{language}.png")
    tap(qtbot, ui.window, "callStaff")
    qtbot.waitUntil(lambda: ui.bridges["staffCall"].state == "called", timeout=10_000)
    settle(qtbot, 500)
    path = grab(ui.window, shots / f"staff_call_panel_{orientation}_{mode}_{language}.png")
    assert distinct_colours(path) > 8
    tap(qtbot, ui.window, "staffCallOk")
    settle(qtbot, 500)
    grab(ui.window, shots / f"staff_call_called_identify_{orientation}_{mode}_{language}.png")
