"""`kiosk catalog` command line: one-line errors, exit codes 0/1/2."""

import zipfile

import pytest

from kiosk.catalog.cli import cli_main
from kiosk.catalog.updates import CatalogStore
from tests.helpers.catalog import SHIPPED, copy_shipped, replace_in, set_version


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


def test_keygen_bundle_and_tickets(tmp_path, capsys):
    keys = tmp_path / "keys"
    assert cli_main(["keygen", "--out", str(keys)]) == 0
    out = capsys.readouterr().out
    public = (keys / "catalog-signing.pub").read_text(encoding="ascii").strip()
    assert f'update_public_keys = ["{public}"]' in out
    assert (keys / "catalog-signing.key").stat().st_mode & 0o777 == 0o600
    assert cli_main(["keygen", "--out", str(keys)]) == 1  # an existing key is never overwritten
    assert "File exists" in capsys.readouterr().err

    newer = copy_shipped(tmp_path / "newer")
    set_version(newer, "2099.5.1")
    bundle = tmp_path / "b.zip"
    assert cli_main(["bundle", str(newer), "-o", str(bundle), "--signing-key", str(keys / "catalog-signing.key")]) == 0
    assert capsys.readouterr().out.startswith("wrote ")
    assert {"catalog.toml", "bundle.sig"} <= set(zipfile.ZipFile(bundle).namelist())
    store = CatalogStore(SHIPPED, tmp_path / "updates", public_keys=[public])
    assert store.install(bundle.read_bytes()).version == "2099.5.1"

    replace_in(newer / "items" / "tax.toml", 'code = "NS-003"', 'code = "NS-3"')
    assert cli_main(["bundle", str(newer), "-o", str(bundle), "--signing-key", str(keys / "catalog-signing.key")]) == 1
    assert "items/tax.toml: item NS-3: code:" in capsys.readouterr().err  # never sign what kiosks would refuse
    assert cli_main(["bundle", str(SHIPPED), "-o", str(bundle), "--signing-key", str(keys / "catalog-signing.pub")]) == 1
    assert "not a usable private key" in capsys.readouterr().err

    db = str(tmp_path / "t.sqlite3")
    assert cli_main(["ticket", "take", "b", "--db", db]) == 0
    assert capsys.readouterr().out.split()[0] == "B001"
    assert cli_main(["ticket", "waiting", "B", "--db", db]) == 0
    assert capsys.readouterr().out.strip() == "1"
