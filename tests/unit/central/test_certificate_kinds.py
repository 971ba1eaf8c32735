"""Certificate kinds from the kinds file: the shipped file, its reference sources, and broken files refused at
start with a message naming the file and the kind."""

from pathlib import Path

import pytest

from central import certificate_kinds
from central.app import create_app
from central.certificate_kinds import KindsError, load
from central.cli import cli_main
from central.storage import CentralStore
from tests.helpers.central import make_id_number


def _plain(number: str) -> str:
    return "h:" + number  # stands in for central's keyed ID hash


KINDS = load(certificate_kinds.DEFAULT_FILE, _plain)
GOOD_CASE_KINDS = """
[case_record]
title = { zh = "办件记录证明", en = "Record of applications" }
source = "cases"
[case_completion]
title = { zh = "办结证明", en = "Certificate of completion" }
source = "cases"
"""


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kinds.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_file_has_the_case_kinds_and_three_sourced_ones():
    assert list(KINDS.kinds) == ["case_record", "case_completion", "housing_fund_contribution",
                                 "social_insurance_enrolment", "criminal_record_application"]
    assert KINDS.title("case_completion") == {"zh": "办结证明", "en": "Certificate of completion"}


def test_offers_only_what_a_source_has_a_record_of():
    assert [o["kind"] for o in KINDS.offers(_plain(make_id_number(902)))] == ["criminal_record_application"]
    assert KINDS.offers(_plain(make_id_number(7))) == []
    offer = KINDS.offers(_plain(make_id_number(900)))[0]
    assert offer["subject"] == {"zh": "示范市样例科技有限公司 · 缴存至2026年10月",
                                "en": "示范市样例科技有限公司 · paid up to 2026年10月"}


def test_composed_text_masks_the_id_number():
    draft = KINDS.compose("criminal_record_application", _plain(make_id_number(902)))
    assert draft.title == "无犯罪记录证明申请进度" and draft.holder == "测**"
    assert "测试寅（公民身份号码 990101********9021）" in draft.body and "已出具，待领取" in draft.body
    assert draft.body.count("\n") == 2  # three paragraphs, no empty ones
    assert KINDS.compose("criminal_record_application", _plain(make_id_number(900))) is None
    assert KINDS.compose("case_record", _plain(make_id_number(900))) is None  # composed from cases, elsewhere


@pytest.mark.parametrize(("text", "message"), [
    ("[case_record\n", "certificate kinds file .*kinds.toml: Expected"),
    (GOOD_CASE_KINDS.replace('source = "cases"\n[case_completion]', '[case_completion]'),
     "kind 'case_record': source must name"),
    (GOOD_CASE_KINDS.split("[case_completion]")[0], "case_completion missing"),
    (GOOD_CASE_KINDS + '[pension]\ntitle = { zh = "养老" }\nsource = "cases"\n', "kind 'pension': title must be"),
    (GOOD_CASE_KINDS + '[pension]\ntitle = { zh = "养老", en = "Pension" }\nsource = "cases"\n',
     "source 'cases' composes only"),
    (GOOD_CASE_KINDS + '[pension]\ntitle = { zh = "养老", en = "Pension" }\nsource = "central.sources.nowhere"\n'
     'subject = { zh = "x", en = "x" }\ntemplate = "x"\n', "does not import"),
    (GOOD_CASE_KINDS + '[pension]\ntitle = { zh = "养老", en = "Pension" }\nsource = "central.certificates"\n'
     'subject = { zh = "x", en = "x" }\ntemplate = "x"\n', "needs FIELDS and open_source"),
    (GOOD_CASE_KINDS + '[pension]\ntitle = { zh = "养老", en = "Pension" }\nsource = "central.sources.housing_fund"\n'
     'subject = { zh = "{employer}", en = "x" }\ntemplate = "{holder} {salary}"\n', r"uses \{salary\}"),
    (GOOD_CASE_KINDS + '[pension]\ntitle = { zh = "养老", en = "Pension" }\nsource = "central.sources.housing_fund"\n'
     'subject = { zh = "{holder}", en = "x" }\ntemplate = "{holder}"\n', r"subject uses \{holder\}"),
    (GOOD_CASE_KINDS + '[pension]\ntitle = { zh = "养老", en = "Pension" }\nsource = "central.sources.housing_fund"\n'
     'subject = { zh = "x", en = "x" }\ntemplate = "{holder"\n', "template: "),
])
def test_broken_file_is_a_clear_error(tmp_path, text, message):
    with pytest.raises(KindsError, match=message):
        load(_file(tmp_path, text), _plain)


def test_broken_file_stops_the_app_at_start_not_on_a_request(tmp_path):
    broken = _file(tmp_path, GOOD_CASE_KINDS.split("[case_completion]")[0])
    store = CentralStore(tmp_path / "central.sqlite3")
    try:
        with pytest.raises(KindsError, match="case_completion missing"):
            create_app(store, kinds=load(broken, _plain))
    finally:
        store.close()


def test_serve_refuses_a_broken_kinds_file_in_one_line(tmp_path, capsys):
    broken = _file(tmp_path, "[case_record\n")
    assert cli_main(["serve", "--db", str(tmp_path / "c.sqlite3"), "--certificate-kinds", str(broken)]) == 2
    err = capsys.readouterr().err
    assert "kinds.toml" in err and "Traceback" not in err and not (tmp_path / "c.sqlite3").exists()


def test_serve_refuses_half_a_seal(tmp_path, capsys):
    assert cli_main(["serve", "--db", str(tmp_path / "c.sqlite3"), "--seal-cert", str(tmp_path / "x.pem")]) == 2
    assert "--seal-cert and --seal-key go together" in capsys.readouterr().err
