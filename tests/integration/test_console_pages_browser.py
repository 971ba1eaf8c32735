"""The case, rating and catalog pages in a real browser (Debian's headless Chromium through Selenium) against a real
central, with real kiosk-side clients: a case returned with a reason in the browser shows that reason in the kiosk's
progress query; a bad rating is marked followed up; a catalog uploaded and published in the browser is installed by a
kiosk; and a screenshot of every new page, checked for overflow."""

from __future__ import annotations

import math
import time

from selenium.webdriver.common.by import By

from central.casework import Casework
from central.catalogs import Catalogs
from central.followups import FollowUps
from central.storage import CentralStore
from kiosk.catalog.updates import CatalogStore, client_fetch
from kiosk.submissions import Submissions
from offline_queue.client import CentralClient
from offline_queue.worker import SyncWorker
from protocol import signing
from tests.helpers.browser import browser, full_page_screenshot, log_in, wait_until  # noqa: F401 (fixture)
from tests.helpers.catalog import SHIPPED, replace_in, signed_bundle, signing_keys
from tests.helpers.central import CentralServer, invented_applicant, make_store
from tests.helpers.console import PASSWORD, add_staff, rate, submit_case

REASON = "请补交户口簿本人页复印件一份后再来申请。"


def _submit(browser, form_css: str) -> None:  # noqa: F811
    browser.find_element(By.CSS_SELECTOR, f"{form_css} button[type=submit]").click()


def test_a_case_returned_in_the_browser_shows_its_reason_in_the_kiosk_progress_query(central_db, tmp_path,
                                                                                     browser):  # noqa: F811
    server = CentralServer(central_db).start()
    secret = signing.new_secret()
    server.store.add_terminal("SIM-0701", secret, site="HALL-A")
    add_staff(server.store, "off", "officer")
    queue = make_store(tmp_path / "kiosk", terminal="SIM-0701")
    client = CentralClient(server.url, "SIM-0701", secret, timeout=10, allow_plain_http_loopback=True)
    kiosk = Submissions(queue, client, SyncWorker(queue, client, interval=60))
    try:
        done = kiosk.submit("HJ-001", {}, invented_applicant(31))
        kiosk.worker.sync_once()
        log_in(browser, server.url, "off", PASSWORD)
        assert browser.current_url.endswith("/console/cases")  # a case officer's start page
        browser.find_element(By.CSS_SELECTOR, f"tr[data-tracking='{done.tracking}'] a").click()
        wait_until(lambda: "/console/cases/" in browser.current_url, what="the case page")
        # the officer sees the applicant in clear, and that look is in the audit trail
        assert browser.find_element(By.CSS_SELECTOR, "dd[data-field='name']").text == invented_applicant(31)["name"]
        assert browser.find_element(By.CSS_SELECTOR, "form.action-return .citizen-reads").is_displayed()
        browser.find_element(By.ID, "reason-return").send_keys(REASON)
        browser.find_element(By.ID, "note-return").send_keys("staff-only remark 5150")
        _submit(browser, "form.action-return")
        wait_until(lambda: "done=case_return" in browser.current_url, what="the case returned")
        assert "已退回" in browser.find_element(By.CSS_SELECTOR, "h1 .status").text
        assert REASON in browser.find_element(By.CSS_SELECTOR, "table.history").text

        progress = kiosk.progress(done.tracking)  # the kiosk's own query over real HTTP, answers MAC-checked
        assert (progress.source, progress.status, progress.reason) == ("central", "returned", REASON)
        raw = client._call("GET", f"/v1/cases/{done.tracking}").text
        assert "staff-only remark 5150" not in raw and '"off"' not in raw
        audit = server.store._q("SELECT actor, action, target FROM staff_audit WHERE action LIKE 'case.%' ORDER BY id")
        assert ("off", "case.return", f"case:{done.tracking}") in audit
        assert ("off", "case.view", f"case:{done.tracking}") in audit
    finally:
        kiosk.close()
        server.stop()


def test_a_bad_rating_is_marked_followed_up_in_the_browser(central_db, browser):  # noqa: F811
    server = CentralServer(central_db).start()
    client = CentralClient(server.url, "SIM-0702", server.add_terminal("SIM-0702"), allow_plain_http_loopback=True)
    add_staff(server.store, "mgr", "manager")
    try:
        [answer] = client.submit_batch([{"id": "01HBADRATING00000000000001", "seq": None, "kind": "rating",
                                         "body": {"tracking": None, "score": 1, "tags": ["long_wait", "attitude"],
                                                  "comment": "排队一个小时"}}])
        assert answer["result"] == "accepted"
        log_in(browser, server.url, "mgr", PASSWORD)
        browser.get(server.url + "/console/ratings/bad")
        row = browser.find_element(By.CSS_SELECTOR, "tr[data-rating='01HBADRATING00000000000001']")
        assert "等候时间长" in row.text and "排队一个小时" in row.text and "剩 15 个工作日" in row.text
        row.find_element(By.CSS_SELECTOR, "a.button").click()
        wait_until(lambda: browser.find_elements(By.ID, "follow-up"), what="the rating page")
        browser.find_element(By.CSS_SELECTOR, "input[name=state][value=followed_up]").click()  # nothing chosen for one
        browser.find_element(By.ID, "note").send_keys("已电话回访，评价人表示理解")
        _submit(browser, "#follow-up form")
        wait_until(lambda: "done=rating_advanced" in browser.current_url, what="the follow-up saved")
        assert "已回访" in browser.find_element(By.CSS_SELECTOR, "dl.facts").text
        assert not browser.find_elements(By.ID, "follow-up")  # nothing comes after 已回访
        found = FollowUps(server.store).rating("01HBADRATING00000000000001")
        assert found["state"] == "followed_up" and found["steps"][-1]["actor"] == "mgr"
        assert server.store._q("SELECT actor, action, target FROM staff_audit WHERE action='rating.follow_up'") == [
            ("mgr", "rating.follow_up", "rating:01HBADRATING00000000000001")]
    finally:
        client.close()
        server.stop()


def test_a_catalog_uploaded_and_published_in_the_browser_is_installed_by_a_kiosk(central_db, tmp_path,
                                                                                  browser):  # noqa: F811
    server = CentralServer(central_db).start()
    private, public = signing_keys()
    Catalogs(server.store).trust(public)
    secret = signing.new_secret()
    server.store.add_terminal("SIM-0703", secret, site="HALL-C")
    client = CentralClient(server.url, "SIM-0703", secret, timeout=10, allow_plain_http_loopback=True)
    kiosk = CatalogStore(SHIPPED, tmp_path / "kiosk-updates", public_keys=[public])
    add_staff(server.store, "mgr", "manager")
    bundle = tmp_path / "catalog-2099.7.1.zip"
    bundle.write_bytes(signed_bundle(tmp_path, "2099.7.1", private, edit=lambda d: replace_in(
        d / "items" / "household.toml", 'name = "出生登记"', 'name = "出生登记（浏览器发布）"')))
    try:
        log_in(browser, server.url, "mgr", PASSWORD)
        browser.get(server.url + "/console/catalog")
        browser.find_element(By.ID, "bundle").send_keys(str(bundle))
        _submit(browser, "form.upload")
        wait_until(lambda: "done=catalog_uploaded" in browser.current_url, what="the upload")
        row = browser.find_element(By.CSS_SELECTOR, "tr[data-version='2099.7.1']")
        assert "未发布" in row.text and "已校验" in row.text
        row.find_element(By.CSS_SELECTOR, "details.publish summary").click()
        row.find_element(By.CSS_SELECTOR, "input[name=scope][value=sites]").click()
        row.find_element(By.CSS_SELECTOR, "input[name=site][value='HALL-C']").click()
        _submit(browser, "tr[data-version='2099.7.1'] form[action$='/publish']")
        wait_until(lambda: "done=catalog_published" in browser.current_url, what="the publication")
        assert "HALL-C" in browser.find_element(By.CSS_SELECTOR, "tr[data-version='2099.7.1']").text
        rollout = browser.find_element(By.CSS_SELECTOR, "table.rollout tr[data-terminal='SIM-0703']").text
        assert "2099.7.1" in rollout and "待更新" in rollout

        result = kiosk.check(client_fetch(client, 20_000_000))[0]  # the kiosk's own update, over real HTTP
        assert (result.status, result.version) == ("installed", "2099.7.1")
        assert kiosk.open().item("HJ-001").name == "出生登记（浏览器发布）"
        client.heartbeat({"at": time.time(), "reason": "interval", "catalog": "2099.7.1"})
        browser.refresh()
        rollout = browser.find_element(By.CSS_SELECTOR, "table.rollout tr[data-terminal='SIM-0703']").text
        assert "已是最新" in rollout
        audit = server.store._q("SELECT action, target FROM staff_audit WHERE action LIKE 'catalog.%' ORDER BY id")
        assert audit == [("catalog.upload", "catalog:2099.7.1"), ("catalog.publish", "catalog:2099.7.1")]
    finally:
        client.close()
        server.stop()


# -- screenshots -------------------------------------------------------------------------------------------------

HALL = {"SIM-0801": "HALL-A", "SIM-0802": "HALL-A", "SIM-0803": "HALL-B", "SIM-0804": "VILLAGE-07"}
SERVICES = ("HJ-001", "ZJ-002", "SB-001", "JZ-001", "QY-002")


def _scan(seed: int) -> bytes:
    """An invented photographed page (no document of anybody)."""
    import cv2
    import numpy as np

    page = np.full((560, 420, 3), 250, np.uint8)
    cv2.rectangle(page, (20, 20), (400, 540), (200, 200, 200), 2)
    cv2.putText(page, "INVENTED SAMPLE PAGE", (40, 70), cv2.FONT_HERSHEY_SIMPLEX, 0.8, (60, 60, 60), 2)
    for i in range(14):
        cv2.line(page, (40, 110 + 28 * i), (380 - (seed * 37 + i * 53) % 120, 110 + 28 * i), (150, 150, 150), 3)
    ok, data = cv2.imencode(".jpg", page, [cv2.IMWRITE_JPEG_QUALITY, 80])
    assert ok
    return data.tobytes()


def _hall_history(central_db, tmp_path, now: float) -> dict:
    """Terminals, cases in every status, a month of ratings (bad ones at each stage of their follow-up), two
    catalog versions and overlays, written as central would have received them (its clock set back)."""
    at = {"t": now - 40 * 86400}
    store = CentralStore(central_db.target, clock=lambda: at["t"], keys_dir=central_db.keys_dir)
    private, public = signing_keys()
    made: dict = {"cases": []}
    try:
        for terminal, site in HALL.items():
            store.add_terminal(terminal, "s" * 43, site=site)
        work = Casework(store)
        for seq in range(1, 15):
            at["t"] = now - (15 - seq) * 3 * 3600
            terminal = list(HALL)[seq % 4]
            number = submit_case(store, terminal, seq, SERVICES[seq % len(SERVICES)],
                                 attachments=(_scan(seq), _scan(seq + 1)) if seq == 10 else (),
                                 face=_scan(99) if seq == 10 else None)
            made["cases"].append(number)
            at["t"] += 1800
            steps = {0: [], 1: [("accept", None)], 2: [("correct", "请补交户口簿本人页复印件一份。")],
                     3: [("accept", None), ("finish", None)], 4: [("return", "申请人不符合本事项的办理条件。")]}[seq % 5]
            for action, reason in steps:
                work.act(number, action, actor="off", reason=reason, note="已电话联系" if reason else None)
                at["t"] += 600
        rid = 0
        for day in range(45, -1, -1):
            for k in range(3 + (day * 7) % 5):
                rid += 1
                at["t"] = now - day * 86400 - 3600 * (k + 1)
                score = 5 - int(2.6 * abs(math.sin(rid * 1.7)))
                score = (1 if rid % 14 == 0 else 2) if rid % 7 == 0 else score
                body = {}
                if score <= 2:
                    body = {"tags": [("long_wait", "attitude", "more_trips", "terminal_trouble")[rid % 4]],
                            "comment": ("排队太久了", "工作人员说话不耐烦", "材料要求没讲清楚，跑了两趟", "")[rid % 4]}
                rate(store, list(HALL)[rid % 4], f"R{rid:05d}", score,
                     made["cases"][rid % len(made["cases"])] if rid % 3 else None, **body)
        bad = FollowUps(store).bad_ratings(per_page=200)["ratings"]
        for i, r in enumerate(sorted(bad, key=lambda r: r["at"])):
            at["t"] = r["at"] + 86400
            if i % 3 == 1:
                FollowUps(store).advance(r["id"], "rectifying", actor="mgr", note="已核实，安排窗口培训")
            elif i % 3 == 2:
                FollowUps(store).advance(r["id"], "followed_up", actor="mgr", note="已电话回访")
        made["bad"] = bad[0]["id"]
        shelf = Catalogs(store)
        shelf.trust(public)
        for version, sites in (("2099.8.1", None), ("2099.9.1", ["HALL-A"])):
            at["t"] = now - 5 * 86400
            shelf.upload(signed_bundle(tmp_path, version, private), actor="mgr")
            shelf.publish(version, sites=sites, actor="mgr")
        made["bundle"] = tmp_path / "broken-catalog.zip"
        made["bundle"].write_bytes(_broken_bundle(tmp_path, private))
        store.publish_overlay("site:HALL-A", '[display]\nidle_timeout_seconds = 90\n', "tech")
        store.publish_overlay("terminal:SIM-0802",
                              '[display]\nidle_timeout_seconds = 120\n[logging]\nlevel = "debug"\n', "tech")
        at["t"] = now - 30
        for terminal in HALL:
            config = {"SIM-0801": {"version": 1, "state": "applied", "offered": 1},
                      "SIM-0802": {"version": 1, "state": "pending", "offered": 2},
                      "SIM-0803": {"version": 0, "state": "none", "offered": 0}}.get(terminal)
            beat = {"at": at["t"], "reason": "interval", "software": "1.4.0", "depth": {"pending": 0}, "paper": "ok",
                    "clock_offset": 0.2, "crashes": 0,
                    "catalog": "2099.9.1" if terminal == "SIM-0801" else "2099.8.1",
                    "devices": {"idcard": {"state": "ok"}, "camera": {"state": "ok"}, "printer": {"state": "ok"}}}
            if config:
                beat["config"] = config
            store.heartbeat(terminal, beat)
    finally:
        store.close()
    return made


def _broken_bundle(tmp_path, private) -> bytes:
    """Signed, but with an item the kiosk's loader refuses (a field of the wrong type)."""
    from tests.helpers.catalog import resign

    def change(files):
        text = files["items/household.toml"].decode()
        files["items/household.toml"] = text.replace('name = "出生登记"', "name = 42", 1).encode()

    return resign(signed_bundle(tmp_path, "2099.10.1", private), private, change)


def test_every_new_console_page_on_screen(central_db, tmp_path, browser, artifacts_dir):  # noqa: F811
    now = time.time()
    made = _hall_history(central_db, tmp_path, now)
    server = CentralServer(central_db).start()
    shots = artifacts_dir / "console"
    try:
        for name, role in (("mgr", "manager"), ("off", "officer"), ("tech", "technician"), ("aud", "auditor")):
            add_staff(server.store, name, role)

        taken = []

        def shoot(name: str, path: str | None = None) -> None:
            taken.append(name)
            if path:
                browser.get(server.url + path)
            full_page_screenshot(browser, shots / f"{name}.png")
            assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"), name

        with_materials = made["cases"][9]  # received: every action open
        log_in(browser, server.url, "off", PASSWORD)
        shoot("cases-officer")
        shoot("cases-correction", "/console/cases?status=correction")
        shoot("case-officer", f"/console/cases/{with_materials}")
        # a correction without a reason (the browser would stop it first: past that, central refuses it)
        browser.execute_script("document.getElementById('reason-correct').removeAttribute('required')")
        browser.find_element(By.CSS_SELECTOR, "form.action-correct button[type=submit]").click()
        wait_until(lambda: browser.find_element(By.CSS_SELECTOR, "#actions p.error"), what="the refusal")
        shoot("case-reason-required")
        shoot("case-returned", f"/console/cases/{made['cases'][3]}")
        browser.delete_all_cookies()

        log_in(browser, server.url, "mgr", PASSWORD)
        shoot("cases-manager", "/console/cases")
        shoot("case-manager-masked", f"/console/cases/{with_materials}")
        shoot("ratings", "/console/ratings")
        shoot("ratings-by-terminal-weeks", "/console/ratings?by=terminal&days=90&period=week")
        shoot("ratings-by-site", "/console/ratings?by=site&days=7")
        shoot("bad-ratings", "/console/ratings/bad")
        shoot("bad-ratings-overdue", "/console/ratings/bad?show=overdue")
        shoot("bad-ratings-all", "/console/ratings/bad?show=all")
        shoot("bad-rating", f"/console/ratings/bad/{made['bad']}")
        shoot("catalog", "/console/catalog")
        browser.find_element(By.ID, "bundle").send_keys(str(made["bundle"]))
        _submit(browser, "form.upload")
        wait_until(lambda: browser.find_element(By.CSS_SELECTOR, "div.faults"), what="the faults")
        shoot("catalog-refused")
        browser.get(server.url + "/console/catalog")
        browser.find_element(By.CSS_SELECTOR, "tr[data-version='2099.9.1'] details.publish summary").click()
        shoot("catalog-publish-form")
        shoot("terminal-overlay", "/console/terminals/SIM-0802")
        area = browser.find_element(By.ID, "overlay-toml")
        area.clear()
        area.send_keys('[central]\nurl = "https://elsewhere.example"\n[face]\nthreshold = 0.9\n'
                       '[display]\nidle_timeout_seconds = 60\n')
        browser.find_element(By.CSS_SELECTOR, "#overlay button[value=publish]").click()
        wait_until(lambda: browser.find_element(By.CSS_SELECTOR, "#overlay div.error"), what="the refusal")
        browser.execute_script("document.getElementById('overlay').scrollIntoView()")
        shoot("terminal-overlay-refused")
        browser.delete_all_cookies()

        log_in(browser, server.url, "aud", PASSWORD)
        shoot("auditor-bad-rating", f"/console/ratings/bad/{made['bad']}")
        shoot("auditor-terminal", "/console/terminals/SIM-0801")
        shoot("auditor-audit", "/console/audit")
    finally:
        server.stop()
    assert len(taken) == 22 and all((shots / f"{name}.png").stat().st_size > 10_000 for name in taken)

