"""`kiosk central add-calling-token SITE --out FILE`: the token it writes opens that site's calling-system API (real
HTTP on 127.0.0.1) and no other site's; a path that cannot be written makes no token."""

import httpx

from central import tickets
from central.cli import cli_main
from central.storage import CentralStore
from tests.helpers.central import CentralServer


def test_the_written_token_reads_its_sites_tickets_only(tmp_path, central_db, capsys):
    out = tmp_path / "hall-1.token"
    assert cli_main(["add-calling-token", "HALL-1", "--out", str(out), *central_db.cli()]) == 0
    said = capsys.readouterr()
    assert str(out) in said.out and "no registered terminal" in said.err
    token = out.read_text().strip()
    assert (out.stat().st_mode & 0o777) == 0o600 and len(token) >= 40 and token not in said.out + said.err
    server = CentralServer(central_db).start()
    try:
        auth = {"Authorization": f"Bearer {token}"}
        ok = httpx.get(f"{server.url}/hall/v1/sites/HALL-1/tickets", headers=auth)
        assert ok.status_code == 200 and ok.json() == {"tickets": [], "next": 0}
        assert httpx.get(f"{server.url}/hall/v1/sites/HALL-2/tickets", headers=auth).status_code == 403
    finally:
        server.stop()


def test_without_out_the_token_is_printed_once(central_db, capsys):
    assert cli_main(["add-calling-token", "HALL-1", *central_db.cli()]) == 0
    printed = capsys.readouterr().out.strip()
    store = CentralStore(central_db.target, keys_dir=central_db.keys_dir)
    try:
        assert tickets.token_site(store, printed) == "HALL-1"
    finally:
        store.close()


def test_bad_site_or_unwritable_out_makes_no_token(tmp_path, central_db, capsys):
    assert cli_main(["add-calling-token", "", *central_db.cli()]) == 2
    assert "needs a site" in capsys.readouterr().err
    missing = tmp_path / "no-such-folder" / "t.token"
    assert cli_main(["add-calling-token", "HALL-1", "--out", str(missing), *central_db.cli()]) == 1
    assert "cannot write --out" in capsys.readouterr().err
    assert central_db.rows("SELECT COUNT(*) FROM calling_tokens") == [(0,)]


def test_revoked_tokens_stop_at_once_and_other_sites_keep_theirs(central_db, capsys):
    assert cli_main(["add-calling-token", "HALL-1", *central_db.cli()]) == 0
    leaked = capsys.readouterr().out.strip()
    assert cli_main(["add-calling-token", "HALL-2", *central_db.cli()]) == 0
    kept = capsys.readouterr().out.strip()
    server = CentralServer(central_db).start()
    try:
        url = f"{server.url}/hall/v1/sites/HALL-1/tickets"
        assert httpx.get(url, headers={"Authorization": f"Bearer {leaked}"}).status_code == 200
        assert cli_main(["revoke-calling-tokens", "HALL-1", *central_db.cli()]) == 0
        assert "1 calling-system token(s) of site HALL-1 revoked" in capsys.readouterr().out
        assert httpx.get(url, headers={"Authorization": f"Bearer {leaked}"}).status_code == 403
        other = httpx.get(f"{server.url}/hall/v1/sites/HALL-2/tickets", headers={"Authorization": f"Bearer {kept}"})
        assert other.status_code == 200
    finally:
        server.stop()
    assert cli_main(["revoke-calling-tokens", "", *central_db.cli()]) == 2
