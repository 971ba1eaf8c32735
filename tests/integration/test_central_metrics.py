"""/metrics of a real central over real HTTP: what it counts after real signed traffic, that it names route templates
and never a person or a tracking number, who may read it, and that several workers' figures add up."""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import subprocess
import sys
import time
from datetime import date

import httpx
import pytest

from protocol import signing, tracking
from tests.conftest import REPO
from tests.helpers.central import TERMINAL, central, free_port, invented_applicant, wait_for_port  # noqa: F401
from tests.helpers.prometheus import Metrics, signed

PERSON = invented_applicant(3)


def _submission(seq: int, shas: list[str] = (), terminal: str = TERMINAL) -> dict:
    return {"id": f"{terminal}-{seq}", "seq": seq, "kind": "submission", "body": {
        "tracking": tracking.issue(terminal, date(2026, 4, 1), seq), "service_code": "JZ-001",
        "applicant": PERSON, "attachments": list(shas)}}


def _scrape(url: str, **kw) -> httpx.Response:
    return httpx.get(url + "/metrics", timeout=30, **kw)


def test_metrics_count_real_traffic_by_route_template_without_personal_data(central):
    blob = b"invented scan " * 1000
    sha = hashlib.sha256(blob).hexdigest()
    number = _submission(1)["body"]["tracking"]
    with httpx.Client(base_url=central.url, timeout=30) as http:
        assert signed(http, "PUT", f"/v1/blobs/{sha}", TERMINAL, central.secret, body=blob).status_code == 201
        assert signed(http, "PUT", f"/v1/blobs/{sha}", TERMINAL, central.secret, body=blob).status_code == 200
        first = {"items": [_submission(1, [sha]), _submission(2),
                           dict(_submission(3), body=dict(_submission(3)["body"], tracking="NOT-A-NUMBER"))]}
        assert signed(http, "POST", "/v1/batch", TERMINAL, central.secret, json_body=first).status_code == 200
        again = {"items": [_submission(1, [sha])]}
        assert signed(http, "POST", "/v1/batch", TERMINAL, central.secret, json_body=again).status_code == 200
        assert signed(http, "POST", "/v1/heartbeat", TERMINAL, central.secret,
                      json_body={"at": time.time()}).status_code == 200
        assert signed(http, "GET", f"/v1/cases/{number}", TERMINAL, central.secret).status_code == 200
        assert signed(http, "GET", "/v1/cases/NO-SUCH-1", TERMINAL, central.secret).status_code == 404
        assert http.post("/v1/heartbeat", json={"at": 1}).status_code == 401  # refused by the gate, still counted
    r = _scrape(central.url)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain; version=0.0.4")
    m = Metrics(r.text)
    assert m.value("central_http_requests_total", method="POST", route="/v1/batch", status="2xx") == 2
    assert m.value("central_http_requests_total", method="GET", route="/v1/cases/{tracking}", status="2xx") == 1
    assert m.value("central_http_requests_total", method="GET", route="/v1/cases/{tracking}", status="4xx") == 1
    assert m.value("central_http_requests_total", method="POST", route="/v1/heartbeat", status="4xx") == 1
    assert m.value("central_http_request_duration_seconds_count", method="PUT", route="/v1/blobs/{sha256}",
                   status="2xx") == 2
    assert m.value("central_http_request_duration_seconds_sum", method="POST", route="/v1/batch",
                   status="2xx") > 0
    assert m.value("central_batch_size_items_count") == 2 and m.value("central_batch_size_items_sum") == 4
    assert m.value("central_batch_items_total", result="accepted") == 2
    assert m.value("central_batch_items_total", result="duplicate") == 1
    assert m.value("central_batch_items_total", result="rejected") == 1
    assert m.value("central_batch_items_rejected_total", reason="invalid_tracking_number") == 1
    assert m.value("central_blob_stored_bytes_total") == len(blob)  # the second PUT stored nothing new
    worker = str(os.getpid())  # this central serves from a thread of the test process
    assert m.value("central_blob_uploads_in_flight", worker=worker) == 0
    assert m.value("central_db_pool_size", worker=worker) == 8
    assert 0 <= m.value("central_db_pool_checked_out", worker=worker) <= 16
    assert time.time() - 86400 < m.value("process_start_time_seconds", worker=worker) <= time.time()
    assert m.value("central_metrics_age_seconds", worker=worker) == 0
    for secret in (PERSON["name"], PERSON["id_number"], PERSON["address"], number, "NO-SUCH-1", sha, TERMINAL):
        assert secret not in r.text


def _outside_address() -> str | None:
    """This machine's address on its first non-loopback interface (a UDP connect sends nothing)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("198.51.100.1", 9))
            address = s.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def _serve(central_db, port: int, *extra: str, log=None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "central.cli", "serve", "--port", str(port), *central_db.cli(),
                             *extra], cwd=REPO, stderr=log or subprocess.DEVNULL)


def test_metrics_answer_this_machine_or_the_bearer_token_only(tmp_path, central_db):
    outside = _outside_address()
    if outside is None:
        pytest.skip("this machine has no non-loopback IPv4 address to come from")
    token = "t0ken-" + os.urandom(12).hex()
    (tmp_path / "metrics.token").write_text(token + "\n")
    port = free_port()
    server = _serve(central_db, port, "--host", "0.0.0.0", "--metrics-token-file", str(tmp_path / "metrics.token"))
    try:
        wait_for_port(port, server)
        local, remote = f"http://127.0.0.1:{port}", f"http://{outside}:{port}"
        assert _scrape(local).status_code == 200
        refused = _scrape(remote)
        assert refused.status_code == 403 and refused.json()["detail"]["reason"] == "metrics_forbidden"
        assert _scrape(remote, headers={"Authorization": "Bearer wrong-" + token}).status_code == 403
        assert _scrape(remote, headers={"Authorization": f"Bearer {token}"}).status_code == 200
        # through a proxy on this machine the socket says loopback; the proxy's headers say otherwise
        assert _scrape(local, headers={"X-Forwarded-For": "198.51.100.7"}).status_code == 403
        assert _scrape(local, headers={"X-Forwarded-Proto": "https"}).status_code == 403
        assert _scrape(local, headers={"X-Forwarded-Proto": "https",
                                       "Authorization": f"Bearer {token}"}).status_code == 200
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(30)


def test_serve_refuses_a_short_or_missing_metrics_token_file_in_one_line(tmp_path):
    (tmp_path / "short.token").write_text("abc\n")
    for path in (tmp_path / "short.token", tmp_path / "missing.token"):
        done = subprocess.run([sys.executable, "-m", "central.cli", "serve", "--db", str(tmp_path / "c.sqlite3"),
                               "--metrics-token-file", str(path)], cwd=REPO, capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 2 and done.stderr.startswith("kiosk central:") and "Traceback" not in done.stderr


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                        out.append(int(entry))
            except OSError:
                pass
    return out


def _until(what, predicate, timeout: float = 60.0):
    """Scrapes until predicate(metrics) holds; the last metrics seen."""
    deadline = time.monotonic() + timeout
    while True:
        m = what()
        if predicate(m) or time.monotonic() > deadline:
            return m
        time.sleep(0.2)


def test_several_workers_add_up_and_a_killed_workers_counts_stay(tmp_path, central_db):
    secret_file = tmp_path / "terminal.secret"
    done = subprocess.run([sys.executable, "-m", "central.cli", "add-terminal", TERMINAL, *central_db.cli(),
                           "--secret-file", str(secret_file)], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    secret = signing.read_secret(secret_file)
    port, beats = free_port(), 60
    server = _serve(central_db, port, "--workers", "2", "--terminal-limit", "off", "--address-limit", "off",
                    "--metrics-dir", str(tmp_path / "metrics"))
    url = f"http://127.0.0.1:{port}"

    def scrape() -> Metrics:
        r = _scrape(url)
        assert r.status_code == 200
        return Metrics(r.text)

    def counted(m: Metrics) -> float:
        return m.total("central_http_requests_total", route="/v1/heartbeat")

    try:
        wait_for_port(port, server, timeout=120)
        m = _until(scrape, lambda m: len(m.matching("central_db_pool_size")) == 2)
        workers = {labels["worker"] for labels, _ in m.matching("central_db_pool_size")}
        assert len(workers) == 2 and workers <= {str(p) for p in _children(server.pid)}
        for _ in range(beats):  # a new connection each: the kernel hands them to either worker
            with httpx.Client(base_url=url, timeout=30) as http:
                assert signed(http, "POST", "/v1/heartbeat", TERMINAL, secret,
                              json_body={"at": time.time()}).status_code == 200
        sent = time.time()

        def written_since_sent(m: Metrics) -> list[str]:
            """Workers whose figures this answer read from the shared folder, written after the last beat."""
            ages = {labels["worker"]: age for labels, age in m.matching("central_metrics_age_seconds")}
            return [w for w, age in ages.items() if 0 < age < time.time() - sent]

        # the victim is one whose file already holds all its beats: a worker writes its figures every 2 s, so one
        # killed before its next write would take its newest counts with it (that is the design, not a loss here)
        m = _until(scrape, lambda m: counted(m) >= beats and written_since_sent(m))
        assert counted(m) == beats  # each worker's part once: not one worker's alone, nothing twice
        victim = int(written_since_sent(m)[0])
        os.kill(victim, signal.SIGKILL)
        m = _until(scrape, lambda m: str(victim) not in {l["worker"] for l, _ in m.matching("central_db_pool_size")})
        assert str(victim) not in {labels["worker"] for labels, _ in m.matching("central_db_pool_size")}
        assert counted(m) == beats  # the killed worker's requests still count: totals never go back
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(60)
