"""Catalogs published at central reach kiosks through the existing update route: real central (uvicorn on
127.0.0.1, both engines), the kiosk's own signed client and installer. A site-only catalog goes only to its site;
one published to every site goes everywhere; each terminal gets the highest version offered to it."""

import pytest

from central.catalogs import Catalogs
from kiosk.catalog.updates import CatalogStore, client_fetch
from offline_queue.client import CentralClient
from protocol import signing
from tests.helpers.catalog import SHIPPED, replace_in, signed_bundle, signing_keys
from tests.helpers.central import CentralServer

SITES = {"SIM-0001": "hall-east", "SIM-0002": "village-3"}


@pytest.fixture
def fleet(central_db, tmp_path):
    """A running central, two terminals at two sites, each with its client and catalog store."""
    server = CentralServer(central_db).start()
    private, public = signing_keys()
    kiosks = {}
    for terminal, site in SITES.items():
        secret = signing.new_secret()
        server.store.add_terminal(terminal, secret, site=site)
        client = CentralClient(server.url, terminal, secret, timeout=10, allow_plain_http_loopback=True)
        store = CatalogStore(SHIPPED, tmp_path / terminal / "updates", public_keys=[public])
        kiosks[terminal] = (store, client_fetch(client, 20_000_000), client)
    yield server, private, public, kiosks
    for _, _, client in kiosks.values():
        client.close()
    server.stop()


def _check(kiosks, terminal):
    store, fetch, _ = kiosks[terminal]
    return store.check(fetch)[0]


def test_publishing_to_a_site_then_to_all(fleet, tmp_path):
    server, private, public, kiosks = fleet
    shelf = Catalogs(server.store)
    shelf.trust(public)
    shelf.upload(signed_bundle(tmp_path, "2099.3.1", private, edit=lambda d: replace_in(
        d / "items" / "household.toml", 'name = "出生登记"', 'name = "出生登记（新生儿落户）"')), actor="manager-sun")
    assert _check(kiosks, "SIM-0001").status == "refused"  # uploaded, not yet published: nothing to install

    shelf.publish("2099.3.1", sites=["hall-east"], actor="manager-sun")
    result = _check(kiosks, "SIM-0001")
    assert (result.status, result.version) == ("installed", "2099.3.1")
    assert kiosks["SIM-0001"][0].open().item("HJ-001").name == "出生登记（新生儿落户）"
    assert _check(kiosks, "SIM-0001").status == "unchanged"  # the ETag it holds is current: 304
    other = _check(kiosks, "SIM-0002")  # the village point is offered nothing yet
    assert other.status == "refused" and kiosks["SIM-0002"][0].open().directory == SHIPPED

    shelf.upload(signed_bundle(tmp_path, "2099.4.1", private), actor="manager-sun")
    shelf.publish("2099.4.1", sites=None, actor="manager-sun")
    for terminal in SITES:
        result = _check(kiosks, terminal)
        assert (result.status, result.version) == ("installed", "2099.4.1"), terminal
    # the hall's own older publication does not pull it back: the highest version offered wins
    assert shelf.offered("hall-east")["version"] == "2099.4.1"
    assert _check(kiosks, "SIM-0001").status == "unchanged"


def test_without_a_published_catalog_the_served_file_still_works(central_db, tmp_path):
    private, public = signing_keys()
    catalog_file = tmp_path / "catalog.zip"
    catalog_file.write_bytes(signed_bundle(tmp_path, "2099.5.1", private))
    server = CentralServer(central_db, catalog_file=catalog_file).start()
    try:
        client = CentralClient(server.url, "SIM-0001", server.add_terminal("SIM-0001"), timeout=10,
                               allow_plain_http_loopback=True)
        store = CatalogStore(SHIPPED, tmp_path / "updates", public_keys=[public])
        assert store.check(client_fetch(client, 20_000_000))[0].version == "2099.5.1"
        shelf = Catalogs(server.store)
        shelf.upload(signed_bundle(tmp_path, "2099.6.1", private), actor="cli")
        shelf.publish("2099.6.1", sites=None, actor="cli")
        assert store.check(client_fetch(client, 20_000_000))[0].version == "2099.6.1"  # published beats the file
        client.close()
    finally:
        server.stop()
