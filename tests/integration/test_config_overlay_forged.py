"""A configuration overlay is taken only from central: a man in the middle (its own process) that rewrites the
overlay in central's signed answer gets nothing applied, pending or reported; the real one then arrives."""

import logging

from kiosk.config import load
from kiosk.overlay.state import OverlayFiles
from kiosk.overlay.updates import OverlayUpdates, client_fetch
from offline_queue.client import CentralClient
from tests.helpers.central import TERMINAL, central  # noqa: F401
from tests.helpers.kiosk import write_config
from tests.helpers.mitm import running_mitm, stats

HOURS = '[hours]\nopen = "08:30-17:30"\n'


def test_a_rewritten_overlay_is_never_taken(tmp_path, central, caplog):  # noqa: F811
    caplog.set_level(logging.WARNING)
    cfg = load(write_config(tmp_path))
    files = OverlayFiles.for_config(cfg)
    version = central.store.publish_overlay(f"terminal:{TERMINAL}", HOURS, "cli:tester")
    with running_mitm(central.port, "forge_overlay") as url:
        client = CentralClient(url, TERMINAL, central.secret, timeout=10, allow_plain_http_loopback=True)
        updates = OverlayUpdates(files, client_fetch(client), cfg.source, interval=0)
        assert updates.check_once() == "failed"
        assert stats(url)["forged"] == 1
        client.close()
    assert not files.waiting() and files.report() == {"version": 0, "state": "none", "offered": 0, "reason": None}
    assert any("answer from central failed verification" in r.getMessage() for r in caplog.records)
    client = CentralClient(central.url, TERMINAL, central.secret, timeout=10, allow_plain_http_loopback=True)
    updates = OverlayUpdates(files, client_fetch(client), cfg.source, interval=0)
    assert updates.check_once() == "pending" and files.report()["offered"] == version
    assert updates.check_once() == "unchanged"  # 304 for the version it knows
    client.close()
