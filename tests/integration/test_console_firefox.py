"""The operations console in Firefox too (Debian's Firefox ESR, headless, over WebDriver BiDi) against a real central:
the same flows the Chromium tests walk — log in by typing, a silent terminal flagged on the open fleet page without a
reload (the page's own refresh script), a staff call acknowledged with a click — every role's pages on screen without
sideways overflow, and no JavaScript error on any of them."""

from __future__ import annotations

import time

from tests.helpers.browser import wait_until
from tests.helpers.central import CentralServer
from tests.helpers.console import PASSWORD, add_staff, staff_call
from tests.helpers.firefox import firefox, log_in  # noqa: F401 (fixture)
from tests.integration.test_console_browser import BEATING, Heartbeats, _history, hall  # noqa: F401 (fixture)


def _flags(browser, terminal: str) -> str | None:
    return browser.js(f"(() => {{ const row = document.querySelector(\"tr[data-terminal='{terminal}']\");"
                      f" return row && [...row.querySelectorAll('.badge')].map(b => b.dataset.flag).join(' '); }})()")


def test_a_silent_terminal_is_flagged_and_its_call_acknowledged_in_firefox(hall, firefox):  # noqa: F811
    server, terminal = hall  # the Chromium test's hall: one manager, one beating terminal at its site
    beats = Heartbeats(terminal)
    try:
        wait_until(lambda: server.store.terminals(BEATING)[0]["last_heartbeat"], what="the first heartbeat")
        log_in(firefox, server.url, "mgr", PASSWORD)
        assert firefox.url.endswith("/console/calls")  # a manager's start page
        firefox.get(server.url + "/console/fleet")
        assert _flags(firefox, BEATING) == "ok"
        firefox.js("window.__sameDocument = true")
    finally:
        beats.stop()
    # the open page refreshes its table: the flag arrives without a reload, in colour and in words
    wait_until(lambda: _flags(firefox, BEATING) == "stale", timeout=90, what="the stale flag on the open page")
    assert firefox.js("window.__sameDocument === true")  # nothing reloaded the page
    badge = f"tr[data-terminal='{BEATING}'] .badge[data-flag='stale']"
    text = firefox.js(f"document.querySelector(\"{badge}\").textContent")
    assert "失联" in text and "silent" in text
    assert firefox.js(f"getComputedStyle(document.querySelector(\"{badge}\")).backgroundColor") == \
        "rgb(254, 228, 226)"

    staff_call(terminal, "01HFIREFOXCALL000000000001", screen="apply")
    button = f"#calls-banner button.ack[data-terminal='{BEATING}']"
    wait_until(lambda: firefox.js(f"!!document.querySelector(\"{button}\")"), timeout=60,
               what="the call on the open page")
    firefox.click(button)
    wait_until(lambda: "已确认呼叫" in (firefox.js("document.querySelector('p.notice')?.textContent") or ""),
               what="the acknowledgement notice")
    assert firefox.url.endswith("/console/fleet?done=call_acked")
    assert server.store._q("SELECT acked_by FROM staff_calls") == [("mgr",)]
    assert firefox.errors == []


def test_every_role_pages_in_firefox(central_db, firefox, artifacts_dir):  # noqa: F811
    _history(central_db, time.time())
    server = CentralServer(central_db).start()
    shots = artifacts_dir / "console-firefox"
    pages = {"manager": ("/console/calls", "/console/fleet", "/console/fleet?site=HALL-B&sort=age&order=desc",
                         "/console/terminals/SIM-0503", "/console/ratings", "/console/catalog", "/console/account"),
             "officer": ("/console/cases", "/console/account"),
             "auditor": ("/console/audit?verify=1", "/console/account")}
    try:
        for role in pages:
            add_staff(server.store, role[:3], role)
        firefox.get(server.url + "/console/login")
        firefox.screenshot(shots / "login.png")
        for role, paths in pages.items():
            firefox.delete_cookies()
            log_in(firefox, server.url, role[:3], PASSWORD)
            for path in paths:
                firefox.get(server.url + path)
                # every page answers with its own heading, inside the window's width
                assert firefox.js("document.querySelector('main h1') !== null"), path
                assert firefox.js("document.documentElement.scrollWidth <= window.innerWidth"), path
                name = path.strip("/").replace("/", "-").split("?")[0] + ("-filtered" if "?site" in path else "")
                firefox.screenshot(shots / f"{role}-{name}.png")
        assert firefox.errors == []
    finally:
        server.stop()
    assert len(list(shots.glob("*.png"))) == 1 + sum(len(p) for p in pages.values())
