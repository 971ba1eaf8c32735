"""What an overlay may set: the allowed keys pass, everything else is named in the refusal."""

import pytest

from protocol.overlays import MAX_BYTES, OVERLAYABLE, OverlayRefused, parse


def test_allowed_keys_pass():
    text = '[hours]\nopen = "08:30-12:00,13:30-17:30"\ndays = ["mon", "tue"]\nclosed_dates = [2026-10-01]\n' \
           '[display]\nidle_timeout_seconds = 120\n[catalog]\nmost_used = ["ZJ-002"]\n'
    assert parse(text)["hours"]["days"] == ["mon", "tue"]
    assert parse("") == {}


@pytest.mark.parametrize("text, named", [
    ('[central]\nurl = "https://evil.example"\n', "central.url"),
    ('[central]\ncredentials_file = "/tmp/x"\n', "central.credentials_file"),
    ('[maintenance]\npin_hash = "x"\n', "[maintenance]"),
    ('[devices.printer]\nurl = "tcp://192.0.2.1:9100"\n', "[devices]"),
    ('[face]\nthreshold = 0.9\n', "[face]"),
    ('[queue]\nretention_days = 3650\n', "queue.retention_days"),
    ('[catalog]\nupdate_public_keys = []\n', "catalog.update_public_keys"),
    ('[terminal]\nhotline = "110"\n', "[terminal]"),
    ('[display]\nfullscreen = false\n', "display.fullscreen"),
    ('source = "x"\n', "source"),
])
def test_other_keys_are_refused_by_name(text, named):
    with pytest.raises(OverlayRefused) as refused:
        parse(text)
    assert named in str(refused.value)


def test_every_problem_is_named_at_once():
    with pytest.raises(OverlayRefused) as refused:
        parse('[central]\nurl = "x"\nheartbeat_seconds = 30\n[storage]\nstate_directory = "/"\n')
    assert "central.url" in str(refused.value) and "[storage]" in str(refused.value)
    assert "heartbeat_seconds" not in str(refused.value)


@pytest.mark.parametrize("text", ["[hours\nopen=1", "x" * (MAX_BYTES + 1), "a = 1\x00"])
def test_not_toml_too_big_or_nul(text):
    with pytest.raises(OverlayRefused):
        parse(text)


def test_the_list_holds_no_secret_or_address():
    keys = {f"{s}.{k}" for s, ks in OVERLAYABLE.items() for k in ks}
    assert not {k for k in keys if any(w in k for w in ("url", "pin", "key", "secret", "file", "dir", "ca_",
                                                        "database", "threshold", "retention"))}
