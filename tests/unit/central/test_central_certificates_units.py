"""Central's certificates: offers, body text, verify codes, catalog titles and storage on a real SQLite file."""

import io
import json
import zipfile
from datetime import date, datetime

import pytest
from sqlalchemy import inspect

from central import certificates
from central.cli import cli_main
from central.storage import CentralStore
from protocol.status import STATUSES
from central.titles import ServiceTitles, parse_titles
from protocol import tracking
from tests.helpers.central import TERMINAL, invented_applicant

STATUS_ZH = {code: zh for code, (zh, _en) in STATUSES.items()}
APPLIED = datetime(2026, 11, 20, 10, 30).timestamp()  # local times: the certificate prints local dates
DONE = datetime(2026, 11, 23, 9, 0).timestamp()


def _case(n: int, status: str = "completed", name: str = "张三", id_number: str = "11010519491231002X",
          code: str = "JZ-001") -> dict:
    return {"tracking": tracking.issue(TERMINAL, date(2026, 11, 20), n), "service_code": code, "status": status,
            "applied_at": APPLIED, "completed_at": DONE if status == "completed" else None, "name": name,
            "id_number": id_number}


def test_offers_a_record_and_one_completion_per_completed_case():
    cases = [_case(1), _case(2, "reviewing", code="ZZ-9"), _case(3)]
    got = certificates.offers(cases, {"JZ-001": "最低生活保障申请"})
    assert [(o["kind"], o["ref"]) for o in got] == [("case_record", ""), ("case_completion", cases[0]["tracking"]),
                                                     ("case_completion", cases[2]["tracking"])]
    assert got[0]["title"] == {"zh": "办件记录证明", "en": "Record of applications"}
    assert got[0]["subject"] == {"zh": "共 3 件", "en": "3 applications"}
    assert got[1]["subject"]["zh"] == f"最低生活保障申请 · {cases[0]['tracking']}"
    assert certificates.offers([], {}) == []
    assert certificates.offers([_case(1, "received")], {})[0]["subject"]["en"] == "1 application"


def test_completion_certificate_text():
    case = _case(7)
    draft = certificates.compose("case_completion", case["tracking"], [case], {"JZ-001": "最低生活保障申请"}, DONE,
                                 STATUS_ZH)
    assert draft.title == "办结证明" and draft.holder == "张*"
    assert draft.body == ("兹证明 张三（公民身份号码 110105********002X）于2026年11月20日申请的「最低生活保障申请」"
                          f"（受理编号 {case['tracking']}）已于2026年11月23日办结。\n特此证明。")
    assert "11010519491231002X" not in draft.body


@pytest.mark.parametrize(("kind", "ref", "status"), [
    ("case_completion", "own", "reviewing"),            # not completed yet
    ("case_completion", "SIM-0001-20261120-999999-0", "completed"),  # not one of this person's cases
    ("case_completion", "", "completed"),
    ("case_record", "own", "completed"),                # a record certificate certifies no single case
    ("no_such_kind", "", "completed"),
])
def test_nothing_to_certify_gives_none(kind, ref, status):
    case = _case(1, status)
    ref = case["tracking"] if ref == "own" else ref
    assert certificates.compose(kind, ref, [case], {}, DONE, STATUS_ZH) is None
    assert certificates.compose("case_record", "", [], {}, DONE, STATUS_ZH) is None


def test_record_certificate_lists_every_case_on_short_lines():
    cases = [_case(1), _case(2, "returned", code="ZZ-9"), _case(3, "received")]
    body = certificates.compose("case_record", "", cases, {"JZ-001": "最低生活保障申请"}, DONE, STATUS_ZH).body
    lines = body.splitlines()
    assert lines[0] == "兹证明 张三（公民身份号码 110105********002X）在本平台共有办件记录 3 件："
    assert lines[1] == f"1. 最低生活保障申请  受理编号 {cases[0]['tracking']}  2026-11-20  已办结"
    assert lines[2] == f"2. ZZ-9  受理编号 {cases[1]['tracking']}  2026-11-20  已退回"
    assert lines[3].endswith("受理") and lines[-1] == "特此证明。" and len(lines) == 5
    assert max(len(line) for line in lines) < 80


def test_record_certificate_of_a_very_busy_person_is_bounded():
    cases = [_case(i, "received") for i in range(1, 131)]
    lines = certificates.compose("case_record", "", cases, {}, DONE, STATUS_ZH).body.splitlines()
    assert "共有办件记录 130 件（以下为最近 50 件）" in lines[0] and len(lines) == 52


def test_newest_spelling_of_the_name_and_a_case_without_name():
    cases = [_case(1, name="张三"), _case(2, name="张叁")]
    assert "兹证明 张叁（" in certificates.compose("case_record", "", cases, {}, DONE, STATUS_ZH).body
    nameless = certificates.compose("case_record", "", [_case(1, name="")], {}, DONE, STATUS_ZH)
    assert nameless.body.startswith("兹证明 公民身份号码 110105********002X 的申请人") and nameless.holder == ""


def test_verify_codes_are_crockford_and_read_forgivingly():
    codes = {certificates.new_verify_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(len(c) == 16 and set(c) <= set("0123456789ABCDEFGHJKMNPQRSTVWXYZ") for c in codes)  # 80 bits
    # what a person types from the paper: lower case, spaces or dashes between the groups of four
    assert certificates.normalise_code("7kq3 m9xd-2b6f h1qa") == "7KQ3M9XD2B6FH1QA"
    assert certificates.normalise_code("7KQ3-M9XD-2B6F-HIQA") == "7KQ3M9XD2B6FH1QA"  # I read as one
    assert certificates.normalise_code("7KQ3M9XD2B6FH1Q") is None  # 15: neither length ever issued
    # the 10-character codes printed before stay valid
    assert certificates.normalise_code("3p0s-1vfy8w") == "3P0S1VFY8W"
    assert certificates.normalise_code("3pos1vfy8w") == "3P0S1VFY8W"  # O read as zero
    assert certificates.normalise_code("3P0S1VFY8") is None
    assert certificates.normalise_code("3P0S1VFY8U") is None  # U is not in the alphabet
    assert certificates.normalise_code("３P0S1VFY8W") is None


def test_verify_page_escapes_and_says_unknown():
    view = certificates.verification({"certificate_number": "Z1", "kind": "case_completion", "title": "办结证明",
                                      "holder": "张*", "issued_at": DONE, "issuer": "<b>某中心</b>",
                                      "body_sha256": "3F2A9C1B77D0E415" + "0" * 48})
    page = certificates.verify_page(view)
    assert "证明真实有效" in page and "&lt;b&gt;" in page and "<b>" not in page
    # what staff hold against the paper: type, date, masked holder, the document hash as printed
    assert view["document_hash"] == "3f2a 9c1b 77d0 e415" and "3f2a 9c1b 77d0 e415" in page
    assert "办结证明 Certificate of completion" in page and "张*" in page and view["issued_on"] in page
    assert "未找到该证明" in certificates.verify_page(None)


def test_titles_from_json_zip_and_garbage(tmp_path):
    assert parse_titles(json.dumps({"item": [{"code": "A-1", "name": "甲事项"}, {"code": "B"}]}).encode()) == {
        "A-1": "甲事项"}
    assert parse_titles(b'{"version": 3, "items": [{"code": "gjj.withdraw", "title": "Withdraw"}]}') == {
        "gjj.withdraw": "Withdraw"}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("catalog.toml", "version = '1'\n")
        z.writestr("items/a.toml", '[[item]]\ncode = "JZ-001"\nname = "最低生活保障申请"\n')
        z.writestr("items/b.json", json.dumps({"item": [{"code": "JZ-002", "name": "特困人员救助供养"}]}))
    assert parse_titles(buf.getvalue()) == {"JZ-001": "最低生活保障申请", "JZ-002": "特困人员救助供养"}
    for junk in (b"", b"PK\x03\x04broken", b"[1, 2]", b"\xff\xfe", b'{"item": "x"}'):
        assert parse_titles(junk) == {}
    f = tmp_path / "catalog.json"
    titles = ServiceTitles(f)
    assert titles.current() == {}  # no file yet
    f.write_text(json.dumps({"item": [{"code": "A-1", "name": "甲事项"}]}))
    assert titles.current() == {"A-1": "甲事项"}
    f.write_text(json.dumps({"item": [{"code": "A-1", "name": "甲事项（新）"}]}))
    assert titles.current() == {"A-1": "甲事项（新）"}  # a replaced catalog is read again
    assert ServiceTitles(None).current() == {}


@pytest.fixture
def store(central_db):
    now = [datetime(2026, 11, 23, 15, 0).timestamp()]
    s = CentralStore(central_db.target, clock=lambda: now[0], keys_dir=central_db.keys_dir)
    s.now = now
    yield s
    s.close()


def _submit(store, rid: str, seq: int, applicant: dict, **extra) -> str:
    number = tracking.issue(TERMINAL, date(2026, 11, 20), seq)
    body = {"tracking": number, "service_code": "JZ-001", "applicant": applicant, "attachments": [], **extra}
    assert store.accept_batch(TERMINAL, [{"id": rid, "seq": seq, "kind": "submission", "body": body}])[0][
        "result"] == "accepted"
    return number


def test_applicant_cases_carry_kiosk_time_name_and_completion(store):
    person = invented_applicant(3)
    first = _submit(store, "A", 1, person, created_at=APPLIED)
    second = _submit(store, "B", 2, person, created_at="not a time")  # central's receipt time stands in
    _submit(store, "C", 3, invented_applicant(4))
    store.set_status(first, "completed")
    got = store.applicant_cases(store.id_hash(person["id_number"]))
    assert [c["tracking"] for c in got] == [first, second]
    assert got[0]["applied_at"] == APPLIED and got[1]["applied_at"] == store.now[0]
    assert got[0]["completed_at"] == store.now[0] and got[1]["completed_at"] is None
    assert got[0]["name"] == person["name"] and got[0]["id_number"] == person["id_number"]
    assert store.applicant_cases("0" * 64) == []


def test_certificates_are_numbered_per_day_and_keep_no_body(store):
    kw = dict(kind="case_record", ref="", id_hash="a" * 64, terminal=TERMINAL, title="办件记录证明",
              body_sha256="b" * 64, holder="张*", issuer="某中心")
    one, two = store.add_certificate(**kw), store.add_certificate(**kw)
    assert one["certificate_number"] == "Z20261123000001" and two["certificate_number"] == "Z20261123000002"
    assert one["verify_code"] != two["verify_code"]
    store.now[0] = datetime(2026, 11, 24, 8, 0).timestamp()
    assert store.add_certificate(**kw)["certificate_number"] == "Z20261124000001"
    found = store.certificate(two["verify_code"])
    assert found["certificate_number"] == "Z20261123000002" and found["holder"] == "张*"
    assert store.certificate("0000000000") is None
    columns = [c["name"] for c in inspect(store.engine).get_columns("certificates")]
    assert "body" not in columns and "body_sha256" in columns


@pytest.mark.parametrize("argv", [["--public-url", "verify.example.invalid"], ["--issuer", "  "]])
def test_serve_refuses_bad_certificate_options(argv, tmp_path, capsys):
    assert cli_main(["serve", "--db", str(tmp_path / "c.sqlite3"), *argv]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("kiosk central:")
