"""Sealed A4 certificates over real HTTP: issue, fetch the PDF as the issuing terminal, validate its seal; other
terminals hear 404; the data-driven kinds are offered only to people their source knows."""

import hashlib
import signal
import subprocess
import sys

import httpx
import pytest

from central.certificate_seal import DepartmentSeal, make_test_ca
from central.cli import cli_main
from kiosk.certificates import GONE, UNPRINTABLE, Certificate, Certificates, Offer
from kiosk.i18n import Text
from kiosk.presence import Citizen
from offline_queue.client import CentralClient
from offline_queue.errors import CentralError
from offline_queue.worker import SyncWorker
from protocol import signing
from tests.conftest import REPO
from tests.helpers.central import (PASSED, TERMINAL, CentralServer, free_port, invented_applicant, make_id_number,
                                   make_store, proof_for, wait_for_port)
from tests.helpers.certificates import pdf_text, signature_status

ISSUER = "示范市政务服务中心"
# invented people the reference record sources (central/sources/) know
HOUSING_AND_PENSION = {"name": "测试子", "id_number": make_id_number(900)}
PENSION_AND_POLICE = {"name": "测试丑", "id_number": make_id_number(901)}


@pytest.fixture
def sealed_central(tmp_path, central_db):
    ca = make_test_ca(tmp_path / "ca", ISSUER)
    server = CentralServer(central_db, issuer=ISSUER, public_url="https://zwfw.example.invalid",
                           seal=DepartmentSeal(ca["cert"], ca["key"])).start()
    clients = [CentralClient(server.url, terminal, server.add_terminal(terminal), timeout=30,
                             allow_plain_http_loopback=True) for terminal in (TERMINAL, "SIM-0002")]
    yield server, clients, ca
    for client in clients:
        client.close()
    server.stop()


def _completed_case(server, client, tmp_path, person) -> str:
    queue = make_store(tmp_path / "kiosk")
    made = queue.enqueue_submission("JZ-001", {}, person)
    SyncWorker(queue, client).sync_once()
    queue.close()
    assert server.store.set_status(made.tracking, "completed", actor="staff") is not None
    return made.tracking


def test_issued_certificate_pdf_is_sealed_and_only_for_its_terminal(sealed_central, tmp_path, central_db):
    server, (mine, other), ca = sealed_central
    person = invented_applicant(31)
    tracking = _completed_case(server, mine, tmp_path, person)
    issued = mine.issue_certificate(proof_for(mine, person), "case_completion", tracking)
    assert issued["pdf_sealed"] is True
    pdf = mine.certificate_pdf(issued["certificate_number"])
    assert hashlib.sha256(pdf).hexdigest() == issued["pdf_sha256"]
    assert signature_status(pdf, ca["ca"]).bottom_line
    text = pdf_text(pdf).replace(" ", "")
    assert issued["certificate_number"] in text and "办结证明" in text and issued["verify_code"][:4] in text
    # another terminal, a number never issued: the same answer, nothing to tell them apart
    assert other.certificate_pdf(issued["certificate_number"]) is None
    assert mine.certificate_pdf("Z20000101999999") is None
    # at rest it is sealed under central's data key: the file holds no PDF and no name
    kept = next((central_db.keys_dir / "blobs").rglob(issued["pdf_sha256"])).read_bytes()
    assert not kept.startswith(b"%PDF") and person["name"].encode() not in kept

    certificates = Certificates(mine)
    paper = Certificate(number=issued["certificate_number"], kind=issued["kind"], title=issued["title"],
                        body=issued["body"], issuer=issued["issuer"], issued_on=issued["issued_on"],
                        verify_code=issued["verify_code"], verify_url=issued["verify_url"])
    assert certificates.pdf(paper) == pdf
    with pytest.raises(LookupError) as refused:
        Certificates(other).pdf(paper)
    assert refused.value.args[0] is GONE


def test_a_name_no_font_can_print_issues_nothing_and_the_kiosk_says_why(sealed_central, tmp_path):
    """An invented name with 𪚥 (CJK extension B, in neither certificate font): a blank in the printed name would
    be a wrong certificate, so central refuses before numbering anything; 䶮 (extension A, in the font) prints."""
    server, (mine, _other), _ca = sealed_central
    rare = {"name": "测试\U0002A6A5", "id_number": make_id_number(902)}
    present = {"name": "测试\u4dae", "id_number": make_id_number(903)}
    queue = make_store(tmp_path / "kiosk")
    tracking, present_tracking = (queue.enqueue_submission("JZ-001", {}, p).tracking for p in (rare, present))
    SyncWorker(queue, mine).sync_once()
    queue.close()
    for t in (tracking, present_tracking):
        assert server.store.set_status(t, "completed", actor="staff") is not None
    for kind, ref in (("case_completion", tracking), ("case_record", "")):
        with pytest.raises(CentralError) as refused:
            mine.issue_certificate(proof_for(mine, rare), kind, ref)
        assert (refused.value.status, refused.value.reason) == (422, "unprintable_characters")
    offer = Offer("case_completion", tracking, Text(zh="办结证明", en="Certificate of completion"), Text(zh="", en=""))
    with pytest.raises(LookupError) as told:
        Certificates(mine).issue(Citizen(rare["id_number"], "idcard", PASSED), offer)
    assert told.value.args[0] is UNPRINTABLE
    assert server.store._q("SELECT * FROM certificates") == []  # nothing numbered, nothing to verify

    issued = mine.issue_certificate(proof_for(mine, present), "case_completion", present_tracking)
    assert "测试\u4dae" in pdf_text(mine.certificate_pdf(issued["certificate_number"])).replace(" ", "")


def test_new_kinds_offered_only_with_a_record(sealed_central, tmp_path):
    server, (mine, _other), ca = sealed_central
    kinds = [o["kind"] for o in mine.citizen_certificates(proof_for(mine, HOUSING_AND_PENSION))]
    assert kinds == ["housing_fund_contribution", "social_insurance_enrolment"]
    kinds = [o["kind"] for o in mine.citizen_certificates(proof_for(mine, PENSION_AND_POLICE))]
    assert kinds == ["social_insurance_enrolment", "criminal_record_application"]
    assert mine.citizen_certificates(proof_for(mine, invented_applicant(32))) == []

    proof = proof_for(mine, HOUSING_AND_PENSION)
    issued = mine.issue_certificate(proof, "housing_fund_contribution", "")
    assert issued["title"] == "住房公积金缴存证明" and "示范市样例科技有限公司" in issued["body"]
    assert HOUSING_AND_PENSION["id_number"] not in issued["body"]  # masked, as on every slip
    assert mine.issue_certificate(proof, "criminal_record_application", "") is None  # no record: no certificate
    pdf = mine.certificate_pdf(issued["certificate_number"])
    assert signature_status(pdf, ca["ca"]).bottom_line
    assert "住房公积金缴存证明" in pdf_text(pdf).replace(" ", "")
    # the public page names the kind as the kinds file does, and tells the reader the PDF can be checked offline
    check = f"{server.url}/verify/{issued['verify_code']}"
    assert httpx.get(check, timeout=10).json()["kind_text"] == {"zh": "住房公积金缴存证明",
                                                              "en": "Housing provident fund contribution"}
    page = httpx.get(check, headers={"Accept": "text/html"}, timeout=10).text
    assert "数字签名" in page and "digital signature" in page and "测试子" not in page


def test_serve_seals_with_the_configured_key(tmp_path, central_db):
    """`kiosk central serve --seal-cert/--seal-key` as its own process: the options reach the worker's app."""
    assert cli_main(["make-test-ca", str(tmp_path / "seal"), "--department", ISSUER]) == 0
    secret_file = tmp_path / "terminal.secret"
    assert cli_main(["add-terminal", TERMINAL, *central_db.cli(), "--secret-file", str(secret_file)]) == 0
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "central.cli", "serve", "--port", str(port), *central_db.cli(),
                               "--seal-cert", str(tmp_path / "seal" / "department.pem"),
                               "--seal-key", str(tmp_path / "seal" / "department.key")], cwd=REPO,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for_port(port, server)
        client = CentralClient(f"http://127.0.0.1:{port}", TERMINAL, signing.read_secret(secret_file), timeout=30,
                               allow_plain_http_loopback=True)
        issued = client.issue_certificate(proof_for(client, HOUSING_AND_PENSION), "social_insurance_enrolment", "")
        assert issued["pdf_sealed"] is True
        status = signature_status(client.certificate_pdf(issued["certificate_number"]), tmp_path / "seal" / "ca.pem")
        assert status.bottom_line
        client.close()
    finally:
        server.send_signal(signal.SIGTERM)
        _out, err = server.communicate(timeout=15)
    assert "unsigned" not in err and HOUSING_AND_PENSION["id_number"] not in err


def test_no_pdf_still_issues_the_certificate(tmp_path, central_db, monkeypatch, caplog):
    """A central whose font is gone (a package removed): the slip and the verify page still work, the PDF is
    missing and the log says which certificate and why, without the holder."""
    from central.certificate_pdf import FontMissing
    from central.routes import certificates as routes

    def no_font(page):
        raise FontMissing("certificate font /usr/share/fonts/gone.ttf is missing")

    # the one stand-in of this file: uninstalling a Debian package is not something a test may do
    monkeypatch.setattr(routes.certificate_pdf, "render", no_font)
    server = CentralServer(central_db, issuer=ISSUER).start()
    client = CentralClient(server.url, TERMINAL, server.add_terminal(), timeout=30, allow_plain_http_loopback=True)
    try:
        with caplog.at_level("ERROR", logger="central.routes.certificates"):
            issued = client.issue_certificate(proof_for(client, HOUSING_AND_PENSION), "housing_fund_contribution", "")
        assert issued["pdf_sha256"] is None and issued["pdf_sealed"] is False and issued["body"]
        assert client.certificate_pdf(issued["certificate_number"]) is None
        assert httpx.get(f"{server.url}/verify/{issued['verify_code']}", timeout=10).json()["valid"] is True
        logged = caplog.text
        assert issued["certificate_number"] in logged and "FontMissing" in logged
        assert HOUSING_AND_PENSION["name"] not in logged and HOUSING_AND_PENSION["id_number"] not in logged
    finally:
        client.close()
        server.stop()
