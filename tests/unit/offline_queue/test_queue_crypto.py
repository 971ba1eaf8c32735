"""Crypto suites: round trips, tamper detection, key file handling, request MACs."""

import os
import stat

import pytest

from offline_queue.crypto import SUITES, load_key, make_suite
from protocol.macs import mac
from offline_queue.errors import KeyMissingError


@pytest.mark.parametrize("name", sorted(SUITES))
def test_round_trip_with_fresh_nonces(name):
    suite = make_suite(name, os.urandom(32))
    a = suite.encrypt("张三 110105".encode(), b"rec-1")
    b = suite.encrypt("张三 110105".encode(), b"rec-1")
    assert a != b  # a fresh nonce per record
    assert suite.decrypt(a, b"rec-1").decode() == "张三 110105"
    assert "张三".encode() not in a


@pytest.mark.parametrize("name", sorted(SUITES))
def test_tampering_wrong_aad_and_wrong_key_fail(name):
    key = os.urandom(32)
    blob = make_suite(name, key).encrypt(b"secret", b"rec-1")
    flipped = blob[:-1] + bytes([blob[-1] ^ 1])
    for bad, aad, k in ((flipped, b"rec-1", key), (blob, b"rec-2", key), (blob, b"rec-1", os.urandom(32))):
        with pytest.raises(KeyMissingError):
            make_suite(name, k).decrypt(bad, aad)


def test_unknown_suite_is_a_clear_error():
    with pytest.raises(ValueError, match="known"):
        make_suite("rot13", b"k" * 32)


def test_key_file_created_0600_then_reused(tmp_path):
    path = tmp_path / "sub" / "queue.key"
    key = load_key(path, create=True)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_key(path, create=False) == key
    assert len(key) == 32


def test_missing_or_malformed_key_file(tmp_path):
    with pytest.raises(KeyMissingError, match="missing"):
        load_key(tmp_path / "none.key", create=False)
    bad = tmp_path / "bad.key"
    bad.write_text("not hex")
    with pytest.raises(KeyMissingError, match="hex"):
        load_key(bad, create=True)


def test_hmac_sha256_matches_rfc4231_case_2():
    assert mac("hmac-sha256", b"Jefe", b"what do ya want for nothing?") == (
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")


def test_hmac_sm3_is_keyed_and_distinct():
    a = mac("hmac-sm3", b"k1", b"data")
    assert len(a) == 64 and a != mac("hmac-sm3", b"k2", b"data") and a != mac("hmac-sha256", b"k1", b"data")
