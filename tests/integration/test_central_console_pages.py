"""The case, rating, catalog and overlay pages over real HTTP on SQLite and PostgreSQL, as a browser uses them
(session cookie, CSRF token from the page): who may see and do what, the applicant masked except for case
officers and every look at them audited, materials served safely, refusals that name the problem and keep what was
typed, the catalog upload's own body cap."""

from __future__ import annotations

import hashlib
import os
import re
import socket
from datetime import date, datetime, timedelta

import httpx
import pytest

from central import bodies
from central.catalogs import Catalogs
from central.followups import FollowUps
from central.storage import CentralStore
from tests.helpers.catalog import replace_in, resign, signed_bundle, signing_keys
from tests.helpers.central import CentralServer, invented_applicant
from tests.helpers.console import ConsoleClient, add_staff, rate, submit_case

TERMINAL, OTHER, SITE = "SIM-0901", "SIM-0902", "HALL-P"
SCAN = b"\xff\xd8\xff\xe0" + b"invented scan of a page " * 40
PAGE_PNG = b"\x89PNG\r\n\x1a\n" + b"invented png" * 10
HTML = b"<html><script>alert(1)</script></html>"
RATING = "01HPAGESRATING000000000001"
OLD_RATING = "01HPAGESRATING000000000OLD"
NAMES = ("mgr", "off", "tech", "aud")


@pytest.fixture
def hall(central_db, tmp_path):
    server = CentralServer(central_db).start()
    store = server.store
    store.add_terminal(TERMINAL, "s" * 43, site=SITE)
    store.add_terminal(OTHER, "t" * 43, site=SITE)
    for name, role in zip(NAMES, ("manager", "officer", "technician", "auditor")):
        add_staff(store, name, role)
    server.case = submit_case(store, TERMINAL, 1, attachments=(SCAN, HTML), face=PAGE_PNG)
    server.other_case = submit_case(store, TERMINAL, 2, attachments=(b"\xff\xd8\xff other case's page",))
    rate(store, TERMINAL, RATING, 2, server.case, tags=["attitude"], comment="invented comment 77")
    server.tmp = tmp_path
    clients = {}

    def client(name: str) -> ConsoleClient:
        if name not in clients:
            clients[name] = ConsoleClient(server.url)
            assert clients[name].login(name).status_code == 303
        return clients[name]

    server.client = client
    yield server
    for c in clients.values():
        c.close()
    server.stop()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _audit(server, action_prefix: str) -> list[tuple]:
    return server.store._q("SELECT actor, action, target, detail FROM staff_audit WHERE action LIKE ? ORDER BY id",
                           (action_prefix + "%",))


def _post(client: ConsoleClient, path: str, page: str, data: dict | None = None, **kw) -> httpx.Response:
    return client.post(path, {"csrf": client.csrf(page), **(data or {})}, **kw)


def test_the_menu_shows_each_role_its_pages(hall):
    menus = {}
    for name in NAMES:
        page = hall.client(name).get("/console/account").text
        menus[name] = re.findall(r'<nav aria-label="主菜单 Main menu">(.*?)</nav>', page, re.S)[0]
    wanted = {"/console/cases": {"mgr", "off"}, "/console/ratings": {"mgr", "aud"}, "/console/catalog": {"mgr"},
              "/console/audit": {"aud"}}
    for path, who in wanted.items():
        assert {n for n in NAMES if f'href="{path}"' in menus[n]} == who, path


def test_an_officer_sees_the_applicant_and_the_look_is_audited_a_manager_sees_them_masked(hall):
    person = invented_applicant(1)
    officer = hall.client("off").get(f"/console/cases/{hall.case}")
    assert officer.status_code == 200
    assert person["name"] in officer.text and person["id_number"] in officer.text and person["address"] in officer.text
    assert f"/materials/{_sha(SCAN)}" in officer.text and 'action="/console/cases/' in officer.text
    manager = hall.client("mgr").get(f"/console/cases/{hall.case}")
    assert manager.status_code == 200 and "已遮盖" in manager.text
    for value in (person["name"], person["id_number"], person["address"], "13800000000"):
        assert value not in manager.text, value
    assert person["id_number"][:6] + "********" in manager.text  # masked, not left out
    assert "/materials/" not in manager.text and 'action="/console/cases/' not in manager.text
    listed = hall.client("mgr").get("/console/cases").text
    assert hall.case in listed and person["name"] not in listed and "申请人信息已遮盖" in listed
    # who looked at whom: the officer's look at the case, never the person's data; the manager saw no one
    views = _audit(hall, "case.view")
    assert [(a, t) for a, _, t, _ in views] == [("off", f"case:{hall.case}")]
    assert person["name"] not in views[0][3] and person["id_number"] not in views[0][3]


def test_materials_go_to_case_officers_only_and_never_as_a_document(hall):
    officer, manager = hall.client("off"), hall.client("mgr")
    base = f"/console/cases/{hall.case}/materials/"
    image = officer.get(base + _sha(SCAN))
    assert image.status_code == 200 and image.content == SCAN
    assert image.headers["content-type"] == "image/jpeg" and image.headers["cache-control"] == "no-store"
    assert image.headers["x-content-type-options"] == "nosniff"
    assert "sandbox" in image.headers["content-security-policy"]
    assert officer.get(base + _sha(PAGE_PNG)).headers["content-type"] == "image/png"
    other = officer.get(base + _sha(HTML))  # not an image: a download, never rendered
    assert other.headers["content-type"] == "application/octet-stream"
    assert other.headers["content-disposition"].startswith("attachment")
    other_case_page = _sha(b"\xff\xd8\xff other case's page")
    for sha in (other_case_page, "0" * 64, "not-a-digest"):  # another case's material is not this case's
        assert officer.get(base + sha).status_code == 404
    assert manager.get(base + _sha(SCAN)).status_code == 403
    opened = [(a, t, d) for a, _, t, d in _audit(hall, "case.material")]
    assert len(opened) == 3 and all(a == "off" and t == f"case:{hall.case}" for a, t, _ in opened)
    assert _sha(SCAN)[:16] in opened[0][2]


def test_only_case_officers_change_a_case_and_each_action_is_audited(hall):
    path = f"/console/cases/{hall.case}/actions/accept"
    page = f"/console/cases/{hall.case}"
    for name in ("aud", "mgr", "tech"):  # the auditor reads nothing here, the manager only reads
        refused = _post(hall.client(name), path, "/console/account")
        assert refused.status_code == 403, name
    assert hall.client("off").post(path, {"note": "no token"}).status_code == 403
    assert hall.store.case(hall.case)["status"] == "received"
    officer = hall.client("off")
    done = _post(officer, path, page, {"note": "材料齐全"})
    assert done.status_code == 303 and done.headers["location"] == f"/console/cases/{hall.case}?done=case_accept"
    assert hall.store.case(hall.case)["status"] == "reviewing"
    assert "已受理" in officer.get(done.headers["location"]).text
    [entry] = _audit(hall, "case.accept")
    assert entry[:3] == ("off", "case.accept", f"case:{hall.case}") and '"to": "reviewing"' in entry[3]


def test_a_refused_action_says_why_and_keeps_what_was_typed(hall):
    officer = hall.client("off")
    page = f"/console/cases/{hall.case}"
    no_reason = _post(officer, f"{page}/actions/correct", page, {"reason": "  ", "note": "typed note 31"})
    assert no_reason.status_code == 400
    assert "补正需要写明原因" in no_reason.text and "typed note 31</textarea>" in no_reason.text
    too_early = _post(officer, f"{page}/actions/finish", page, {"note": "typed note 32"})
    assert too_early.status_code == 409 and "不能办结" in too_early.text and "typed note 32</textarea>" in too_early.text
    unknown = _post(officer, f"{page}/actions/approve", page)
    assert unknown.status_code == 400 and "approve" in unknown.text
    assert _post(officer, "/console/cases/SIM-0901-20990101-000001-X/actions/accept", page).status_code == 404
    reason = "请补交户口簿本人页复印件一份。" * 40  # longer than a terminal shows
    too_long = _post(officer, f"{page}/actions/return", page, {"reason": reason})
    assert too_long.status_code == 400 and "最多 500 个字" in too_long.text and reason in too_long.text
    assert hall.store.case(hall.case)["status"] == "received" and _audit(hall, "case.a") == []
    returned = _post(officer, f"{page}/actions/return", page, {"reason": "不符合办理条件。"})
    assert returned.status_code == 303
    assert hall.store.case(hall.case)["reason"] == "不符合办理条件。"
    assert '"reason": "不符合办理条件。"' in _audit(hall, "case.return")[0][3]


def test_case_lists_filter_by_status_and_service_and_page(hall):
    officer = hall.client("off")
    for seq in range(3, 60):
        submit_case(hall.store, OTHER, seq, "SB-001" if seq % 2 else "HJ-001")
    everything = officer.get("/console/cases").text
    assert "59 cases · page 1 of 2" in everything and 'href="/console/cases?page=2"' in everything
    assert len(re.findall(r'<tr data-tracking=', everything)) == 50
    assert len(re.findall(r'<tr data-tracking=', officer.get("/console/cases?page=2").text)) == 9
    services = officer.get("/console/cases?service=SB-001").text
    assert "29 cases" in services and "HJ-001</span>" not in services
    hall.store.set_status(hall.case, "completed", actor="cli")
    done = officer.get("/console/cases?status=completed").text
    assert "1 cases" in done and hall.case in done
    odd = officer.get("/console/cases?status=<script>&order=sideways&page=999")
    assert odd.status_code == 200 and "<script>" not in odd.text


def test_bad_ratings_are_followed_up_by_the_manager_only(hall):
    manager, auditor = hall.client("mgr"), hall.client("aud")
    page = f"/console/ratings/bad/{RATING}"
    path = page + "/follow-up"
    listed = auditor.get("/console/ratings/bad").text
    assert RATING in listed and "服务态度不好" in listed and "invented comment 77" in listed and "剩 15 个工作日" in listed
    assert 'id="follow-up"' not in auditor.get(page).text  # the auditor reads, the form is not there
    assert _post(auditor, path, page, {"state": "rectifying", "note": "x"}).status_code == 403
    assert _post(hall.client("off"), path, "/console/account", {"state": "rectifying", "note": "x"}).status_code == 403
    no_note = _post(manager, path, page, {"state": "rectifying", "note": " "})
    assert no_note.status_code == 400 and "请写明" in no_note.text
    assert 'value="rectifying" required checked' in no_note.text  # the choice made is kept
    assert _post(manager, path, page, {"state": "rectifying", "note": "已核实，安排培训"}).status_code == 303
    assert _post(manager, path, page, {"state": "followed_up", "note": "已电话回访"}).status_code == 303
    backwards = _post(manager, path, page, {"state": "rectifying", "note": "again"})
    assert backwards.status_code in (400, 409)  # nothing follows 已回访, and the form is gone
    assert _post(manager, "/console/ratings/bad/NO-SUCH/follow-up", page, {"state": "rectifying", "note": "x"}
                 ).status_code == 404
    found = FollowUps(hall.store).rating(RATING)
    assert [s["state"] for s in found["steps"]] == ["rectifying", "followed_up"]
    assert [(a, t) for a, _, t, _ in _audit(hall, "rating.")] == [("mgr", f"rating:{RATING}")] * 2
    figures = manager.get("/console/ratings?by=terminal&days=7&period=week")
    assert figures.status_code == 200 and TERMINAL in figures.text and "<svg" in figures.text


def test_a_catalog_upload_names_its_faults_and_a_good_one_is_published_where_asked(hall):
    manager = hall.client("mgr")
    private, public = signing_keys()
    Catalogs(hall.store).trust(public)

    def broken(files):  # signed, yet an item the kiosks' loader refuses
        text = files["items/household.toml"].decode()
        files["items/household.toml"] = text.replace('name = "出生登记"', "name = 42", 1).encode()

    bad = resign(signed_bundle(hall.tmp, "2099.12.1", private), private, broken)
    refused = manager.post("/console/catalog/upload", {"csrf": manager.csrf("/console/catalog")},
                           files={"bundle": ("catalog.zip", bad, "application/zip")})
    assert refused.status_code == 400
    fault = re.search(r'<tr class="fault">(.*?)</tr>', refused.text, re.S).group(1)
    assert "items/household.toml" in fault and "HJ-001" in fault and "<code>name</code>" in fault
    forged = signed_bundle(hall.tmp, "2099.12.2", signing_keys()[0])  # signed by a key central does not trust
    assert manager.post("/console/catalog/upload", {"csrf": manager.csrf("/console/catalog")},
                        files={"bundle": ("c.zip", forged, "application/zip")}).status_code == 400
    empty = manager.post("/console/catalog/upload", {"csrf": manager.csrf("/console/catalog")})
    assert empty.status_code == 400 and "请选择" in empty.text
    assert Catalogs(hall.store).versions() == []

    # a bundle bigger than the console's ordinary 64 KiB cap (random filler: it does not compress)
    big = signed_bundle(hall.tmp, "2099.12.3", private, edit=lambda d: replace_in(
        d / "items" / "household.toml", 'name = "出生登记"', f'name = "出生登记"\n# {os.urandom(60_000).hex()}'))
    assert len(big) > bodies.DEFAULT_CAP
    for name in ("tech", "aud", "off"):
        assert hall.client(name).post("/console/catalog/upload", {"csrf": hall.client(name).csrf()},
                                      files={"bundle": ("c.zip", big, "application/zip")}).status_code == 403
    done = manager.post("/console/catalog/upload", {"csrf": manager.csrf("/console/catalog")},
                        files={"bundle": ("c.zip", big, "application/zip")})
    assert done.status_code == 303 and "done=catalog_uploaded" in done.headers["location"]
    again = manager.post("/console/catalog/upload", {"csrf": manager.csrf("/console/catalog")},
                         files={"bundle": ("c.zip", big, "application/zip")})
    assert "done=catalog_known" in again.headers["location"]

    publish = "/console/catalog/2099.12.3/publish"
    nothing = _post(manager, publish, "/console/catalog", {"scope": "sites"})
    assert nothing.status_code == 400 and "至少一个站点" in nothing.text
    some = {"scope": "sites", "site": SITE, "other_sites": "VILLAGE-9，HALL-Q"}
    assert _post(manager, publish, "/console/catalog", some).status_code == 303
    assert [p["site"] for p in Catalogs(hall.store).version("2099.12.3")["publications"]] == [SITE, "VILLAGE-9",
                                                                                             "HALL-Q"]
    assert Catalogs(hall.store).offered(SITE)["version"] == "2099.12.3" and Catalogs(hall.store).offered("X") is None
    page = manager.get("/console/catalog").text
    assert re.search(rf'<tr data-terminal="{TERMINAL}">.*?2099\.12\.3.*?待更新', page, re.S)
    withdraw = "/console/catalog/2099.12.3/withdraw"
    assert _post(manager, withdraw, "/console/catalog", {"scope": "all"}).status_code == 303
    assert _post(manager, publish, "/console/catalog", {"scope": "all"}).status_code == 303
    assert [p["site"] for p in Catalogs(hall.store).version("2099.12.3")["publications"]] == [None]
    assert _post(manager, "/console/catalog/1.0/publish", "/console/catalog", {"scope": "all"}).status_code == 404
    assert [(a, t) for _, a, t, _ in _audit(hall, "catalog.")] == [
        ("catalog.upload_refused", ""), ("catalog.upload_refused", ""), ("catalog.upload", "catalog:2099.12.3"),
        ("catalog.upload", "catalog:2099.12.3"), ("catalog.publish", "catalog:2099.12.3"),
        ("catalog.withdraw", "catalog:2099.12.3"), ("catalog.publish", "catalog:2099.12.3")]


def test_only_the_upload_route_takes_a_bundle_sized_body(hall):
    manager = hall.client("mgr")
    csrf = manager.csrf("/console/catalog")
    filler = {"bundle": ("c.zip", b"PK" + os.urandom(200_000), "application/zip")}
    too_big_elsewhere = manager.post(f"/console/cases/{hall.case}/actions/accept", {"csrf": csrf}, files=filler)
    assert too_big_elsewhere.status_code == 413
    taken = manager.post("/console/catalog/upload", {"csrf": csrf}, files=filler)
    assert taken.status_code == 400 and "did not pass" in taken.text  # read and checked, not refused unread
    # a body said to be larger than a bundle can be is refused before any of it is read
    with socket.create_connection(("127.0.0.1", hall.port), timeout=60) as sock:
        sock.sendall(b"POST /console/catalog/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data;"
                     b" boundary=x\r\nContent-Length: %d\r\n\r\n" % (bodies.CATALOG_UPLOAD_CAP + 1))
        answer = b""
        while b"\r\n\r\n" not in answer:
            got = sock.recv(4096)
            assert got, "central hung up without an answer"
            answer += got
    assert answer.startswith(b"HTTP/1.1 413 ")


def test_overlays_are_published_from_the_terminal_page_and_refused_keys_explained(hall):
    tech = hall.client("tech")
    page = f"/console/terminals/{TERMINAL}"
    path = page + "/overlay"
    shown = tech.get(page).text
    assert 'id="overlay-toml"' in shown and f"site:{SITE}" in shown
    text = '[central]\nurl = "https://elsewhere.example"\n[display]\nidle_timeout_seconds = 75\n'
    refused = _post(tech, path, page, {"scope": "terminal", "toml": text, "do": "publish"})
    assert refused.status_code == 400 and "central.url may not be set remotely" in refused.text
    assert "中心的地址、证书和凭据" in refused.text and "https://elsewhere.example" in refused.text  # kept as typed
    assert hall.store.overlay_versions() == []
    done = _post(tech, path, page, {"scope": "site", "toml": "[display]\r\nidle_timeout_seconds = 75\r\n",
                                    "do": "publish"})
    assert done.status_code == 303 and done.headers["location"] == f"{page}?done=overlay_published"
    assert hall.store.overlay_for(OTHER)["toml"] == "[display]\nidle_timeout_seconds = 75\n"
    assert _post(hall.client("mgr"), path, page, {"scope": "terminal", "toml": "[logging]\nlevel = \"debug\"\n",
                                                  "do": "publish"}).status_code == 303
    assert hall.store.overlay_for(TERMINAL)["version"] == 2 and hall.store.overlay_for(OTHER)["version"] == 1
    shown = tech.get(page).text
    assert re.search(rf'<tr data-terminal="{OTHER}">\s*<td><a[^>]*>{OTHER}</a></td>\s*<td>1</td>', shown)
    assert _post(tech, path, page, {"scope": "terminal", "do": "withdraw"}).status_code == 303
    assert hall.store.overlay_for(TERMINAL)["version"] == 1  # follows its site's again
    for name in ("aud", "off"):
        assert _post(hall.client(name), path, "/console/account", {"scope": "terminal", "toml": "",
                                                                  "do": "publish"}).status_code == 403
    assert 'id="overlay-toml"' not in hall.client("aud").get(page).text  # the auditor reads the panel only
    assert [(a, act, t) for a, act, t, _ in _audit(hall, "overlay.")] == [
        ("tech", "overlay.refused", f"terminal:{TERMINAL}"), ("tech", "overlay.publish", f"site:{SITE}"),
        ("mgr", "overlay.publish", f"terminal:{TERMINAL}"), ("tech", "overlay.withdraw", f"terminal:{TERMINAL}")]
    assert "overlay.publish" in tech.get(page).text  # the terminal page lists the site's entries too


def test_the_bad_ratings_list_shows_its_date_window(hall, central_db):
    auditor = hall.client("aud")
    # a second store on the same database (as another worker would open it) whose clock says 120 days ago
    old = datetime.now() - timedelta(days=120)
    earlier = CentralStore(central_db.target, keys_dir=central_db.keys_dir, clock=lambda: old.timestamp())
    try:
        rate(earlier, OTHER, OLD_RATING, 1, tags=["long_wait"], comment="invented comment 120")
    finally:
        earlier.close()
    listed = auditor.get("/console/ratings/bad?show=all")
    assert listed.status_code == 200 and RATING in listed.text and OLD_RATING not in listed.text
    assert 'type="date" name="since"' in listed.text and "默认近 90 天" in listed.text
    first = (date.today() - timedelta(days=89)).isoformat()  # one sentence in each language, not pieces mixed
    assert f"显示 {first} 起至今（默认近 90 天）" in listed.text
    assert f"Showing ratings from {first} to today (by default the last 90 days)" in listed.text
    day = old.date().isoformat()
    # still open, so the list says it is there, before the window, and links to a window that takes it in
    assert "时间范围之前还有 1 条差评未回访" in listed.text and "1 bad ratings from before this window" in listed.text
    # the ratings page's headline counts it however old: an overdue follow-up never drops out of it
    headline = auditor.get("/console/ratings")
    assert '<span class="big">1</span><a href="/console/ratings/bad?show=overdue">' in headline.text
    assert f"since={day}" in listed.text
    window = auditor.get(f"/console/ratings/bad?show=all&since={day}&until={day}")
    assert OLD_RATING in window.text and RATING not in window.text and f'value="{day}"' in window.text
    both = auditor.get(f"/console/ratings/bad?show=open&since={day}")
    assert OLD_RATING in both.text and RATING in both.text
    assert f"since={day}" in both.text  # the state chips keep the window
    bad = auditor.get("/console/ratings/bad?show=all&since=2026-02-30&until=x")
    assert bad.status_code == 400 and "日期无效" in bad.text and "invalid dates" in bad.text
    assert RATING in bad.text and 'value="2026-02-30"' in bad.text  # the default window, the dates as typed
