"""How many wait is the hall's figure, not the terminal's: before taking a number the citizen is told central's count
for the whole hall (another terminal's tickets included), counted in a worker so the screen never waits for it; with
central gone the screen says the figure is not known instead of showing this terminal's own count. Real central on
127.0.0.1, simulated devices."""

from __future__ import annotations

from datetime import date

import pytest

from offline_queue.client import CentralClient
from protocol import signing
from tests.helpers.central import TERMINAL
from tests.helpers.e2e import text_of
from tests.helpers.identify import resize
from tests.helpers.qml import grab, settle, tap


def _guide(qtbot, ui, code="HJ-001"):
    ui.shell.start()
    ui.shell.go("Guide", {"code": code})
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Guide")
    settle(qtbot)


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_the_choice_tells_the_halls_waiting_count_and_says_when_it_is_not_known(qtbot, kiosk, central,
                                                                                artifacts_dir, orientation):
    ui, ticket = kiosk, kiosk.bridges["ticket"]
    resize(ui.window, orientation)
    central.store.set_site(TERMINAL, "HALL-1")
    secret = signing.new_secret()
    central.store.add_terminal("SIM-0999", secret, site="HALL-1")
    other = CentralClient(central.url, "SIM-0999", secret, timeout=30, allow_plain_http_loopback=True)
    try:
        day = date.today().isoformat()  # the kiosk's counting day (numbers restart at midnight in kiosk.toml)
        for _ in range(2):  # the other terminal of the hall gives two numbers at HJ-001's windows
            other.take_ticket(ui.core.catalog.ticket_place("HJ-001")[1].queue.code, day)
    finally:
        other.close()

    _guide(qtbot, ui)
    qtbot.waitUntil(lambda: "2 人等候" in text_of(ui, "guideTicket"))
    tap(qtbot, ui.window, "guideTicket")
    qtbot.waitUntil(lambda: ticket.ticketState == "choose" and ticket.waitingNow == 2)
    settle(qtbot)
    assert text_of(ui, "ticketWaitingNow") == "现在有 2 人等候"
    grab(ui.window, artifacts_dir / "screens" / f"ticket_choice_hall_count_{orientation}.png")

    central.stop()
    central.stopped = True
    _guide(qtbot, ui)
    qtbot.waitUntil(lambda: text_of(ui, "guideTicket") == "取号")  # not known: no figure on the button
    tap(qtbot, ui.window, "guideTicket")
    qtbot.waitUntil(lambda: ticket.ticketState == "choose" and "暂不可知" in ticket.waitingText)
    settle(qtbot)
    assert text_of(ui, "ticketWaitingNow") == "现在等候人数暂不可知"
    grab(ui.window, artifacts_dir / "screens" / f"ticket_choice_count_unknown_{orientation}.png")
