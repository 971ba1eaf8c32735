"""Central refuses forged, tampered, stale, replayed and unknown requests (real HTTP on 127.0.0.1)."""

import json
import time

from datetime import date

import httpx
import pytest

from protocol import signing, tracking
from tests.helpers.central import TERMINAL, central  # noqa: F401

BODY = json.dumps({"items": []}).encode()


def _post(central, body=BODY, headers=None, path="/v1/batch"):
    return httpx.post(central.url + path, content=body, headers={"Content-Type": "application/json",
                                                                   **(headers or {})}, timeout=5)


def _headers(central, body=BODY, *, secret=None, now=None, terminal=TERMINAL, nonce=None, mac_name="hmac-sha256",
             path="/v1/batch"):
    return signing.sign("POST", path, body, terminal=terminal, secret=secret or central.secret,
                        now=time.time() if now is None else now, nonce=nonce, mac_name=mac_name)


def _reason(r):
    return r.json()["detail"]["reason"]


@pytest.mark.parametrize("mac_name", signing.MACS)
def test_signed_request_is_accepted(central, mac_name):
    r = _post(central, headers=_headers(central, mac_name=mac_name))
    assert r.status_code == 200 and r.json() == {"results": []}


def test_tampered_body_is_rejected(central):
    r = _post(central, body=BODY.replace(b"[]", b"[ ]"), headers=_headers(central))
    assert (r.status_code, _reason(r)) == (401, "bad_signature")


def test_tampered_path_is_rejected(central):
    r = _post(central, headers=_headers(central), path="/v1/heartbeat")
    assert (r.status_code, _reason(r)) == (401, "bad_signature")


def test_wrong_secret_is_rejected(central):
    r = _post(central, headers=_headers(central, secret="0" * 64))
    assert (r.status_code, _reason(r)) == (401, "bad_signature")


# a timestamp ahead of central's clock gets closer to it while the request travels: +301 passed when a busy
# machine took more than a second to deliver it, so the future case keeps a margin no machine is that slow by
@pytest.mark.parametrize("skew", [-301, 420, -86400])
def test_stale_timestamp_is_rejected(central, skew):
    r = _post(central, headers=_headers(central, now=time.time() + skew))
    assert (r.status_code, _reason(r)) == (401, "stale_timestamp")


def test_replayed_nonce_is_rejected(central):
    headers = _headers(central)
    assert _post(central, headers=headers).status_code == 200
    r = _post(central, headers=headers)
    assert (r.status_code, _reason(r)) == (401, "replayed_nonce")


def test_forged_request_does_not_burn_the_nonce(central):
    nonce = "f" * 32
    assert _post(central, headers=_headers(central, secret="1" * 64, nonce=nonce)).status_code == 401
    assert _post(central, headers=_headers(central, nonce=nonce)).status_code == 200


def test_unknown_terminal_is_forbidden(central):
    r = _post(central, headers=_headers(central, terminal="NOBODY-9"))
    assert (r.status_code, _reason(r)) == (403, "unknown_terminal")


def test_unsigned_request_is_rejected(central):
    r = _post(central)
    assert (r.status_code, _reason(r)) == (401, "missing_terminal")
    h = _headers(central)
    del h[signing.SIGNATURE]
    r = _post(central, headers=h)
    assert (r.status_code, _reason(r)) == (401, "malformed_signature_headers")


def test_another_terminals_tracking_numbers_are_refused(central):
    secret2 = central.add_terminal("SIM-0002")
    body = json.dumps({"items": [{"id": "01HX", "seq": 1, "kind": "submission", "body": {
        "tracking": tracking.issue(TERMINAL, date(2026, 1, 1), 1), "service_code": "gjj.withdraw"}}]}).encode()
    r = _post(central, body=body, headers=_headers(central, body=body, secret=secret2, terminal="SIM-0002"))
    assert r.json()["results"][0]["reason"] == "tracking_number_of_another_terminal"
