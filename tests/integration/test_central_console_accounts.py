"""Console accounts from the command line (`kiosk central add-staff / disable-staff / staff`, each its own process)
on SQLite and PostgreSQL, then used through `kiosk central serve` over TLS: the session cookie is Secure there, and
serve's --heartbeat-interval / --stale-after reach the console's fleet flags."""

from __future__ import annotations

import getpass
import json
import re
import ssl
import subprocess
import sys

import httpx

from tests.conftest import REPO
from tests.helpers.browser import wait_until
from tests.helpers.central import free_port, wait_for_port
from tests.helpers.console import csrf_in
from tests.helpers.tls import make_ca, make_server_cert

FIRST, SECOND = "first password 123", "second password 456"  # invented


def _cli(central_db, *argv: str, stdin=subprocess.DEVNULL) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "central.cli", *argv, *central_db.cli()], cwd=REPO, stdin=stdin,
                          capture_output=True, text=True, timeout=120)


def _login(http: httpx.Client, username: str, password: str) -> httpx.Response:
    http.cookies.clear()
    form = http.get("/console/login")
    return http.post("/console/login", data={"csrf": csrf_in(form.text), "username": username, "password": password})


def test_staff_accounts_from_the_command_line_then_over_tls(tmp_path, central_db):
    first, second, weak = tmp_path / "first.txt", tmp_path / "second.txt", tmp_path / "weak.txt"
    first.write_text(FIRST + "\n")
    second.write_text(SECOND + "\n")
    weak.write_text("short\n")
    made = _cli(central_db, "add-staff", "Hall.Lead", "--role", "manager", "--password-file", str(first))
    assert made.returncode == 0 and "staff account hall.lead (manager) created" in made.stdout, made.stderr
    assert _cli(central_db, "add-staff", "tech1", "--role", "technician", "--password-file",
                str(first)).returncode == 0
    [(stored,)] = central_db.rows("SELECT password_hash FROM staff WHERE username='hall.lead'")
    assert stored.startswith("$argon2id$") and FIRST not in stored
    again = _cli(central_db, "add-staff", "hall.lead", "--role", "manager", "--password-file", str(first))
    assert again.returncode == 2 and "exists already" in again.stderr
    too_weak = _cli(central_db, "add-staff", "newbie", "--role", "officer", "--password-file", str(weak))
    assert too_weak.returncode == 2 and "at least 10 characters" in too_weak.stderr
    no_tty = _cli(central_db, "add-staff", "newbie", "--role", "officer")
    assert no_tty.returncode == 2 and "give --password-file" in no_tty.stderr
    bad_role = _cli(central_db, "add-staff", "newbie", "--role", "boss", "--password-file", str(first))
    assert bad_role.returncode == 2 and "invalid choice" in bad_role.stderr
    reset = _cli(central_db, "add-staff", "hall.lead", "--role", "auditor", "--reset", "--password-file", str(second))
    assert reset.returncode == 0 and "reset" in reset.stdout
    assert _cli(central_db, "disable-staff", "tech1").returncode == 0
    assert _cli(central_db, "disable-staff", "nobody").returncode == 1
    listing = [json.loads(line) for line in _cli(central_db, "staff").stdout.splitlines()]
    assert [(a["username"], a["role"], a["disabled_at"] is not None) for a in listing] == [
        ("hall.lead", "auditor", False), ("tech1", "technician", True)]
    operator = f"cli:{getpass.getuser()}"
    assert central_db.rows("SELECT actor, action, target FROM staff_audit ORDER BY id") == [
        (operator, "staff.add", "staff:hall.lead"), (operator, "staff.add", "staff:tech1"),
        (operator, "staff.reset", "staff:hall.lead"), (operator, "staff.disable", "staff:tech1")]

    assert _cli(central_db, "add-terminal", "SIM-0601", "--site", "HALL-T").returncode == 0  # never beats
    ca = make_ca(tmp_path, "console-ca")
    cert = make_server_cert(tmp_path, ca)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "central.cli", "serve", "--port", str(port), *central_db.cli(),
                               "--tls-cert", str(cert.cert_file), "--tls-key", str(cert.key_file),
                               "--heartbeat-interval", "1", "--stale-after", "1"], cwd=REPO)
    tls = ssl.create_default_context(cafile=str(ca.cert_file))
    try:
        wait_for_port(port, server)
        with httpx.Client(base_url=f"https://127.0.0.1:{port}", verify=tls, follow_redirects=False) as http:
            assert _login(http, "hall.lead", FIRST).status_code == 401  # the old password went with the reset
            disabled = _login(http, "tech1", FIRST)
            assert disabled.status_code == 403 and "此账户已停用" in disabled.text
            answer = _login(http, "hall.lead", SECOND)
            assert answer.status_code == 303 and answer.headers["location"] == "/console/audit"
            cookie = answer.headers["set-cookie"].lower()
            assert "; secure" in cookie and "httponly" in cookie and "samesite=strict" in cookie
            # registered and silent since: stale after one missed 1-second interval (60 s by default)
            wait_until(lambda: re.search(r'data-terminal="SIM-0601".*?data-flag="stale"',
                                         http.get("/console/fleet").text, re.S), what="SIM-0601 flagged stale")
    finally:
        server.terminate()
        server.wait(15)
