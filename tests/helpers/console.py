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


def submit_case(store, terminal: str, seq: int, service: str = "HJ-001", *, attachments: tuple[bytes, ...] = (),
                face: bytes | None = None, day=None) -> str:
    """An invented application as a terminal's batch brings it (materials stored as the blob route would); its
    tracking number."""
    import hashlib
    from datetime import datetime

    from protocol import tracking
    from tests.helpers.central import PASSED, invented_applicant

    number = tracking.issue(terminal, day or datetime.fromtimestamp(store.clock()).date(), seq)
    shas = []
    for data in (*attachments, *([face] if face else [])):
        sha = hashlib.sha256(data).hexdigest()
        store.put_blob(sha, data)
        shas.append(sha)
    body = {"tracking": number, "service_code": service, "applicant": invented_applicant(seq),
            "form": {"phone": "13800000000", "purpose": "落户"}, "attachments": shas, "created_at": store.clock(),
            "face_check": PASSED}
    if face:
        body["face_evidence"] = shas[-1]
    [result] = store.accept_batch(terminal, [{"id": f"case-{terminal}-{seq}", "seq": seq, "kind": "submission",
                                              "body": body}])
    assert result["result"] == "accepted", result
    return number


def rate(store, terminal: str, rating_id: str, score: int, tracking: str | None = None, **body) -> None:
    """A 好差评 rating as a terminal's batch brings it (tags=[...], comment=...)."""
    [result] = store.accept_batch(terminal, [{"id": rating_id, "seq": None, "kind": "rating",
                                              "body": {"tracking": tracking, "score": score, **body}}])
    assert result["result"] == "accepted", result
