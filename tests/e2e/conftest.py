"""Fixtures for whole flows: a central on 127.0.0.1 and a kiosk with every device simulated talking to it."""

from __future__ import annotations

import pytest

from protocol import signing
from tests.helpers.central import CentralServer
from tests.helpers.identify import sim_config


@pytest.fixture
def central(tmp_path):
    server = CentralServer(tmp_path / "central.sqlite3").start()
    server.secret = server.add_terminal()
    yield server
    if not getattr(server, "stopped", False):
        server.stop()


@pytest.fixture
def kiosk(qapp, tmp_path, shared_faces, central):
    """A kiosk with every device simulated, its queue in tmp_path, talking to the test central."""
    from kiosk.app import KioskCore
    from kiosk.config import load
    from ui.app import KioskUi

    secret = tmp_path / "var" / "terminal.secret"
    secret.parent.mkdir(parents=True, exist_ok=True)
    signing.write_secret(secret, central.secret)
    made = []
    core = KioskCore(load(sim_config(tmp_path, shared_faces, central={
        "url": central.url, "credentials_file": str(secret), "sync_interval_seconds": 0.2,
        "backoff_base_seconds": 0.2, "backoff_cap_seconds": 1, "timeout_seconds": 5})))
    made.append(core)
    ui = KioskUi(core, qapp, windowed=True)
    made.append(ui)
    ui.receipts = tmp_path / "var" / "receipts"
    yield ui
    for obj in reversed(made):
        obj.close()
