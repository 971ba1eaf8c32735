"""Configuration overlays at central: publishing (and refusing) versions for a terminal or a site, which one a
terminal gets, the signed GET /v1/config-overlay over real HTTP, what terminals report running, and the CLI."""

import time

import pytest

from central.cli import cli_main
from central.storage import CentralStore
from offline_queue.client import CentralClient
from offline_queue.errors import CentralError
from protocol import signing
from protocol.overlays import OverlayRefused
from tests.helpers.central import TERMINAL, CentralServer

OTHER = "SIM-0002"
HOURS = '[hours]\nopen = "08:30-17:30"\n'
IDLE = "[display]\nidle_timeout_seconds = 120\n"


@pytest.fixture
def store(central_db):
    s = CentralStore(central_db.target, keys_dir=central_db.keys_dir)
    s.add_terminal(TERMINAL, signing.new_secret(), site="HALL-01")
    s.add_terminal(OTHER, signing.new_secret(), site="HALL-01")
    yield s
    s.close()


def test_terminal_beats_site_and_withdrawing_falls_back(store):
    assert store.overlay_for(TERMINAL) == {"version": 0, "target": None, "toml": "", "published_at": None}
    site = store.publish_overlay("site:HALL-01", HOURS, "cli:tester")
    assert store.overlay_for(TERMINAL)["version"] == site and store.overlay_for(OTHER)["toml"] == HOURS
    own = store.publish_overlay(f"terminal:{TERMINAL}", IDLE, "cli:tester")
    newer_site = store.publish_overlay("site:HALL-01", HOURS + "days = [\"mon\"]\n", "cli:tester")
    assert own > site and newer_site > own
    assert store.overlay_for(TERMINAL) | {"published_at": None} == {
        "version": own, "target": f"terminal:{TERMINAL}", "toml": IDLE, "published_at": None}
    assert store.overlay_for(OTHER)["version"] == newer_site
    withdrawn = store.publish_overlay(f"terminal:{TERMINAL}", None, "cli:tester")
    assert store.overlay_for(TERMINAL)["version"] == newer_site  # follows its site again
    store.publish_overlay("site:HALL-01", None, "cli:tester")
    assert store.overlay_for(OTHER)["version"] == 0
    versions = store.overlay_versions()
    assert [v["version"] for v in versions] == sorted((v["version"] for v in versions), reverse=True)
    assert [v["version"] for v in store.overlay_versions(f"terminal:{TERMINAL}")] == [withdrawn, own]
    assert store.overlay_versions(f"terminal:{TERMINAL}")[0]["toml"] is None


def test_versions_are_gap_free_across_refusals(store):
    first = store.publish_overlay("site:HALL-01", HOURS, "a")
    with pytest.raises(OverlayRefused):
        store.publish_overlay("site:HALL-01", '[central]\nurl = "https://elsewhere.example"\n', "a")
    assert store.publish_overlay("site:HALL-01", HOURS, "a") == first + 1


@pytest.mark.parametrize("target, text, words", [
    ("site:HALL-01", '[central]\nurl = "https://elsewhere.example"\n', "central.url may not be set remotely"),
    ("site:HALL-01", '[maintenance]\npin_hash = "x"\n', "[maintenance] may not be set remotely"),
    ("site:HALL-01", "[hours\n", "not TOML"),
    ("terminal:SIM-9999", HOURS, "no terminal SIM-9999 is registered"),
    ("hall:HALL-01", HOURS, "expected terminal:<id> or site:<code>"),
    ("site:", HOURS, "expected terminal:<id> or site:<code>"),
])
def test_refused_with_the_reason_and_nothing_stored(store, target, text, words):
    with pytest.raises(OverlayRefused) as refused:
        store.publish_overlay(target, text, "cli:tester")
    assert words in str(refused.value)
    assert store.overlay_versions() == []


def test_status_says_what_each_terminal_reports(store):
    version = store.publish_overlay("site:HALL-01", HOURS, "a")
    store.heartbeat(TERMINAL, {"at": time.time(), "config": {"version": version, "state": "applied",
                                                             "offered": version, "reason": None}})
    rows = {r["terminal"]: r for r in store.overlay_status()}
    assert rows[TERMINAL]["running"] == version and rows[TERMINAL]["state"] == "applied"
    assert rows[OTHER]["offered"] == version and rows[OTHER]["running"] is None
    assert store.overlay_status(OTHER)[0]["terminal"] == OTHER


def test_a_terminal_fetches_its_overlay_over_signed_http(central_db):
    server = CentralServer(central_db).start()
    secret = server.add_terminal(TERMINAL)
    client = CentralClient(server.url, TERMINAL, secret, allow_plain_http_loopback=True)
    try:
        assert client.config_overlay()["version"] == 0
        version = server.store.publish_overlay(f"terminal:{TERMINAL}", IDLE, "cli:tester")
        got = client.config_overlay('"overlay-0"')
        assert got["version"] == version and got["toml"] == IDLE and got["target"] == f"terminal:{TERMINAL}"
        assert client.config_overlay(f'"overlay-{version}"') is None  # 304: nothing new, answer still verified
        forged = CentralClient(server.url, TERMINAL, signing.new_secret(), allow_plain_http_loopback=True)
        with pytest.raises(CentralError):  # central cannot sign for a secret it does not hold
            forged.config_overlay()
        forged.close()
    finally:
        client.close()
        server.stop()


def test_cli_publishes_refuses_lists_and_shows(central_db, tmp_path, capsys):
    db = central_db.cli()
    assert cli_main(["add-terminal", TERMINAL, "--site", "HALL-01", *db]) == 0
    good, bad = tmp_path / "good.toml", tmp_path / "bad.toml"
    good.write_text(HOURS, encoding="utf-8")
    bad.write_text('[queue]\nkey_file = "/tmp/k"\n', encoding="utf-8")
    capsys.readouterr()
    assert cli_main(["publish-config", "--site", "HALL-01", str(good), *db]) == 0
    assert "version 1 published for site:HALL-01" in capsys.readouterr().out
    assert cli_main(["publish-config", "--terminal", TERMINAL, str(bad), *db]) == 2
    assert "queue.key_file may not be set remotely" in capsys.readouterr().err
    assert cli_main(["publish-config", "--terminal", TERMINAL, str(tmp_path / "absent.toml"), *db]) == 2
    assert cli_main(["publish-config", str(good), *db]) == 2  # a target is required
    assert cli_main(["withdraw-config", "--site", "HALL-01", "--actor", "ops:li", *db]) == 0
    capsys.readouterr()
    assert cli_main(["config-versions", *db]) == 0
    out = capsys.readouterr().out
    assert "v2  site:HALL-01" in out and "ops:li  withdrawn" in out and f"{TERMINAL}  site HALL-01" in out
    assert cli_main(["terminal", TERMINAL, *db]) == 0
    assert "configuration overlay: offered v0, not reported" in capsys.readouterr().out
