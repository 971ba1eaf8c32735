"""Catalog updates end to end: the real central (uvicorn on 127.0.0.1) and the real signed client."""

import json

import pytest

from kiosk.catalog.updates import CatalogStore, client_fetch, make_bundle
from offline_queue.client import CentralClient
from tests.helpers.catalog import SHIPPED, copy_shipped, set_version
from tests.helpers.central import TERMINAL, CentralServer


@pytest.fixture
def served(tmp_path):
    """A running central serving tmp/catalog.json, with a registered terminal and its client."""
    catalog_file = tmp_path / "catalog.json"
    server = CentralServer(tmp_path / "central.sqlite3", catalog_file=catalog_file).start()
    client = CentralClient(server.url, TERMINAL, server.add_terminal(), timeout=10,
                           allow_plain_http_loopback=True)
    yield catalog_file, client
    client.close()
    server.stop()


def _bundle(tmp_path, version: str) -> bytes:
    d = copy_shipped(tmp_path / f"cat-{version}")
    set_version(d, version)
    return make_bundle(d)


def test_update_cycle_against_real_central(tmp_path, served):
    catalog_file, client = served
    store = CatalogStore(SHIPPED, tmp_path / "updates")
    fetch = client_fetch(client, 20_000_000)

    # central started without a catalog serves an empty one: refused, the shipped catalog stays
    result, _ = store.check(fetch)
    assert result.status == "refused" and store.open().directory == SHIPPED

    catalog_file.write_bytes(_bundle(tmp_path, "2099.3.1"))
    result, new = store.check(fetch)
    assert (result.status, new.version) == ("installed", "2099.3.1")
    assert store.check(fetch)[0].status == "unchanged"  # 304: the ETag we hold is current

    doc = json.loads(_bundle(tmp_path, "2099.3.2"))
    doc["item"][0]["materials"][0]["originals"] = -1
    catalog_file.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result, _ = store.check(fetch)
    assert result.status == "refused" and f"item {doc['item'][0]['code']}: materials.0.originals" in result.detail
    assert store.open().version == "2099.3.1"

    catalog_file.write_bytes(_bundle(tmp_path, "2099.3.3"))
    assert store.check(fetch)[0].status == "installed" and store.open().version == "2099.3.3"
