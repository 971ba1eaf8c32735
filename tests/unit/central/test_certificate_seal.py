"""The electronic seal: a generated test CA, a PAdES signature pyHanko validates, and what breaks it."""

import logging
import os
import stat
import subprocess

import pytest

from central.certificate_pdf import render
from central.certificate_seal import DepartmentSeal, SealError, make_test_ca
from central.cli import cli_main
from tests.helpers.certificates import PAGE, signature_status


@pytest.fixture(scope="module")
def ca(tmp_path_factory):
    return make_test_ca(tmp_path_factory.mktemp("ca"), "示范市政务服务中心")


@pytest.fixture(scope="module")
def sealed(ca):
    return DepartmentSeal(ca["cert"], ca["key"]).sign(render(PAGE))


def test_signature_validates_against_the_test_ca(sealed, ca):
    status = signature_status(sealed, ca["ca"])
    assert status.intact and status.valid and status.trusted and status.bottom_line
    assert status.coverage.name == "ENTIRE_FILE"
    assert "示范市政务服务中心" in status.signing_cert.subject.human_friendly


def test_pades_subfilter(sealed):
    assert b"/ETSI.CAdES.detached" in sealed


def test_changed_bytes_fail_validation(sealed, ca):
    judged = 0
    for where in (200, len(sealed) // 3, len(sealed) // 2 - 10):
        tampered = bytearray(sealed)
        tampered[where] ^= 0x01
        try:
            status = signature_status(bytes(tampered), ca["ca"])
        except Exception:  # a PDF too broken to read does not validate either
            continue
        judged += 1
        assert not status.bottom_line and not status.intact
    assert judged  # at least one change left a readable PDF whose signature the validator refused


def test_another_reader_agrees(sealed, tmp_path):
    """poppler's pdfsig, an implementation that is not pyHanko, checks the same signature."""
    good, bad = tmp_path / "good.pdf", tmp_path / "bad.pdf"
    good.write_bytes(sealed)
    tampered = bytearray(sealed)
    tampered[len(sealed) // 3] ^= 0x01
    bad.write_bytes(bytes(tampered))
    said = subprocess.run(["pdfsig", str(good)], capture_output=True, text=True, timeout=60).stdout
    assert "Signature is Valid." in said and "ETSI.CAdES.detached" in said and "Total document signed" in said
    said = subprocess.run(["pdfsig", str(bad)], capture_output=True, text=True, timeout=60).stdout
    assert "Signature is Valid." not in said


def test_another_ca_is_not_trusted(sealed, tmp_path):
    other = make_test_ca(tmp_path / "other", "别的机构")
    status = signature_status(sealed, other["ca"])
    assert status.intact and not status.trusted and not status.bottom_line


def test_key_is_private_and_ca_key_is_not_kept(ca):
    assert stat.S_IMODE(os.stat(ca["key"]).st_mode) == 0o600
    assert sorted(p.name for p in ca["ca"].parent.iterdir()) == ["ca.pem", "department.key", "department.pem"]


def test_key_readable_by_others_is_refused(ca, tmp_path):
    loose = tmp_path / "loose.key"
    loose.write_bytes(ca["key"].read_bytes())
    loose.chmod(0o644)
    with pytest.raises(SealError, match="chmod 600"):
        DepartmentSeal(ca["cert"], loose)


def test_unusable_files_are_a_clear_error(ca, tmp_path):
    with pytest.raises(SealError, match="cannot load the seal"):
        DepartmentSeal(tmp_path / "missing.pem", ca["key"])
    garbage = tmp_path / "garbage.key"
    garbage.write_bytes(b"not a key")
    garbage.chmod(0o600)
    with pytest.raises(SealError, match="cannot load the seal"):
        DepartmentSeal(ca["cert"], garbage)


def test_make_test_ca_command(tmp_path, capsys):
    assert cli_main(["make-test-ca", str(tmp_path / "seal"), "--department", "示范市政务服务中心"]) == 0
    out = capsys.readouterr().out
    assert "--seal-cert" in out and stat.S_IMODE(os.stat(tmp_path / "seal" / "department.key").st_mode) == 0o600
    DepartmentSeal(tmp_path / "seal" / "department.pem", tmp_path / "seal" / "department.key")


def test_a_central_without_a_seal_says_so_at_start(tmp_path, caplog, ca):
    from central.app import create_app
    from central.storage import CentralStore

    store = CentralStore(tmp_path / "central.sqlite3")
    try:
        with caplog.at_level(logging.WARNING, logger="central.app"):
            create_app(store)
        assert "UNSIGNED" in caplog.text
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="central.app"):
            create_app(store, seal=DepartmentSeal(ca["cert"], ca["key"]))
        assert "UNSIGNED" not in caplog.text
    finally:
        store.close()
