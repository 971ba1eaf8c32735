"""The operations console in a real browser (Debian's headless Chromium through Selenium) against a real central:
log in, watch a terminal whose signed heartbeats stop get flagged stale on the open fleet page (no reload), see the
terminal's call-staff request appear and acknowledge it; and a screenshot of every page, checked for overflow."""

from __future__ import annotations

import math
import threading
import time

import pytest
from selenium.webdriver.common.by import By

from central.console.web import ConsolePolicy
from central.fleet import FleetPolicy
from central.storage import CentralStore
from offline_queue.client import CentralClient
from tests.helpers.browser import browser, full_page_screenshot, log_in, wait_until  # noqa: F401 (fixture)
from tests.helpers.central import CentralServer
from tests.helpers.console import PASSWORD, add_staff, staff_call

BEATING, SITE = "SIM-0401", "HALL-B"


def _beat(pending: int = 0, **over) -> dict:
    beat = {"at": time.time(), "reason": "interval", "software": "1.4.0", "depth": {"pending": pending},
            "paper": "ok", "clock_offset": 0.3, "crashes": 0, "catalog": "2026.11",
            "devices": {"idcard": {"state": "ok"}, "camera": {"state": "ok"}, "printer": {"state": "ok"}}}
    beat.update(over)
    return beat


class Heartbeats:
    """A terminal beating through the kiosk's own signed client until stop()."""

    def __init__(self, client: CentralClient, every: float = 0.3) -> None:
        self._client, self._every = client, every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self._client.heartbeat(_beat())
            self._stop.wait(self._every)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(30)


@pytest.fixture
def hall(central_db):
    server = CentralServer(central_db, console=ConsolePolicy(fleet=FleetPolicy(interval=1, stale_after=2))).start()
    add_staff(server.store, "mgr", "manager")
    client = CentralClient(server.url, BEATING, server.add_terminal(BEATING), allow_plain_http_loopback=True)
    server.store.set_site(BEATING, SITE)
    yield server, client
    client.close()
    server.stop()


def _flags(driver, terminal: str) -> list[str]:
    row = driver.find_element(By.CSS_SELECTOR, f"tr[data-terminal='{terminal}']")
    return [b.get_attribute("data-flag") for b in row.find_elements(By.CSS_SELECTOR, ".badge")]


def test_a_silent_terminal_is_flagged_and_its_staff_call_acknowledged(hall, browser):  # noqa: F811
    server, terminal = hall
    beats = Heartbeats(terminal)
    try:
        wait_until(lambda: server.store.terminals(BEATING)[0]["last_heartbeat"], what="the first heartbeat")
        log_in(browser, server.url, "mgr", PASSWORD)
        assert browser.current_url.endswith("/console/calls")  # a manager's start page
        browser.get(server.url + "/console/fleet")
        assert _flags(browser, BEATING) == ["ok"]
    finally:
        beats.stop()
    page = browser.find_element(By.TAG_NAME, "main")
    # the open page refreshes its table: the flag arrives without a reload, in colour and in words
    wait_until(lambda: _flags(browser, BEATING) == ["stale"], timeout=90, what="the stale flag on the open page")
    badge = browser.find_element(By.CSS_SELECTOR, f"tr[data-terminal='{BEATING}'] .badge[data-flag='stale']")
    assert "失联" in badge.text and "silent" in badge.text
    assert badge.value_of_css_property("background-color") == "rgba(254, 228, 226, 1)"
    assert page == browser.find_element(By.TAG_NAME, "main")  # the same document: nothing reloaded it

    staff_call(terminal, "01HBROWSERCALL000000000001", screen="apply")
    button = f"#calls-banner button.ack[data-terminal='{BEATING}']"
    ack = wait_until(lambda: browser.find_element(By.CSS_SELECTOR, button), timeout=60, what="the call on the open page")
    banner = browser.find_element(By.ID, "calls-banner").text
    assert BEATING in banner and SITE in banner and "apply" in banner
    ack.click()
    wait_until(lambda: "已确认呼叫" in browser.find_element(By.CSS_SELECTOR, "p.notice").text,
               what="the acknowledgement notice")
    assert browser.current_url.endswith("/console/fleet?done=call_acked")
    assert not browser.find_elements(By.CSS_SELECTOR, "#calls-banner button.ack")
    assert server.store._q("SELECT acked_by FROM staff_calls") == [("mgr",)]
    assert server.store._q("SELECT actor, action, target FROM staff_audit WHERE action='call.ack'") == [
        ("mgr", "call.ack", f"terminal:{BEATING}")]
    browser.get(server.url + "/console/calls")
    answered = browser.find_element(By.CSS_SELECTOR, "#calls-list").text
    assert "mgr" in answered and "目前没有终端在呼叫工作人员" in answered


# -- screenshots -------------------------------------------------------------------------------------------------

FLEET = {  # terminal: (site, what its last beat says)
    "SIM-0501": ("HALL-A", {}),
    "SIM-0502": ("HALL-A", {"paper": "out", "devices": {"idcard": {"state": "ok"}, "camera": {"state": "ok"},
                                                         "printer": {"state": "out", "error": "paper out"}}}),
    "SIM-0503": ("HALL-B", {"crashes": 2, "devices": {"idcard": {"state": "ok"}, "printer": {"state": "ok"},
                                                      "camera": {"state": "fault", "error": "no frames for 30 s"}}}),
    "SIM-0504": ("HALL-B", {"clock_offset": -95.0, "paper": "near_end",
                            "devices": {"idcard": {"state": "ok"}, "camera": {"state": "ok"},
                                        "printer": {"state": "near_end"}}}),
    "SIM-0505": ("VILLAGE-07", {}),
}


def _history(central_db, now: float) -> None:
    """An hour of beats per terminal, written as central would have received them (its clock set back)."""
    for terminal, (site, last) in FLEET.items():
        at = {"t": now - 86400 * 40}  # registered weeks ago
        store = CentralStore(central_db.target, clock=lambda: at["t"], keys_dir=central_db.keys_dir)
        try:
            store.add_terminal(terminal, "s" * 43, site=site)
            end = now - (900 if terminal == "SIM-0505" else 20)
            for i in range(40):
                at["t"] = end - (39 - i) * 60 - (600 if i < 15 else 0)  # ten minutes without beats
                pending = int(6 + 5 * math.sin(i / 4)) if terminal != "SIM-0504" else i  # SIM-0504 falls behind
                beat = dict(_beat(pending, at=at["t"]), **(last if i >= 36 else {}))
                if terminal == "SIM-0501" and i == 22:
                    beat["crashes"] = 1
                store.heartbeat(terminal, beat)
        finally:
            store.close()


def test_every_console_page_on_screen(central_db, browser, artifacts_dir):  # noqa: F811
    now = time.time()
    _history(central_db, now)
    server = CentralServer(central_db).start()
    shots = artifacts_dir / "console"
    try:
        for name, role in (("mgr", "manager"), ("off", "officer"), ("aud", "auditor")):
            add_staff(server.store, name, role)
        client = CentralClient(server.url, "SIM-0503", server.add_terminal("SIM-0503"),
                               allow_plain_http_loopback=True)
        staff_call(client, "01HSHOTCALL0000000000000001", screen="apply.form")
        staff_call(client, "01HSHOTCALL0000000000000002", screen="payment")
        client.close()

        def shoot(name: str, path: str | None = None) -> None:
            if path:
                browser.get(server.url + path)
            assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"), name
            full_page_screenshot(browser, shots / f"{name}.png")

        shoot("login", "/console/login")
        browser.find_element(By.ID, "username").send_keys("mgr")
        browser.find_element(By.ID, "password").send_keys("not the password")
        browser.find_element(By.CSS_SELECTOR, "form[action='/console/login'] button").click()
        wait_until(lambda: browser.find_element(By.CSS_SELECTOR, "p.error"), what="the login error")
        shoot("login-failed")
        log_in(browser, server.url, "mgr", PASSWORD)
        shoot("calls-waiting", "/console/calls")
        shoot("fleet", "/console/fleet")
        shoot("fleet-filtered", "/console/fleet?site=HALL-B&sort=age&order=desc")
        shoot("terminal", "/console/terminals/SIM-0501")
        shoot("terminal-faults", "/console/terminals/SIM-0503")
        browser.find_element(By.CSS_SELECTOR, "#calls-banner button.ack").click()
        wait_until(lambda: browser.find_element(By.CSS_SELECTOR, "p.notice"), what="the notice")
        shoot("acknowledged")
        shoot("account", "/console/account")
        browser.delete_all_cookies()
        log_in(browser, server.url, "off", PASSWORD)
        shoot("officer-calls", "/console/calls")
        shoot("refused", "/console/fleet")
        browser.delete_all_cookies()
        log_in(browser, server.url, "aud", PASSWORD)
        shoot("audit", "/console/audit?verify=1")
    finally:
        server.stop()
    assert len(list(shots.glob("*.png"))) >= 12
