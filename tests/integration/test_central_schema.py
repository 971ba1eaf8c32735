"""Schemathesis against central's published OpenAPI schema, over real HTTP with signed requests: no 500s."""

import time

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from central.ratelimit import RateLimits
from protocol import signing
from tests.helpers.central import TERMINAL, CentralServer, new_central_db


class _Signed(requests.auth.AuthBase):
    """Signs the final bytes requests will send, so generated bodies reach the handlers past authentication."""

    def __init__(self, secret: str) -> None:
        self.secret = secret

    def __call__(self, r):
        body = r.body or b""
        if isinstance(body, str):
            body = body.encode()
        r.headers.update(signing.sign(r.method, r.path_url, body, terminal=TERMINAL, secret=self.secret,
                                      now=time.time()))
        return r


@pytest.fixture(scope="module")
def running_central(tmp_path_factory, central_engine, request):
    # no rate limits (tests/integration/test_central_limits.py has them): ~3,000 signed requests from one terminal
    # and address would be refused 429 or not depending on how fast this machine answers them
    server = CentralServer(new_central_db(central_engine, tmp_path_factory.mktemp("central"), request),
                           limits=RateLimits(terminal=None, address=None, verify=None)).start()
    server.secret = server.add_terminal()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def api_schema(running_central):
    return schemathesis.openapi.from_url(running_central.url + "/openapi.json")


@pytest.fixture(scope="module")
def session(running_central):
    s = requests.Session()
    s.auth = _Signed(running_central.secret)
    yield s
    s.close()


# schemathesis' own pytest plugin does not run under pytest 9, so each operation's strategy is driven directly
OPERATIONS = ["GET /health", "GET /v1/blobs/{sha256}", "PUT /v1/blobs/{sha256}", "POST /v1/batch",
              "GET /v1/cases/{tracking}", "POST /v1/presence", "POST /v1/citizen/cases", "POST /v1/heartbeat",
              "GET /v1/terminals/self", "GET /v1/catalog", "POST /v1/citizen/certificates", "POST /v1/certificates",
              "GET /verify/{code}", "GET /p/{number}", "GET /v1/config-overlay", "POST /v1/tickets",
              "GET /v1/tickets/waiting",
              "GET /v1/certificates/{number}/pdf",
              "GET /hall/v1/sites/{site}/tickets", "POST /hall/v1/sites/{site}/tickets/{ticket_id}/called"]


NO_INPUT = {"GET /health", "GET /v1/terminals/self", "GET /v1/catalog", "GET /v1/config-overlay"}  # nothing to make invalid
# a generated token is never one central issued: these get past the signature check to the proof check and stop there
NEEDS_PROOF = {"POST /v1/citizen/cases", "POST /v1/citizen/certificates", "POST /v1/certificates"}
# the hall calling system's routes take its own bearer token: a terminal's signature opens none of them
CALLING = {"GET /hall/v1/sites/{site}/tickets", "POST /hall/v1/sites/{site}/tickets/{ticket_id}/called"}
CASES = [(label, GenerationMode.POSITIVE) for label in OPERATIONS] + [
    (label, GenerationMode.NEGATIVE) for label in OPERATIONS if label not in NO_INPUT]


@pytest.mark.parametrize(("label", "mode"), CASES)
def test_no_server_errors(api_schema, session, running_central, label, mode):
    ops = {op.ok().label: op.ok() for op in api_schema.get_all_operations()}
    assert set(ops) == set(OPERATIONS), "schema changed: update OPERATIONS"
    seen, reasons = [], []

    @given(case=ops[label].as_strategy(generation_mode=mode))
    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def run(case):
        response = case.call(base_url=running_central.url, session=session, timeout=10)
        seen.append(response.status_code)
        if response.status_code == 403:
            reasons.append(response.json()["detail"]["reason"])
        assert response.status_code < 500, f"{case.method} {case.formatted_path} -> {response.status_code}"

    run()
    if mode is GenerationMode.POSITIVE and label in NEEDS_PROOF:
        assert 401 not in seen and set(reasons) <= {"presence_malformed", "presence_forged"}, (seen, reasons)
    elif mode is GenerationMode.POSITIVE and label in CALLING:
        assert set(seen) <= {401, 403, 422}, seen
    elif mode is GenerationMode.POSITIVE:  # proof the generated requests got past authentication
        assert any(code not in (401, 403) for code in seen), seen


def test_schema_is_published(running_central):
    doc = requests.get(running_central.url + "/openapi.json", timeout=5).json()
    assert {"/v1/batch", "/v1/blobs/{sha256}", "/v1/cases/{tracking}", "/v1/catalog"} <= set(doc["paths"])
