"""The operations console in tests: staff accounts made with central's own code, and a browser-less client that
logs in and posts forms over real HTTP the way a browser does (cookie, CSRF token from the page)."""

from __future__ import annotations

import re
import time

import httpx

PASSWORD = "correct horse battery 7"  # every invented test account's password
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def add_staff(store, username: str, role: str, password: str = PASSWORD) -> None:
    from central.console import accounts

    with store.engine.begin() as c:
        accounts.add(c, username, role, password, time.time())


def csrf_in(html: str) -> str:
    found = _CSRF.search(html)
    assert found, "no CSRF field on the page"
    return found.group(1)


def staff_call(client, item_id: str, screen: str = "home") -> None:
    """What a kiosk sends when a citizen taps "call staff" (kiosk/staff_call.py), through the terminal's client."""
    [result] = client.submit_batch([{"id": item_id, "seq": 1, "kind": "event",
                                     "body": {"name": "staff.call", "details": {"screen": screen, "session": 1}}}])
    assert result["result"] == "accepted", result


class ConsoleClient:
    """One browser's worth of console: its own cookie jar; redirects are not followed (tests look at them)."""

    def __init__(self, base_url: str, **kw) -> None:
        self.http = httpx.Client(base_url=base_url, follow_redirects=False, timeout=30, **kw)

    def close(self) -> None:
        self.http.close()

    @property
    def token(self) -> str | None:
        return self.http.cookies.get("console_session")

    def login_form(self) -> str:
        page = self.http.get("/console/login")
        assert page.status_code == 200, page.status_code
        return csrf_in(page.text)

    def login(self, username: str, password: str = PASSWORD) -> httpx.Response:
        csrf = self.login_form()
        return self.http.post("/console/login", data={"csrf": csrf, "username": username, "password": password})

    def csrf(self, page: str = "/console/account") -> str:
        answer = self.http.get(page)
        assert answer.status_code == 200, (page, answer.status_code)
        return csrf_in(answer.text)

    def get(self, path: str, **kw) -> httpx.Response:
        return self.http.get(path, **kw)

    def post(self, path: str, data: dict | None = None, **kw) -> httpx.Response:
        return self.http.post(path, data=data or {}, **kw)
