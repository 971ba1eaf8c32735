"""A man in the middle (its own process on 127.0.0.1) between the kiosk's real queue, sync worker and client and a
real central: forged, rewritten and unsigned answers are refused and logged, and nothing is settled or purged."""

import logging
import subprocess
import sys

import pytest

from kiosk.submissions import Submissions
from offline_queue.client import CentralClient
from offline_queue.errors import CentralError
from offline_queue.worker import SyncWorker
from protocol import signing
from tests.conftest import REPO
from tests.helpers.central import TERMINAL, central, free_port, invented_applicant, make_store, wait_for_port  # noqa: F401
from tests.helpers.mitm import running_mitm, stats

REFUSED = "answer from central failed verification"
# a retry delay of next to nothing, so each round finds the postponed records due (no waiting in tests)
DUE_AGAIN_AT_ONCE = {"backoff_base": 1e-9, "backoff_cap": 1e-9}


def _client(url: str, secret: str, **kw) -> CentralClient:
    return CentralClient(url, TERMINAL, secret, timeout=10, allow_plain_http_loopback=True, **kw)


def _warnings(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records
            if r.levelno == logging.WARNING and r.name == "offline_queue.client" and REFUSED in r.getMessage()]


def test_forged_acceptance_settles_and_purges_nothing(tmp_path, central, caplog):  # noqa: F811
    caplog.set_level(logging.WARNING)
    store = make_store(tmp_path, retention_days=0)  # an acknowledged record would lose its personal data at once
    made = [store.enqueue_submission("gjj.withdraw", {"i": i}, invented_applicant(i)) for i in range(5)]
    with running_mitm(central.port, "accept_unsent") as url:
        worker = SyncWorker(store, _client(url, central.secret), **DUE_AGAIN_AT_ONCE)
        for _ in range(3):
            worker.sync_once()
        depth = store.stats().depth
        assert depth["acknowledged"] == depth["purged"] == 0 and depth["pending"] == 5
        assert stats(url)["forged"] == 3
    assert central.store.counts()["cases"] == 0  # central never got them, and the kiosk still holds them all
    assert all(store.lookup(m.tracking).case_number is None for m in made)
    st = worker.status()
    assert st.link == "offline" and REFUSED in st.last_error
    assert len(_warnings(caplog)) == 3  # once per forged answer
    # the man in the middle gone, the same records land at central, exactly once each
    direct = SyncWorker(store, _client(central.url, central.secret))
    direct.sync_once()
    assert central.store.counts()["cases"] == 5
    assert all(store.lookup(m.tracking).case_number == central.store.case(m.tracking)["case_number"] for m in made)


def test_stripped_signature_settles_nothing_until_central_answers_again(tmp_path, central, caplog):  # noqa: F811
    caplog.set_level(logging.WARNING)
    store = make_store(tmp_path)
    made = [store.enqueue_submission("gjj.withdraw", {}, invented_applicant(i)) for i in range(3)]
    with running_mitm(central.port, "strip_signature") as url:
        worker = SyncWorker(store, _client(url, central.secret), **DUE_AGAIN_AT_ONCE)
        worker.sync_once()
        assert stats(url)["stripped"] >= 1
    assert central.store.counts()["cases"] == 3  # central did take them: only its answer was unsigned
    assert store.stats().depth["acknowledged"] == 0 and "answer is not signed" in worker.status().last_error
    assert _warnings(caplog)
    SyncWorker(store, _client(central.url, central.secret)).sync_once()  # central answers "duplicate", signed
    assert all(store.lookup(m.tracking).state == "acknowledged" for m in made)
    assert central.store.counts()["cases"] == 3


def test_forged_case_status_is_never_shown(tmp_path, central, caplog):  # noqa: F811
    caplog.set_level(logging.WARNING)
    store = make_store(tmp_path)
    done = store.enqueue_submission("gjj.withdraw", {}, invented_applicant(7))
    SyncWorker(store, _client(central.url, central.secret)).sync_once()
    assert central.store.case(done.tracking)["status"] == "received"
    with running_mitm(central.port, "forge_status") as url:
        client = _client(url, central.secret)
        with pytest.raises(CentralError) as caught:
            client.case(done.tracking)
        assert caught.value.transient and REFUSED in str(caught.value)
        # what a citizen asking at the terminal sees: this terminal's own record, labelled local, not "completed"
        shown = Submissions(store, client, SyncWorker(store, client)).progress(done.tracking)
        assert (shown.source, shown.status) == ("local", "received")
        assert stats(url)["forged"] == 2
    assert len(_warnings(caplog)) == 2


def test_a_wrong_secret_cannot_pass_central_answers_off_as_verified(tmp_path, central):  # noqa: F811
    """Answers are MACed with the terminal's secret: a client holding another secret refuses them all."""
    store = make_store(tmp_path)
    store.enqueue_submission("gjj.withdraw", {}, invented_applicant(8))
    claimed = store.claim(10)
    items = [{"id": c.id, "seq": c.seq, "kind": c.kind, "body": c.body} for c in claimed]
    genuine = _client(central.url, central.secret)
    assert genuine.submit_batch(items)[0]["result"] == "accepted"
    r = genuine._http.get("/v1/terminals")  # the raw answer: signed for this request's nonce
    assert signing.check_answer(r.status_code, r.request.headers[signing.NONCE], r.content,
                                r.headers[signing.ANSWER_SIGNATURE], terminal=TERMINAL,
                                secret=central.secret) is None
    assert signing.check_answer(r.status_code, "0" * 32, r.content, r.headers[signing.ANSWER_SIGNATURE],
                                terminal=TERMINAL, secret=central.secret) == "answer signature does not match"


def test_central_as_its_own_process_signs_refusals_it_can(tmp_path, central_db):
    """A known terminal's refused request (stale clock) gets a signed 401 the kiosk can trust; an unknown terminal
    gets an unsigned one, and the kiosk says it could not verify it."""
    secret_file = tmp_path / "terminal.secret"
    subprocess.run([sys.executable, "-m", "central.cli", "add-terminal", TERMINAL, *central_db.cli(), "--secret-file",
                    str(secret_file)], cwd=REPO, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "central.cli", "serve", "--port", str(port), *central_db.cli()],
                              cwd=REPO)
    try:
        wait_for_port(port, server)
        url, secret = f"http://127.0.0.1:{port}", signing.read_secret(secret_file)
        late = _client(url, secret, clock=lambda: 1_000_000_000.0)
        with pytest.raises(CentralError) as caught:
            late.heartbeat({"at": 1.0, "depth": {}})
        assert "stale_timestamp" in str(caught.value) and "not verifiable" not in str(caught.value)
        stranger = CentralClient(url, "SIM-9999", secret, timeout=10, allow_plain_http_loopback=True)
        with pytest.raises(CentralError) as caught:
            stranger.heartbeat({"at": 1.0, "depth": {}})
        assert "unknown_terminal" in str(caught.value) and "not verifiable" in str(caught.value)
    finally:
        server.terminate()
        server.wait(15)
