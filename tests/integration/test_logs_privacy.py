"""A citizen's visit through a real central with the kiosk's logging at INFO: the log names no ID number, no ID hash
and no whole tracking number."""

from __future__ import annotations

import logging
import re

import pytest

from kiosk import logs
from kiosk.certificates import Certificates
from kiosk.presence import Citizen
from kiosk.submissions import Submissions
from offline_queue.client import CentralClient
from offline_queue.worker import SyncWorker
from protocol.masking import mask_tracking
from tests.helpers.central import TERMINAL, CentralServer, invented_applicant, make_store
from tests.helpers.legacy_central import bare_sha256

FACE = {"decision": "match", "score": 0.4, "threshold": 0.6, "attempts": 1}


@pytest.fixture
def kiosk_logging(tmp_path):
    """The kiosk's own logging set-up (file and stderr, redacted) at INFO; pytest's handlers come back after."""
    root = logging.getLogger()
    saved = (list(root.handlers), root.level,
             {name: logging.getLogger(name).level for name in ("httpx", "httpcore")})
    log_file = logs.setup(tmp_path / "log", "INFO")
    yield log_file
    for h in list(root.handlers):
        root.removeHandler(h)
        h.close()
    for h in saved[0]:
        root.addHandler(h)
    root.setLevel(saved[1])
    for name, level in saved[2].items():
        logging.getLogger(name).setLevel(level)


def test_submission_progress_and_certificate_leave_no_identifier_in_the_log(tmp_path, kiosk_logging, capsys):
    server = CentralServer(tmp_path / "central.sqlite3").start()
    person = invented_applicant(81)
    try:
        secret = server.add_terminal()
        other_secret = server.add_terminal("SIM-0002")
        store = make_store(tmp_path / "kiosk")
        client = CentralClient(server.url, TERMINAL, secret, timeout=10, allow_plain_http_loopback=True)
        uc = Submissions(store, client, SyncWorker(store, client, interval=60))
        done = uc.submit("JZ-001", {"phone": "13800138000"}, person)
        uc.worker.sync_once()
        server.store.set_status(done.tracking, "completed")
        assert uc.progress(done.tracking).source == "central"
        citizen = Citizen(person["id_number"], "idcard", FACE)
        assert [p.tracking for p in uc.progress_by_id_number(citizen)] == [done.tracking]
        service = Certificates(client)
        issued = service.issue(citizen, service.offers(citizen)[1])
        # a lookup from another terminal, and a line of our own that names the number
        other = CentralClient(server.url, "SIM-0002", other_secret, timeout=10, allow_plain_http_loopback=True)
        assert other.case(done.tracking)["status"] == "completed"
        other.close()
        logging.getLogger("kiosk.test").info("receipt for %s printed", done.tracking)
        uc.close()
    finally:
        server.stop()
    for h in logging.getLogger().handlers:
        h.flush()
    written = kiosk_logging.read_text(encoding="utf-8") + capsys.readouterr().err
    keyed = server.store.id_hash(person["id_number"])
    assert mask_tracking(done.tracking) in written  # the line is there, the number masked
    assert "HTTP Request" not in written  # httpx's request lines (whole URLs) stay below WARNING
    for secret_text in (person["id_number"], bare_sha256(person["id_number"]), keyed, done.tracking,
                        issued.verify_code, person["name"]):
        assert secret_text not in written
    assert not re.search(r"\b[0-9a-f]{64}\b", written)  # no hash that could stand for a person
