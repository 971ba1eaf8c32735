"""`kiosk central` commands through cli_main: terminals, secrets, status changes, usage errors."""

from datetime import date

import pytest

from central.cli import cli_main
from central.storage import CentralStore
from protocol import tracking
from tests.helpers.central import TERMINAL, invented_applicant


def test_add_terminal_writes_secret_and_lists_it(tmp_path, central_db, capsys):
    secret_file = tmp_path / "var" / "terminal.secret"
    assert cli_main(["add-terminal", TERMINAL, *central_db.cli(), "--secret-file", str(secret_file)]) == 0
    assert (secret_file.stat().st_mode & 0o777) == 0o600 and len(secret_file.read_text().strip()) == 64
    assert cli_main(["terminals", *central_db.cli()]) == 0
    assert f'"id": "{TERMINAL}"' in capsys.readouterr().out


def test_set_status_in_chinese_or_english(central_db, capsys):
    db = central_db.cli()
    number = tracking.issue(TERMINAL, date(2026, 4, 1), 1)
    s = CentralStore(central_db.target, keys_dir=central_db.keys_dir)
    s.accept_batch(TERMINAL, [{"id": "X", "seq": 1, "kind": "submission", "body": {
        "tracking": number, "service_code": "gjj.withdraw", "applicant": invented_applicant(1)}}])
    s.close()
    assert cli_main(["set-status", number.lower(), "办结", *db]) == 0
    assert "办结" in capsys.readouterr().out
    assert cli_main(["set-status", number, "returned", *db]) == 0
    assert cli_main(["set-status", number, "lost", *db]) == 2
    assert "unknown status" in capsys.readouterr().err
    assert cli_main(["set-status", "SIM-0001-20260401-000099-0", "办结", *db]) == 1


@pytest.mark.parametrize("argv", [[], ["fly"], ["serve", "--port", "x"]])
def test_usage_errors_exit_2_with_one_line(argv, capsys):
    assert cli_main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err and err[-1].startswith("kiosk central:") and "Traceback" not in "".join(err)


def test_help_exits_0(capsys):
    assert cli_main(["--help"]) == 0
    assert "serve" in capsys.readouterr().out


def test_unreadable_database_is_one_line(tmp_path, capsys):
    bad = tmp_path / "c.sqlite3"
    bad.write_bytes(b"not a database" * 100)
    assert cli_main(["terminals", "--db", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kiosk central: cannot open") and "Traceback" not in err


def test_migrate_brings_the_schema_to_the_newest_revision(central_db, capsys):
    from central import migrate

    assert cli_main(["migrate", *central_db.cli()]) == 0
    assert capsys.readouterr().out.strip().endswith(f"revision {migrate.head()}")
    assert cli_main(["migrate", *central_db.cli()]) == 0  # again: nothing to do, same answer


def test_sites_are_set_at_registration_kept_on_rekey_and_moved(central_db, capsys):
    db = central_db.cli()
    assert cli_main(["add-terminal", TERMINAL, "--site", "HALL-01", *db]) == 0
    assert cli_main(["add-terminal", TERMINAL, *db]) == 0  # a new secret, same place
    s = CentralStore(central_db.target, keys_dir=central_db.keys_dir)
    assert s.terminals(TERMINAL)[0]["site"] == "HALL-01"
    s.close()
    assert cli_main(["set-site", TERMINAL, "VILLAGE-07", *db]) == 0
    assert cli_main(["fleet", *db]) == 0
    assert "site VILLAGE-07" in capsys.readouterr().out
    assert cli_main(["set-site", "SIM-9999", "HALL-01", *db]) == 1
    assert "no terminal SIM-9999" in capsys.readouterr().err
    assert cli_main(["set-site", TERMINAL, "x" * 65, *db]) == 2
