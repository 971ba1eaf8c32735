"""The operations console's security over real HTTP, on SQLite and PostgreSQL: nothing under /console is readable
without a session, roles are enforced, every form needs its CSRF token, logins lock out and slow down, a login
issues a new session (fixation), sessions end on logout and when idle, and the audit trail cannot be edited."""

from __future__ import annotations

import hashlib
import re
import time

import httpx
import pytest

from central.catalogs import Catalogs
from central.console.accounts import LoginPolicy
from central.console.mount import ROUTERS
from central.console.sessions import SessionPolicy
from central.console.throttle import ThrottlePolicy
from central.console.web import ConsolePolicy
from offline_queue.client import CentralClient
from tests.helpers.browser import wait_until
from tests.helpers.catalog import signed_bundle, signing_keys
from tests.helpers.central import CentralServer
from tests.helpers.console import PASSWORD, ConsoleClient, add_staff, csrf_in, rate, staff_call, submit_case

TERMINAL, SITE = "SIM-0301", "HALL-SEC"
CALL = "01HSECCALL0000000000000001"
RATING = "01HSECRATING00000000000001"
SCAN = b"\xff\xd8\xff\xe0 invented scan"
VERSION = "2099.11.1"


@pytest.fixture
def start(central_db, tmp_path):
    """start(policy) -> a running central with one staff account per role and an open call from TERMINAL, a case
    (server.case) with a photographed page, a bad rating and an unpublished catalog version."""
    servers, clients = [], []

    def make(policy: ConsolePolicy = ConsolePolicy()) -> CentralServer:
        server = CentralServer(central_db, console=policy).start()
        servers.append(server)
        for name, role in (("mgr", "manager"), ("off", "officer"), ("tech", "technician"), ("aud", "auditor")):
            add_staff(server.store, name, role)
        terminal = CentralClient(server.url, TERMINAL, server.add_terminal(TERMINAL), allow_plain_http_loopback=True)
        server.store.set_site(TERMINAL, SITE)
        clients.append(terminal)
        staff_call(terminal, CALL)
        server.case = submit_case(server.store, TERMINAL, 1, attachments=(SCAN,))
        rate(server.store, TERMINAL, RATING, 1, server.case, tags=["long_wait"], comment="invented comment 4242")
        Catalogs(server.store).upload(signed_bundle(tmp_path, VERSION, signing_keys()[0]), actor="setup")
        server.console = lambda: clients.append(ConsoleClient(server.url)) or clients[-1]
        return server

    yield make
    for client in clients:
        client.close()
    for server in servers:
        server.stop()


def _open_calls(server) -> list[str]:
    return [r[0] for r in server.store._q("SELECT item_id FROM staff_calls WHERE acked_at IS NULL")]


def _console_paths(case: str = "X-1") -> list[tuple[str, str]]:
    """Every console route (method, concrete path), from the routers the console mounts, so a new page cannot be
    missed."""
    existing = {"{terminal}": TERMINAL, "{item_id}": CALL, "{tracking}": case, "{rating_id}": RATING,
                "{version}": VERSION, "{sha256}": hashlib.sha256(SCAN).hexdigest(), "{action}": "return"}
    out = []
    for route in (r for router in ROUTERS for r in router.routes):
        path = route.path
        if path == "/console/login":
            continue
        # the things that exist (nothing of them may show); any other parameter gets a plain value
        for name, value in existing.items():
            path = path.replace(name, value)
        concrete = re.sub(r"\{[^}]+\}", "X-1", path)
        out += [(method, concrete) for method in sorted(route.methods - {"HEAD"})]
    return out


def _unchanged(server) -> tuple:
    """What an anonymous request must not have changed: open calls, the case, follow-ups, publications, overlays."""
    return (_open_calls(server), server.store.case(server.case)["status"],
            server.store._q("SELECT COUNT(*) FROM rating_followups"),
            server.store._q("SELECT COUNT(*) FROM catalog_publications"), server.store.overlay_versions())


def test_nothing_is_readable_without_a_session(start):
    server = start()
    paths = _console_paths(server.case)
    assert ("GET", "/console/fleet") in paths and ("POST", f"/console/calls/{CALL}/ack") in paths
    assert {("GET", f"/console/cases/{server.case}"), ("POST", f"/console/cases/{server.case}/actions/return"),
            ("GET", f"/console/cases/{server.case}/materials/{hashlib.sha256(SCAN).hexdigest()}"),
            ("POST", f"/console/ratings/bad/{RATING}/follow-up"), ("POST", "/console/catalog/upload"),
            ("POST", f"/console/catalog/{VERSION}/publish"), ("POST", f"/console/terminals/{TERMINAL}/overlay")
            } <= set(paths)
    before = _unchanged(server)
    anonymous = server.console()
    anonymous.login_form()  # an anonymous (pre-login) session is no login either
    for cookie in (None, anonymous.token, "made-up-token"):
        jar = {"console_session": cookie} if cookie else {}
        for method, path in paths:
            answer = httpx.request(method, server.url + path, cookies=jar, follow_redirects=False, timeout=30,
                                   data={"csrf": "x"} if method == "POST" else None)
            if method == "GET" and path not in ("/console", "/console/"):
                assert answer.status_code == 303, (method, path, answer.status_code)
                assert answer.headers["location"].startswith("/console/login?next=")
            elif method == "GET":  # the front door sends everyone without a session to the login form
                assert answer.headers["location"] == "/console/login"
            else:
                assert answer.status_code == 401, (method, path, answer.status_code)
            assert TERMINAL not in answer.text and SITE not in answer.text and server.case not in answer.text
            assert "invented comment" not in answer.text and b"invented scan" not in answer.content
        refresh = httpx.get(server.url + "/console/calls/banner", cookies=jar, headers={"X-Console-Poll": "1"})
        assert refresh.status_code == 401 and TERMINAL not in refresh.text
    assert _open_calls(server) == [CALL] and _unchanged(server) == before
    # the stylesheet and script are public (the login page needs them) and say nothing
    assert httpx.get(server.url + "/console/static/console.css").status_code == 200


def test_roles_decide_what_each_member_of_staff_may_see_and_do(start):
    server = start()
    clients = {}
    for name in ("mgr", "off", "tech", "aud"):
        clients[name] = server.console()
        assert clients[name].login(name).status_code == 303
    allowed = {
        "/console/calls": {"mgr", "off", "tech"},
        "/console/fleet": {"mgr", "tech", "aud"},
        f"/console/terminals/{TERMINAL}": {"mgr", "tech", "aud"},
        "/console/audit": {"aud"},
        "/console/account": {"mgr", "off", "tech", "aud"},
        "/console/cases": {"mgr", "off"},
        f"/console/cases/{server.case}": {"mgr", "off"},
        f"/console/cases/{server.case}/materials/{hashlib.sha256(SCAN).hexdigest()}": {"off"},
        "/console/ratings": {"mgr", "aud"},
        "/console/ratings/bad": {"mgr", "aud"},
        f"/console/ratings/bad/{RATING}": {"mgr", "aud"},
        "/console/catalog": {"mgr"},
    }
    for path, who in allowed.items():
        for name, client in clients.items():
            answer = client.get(path)
            assert answer.status_code == (200 if name in who else 403), (name, path, answer.status_code)
    refused = clients["off"].get("/console/fleet").text
    assert 'class="grid fleet"' not in refused and f'href="/console/terminals/{TERMINAL}"' not in refused
    # the auditor reads but acts on nothing: an acknowledgement with the auditor's own valid token is refused
    refused = clients["aud"].post(f"/console/calls/{CALL}/ack", {"csrf": clients["aud"].csrf()})
    assert refused.status_code == 403 and _open_calls(server) == [CALL]
    done = clients["tech"].post(f"/console/calls/{CALL}/ack",
                                {"csrf": clients["tech"].csrf(), "back": "/console/fleet"})
    assert done.status_code == 303 and done.headers["location"] == "/console/fleet?done=call_acked"
    assert _open_calls(server) == []
    entry = server.store._q("SELECT actor, role, action, target FROM staff_audit WHERE action='call.ack'")
    assert entry == [("tech", "technician", "call.ack", f"terminal:{TERMINAL}")]
    assert "call.ack" in clients["aud"].get("/console/audit").text
    # a second acknowledgement changes nothing and says so
    again = clients["mgr"].post(f"/console/calls/{CALL}/ack", {"csrf": clients["mgr"].csrf()})
    assert again.headers["location"].endswith("done=call_taken")
    assert server.store._q("SELECT acked_by FROM staff_calls") == [("tech",)]


def test_a_form_without_its_csrf_token_is_refused(start):
    server = start()
    manager, other = server.console(), server.console()
    assert manager.login("mgr").status_code == 303 and other.login("tech").status_code == 303
    path = f"/console/calls/{CALL}/ack"
    for data, headers in (({}, {}), ({"csrf": ""}, {}), ({"csrf": "wrong"}, {}), ({"csrf": other.csrf()}, {}),
                          ({"csrf": manager.csrf()}, {"Origin": "https://elsewhere.example"})):
        answer = manager.post(path, data, headers=headers)
        assert answer.status_code == 403, (data, headers)
        assert "表单已失效" in answer.text
    assert _open_calls(server) == [CALL]
    assert manager.post("/console/logout", {}).status_code == 403
    assert manager.get("/console/fleet").status_code == 200  # still logged in
    assert manager.post(path, {"csrf": manager.csrf()}, headers={"Origin": server.url}).status_code == 303
    assert _open_calls(server) == []
    # the login form too: without its token nobody is logged in, even with the right password
    fresh = server.console()
    fresh.login_form()
    refused = fresh.post("/console/login", {"username": "mgr", "password": PASSWORD})
    assert refused.status_code == 403 and "登录页面已失效" in refused.text
    assert fresh.get("/console/fleet").status_code == 303


def test_repeated_failures_lock_the_account_until_the_lock_runs_out(start):
    # the lock outlasts the guesses below even on a busy machine
    server = start(ConsolePolicy(login=LoginPolicy(failures=3, lock_seconds=20)))
    client = server.console()
    # a wrong guess never tells a locked account from an unknown name (no 423 to enumerate accounts with)
    assert [client.login("mgr", "wrong password!").status_code for _ in range(4)] == [401, 401, 401, 401]
    assert [server.console().login("nobody", "wrong password!").status_code for _ in range(4)] == [401] * 4
    locked = client.login("mgr")  # the right password while locked: only its holder learns of the lock
    assert locked.status_code == 423 and "账户已锁定" in locked.text
    assert client.get("/console/fleet").status_code == 303
    rows = server.store._q("SELECT actor, action, detail FROM staff_audit"
                           " WHERE action LIKE 'login%' AND actor = 'mgr' ORDER BY id")
    assert [r[:2] for r in rows] == [("mgr", "login.failed")] * 5
    assert '"locked": true' in rows[2][2] and '"reason": "locked"' in rows[4][2]
    # other accounts are not affected
    assert server.console().login("tech").status_code == 303
    wait_until(lambda: client.login("mgr").status_code == 303, timeout=60, every=0.5, what="the lock to run out")
    assert server.store._q("SELECT failures, locked_until FROM staff WHERE username='mgr'") == [(0, None)]


def test_a_client_address_that_keeps_failing_is_slowed_down(start):
    server = start(ConsolePolicy(throttle=ThrottlePolicy(burst=3, refill_seconds=600)))
    client = server.console()
    assert [client.login(name, "not the password").status_code for name in ("nobody", "mgr", "x.y")] == [401] * 3
    slowed = client.login("tech")  # right name and password, but this address is out of tries
    assert slowed.status_code == 429 and int(slowed.headers["retry-after"]) > 0
    assert "登录失败次数过多" in slowed.text
    assert client.get("/console/fleet").status_code == 303
    unknown = server.store._q("SELECT actor, target FROM staff_audit WHERE action='login.failed' ORDER BY id")
    assert unknown[0] == ("(unknown)", "")  # a name that is no account is not written down (it may be a password)


def test_a_login_issues_a_new_session_and_the_old_cookie_is_worthless(start):
    server = start()
    client = server.console()
    client.login("mgr")
    before = client.token
    form = httpx.get(server.url + "/console/login")
    # a second login from a browser that has a session already
    answer = httpx.post(server.url + "/console/login", cookies={"console_session": before, **form.cookies},
                        data={"csrf": csrf_in(form.text), "username": "mgr", "password": PASSWORD})
    after = answer.cookies.get("console_session")
    assert answer.status_code == 303 and before and after and before != after
    assert httpx.get(server.url + "/console/fleet", cookies={"console_session": before}).status_code == 303
    assert httpx.get(server.url + "/console/fleet", cookies={"console_session": after}).status_code == 200
    cookie = answer.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "path=/console" in cookie
    assert "secure" not in cookie  # plain http here; over TLS it is (test_console_cookie_is_secure_over_tls)
    # the database holds only the token's hash
    ids = [r[0] for r in server.store._q("SELECT id FROM staff_sessions")]
    assert hashlib.sha256(after.encode()).hexdigest() in ids and after not in ids
    # a token an attacker planted before the login never becomes a session
    planted = {"console_session": "attacker-chosen-token-0000000000000000000000"}
    form = httpx.get(server.url + "/console/login", cookies=planted)
    assert "console_session" not in form.cookies
    issued = form.cookies["console_login"]
    login = {"csrf": csrf_in(form.text), "username": "mgr", "password": PASSWORD}
    assert httpx.post(server.url + "/console/login", cookies=planted, data=login).status_code == 403
    done = httpx.post(server.url + "/console/login", cookies=dict(planted, console_login=issued), data=login)
    assert done.status_code == 303 and done.cookies["console_session"] != planted["console_session"]
    for stale in (planted, {"console_session": issued}):
        assert httpx.get(server.url + "/console/fleet", cookies=stale).status_code == 303


def test_logout_ends_the_session(start):
    server = start()
    client = server.console()
    client.login("mgr")
    token = client.token
    answer = client.post("/console/logout", {"csrf": client.csrf()})
    assert answer.status_code == 303 and answer.headers["location"] == "/console/login?done=logged_out"
    assert httpx.get(server.url + "/console/fleet", cookies={"console_session": token}).status_code == 303
    assert [r[0] for r in server.store._q("SELECT action FROM staff_audit WHERE actor='mgr'")] == ["login", "logout"]


def test_an_idle_session_ends_and_refreshes_do_not_keep_it_alive(start):
    server = start(ConsolePolicy(sessions=SessionPolicy(idle_seconds=3, touch_every=0)))
    client = server.console()
    client.login("mgr")
    digest = hashlib.sha256(client.token.encode()).hexdigest()
    seen = server.store._q("SELECT last_seen FROM staff_sessions WHERE id=?", (digest,))[0][0]
    for _ in range(3):
        assert client.get("/console/calls/banner", headers={"X-Console-Poll": "1"}).status_code == 200
    assert server.store._q("SELECT last_seen FROM staff_sessions WHERE id=?", (digest,))[0][0] == seen
    wait_until(lambda: time.time() - seen > 3.5, timeout=30, what="the idle time to pass")
    assert client.get("/console/fleet").status_code == 303
    assert client.get("/console/calls/banner", headers={"X-Console-Poll": "1"}).status_code == 401


def test_the_audit_trail_cannot_be_edited_and_tampering_shows(start, central_db):
    server = start()
    auditor, manager = server.console(), server.console()
    auditor.login("aud")
    manager.login("mgr")
    manager.post(f"/console/calls/{CALL}/ack", {"csrf": manager.csrf()})
    manager.post("/console/logout", {"csrf": manager.csrf()})
    # no route under /console changes the trail: its only route is a GET
    assert [m for m, p in _console_paths() if p.startswith("/console/audit")] == ["GET"]
    assert auditor.post("/console/audit", {"csrf": auditor.csrf()}).status_code == 405
    engine = server.store.engine
    for sql in ("UPDATE staff_audit SET actor='someone' WHERE id=1", "DELETE FROM staff_audit WHERE id=1"):
        with pytest.raises(Exception, match="append-only"):
            with engine.begin() as c:
                c.exec_driver_sql(sql)
    check = auditor.get("/console/audit?verify=1")
    entries = int(re.search(r"all (\d+) entries check out", check.text).group(1))
    assert entries == len(server.store._q("SELECT id FROM staff_audit")) == 4
    # someone with the database's owner rights switches the guard off and rewrites an entry: the chain says so
    with engine.begin() as c:
        if central_db.engine == "postgresql":
            c.exec_driver_sql("ALTER TABLE staff_audit DISABLE TRIGGER staff_audit_append_only")
        else:
            c.exec_driver_sql("DROP TRIGGER staff_audit_no_update")
        c.exec_driver_sql("UPDATE staff_audit SET actor='someone else' WHERE id=2")
    broken = auditor.get("/console/audit?verify=1")
    assert "entry 2 does not check out" in broken.text and "已被篡改" in broken.text


def test_pages_carry_security_headers(start):
    server = start()
    client = server.console()
    client.login("mgr")
    for path in ("/console/login", "/console/fleet"):
        headers = client.get(path).headers
        assert "default-src 'none'" in headers["content-security-policy"]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff" and headers["cache-control"] == "no-store"


def test_changing_the_password_needs_the_current_one_and_ends_the_other_sessions(start):
    server = start()
    here, elsewhere = server.console(), server.console()
    here.login("tech")
    elsewhere.login("tech")
    new = "a brand new passphrase"
    for data, words in (({"current": "wrong", "new": new, "again": new}, "当前密码不正确"),
                        ({"current": PASSWORD, "new": new, "again": new + "!"}, "两次输入的新密码不一致"),
                        ({"current": PASSWORD, "new": "short", "again": "short"}, "at least 10 characters")):
        refused = here.post("/console/account/password", dict(data, csrf=here.csrf()))
        assert refused.status_code == 400 and words in refused.text
    assert elsewhere.get("/console/fleet").status_code == 200
    done = here.post("/console/account/password", {"csrf": here.csrf(), "current": PASSWORD, "new": new, "again": new})
    assert done.status_code == 303 and done.headers["location"] == "/console/account?done=password_changed"
    assert here.get("/console/fleet").status_code == 200 and elsewhere.get("/console/fleet").status_code == 303
    assert server.console().login("tech", PASSWORD).status_code == 401
    assert server.console().login("tech", new).status_code == 303
    actions = [r[0] for r in server.store._q("SELECT action FROM staff_audit WHERE actor='tech' ORDER BY id")]
    assert actions.count("password.change_failed") == 3 and "password.change" in actions


def test_the_login_form_writes_nothing_for_a_visitor_without_a_session(start):
    """Anybody may load the login form: it must not cost a database row each time (its CSRF token is signed)."""
    server = start()
    count = lambda: server.store._q("SELECT count(*) FROM staff_sessions")[0][0]  # noqa: E731
    before = count()
    forms = [httpx.get(server.url + "/console/login") for _ in range(5)]
    assert all(f.status_code == 200 for f in forms) and count() == before
    # the stateless token still logs in, and only then is a session written
    form = forms[0]
    login = {"csrf": csrf_in(form.text), "username": "mgr", "password": PASSWORD}
    done = httpx.post(server.url + "/console/login", cookies=form.cookies, data=login)
    assert done.status_code == 303 and count() == before + 1
    # a token from another visitor's form (or a forged one) does not
    other = httpx.post(server.url + "/console/login", cookies=forms[1].cookies,
                       data=dict(login, csrf=csrf_in(forms[2].text)))
    assert other.status_code == 403
    forged = httpx.post(server.url + "/console/login", cookies={"console_login": "1.x.y"}, data=dict(login, csrf="1.x.y"))
    assert forged.status_code == 403
