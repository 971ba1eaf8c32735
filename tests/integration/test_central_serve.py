"""`kiosk central serve` as a real process: a terminal added by CLI syncs to it; the catalog has an ETag."""

import json
import signal
import subprocess
import sys

from offline_queue.client import CentralClient
from protocol.signing import read_secret
from offline_queue.worker import SyncWorker
from tests.conftest import REPO
from tests.helpers.central import TERMINAL, free_port, invented_applicant, make_store, wait_for_port


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "central.cli", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=60)


def test_serve_add_terminal_sync_set_status(tmp_path, central_db):
    db = central_db.cli()
    secret_file = tmp_path / "terminal.secret"
    assert _cli("add-terminal", TERMINAL, *db, "--secret-file", str(secret_file)).returncode == 0
    catalog = tmp_path / "catalog.json"
    catalog.write_text(json.dumps({"version": 3, "items": [{"code": "gjj.withdraw"}]}))
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "central.cli", "serve", "--port", str(port), *db,
                               "--catalog", str(catalog)], cwd=REPO, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        wait_for_port(port, server)
        client = CentralClient(f"http://127.0.0.1:{port}", TERMINAL, read_secret(secret_file), timeout=5,
                               allow_plain_http_loopback=True)
        store = make_store(tmp_path)
        made = store.enqueue_submission("gjj.withdraw", {}, invented_applicant(1))
        SyncWorker(store, client).sync_once()
        assert store.lookup(made.tracking).state == "acknowledged"

        done = _cli("set-status", made.tracking, "审核中", *db)
        assert done.returncode == 0, done.stderr
        assert client.case(made.tracking)["status"] == "reviewing"

        etag, body = client.catalog(max_bytes=1_000_000)
        assert json.loads(body)["version"] == 3 and etag
        assert client.catalog(etag, max_bytes=1_000_000) is None  # 304: unchanged
        listed = _cli("terminals", *db).stdout
        assert json.loads(listed.splitlines()[0])["id"] == TERMINAL and "last_heartbeat" in listed
        client.close()
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(15)


def test_serve_refuses_missing_catalog_with_one_line(tmp_path):
    done = _cli("serve", "--db", str(tmp_path / "c.sqlite3"), "--catalog", str(tmp_path / "none.json"))
    assert done.returncode == 2 and done.stderr.strip().startswith("kiosk central:")
    assert "Traceback" not in done.stderr
