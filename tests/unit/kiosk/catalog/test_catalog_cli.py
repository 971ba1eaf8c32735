"""`kiosk catalog` command line: one-line errors, exit codes 0/1/2."""

import json
import zipfile

import pytest

from kiosk.catalog.cli import cli_main
from tests.helpers.catalog import SHIPPED, copy_shipped, replace_in


def test_check_ok(capsys):
    assert cli_main(["check", str(SHIPPED)]) == 0
    assert capsys.readouterr().out.startswith("OK: ")


def test_check_names_the_fault(tmp_path, capsys):
    d = copy_shipped(tmp_path / "c")
    replace_in(d / "items" / "tax.toml", 'code = "NS-003"', 'code = "NS-3"')
    assert cli_main(["check", str(d)]) == 1
    err = capsys.readouterr().err
    assert "items/tax.toml: item NS-3: code:" in err and "Traceback" not in err


def test_search_show_and_missing_item(capsys):
    assert cli_main(["search", "sfz", "--dir", str(SHIPPED), "--limit", "3"]) == 0
    assert "身份证" in capsys.readouterr().out
    assert cli_main(["show", "GJ-001", "--dir", str(SHIPPED)]) == 0
    assert "【需要带的材料】" in capsys.readouterr().out
    assert cli_main(["show", "XX-999", "--dir", str(SHIPPED)]) == 1
    assert capsys.readouterr().err.strip() == "kiosk catalog: no item 'XX-999'"


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as e:
        cli_main(["frobnicate"])
    assert e.value.code == 2 and len(capsys.readouterr().err.strip().splitlines()) == 1


def test_bundle_and_tickets(tmp_path, capsys):
    out = tmp_path / "b.zip"
    assert cli_main(["bundle", str(SHIPPED), "-o", str(out), "--format", "zip"]) == 0
    assert capsys.readouterr().out.startswith("wrote ")
    assert "catalog.toml" in zipfile.ZipFile(out).namelist()
    out = tmp_path / "catalog.json"
    assert cli_main(["bundle", str(SHIPPED), "-o", str(out)]) == 0
    capsys.readouterr()
    assert len(json.loads(out.read_text(encoding="utf-8"))["item"]) >= 60
    db = str(tmp_path / "t.sqlite3")
    assert cli_main(["ticket", "take", "b", "--db", db]) == 0
    assert capsys.readouterr().out.split()[0] == "B001"
    assert cli_main(["ticket", "waiting", "B", "--db", db]) == 0
    assert capsys.readouterr().out.strip() == "1"
