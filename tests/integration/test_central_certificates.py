"""Certificates over real HTTP on 127.0.0.1: queue + sync worker -> set-status -> list, issue, verify, refuse."""

import json
import re
import signal
import subprocess
import sys
import time

import httpx
import pytest

from central.cli import cli_main
from protocol import signing
from offline_queue.client import CentralClient
from protocol.verification import document_hash, shown_hash
from offline_queue.worker import SyncWorker
from tests.conftest import REPO
from tests.helpers.central import (TERMINAL, CentralServer, central, free_port,  # noqa: F401 (fixture)
                                   invented_applicant, make_store, proof_for, wait_for_port)

PUBLIC = "https://zwfw.example.invalid/kiosk"
ISSUER = "示范市政务服务中心"


@pytest.fixture
def hall(tmp_path, central_db):
    """Central with a catalog and a public URL, a kiosk queue synced to it, and two invented people's cases."""
    catalog = tmp_path / "catalog.json"
    catalog.write_text(json.dumps({"version": 1, "item": [{"code": "JZ-001", "name": "最低生活保障申请"}]},
                                  ensure_ascii=False), encoding="utf-8")
    server = CentralServer(central_db, catalog_file=catalog, issuer=ISSUER,
                           public_url=PUBLIC).start()
    client = CentralClient(server.url, TERMINAL, server.add_terminal(), timeout=10,
                           allow_plain_http_loopback=True)
    queue = make_store(tmp_path / "kiosk")
    a, b = invented_applicant(11), invented_applicant(12)
    made = [queue.enqueue_submission("JZ-001", {}, a), queue.enqueue_submission("ZZ-404", {}, a),
            queue.enqueue_submission("JZ-001", {}, b)]
    SyncWorker(queue, client).sync_once()
    assert all(queue.lookup(m.tracking).state == "acknowledged" for m in made)
    # staff completes the first case, as they would from the command line
    assert cli_main(["set-status", made[0].tracking, "办结", *central_db.cli()]) == 0
    yield server, client, a, b, [m.tracking for m in made]
    client.close()
    queue.close()
    server.stop()


def test_list_issue_and_verify(hall, tmp_path):
    server, client, a, b, trackings = hall
    present = proof_for(client, a)
    offers = client.citizen_certificates(present)
    assert [(o["kind"], o["ref"]) for o in offers] == [("case_record", ""), ("case_completion", trackings[0])]
    assert offers[0]["subject"] == {"zh": "共 2 件", "en": "2 applications"}
    assert offers[1]["subject"]["zh"] == f"最低生活保障申请 · {trackings[0]}"
    assert [o["kind"] for o in client.citizen_certificates(proof_for(client, b))] == ["case_record"]

    done = client.issue_certificate(present, "case_completion", trackings[0])
    assert re.fullmatch(r"Z\d{8}\d{6}", done["certificate_number"]) and done["title"] == "办结证明"
    assert done["issuer"] == ISSUER and re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", done["issued_on"])
    masked = a["id_number"][:6] + "*" * 8 + a["id_number"][-4:]
    assert f"兹证明 {a['name']}（公民身份号码 {masked}）" in done["body"] and a["id_number"] not in done["body"]
    assert f"「最低生活保障申请」（受理编号 {trackings[0]}）" in done["body"]
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{16}", done["verify_code"])
    assert done["verify_url"] == f"{PUBLIC}/verify/{done['verify_code']}"

    record = client.issue_certificate(present, "case_record", "")
    lines = record["body"].splitlines()
    assert lines[1].startswith("1. 最低生活保障申请  受理编号 ") and lines[1].endswith("办结")
    assert lines[2].startswith("2. ZZ-404  受理编号 ") and lines[2].endswith("受理")
    assert int(record["certificate_number"][-6:]) == int(done["certificate_number"][-6:]) + 1

    # the public check: anyone with the code, no signature, any case; never the ID number or the full name
    r = httpx.get(f"{server.url}/verify/{done['verify_code'].lower()}", timeout=10)
    assert r.status_code == 200
    holder = a["name"][0] + "*" * (len(a["name"]) - 1)
    shown = shown_hash(document_hash(done["body"]))  # what the paper prints
    assert r.json() == {"valid": True, "certificate_number": done["certificate_number"], "title": "办结证明",
                        "kind": "case_completion", "kind_text": {"zh": "办结证明", "en": "Certificate of completion"},
                        "issued_on": done["issued_on"], "holder": holder, "issuer": ISSUER, "document_hash": shown}
    page = httpx.get(f"{server.url}/verify/{done['verify_code']}", headers={"Accept": "text/html"}, timeout=10)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "证明真实有效" in page.text and done["certificate_number"] in page.text and shown in page.text
    for text in (r.text, page.text):
        assert a["id_number"] not in text and masked not in text and a["name"] not in text

    # central keeps the body's hash, not a second copy of the personal text
    rows = server.store._q("SELECT * FROM certificates")
    assert len(rows) == 2 and not any(a["name"] in str(v) or masked in str(v) for row in rows for v in row)


def test_what_is_not_there_is_no_record(hall):
    server, client, a, b, trackings = hall
    present_a, nobody = proof_for(client, a), proof_for(client, invented_applicant(99))
    assert client.issue_certificate(proof_for(client, b), "case_completion", trackings[0]) is None  # a's case
    assert client.issue_certificate(present_a, "case_completion", trackings[1]) is None  # not completed
    assert client.issue_certificate(present_a, "case_completion", "SIM-0001-20260101-999999-0") is None
    assert client.issue_certificate(nobody, "case_record", "") is None
    assert client.citizen_certificates(nobody) == []
    unknown = httpx.get(f"{server.url}/verify/0000000000", timeout=10)
    assert unknown.status_code == 404 and unknown.json() == {"detail": {"reason": "unknown_code"}}
    html = httpx.get(f"{server.url}/verify/not-a-code", headers={"Accept": "text/html"}, timeout=10)
    assert html.status_code == 404 and "未找到该证明" in html.text


def _signed(server, method: str, target: str, body: bytes = b"") -> httpx.Response:
    headers = signing.sign(method, target, body, terminal=TERMINAL, secret=server.store.secret_of(TERMINAL),
                           now=time.time())
    headers["Content-Type"] = "application/json"
    return httpx.request(method, server.url + target, content=body, headers=headers, timeout=10)


def test_signatures_and_validation(hall):
    server, client, a, b, trackings = hall
    present = proof_for(client, a)
    good = json.dumps({"presence": present, "kind": "case_record", "ref": ""}).encode()
    unsigned = httpx.post(f"{server.url}/v1/certificates", content=good,
                          headers={"Content-Type": "application/json"}, timeout=10)
    assert unsigned.status_code == 401
    offers = json.dumps({"presence": present}).encode()
    assert httpx.post(f"{server.url}/v1/citizen/certificates", content=offers, timeout=10).status_code == 401
    assert _signed(server, "POST", "/v1/certificates", good).status_code == 201
    for bad in ({"presence": present, "kind": "birth", "ref": ""}, {"kind": "case_record", "ref": ""},
                {"presence": present, "kind": "case_record", "id_number": a["id_number"]},
                {"presence": present, "kind": "case_record", "ref": "x" * 65}):
        assert _signed(server, "POST", "/v1/certificates", json.dumps(bad).encode()).status_code == 422
    assert _signed(server, "POST", "/v1/citizen/certificates", b'{"presence": 7}').status_code == 422


def test_default_verify_url_is_the_request_base(central, tmp_path):  # noqa: F811 (fixture)
    client = CentralClient(central.url, TERMINAL, central.secret, timeout=10,
                           allow_plain_http_loopback=True)
    queue = make_store(tmp_path / "kiosk")
    person = invented_applicant(21)
    queue.enqueue_submission("JZ-001", {}, person)
    SyncWorker(queue, client).sync_once()
    issued = client.issue_certificate(proof_for(client, person), "case_record", "")
    assert issued["verify_url"] == f"{central.url}/verify/{issued['verify_code']}"
    assert issued["issuer"] == "政务服务中心（参考平台）"
    assert httpx.get(issued["verify_url"], timeout=10).json()["valid"] is True
    client.close()
    queue.close()


def test_serve_options_reach_the_certificate(tmp_path, central_db):
    secret_file = tmp_path / "terminal.secret"
    assert cli_main(["add-terminal", TERMINAL, *central_db.cli(), "--secret-file", str(secret_file)]) == 0
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "central.cli", "serve", "--port", str(port), *central_db.cli(),
                               "--issuer", ISSUER, "--public-url", "https://verify.example.invalid/"], cwd=REPO,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for_port(port, server)
        client = CentralClient(f"http://127.0.0.1:{port}", TERMINAL, signing.read_secret(secret_file), timeout=10,
                               allow_plain_http_loopback=True)
        queue = make_store(tmp_path / "kiosk")
        person = invented_applicant(31)
        queue.enqueue_submission("JZ-001", {}, person)
        SyncWorker(queue, client).sync_once()
        issued = client.issue_certificate(proof_for(client, person), "case_record", "")
        assert issued["issuer"] == ISSUER
        assert issued["verify_url"] == f"https://verify.example.invalid/verify/{issued['verify_code']}"
        assert "「JZ-001」" not in issued["body"] and "1. JZ-001  受理编号" in issued["body"]  # no catalog: codes
        client.close()
        queue.close()
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(15)


def test_a_central_without_the_endpoint_is_an_error_not_no_record(central):  # noqa: F811 (fixture)
    from offline_queue.errors import CentralError

    # the same server under a prefix it does not serve: a bare 404, as from a central predating certificates
    direct = CentralClient(central.url, TERMINAL, central.secret, timeout=10, allow_plain_http_loopback=True)
    present = proof_for(direct, invented_applicant(41))
    direct.close()
    client = CentralClient(central.url + "/older", TERMINAL, central.secret, timeout=10,
                           allow_plain_http_loopback=True)
    with pytest.raises(CentralError) as caught:
        client.issue_certificate(present, "case_record", "")
    assert caught.value.status == 404 and not caught.value.transient
    client.close()
