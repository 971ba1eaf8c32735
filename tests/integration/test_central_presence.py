"""Per-citizen authorization at central, attacked over real HTTP on 127.0.0.1: another terminal's secret reads no
citizen's records without a presence proof; proofs are bound to their terminal, expire and cannot be forged."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import sqlite3
import time
from datetime import date

import httpx
import pytest

from offline_queue.client import CentralClient
from offline_queue.worker import SyncWorker
from protocol import signing
from tests.helpers.central import TERMINAL, CentralServer, invented_applicant, make_store
from tests.helpers.legacy_central import bare_sha256, write_legacy_database

OTHER = "SIM-0002"
MATCH = {"decision": "match", "distance": 0.41, "threshold": 0.6, "attempts": 1}


class Clock:
    """Central's clock and the terminals' signing clock: one value the test moves forward."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


class Terminal:
    """Raw signed requests as one registered terminal (what an attacker holding its secret can send)."""

    def __init__(self, server: CentralServer, terminal: str, secret: str, clock: Clock) -> None:
        self.server, self.id, self.secret, self.clock = server, terminal, secret, clock

    def request(self, method: str, target: str, body: dict | None = None) -> httpx.Response:
        raw = json.dumps(body).encode() if body is not None else b""
        headers = signing.sign(method, target, raw, terminal=self.id, secret=self.secret, now=self.clock())
        if body is not None:
            headers["Content-Type"] = "application/json"
        return httpx.request(method, self.server.url + target, content=raw, headers=headers, timeout=10)

    def client(self) -> CentralClient:
        return CentralClient(self.server.url, self.id, self.secret, timeout=10, clock=self.clock,
                             allow_plain_http_loopback=True)


@pytest.fixture
def hall(tmp_path, central_db):
    """Central (with an injected clock), terminal A that took a completed application of person P, terminal B."""
    clock = Clock()
    server = CentralServer(central_db, clock=clock).start()
    a = Terminal(server, TERMINAL, server.add_terminal(TERMINAL), clock)
    b = Terminal(server, OTHER, server.add_terminal(OTHER), clock)
    person = invented_applicant(61)
    queue = make_store(tmp_path / "kiosk")
    made = queue.enqueue_submission("JZ-001", {}, person)
    client = a.client()
    SyncWorker(queue, client).sync_once()
    assert queue.lookup(made.tracking).state == "acknowledged"
    server.store.set_status(made.tracking, "completed")
    yield server, a, b, person, made.tracking, clock
    client.close()
    queue.close()
    server.stop()


def _reason(r: httpx.Response) -> str:
    detail = r.json().get("detail")
    return detail.get("reason", "") if isinstance(detail, dict) else ""


def _proof(terminal: Terminal, person: dict) -> str:
    r = terminal.request("POST", "/v1/presence", {"id_number": person["id_number"], "source": "idcard",
                                                   "check": MATCH})
    assert r.status_code == 200, r.text
    return r.json()["token"]


def test_another_terminal_reads_no_citizen_records_by_id_hash(hall):
    server, a, b, person, tracking, clock = hall
    guessed = bare_sha256(person["id_number"])  # computable by anyone who knows (or walks) the ID number
    for r in (b.request("GET", f"/v1/cases?id_hash={guessed}"),
              b.request("GET", f"/v1/certificates?id_hash={guessed}"),
              b.request("POST", "/v1/citizen/cases", {}),
              b.request("POST", "/v1/citizen/cases", {"presence": ""}),
              b.request("POST", "/v1/citizen/cases", {"presence": "p1.e30.AAAA"}),
              b.request("POST", "/v1/citizen/certificates", {"presence": "p1.e30.AAAA"})):
        assert r.status_code in (403, 404, 405, 422), (r.request.url.path, r.status_code)
        assert tracking not in r.text and "case_record" not in r.text


def test_certificate_issue_without_a_proof_is_refused(hall):
    server, a, b, person, tracking, clock = hall
    for body in ({"kind": "case_record", "id_hash": bare_sha256(person["id_number"]), "ref": ""},
                 {"kind": "case_record", "ref": ""},
                 {"kind": "case_completion", "ref": tracking, "presence": "p1.e30.AAAA"}):
        r = b.request("POST", "/v1/certificates", body)
        assert r.status_code in (403, 422), sorted(body)  # the answer would hold the person's certificate
    assert server.store._q("SELECT COUNT(*) FROM certificates")[0][0] == 0


def test_a_proof_reads_the_persons_records_at_the_terminal_it_was_issued_to(hall):
    server, a, b, person, tracking, clock = hall
    token = _proof(b, person)  # the person stands at terminal B, where they did not apply
    cases = b.request("POST", "/v1/citizen/cases", {"presence": token})
    assert cases.status_code == 200 and [c["tracking"] for c in cases.json()["cases"]] == [tracking]
    offers = b.request("POST", "/v1/citizen/certificates", {"presence": token}).json()["certificates"]
    assert [(o["kind"], o["ref"]) for o in offers] == [("case_record", ""), ("case_completion", tracking)]
    issued = b.request("POST", "/v1/certificates", {"presence": token, "kind": "case_completion", "ref": tracking})
    assert issued.status_code == 201 and issued.json()["title"] == "办结证明"
    # the proof names this person only: another person's proof does not list P's cases
    stranger = b.request("POST", "/v1/citizen/cases", {"presence": _proof(b, invented_applicant(62))})
    assert stranger.status_code == 200 and stranger.json()["cases"] == []


def test_a_proof_issued_to_one_terminal_is_refused_at_another(hall):
    server, a, b, person, tracking, clock = hall
    token = _proof(a, person)
    for path, body in (("/v1/citizen/cases", {"presence": token}), ("/v1/citizen/certificates", {"presence": token}),
                       ("/v1/certificates", {"presence": token, "kind": "case_record", "ref": ""})):
        r = b.request("POST", path, body)
        assert (r.status_code, _reason(r)) == (403, "presence_other_terminal"), path
        assert tracking not in r.text
    assert a.request("POST", "/v1/citizen/cases", {"presence": token}).status_code == 200


def test_a_proof_expires_after_ten_minutes(hall):
    server, a, b, person, tracking, clock = hall
    token = _proof(a, person)
    clock.now += 9 * 60
    assert a.request("POST", "/v1/citizen/cases", {"presence": token}).status_code == 200
    clock.now += 61
    r = a.request("POST", "/v1/citizen/cases", {"presence": token})
    assert (r.status_code, _reason(r)) == (403, "presence_expired") and tracking not in r.text
    r = a.request("POST", "/v1/certificates", {"presence": token, "kind": "case_record", "ref": ""})
    assert (r.status_code, _reason(r)) == (403, "presence_expired")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def test_a_forged_or_altered_proof_is_refused(hall):
    server, a, b, person, tracking, clock = hall
    token = _proof(a, person)
    version, payload, mac = token.split(".")
    claims = json.loads(_unb64(payload))
    stranger = _proof(a, invented_applicant(63))
    later = dict(claims, e=claims["e"] + 86400)
    altered = {
        "longer life": f"{version}.{_b64(json.dumps(later).encode())}.{mac}",
        "another terminal": f"{version}.{_b64(json.dumps(dict(claims, t=OTHER)).encode())}.{mac}",
        "another person's payload": f"{version}.{stranger.split('.')[1]}.{mac}",
        "flipped MAC": f"{version}.{payload}.{_b64(bytes(b ^ 1 for b in _unb64(mac)))}",
        "MAC made with the terminal secret": f"{version}.{payload}.{_b64(_hmac(a.secret.encode(), payload))}",
        "no MAC": f"{version}.{payload}.",
        "garbage": "not-a-token",
        "not ASCII": f"{version}.令牌.{mac}",
        "not base64": f"{version}.{payload}.!!",
    }
    for what, forged in altered.items():
        r = a.request("POST", "/v1/citizen/cases", {"presence": forged})
        assert r.status_code == 403 and _reason(r) in ("presence_forged", "presence_malformed"), what
        assert tracking not in r.text, what
    # B, holding A's proof, cannot make it its own either
    r = b.request("POST", "/v1/citizen/cases", {"presence": altered["another terminal"]})
    assert (r.status_code, _reason(r)) == (403, "presence_forged")


def _hmac(key: bytes, text: str) -> bytes:
    return hmac.new(key, text.encode(), hashlib.sha256).digest()


def test_presence_needs_a_passed_check_and_a_valid_number_and_is_rate_limited(hall, tmp_path):
    server, a, b, person, tracking, clock = hall
    good = {"id_number": person["id_number"], "source": "idcard", "check": MATCH}
    wrong_digit = person["id_number"][:-1] + ("0" if person["id_number"][-1] != "0" else "1")
    refused = {"no match": dict(good, check={"decision": "no_match"}),
               "distance above threshold": dict(good, check={"decision": "match", "distance": 0.9, "threshold": 0.6}),
               "check digit": dict(good, id_number=wrong_digit), "too short": dict(good, id_number="12345"),
               "unknown source": dict(good, source="camera"), "a name": dict(good, name="测试")}
    for what, bad in refused.items():
        assert a.request("POST", "/v1/presence", bad).status_code == 422, what
    staff = a.request("POST", "/v1/presence", dict(good, check={"decision": "staff_verified"}))
    assert staff.status_code == 200
    # the audit names the terminal, the time and the decision: never the name or the number
    rows = server.store._q("SELECT * FROM presence")
    assert len(rows) == 1 and OTHER not in str(rows) and TERMINAL in str(rows) and "staff_verified" in str(rows)
    assert not any(person["id_number"] in str(v) or person["name"] in str(v) for v in rows[0])


def test_presence_issuance_is_limited_per_terminal(tmp_path, central_db):
    from central.presence import PresencePolicy

    clock = Clock()
    server = CentralServer(central_db, clock=clock,
                           presence=PresencePolicy(per_terminal_per_hour=3)).start()
    try:
        a = Terminal(server, TERMINAL, server.add_terminal(TERMINAL), clock)
        b = Terminal(server, OTHER, server.add_terminal(OTHER), clock)
        asks = [a.request("POST", "/v1/presence", {"id_number": invented_applicant(i)["id_number"],
                                                   "source": "idcard", "check": MATCH}) for i in range(4)]
        assert [r.status_code for r in asks] == [200, 200, 200, 429]
        assert _reason(asks[-1]) == "presence_rate_limited"
        assert _proof(b, invented_applicant(1))  # another terminal has its own allowance
        clock.now += 3601
        assert _proof(a, invented_applicant(1))
    finally:
        server.stop()


def test_terminals_see_only_themselves(hall):
    server, a, b, person, tracking, clock = hall
    assert b.request("POST", "/v1/heartbeat", {"at": clock.now, "depth": {"pending": 0}}).status_code == 200
    fleet = a.request("GET", "/v1/terminals")
    assert fleet.status_code in (404, 405) and OTHER not in fleet.text
    me = a.request("GET", "/v1/terminals/self")
    assert me.status_code == 200 and me.json()["id"] == TERMINAL and OTHER not in me.text
    assert b.request("GET", "/v1/terminals/self").json()["last_heartbeat"]["depth"] == {"pending": 0}


def test_a_tracking_number_from_another_terminal_shows_only_the_status(hall):
    server, a, b, person, tracking, clock = hall
    own = a.request("GET", f"/v1/cases/{tracking}").json()
    assert own["terminal"] == TERMINAL and own["case_number"].startswith("C")
    seen = b.request("GET", f"/v1/cases/{tracking}")
    assert seen.status_code == 200
    view = seen.json()
    # the reason is what the citizen reads about their own case (补正, 退回); a citizen often asks at another hall
    assert set(view) == {"tracking", "service_code", "status", "status_text", "reason", "created_at", "updated_at",
                         "history"}
    assert view["status"] == "completed" and [h["status"] for h in view["history"]] == ["received", "completed"]
    assert view["reason"] is None
    assert TERMINAL not in json.dumps({k: v for k, v in view.items() if k != "tracking"})
    assert own["case_number"] not in seen.text


def test_another_terminal_sees_the_citizen_reason_but_never_the_staff_note(hall):
    server, a, b, person, tracking, clock = hall
    server.store.set_status(tracking, "correction", actor="officer-7", reason="请补交户口簿首页",
                            note="内部：与窗口3核对过")
    seen = b.request("GET", f"/v1/cases/{tracking}")
    assert seen.status_code == 200
    view = seen.json()
    assert view["status"] == "correction" and view["reason"] == "请补交户口簿首页"
    assert view["history"][-1] == {"status": "correction", "at": view["history"][-1]["at"],
                                   "reason": "请补交户口簿首页"}
    assert "内部" not in seen.text and "officer-7" not in seen.text and "窗口3" not in seen.text


def test_walking_tracking_numbers_is_rate_limited(tmp_path, central_db):
    from central.presence import PresencePolicy
    from protocol import tracking as numbers

    clock = Clock()
    server = CentralServer(central_db, clock=clock,
                           presence=PresencePolicy(foreign_lookups_per_hour=5)).start()
    try:
        b = Terminal(server, OTHER, server.add_terminal(OTHER), clock)
        walked = [numbers.issue(TERMINAL, date.fromtimestamp(clock.now), seq) for seq in range(1, 8)]
        codes = [b.request("GET", f"/v1/cases/{n}").status_code for n in walked]
        assert codes == [404] * 5 + [429] * 2
        assert _reason(b.request("GET", f"/v1/cases/{walked[0]}")) == "lookups_rate_limited"
        clock.now += 3601
        assert b.request("GET", f"/v1/cases/{walked[0]}").status_code == 404
    finally:
        server.stop()


def test_an_old_database_answers_with_proofs_after_its_hashes_were_keyed(tmp_path):
    person = invented_applicant(64)
    numbers = write_legacy_database(tmp_path / "central.sqlite3", [person])
    clock = Clock()
    server = CentralServer(tmp_path / "central.sqlite3", clock=clock).start()
    try:
        a = Terminal(server, TERMINAL, server.add_terminal(TERMINAL), clock)
        listed = a.request("POST", "/v1/citizen/cases", {"presence": _proof(a, person)}).json()["cases"]
        assert [c["tracking"] for c in listed] == numbers[:1]
        stored = server.store._q("SELECT id_hash FROM cases WHERE tracking=?", (numbers[0],))[0][0]
        assert stored != bare_sha256(person["id_number"]) and stored == server.store.id_hash(person["id_number"])
    finally:
        server.stop()
