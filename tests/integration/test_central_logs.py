"""Central's log lines from a real `kiosk central serve`: one JSON object per line for real requests, and nothing of
the invented applicant a request carried (name, ID number, address, tracking number, body)."""

from __future__ import annotations

import hashlib
import json
import signal
import subprocess
import sys
import time
from datetime import date

import httpx

from protocol import signing, tracking
from tests.conftest import REPO
from tests.helpers.central import PASSED, TERMINAL, free_port, invented_applicant, wait_for_port
from tests.helpers.prometheus import signed

PERSON = dict(invented_applicant(5), phone="13900000000", bank_account="6222000000000000000")


def _serve(tmp_path, central_db, *extra: str):
    secret_file = tmp_path / "terminal.secret"
    done = subprocess.run([sys.executable, "-m", "central.cli", "add-terminal", TERMINAL, *central_db.cli(),
                           "--secret-file", str(secret_file)], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    port, log = free_port(), open(tmp_path / "central.log", "wb")
    server = subprocess.Popen([sys.executable, "-m", "central.cli", "serve", "--port", str(port), *central_db.cli(),
                               *extra], cwd=REPO, stderr=log)
    log.close()
    wait_for_port(port, server, timeout=120)
    return server, f"http://127.0.0.1:{port}", signing.read_secret(secret_file)


def _stop(server) -> None:
    server.send_signal(signal.SIGTERM)
    server.wait(60)


def test_a_served_request_logs_one_json_line_and_nothing_of_the_applicant(tmp_path, central_db):
    server, url, secret = _serve(tmp_path, central_db, "--log-format", "json")
    number = tracking.issue(TERMINAL, date(2026, 4, 1), 7)
    scan = f"scan of {PERSON['name']}".encode()
    sha = hashlib.sha256(scan).hexdigest()
    item = {"id": "log-1", "seq": 7, "kind": "submission", "body": {
        "tracking": number, "service_code": "JZ-001", "applicant": PERSON, "attachments": [sha],
        "form": {"note": f"{PERSON['name']} {PERSON['phone']}"}}}
    try:
        with httpx.Client(base_url=url, timeout=30) as http:
            assert signed(http, "PUT", f"/v1/blobs/{sha}", TERMINAL, secret, body=scan).status_code == 201
            r = signed(http, "POST", "/v1/batch", TERMINAL, secret, json_body={"items": [item]},
                       headers={"X-Request-Id": "req-from-proxy-42"})
            assert r.status_code == 200 and r.json()["results"][0]["result"] == "accepted"
            assert r.headers["x-request-id"] == "req-from-proxy-42"
            assert signed(http, "GET", f"/v1/cases/{number}", TERMINAL, secret).status_code == 200
            grant = signed(http, "POST", "/v1/presence", TERMINAL, secret,
                           json_body={"id_number": PERSON["id_number"], "source": "idcard", "check": PASSED})
            assert grant.status_code == 200
            assert signed(http, "POST", "/v1/citizen/cases", TERMINAL, secret,
                          json_body={"presence": grant.json()["token"]}).status_code == 200
            # refused, with FastAPI's answer quoting the bad input back: the log must not
            bad = signed(http, "POST", "/v1/batch", TERMINAL, secret,
                         json_body={"items": [{"id": PERSON["id_number"], "kind": PERSON["name"]}]})
            assert bad.status_code == 422 and PERSON["id_number"] in bad.text
            assert signed(http, "GET", f"/v1/cases/{number}", "NOBODY-" + PERSON["id_number"],
                          secret).status_code == 403
    finally:
        _stop(server)
    text = (tmp_path / "central.log").read_text(encoding="utf-8")
    lines = [json.loads(line) for line in text.splitlines()]  # every line is one JSON object
    requests = [line for line in lines if line.get("logger") == "central.access"]
    batch = next(line for line in requests if line["route"] == "/v1/batch" and line["status"] == 200)
    assert batch["request_id"] == "req-from-proxy-42" and batch["method"] == "POST"
    assert batch["terminal"] == TERMINAL and batch["worker"] == server.pid and batch["level"] == "info"
    assert isinstance(batch["duration_ms"], float) and batch["duration_ms"] >= 0
    assert (batch["items"], batch["accepted"], batch["duplicate"], batch["rejected"]) == (1, 1, 0, 0)
    assert {line["route"] for line in requests} >= {"/v1/blobs/{sha256}", "/v1/cases/{tracking}", "/v1/presence",
                                                   "/v1/citizen/cases"}
    refused = next(line for line in requests if line["status"] == 422)
    assert refused["reason"] == "invalid_request"
    unknown = next(line for line in requests if line["status"] == 403)
    assert unknown["reason"] == "unknown_terminal" and "terminal" not in unknown
    assert len({line["request_id"] for line in requests}) == len(requests)
    for secret_text in (PERSON["name"], PERSON["id_number"], PERSON["id_number"][:17], PERSON["address"],
                        PERSON["phone"], PERSON["bank_account"], number, number[:-2], sha, grant.json()["token"]):
        assert secret_text not in text


def test_plain_text_lines_when_asked(tmp_path, central_db):
    server, url, secret = _serve(tmp_path, central_db, "--log-format", "text")
    try:
        with httpx.Client(base_url=url, timeout=30) as http:
            assert signed(http, "POST", "/v1/heartbeat", TERMINAL, secret,
                          json_body={"at": time.time()}).status_code == 200
    finally:
        _stop(server)
    text = (tmp_path / "central.log").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if "route=/v1/heartbeat" in line)
    assert "central.access" in line and "status=200" in line and f"terminal={TERMINAL}" in line
    assert not line.startswith("{")


def test_no_access_lines_when_switched_off(tmp_path, central_db):
    server, url, secret = _serve(tmp_path, central_db, "--no-access-log")
    try:
        with httpx.Client(base_url=url, timeout=30) as http:
            assert signed(http, "POST", "/v1/heartbeat", TERMINAL, secret,
                          json_body={"at": time.time()}).status_code == 200
    finally:
        _stop(server)
    assert "central.access" not in (tmp_path / "central.log").read_text(encoding="utf-8")
