"""The kiosk's URL policy and key pins (offline_queue/tls.py); TLS itself is proved in test_central_tls.py."""

import base64

import pytest

from offline_queue import tls


@pytest.mark.parametrize("url", ["https://central.example.gov.cn", "https://10.0.0.5:8443/kiosk/",
                                 "https://127.0.0.1:8600"])
def test_https_anywhere(url):
    assert tls.check_url(url, allow_plain_http_loopback=False) == url.rstrip("/")


@pytest.mark.parametrize("url", ["http://127.0.0.1:8600", "http://127.8.9.10", "http://[::1]:8600",
                                 "http://localhost:8600", "http://LOCALHOST"])
def test_plain_http_only_to_this_machine_and_only_when_allowed(url):
    assert tls.check_url(url, allow_plain_http_loopback=True)
    with pytest.raises(ValueError, match="allow_plain_http_loopback"):
        tls.check_url(url, allow_plain_http_loopback=False)


@pytest.mark.parametrize("url", ["http://10.0.0.5:8600", "http://central.example.gov.cn", "http://127.0.0.1.nip.io",
                                 "http://0.0.0.0:8600"])
def test_plain_http_elsewhere_is_refused_even_with_the_switch(url):
    with pytest.raises(ValueError, match="must use https://"):
        tls.check_url(url, allow_plain_http_loopback=True)


@pytest.mark.parametrize("url", ["", "central", "127.0.0.1:8600", "https://", "https://h:port", "ws://h",
                                 "https://user:pw@h", "https://h/?q=1", "https://h/#f"])
def test_garbage_is_refused(url):
    with pytest.raises(ValueError):
        tls.check_url(url, allow_plain_http_loopback=True)


def test_pins_in_hex_or_base64():
    raw = bytes(range(32))
    assert tls.parse_pin(raw.hex()) == raw == tls.parse_pin(base64.b64encode(raw).decode())
    assert tls.parse_pin("sha256/" + base64.b64encode(raw).decode()) == raw
    for bad in ("abc", "z" * 64, raw.hex()[:-2], base64.b64encode(raw[:20]).decode()):
        with pytest.raises(ValueError, match="SHA-256"):
            tls.parse_pin(bad)
