"""A worker checks requests with the terminal secret it read before, and the database has the last word: a terminal
re-keyed through another process is checked with its new secret, its old one stops working, nothing is spent twice."""

import asyncio
import time

import pytest

from central import auth, bodies
from central.storage import CentralStore, SecretChanged
from protocol import signing
from tests.helpers.central import TERMINAL

PATH = "/v1/heartbeat"


@pytest.fixture
def stores(central_db):
    """Two processes' stores on one database: `worker` answers requests, `admin` re-keys terminals."""
    worker = CentralStore(central_db.target, keys_dir=central_db.keys_dir)
    admin = CentralStore(central_db.target, keys_dir=central_db.keys_dir)
    yield worker, admin
    worker.close()
    admin.close()


def _request(secret: str, body: bytes = b'{"at": 1}') -> tuple[dict, bodies.Body, str]:
    headers = signing.sign("POST", PATH, body, terminal=TERMINAL, secret=secret, now=time.time())
    scope = {"type": "http", "method": "POST", "path": PATH, "raw_path": PATH.encode(), "query_string": b"",
             "headers": [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]}

    async def receive():
        return {"type": "http.request", "body": body, "more_body": False}

    return scope, asyncio.run(bodies.read_capped(receive, 1 << 16)), headers[signing.NONCE]


def _check(store: CentralStore, secret: str) -> auth.Caller:
    scope, body, _ = _request(secret)
    try:
        caller = auth.precheck(scope, store, time.time(), cached=True) or auth.precheck(scope, store, time.time())
        return auth.check_signature(scope, caller, body, store)
    finally:
        body.close()


def test_a_terminal_re_keyed_elsewhere_is_checked_with_its_new_secret_and_the_old_one_is_refused(stores):
    worker, admin = stores
    admin.add_terminal(TERMINAL, "a" * 64)
    assert _check(worker, "a" * 64).secret == "a" * 64
    assert worker.known_secret(TERMINAL) == "a" * 64  # the next request needs no read of its own
    admin.add_terminal(TERMINAL, "b" * 64)
    assert worker.known_secret(TERMINAL) == "a" * 64  # not told: it finds out from the database
    assert _check(worker, "b" * 64).secret == "b" * 64  # answered with the new secret
    with pytest.raises(auth.Denied) as refused:
        _check(worker, "a" * 64)
    assert refused.value.reason == "bad_signature"
    assert worker.known_secret(TERMINAL) == "b" * 64


def test_a_nonce_checked_with_a_secret_no_longer_stored_is_not_spent(stores):
    worker, admin = stores
    admin.add_terminal(TERMINAL, "a" * 64)
    assert worker.secret_of(TERMINAL) == "a" * 64
    admin.add_terminal(TERMINAL, "b" * 64)
    with pytest.raises(SecretChanged):
        worker.use_nonce(TERMINAL, "n" * 16, 300, secret="a" * 64)
    assert worker.use_nonce(TERMINAL, "n" * 16, 300, secret="b" * 64)  # rolled back before: still unused
    assert not worker.use_nonce(TERMINAL, "n" * 16, 300, secret="b" * 64)


def test_a_replay_is_refused_with_a_remembered_secret(stores):
    worker, admin = stores
    admin.add_terminal(TERMINAL, "a" * 64)
    scope, body, _ = _request("a" * 64)
    caller = auth.precheck(scope, worker, time.time())
    auth.check_signature(scope, caller, body, worker)
    again = auth.precheck(scope, worker, time.time(), cached=True)
    assert again is not None
    with pytest.raises(auth.Denied) as refused:
        auth.check_signature(scope, again, body, worker)
    assert refused.value.reason == "replayed_nonce"
    body.close()


def _through_gate(store: CentralStore, secret: str, *, at: float,
                  declared: int | None = None) -> tuple[int, bytes, str | None, str]:
    """Status, body, answer signature and nonce of one request sent through the gate and the answer signer."""
    from central import answers, gate
    from central.ratelimit import RateLimits

    async def app(scope, receive, send):  # what FastAPI would answer; never reached by a refusal
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})

    headers = signing.sign("POST", PATH, b"{}", terminal=TERMINAL, secret=secret, now=at)
    scope = {"type": "http", "method": "POST", "path": PATH, "raw_path": PATH.encode(), "query_string": b"",
             "client": ("127.0.0.1", 1),
             "headers": [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]}
    if declared is not None:
        scope["headers"].append((b"content-length", str(declared).encode()))
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"{}", "more_body": False}

    async def send(message):
        sent.append(message)

    served = answers.SignAnswers(gate.Gate(app, store=store, clock=time.time,
                                           limits=RateLimits(terminal=None, address=None, verify=None)))
    asyncio.run(served(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    mac = dict(start["headers"]).get(signing.ANSWER_SIGNATURE.lower().encode())
    return start["status"], body, mac.decode() if mac else None, headers[signing.NONCE]


def test_a_refusal_before_the_body_is_signed_with_the_secret_stored_now(stores):
    # a terminal re-keyed through another process, whose clock is off: every request is refused before its
    # signature is checked, so a worker's remembered secret was never corrected and signed each refusal with the
    # old secret (the terminal could not verify one: 'check the terminal's secret' instead of its clock)
    worker, admin = stores
    admin.add_terminal(TERMINAL, "a" * 64)
    assert _check(worker, "a" * 64).secret == "a" * 64
    admin.add_terminal(TERMINAL, "b" * 64)
    status, body, mac, nonce = _through_gate(worker, "b" * 64, at=time.time() - 2 * signing.MAX_SKEW_SECONDS)
    assert status == 401 and b"stale_timestamp" in body
    assert signing.check_answer(401, nonce, body, mac, terminal=TERMINAL, secret="b" * 64) is None


def test_a_body_refused_unread_is_answered_with_the_secret_stored_now(stores):
    worker, admin = stores
    admin.add_terminal(TERMINAL, "a" * 64)
    assert _check(worker, "a" * 64).secret == "a" * 64
    admin.add_terminal(TERMINAL, "b" * 64)
    status, body, mac, nonce = _through_gate(worker, "b" * 64, at=time.time(),
                                             declared=bodies.cap_for("POST", PATH) + 1)
    assert status == 413
    assert signing.check_answer(413, nonce, body, mac, terminal=TERMINAL, secret="b" * 64) is None


def test_a_terminal_removed_elsewhere_is_refused_with_its_remembered_secret_and_spends_no_nonce(stores):
    from sqlalchemy import delete, func, select

    from central.schema import nonces, terminals

    worker, admin = stores
    admin.add_terminal(TERMINAL, "a" * 64)
    assert _check(worker, "a" * 64).secret == "a" * 64
    with admin.engine.begin() as c:
        c.execute(delete(terminals).where(terminals.c.id == TERMINAL))
        kept = c.execute(select(func.count()).select_from(nonces)).scalar()
    for _ in range(3):
        with pytest.raises(auth.Denied) as refused:
            _check(worker, "a" * 64)
        assert refused.value.reason == "unknown_terminal" and refused.value.caller is None
    assert worker.known_secret(TERMINAL) is None
    with admin.engine.begin() as c:
        assert c.execute(select(func.count()).select_from(nonces)).scalar() == kept


def test_one_request_sent_to_two_workers_is_taken_once(stores):
    worker, other = stores
    other.add_terminal(TERMINAL, "a" * 64)
    scope, body, _ = _request("a" * 64)
    try:
        for store in (worker, other):  # both have read the secret before: each checks from its memory
            store.secret_of(TERMINAL)
        callers = [auth.precheck(scope, store, time.time(), cached=True) for store in (worker, other)]
        assert auth.check_signature(scope, callers[0], body, worker).terminal == TERMINAL
        with pytest.raises(auth.Denied) as refused:
            auth.check_signature(scope, callers[1], body, other)
        assert refused.value.reason == "replayed_nonce"
    finally:
        body.close()


def test_a_caller_written_out_carries_no_secret(stores):
    worker, admin = stores
    admin.add_terminal(TERMINAL, "a" * 64)
    caller = _check(worker, "a" * 64)
    assert "a" * 64 not in repr(caller) and "a" * 64 not in str(auth.Denied(401, "bad_signature", caller))
