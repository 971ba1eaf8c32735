"""Catalog updates end to end: the real central (uvicorn on 127.0.0.1) serving bundle files, the real signed client."""

import pytest

from kiosk.catalog.updates import CatalogStore, client_fetch
from offline_queue.client import CentralClient
from tests.helpers.catalog import SHIPPED, replace_in, signed_bundle, signing_keys
from tests.helpers.central import TERMINAL, CentralServer


@pytest.fixture
def served(tmp_path):
    """A running central serving tmp/catalog.zip, with a registered terminal and its client."""
    catalog_file = tmp_path / "catalog.zip"
    server = CentralServer(tmp_path / "central.sqlite3", catalog_file=catalog_file).start()
    client = CentralClient(server.url, TERMINAL, server.add_terminal(), timeout=10,
                           allow_plain_http_loopback=True)
    yield catalog_file, client
    client.close()
    server.stop()


def test_update_cycle_against_real_central(tmp_path, served):
    catalog_file, client = served
    private, public = signing_keys()
    store = CatalogStore(SHIPPED, tmp_path / "updates", public_keys=[public])
    fetch = client_fetch(client, 20_000_000)

    # central started without a catalog serves an empty one: refused, the shipped catalog stays
    result, _ = store.check(fetch)
    assert result.status == "refused" and store.open().directory == SHIPPED

    catalog_file.write_bytes(signed_bundle(tmp_path, "2099.3.1", private))
    result, new = store.check(fetch)
    assert (result.status, new.version) == ("installed", "2099.3.1")
    assert store.check(fetch)[0].status == "unchanged"  # 304: the ETag we hold is current

    # whoever stands in for the catalog office with another key gets nothing installed
    intruder, _ = signing_keys()
    catalog_file.write_bytes(signed_bundle(tmp_path, "2099.3.2", intruder))
    result, _ = store.check(fetch)
    assert result.status == "refused" and "does not verify" in result.detail
    assert store.open().version == "2099.3.1"

    # an old, genuinely signed bundle served again is a downgrade
    old = signed_bundle(tmp_path, "2099.2.9", private)
    catalog_file.write_bytes(old)
    result, _ = store.check(fetch)
    assert result.status == "refused" and "downgrade" in result.detail

    catalog_file.write_bytes(signed_bundle(tmp_path, "2099.3.3", private))
    assert store.check(fetch)[0].status == "installed" and store.open().version == "2099.3.3"


def test_central_serves_any_bundle_name_as_a_zip(tmp_path):
    private, public = signing_keys()
    catalog_file = tmp_path / "catalog.bin"  # the name says nothing; central serves what the bytes are
    catalog_file.write_bytes(signed_bundle(tmp_path, "2099.4.1", private, edit=lambda d: replace_in(
        d / "items" / "household.toml", 'name = "出生登记"', 'name = "出生登记（新生儿落户）"')))
    server = CentralServer(tmp_path / "central.sqlite3", catalog_file=catalog_file).start()
    try:
        client = CentralClient(server.url, TERMINAL, server.add_terminal(), timeout=10,
                               allow_plain_http_loopback=True)
        store = CatalogStore(SHIPPED, tmp_path / "updates", public_keys=[public])
        result, new = store.check(client_fetch(client, 20_000_000))
        assert result.status == "installed" and new.item("HJ-001").name == "出生登记（新生儿落户）"
        client.close()
    finally:
        server.stop()
