"""Request signing: what the signature covers and what check() refuses."""

import pytest

from protocol import signing

SECRET = "s" * 64


def _signed(**kw):
    args = dict(method="POST", path="/v1/batch?x=1", body=b'{"a":1}')
    args.update(kw)
    headers = signing.sign(args["method"], args["path"], args["body"], terminal="SIM-0001", secret=SECRET,
                           now=1_000_000)
    return args, headers


@pytest.mark.parametrize("mac_name", signing.MACS)
def test_good_signature_passes(mac_name):
    headers = signing.sign("GET", "/v1/cases/X", b"", terminal="T1", secret=SECRET, now=1000, mac_name=mac_name)
    assert signing.check("GET", "/v1/cases/X", b"", headers, secret=SECRET, now=1000) is None


@pytest.mark.parametrize("change", ["method", "path", "body", "terminal", "secret"])
def test_every_covered_part_matters(change):
    args, headers = _signed()
    secret = SECRET
    if change == "method":
        args["method"] = "PUT"
    elif change == "path":
        args["path"] = "/v1/batch?x=2"
    elif change == "body":
        args["body"] = b'{"a":2}'
    elif change == "terminal":
        headers[signing.TERMINAL] = "SIM-0002"
    else:
        secret = "t" * 64
    assert signing.check(args["method"], args["path"], args["body"], headers, secret=secret,
                         now=1_000_000) == "bad_signature"


def test_timestamp_window_is_five_minutes():
    args, headers = _signed()
    check = lambda now: signing.check(args["method"], args["path"], args["body"], headers, secret=SECRET, now=now)
    assert check(1_000_000 + 300) is None and check(1_000_000 - 300) is None
    assert check(1_000_000 + 301) == "stale_timestamp" and check(1_000_000 - 301) == "stale_timestamp"


def test_malformed_headers():
    args, headers = _signed()
    del headers[signing.NONCE]
    assert signing.check("POST", args["path"], args["body"], headers, secret=SECRET,
                         now=1_000_000) == "malformed_signature_headers"
    _, headers = _signed()
    headers[signing.ALGORITHM] = "md5"
    assert signing.check("POST", args["path"], args["body"], headers, secret=SECRET,
                         now=1_000_000) == "unknown_algorithm"


def test_secret_file_round_trip(tmp_path):
    path = tmp_path / "terminal.secret"
    signing.write_secret(path, SECRET)
    assert signing.read_secret(path) == SECRET
    assert (path.stat().st_mode & 0o777) == 0o600


@pytest.mark.parametrize("mac_name", signing.MACS)
@pytest.mark.parametrize("change", ["status", "nonce", "body", "terminal", "secret"])
def test_the_answer_mac_covers_status_nonce_body_and_terminal(mac_name, change):
    args = dict(status=200, nonce="n" * 32, body=b'{"results":[{"id":"01A","result":"accepted"}]}', terminal="T1",
                secret=SECRET)
    mac = signing.sign_answer(args["status"], args["nonce"], args["body"], terminal=args["terminal"],
                              secret=args["secret"], mac_name=mac_name)
    assert signing.check_answer(args["status"], args["nonce"], args["body"], mac, terminal="T1", secret=SECRET,
                                mac_name=mac_name) is None
    args[change] = {"status": 201, "nonce": "m" * 32, "body": args["body"].replace(b"accepted", b"rejected"),
                    "terminal": "T2", "secret": "t" * 64}[change]
    assert signing.check_answer(args["status"], args["nonce"], args["body"], mac, terminal=args["terminal"],
                                secret=args["secret"], mac_name=mac_name) == "answer signature does not match"


def test_an_answer_mac_is_never_a_request_mac():
    """A request whose canonical lines happened to match an answer's still starts with a method, not ANSWER."""
    assert signing.answer_canonical(200, "n" * 32, b"", "T1").startswith(b"ANSWER\n")
    assert signing.check_answer(200, "n" * 32, b"", None, terminal="T1", secret=SECRET) == "answer is not signed"
    assert signing.check_answer(200, "n" * 32, b"", "ä" * 64, terminal="T1", secret=SECRET) is not None
