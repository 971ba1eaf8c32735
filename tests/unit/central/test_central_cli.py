"""`kiosk central` commands through cli_main: terminals, secrets, status changes, usage errors."""

from datetime import date

import pytest

from central.cli import cli_main
from central.storage import CentralStore
from protocol import tracking
from tests.helpers.central import TERMINAL, invented_applicant


def test_add_terminal_writes_secret_and_lists_it(tmp_path, capsys):
    db = str(tmp_path / "c.sqlite3")
    secret_file = tmp_path / "var" / "terminal.secret"
    assert cli_main(["add-terminal", TERMINAL, "--db", db, "--secret-file", str(secret_file)]) == 0
    assert (secret_file.stat().st_mode & 0o777) == 0o600 and len(secret_file.read_text().strip()) == 64
    assert cli_main(["terminals", "--db", db]) == 0
    assert f'"id": "{TERMINAL}"' in capsys.readouterr().out


def test_set_status_in_chinese_or_english(tmp_path, capsys):
    db = tmp_path / "c.sqlite3"
    number = tracking.issue(TERMINAL, date(2026, 4, 1), 1)
    s = CentralStore(db)
    s.accept_batch(TERMINAL, [{"id": "X", "seq": 1, "kind": "submission", "body": {
        "tracking": number, "service_code": "gjj.withdraw", "applicant": invented_applicant(1)}}])
    s.close()
    assert cli_main(["set-status", number.lower(), "办结", "--db", str(db)]) == 0
    assert "办结" in capsys.readouterr().out
    assert cli_main(["set-status", number, "returned", "--db", str(db)]) == 0
    assert cli_main(["set-status", number, "lost", "--db", str(db)]) == 2
    assert "unknown status" in capsys.readouterr().err
    assert cli_main(["set-status", "SIM-0001-20260401-000099-0", "办结", "--db", str(db)]) == 1


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
