"""Catalog updates: good bundles swap in atomically; bad ones are refused and the old catalog stays."""

import io
import json
import zipfile

import httpx
import pytest

from kiosk.catalog.config import CatalogConfig
from kiosk.catalog.updates import CatalogStore, Fetched, UpdateRefused, make_bundle
from tests.helpers.catalog import SHIPPED, copy_shipped, replace_in, set_version


@pytest.fixture
def store(tmp_path):
    return CatalogStore(SHIPPED, tmp_path / "updates", max_bytes=2_000_000)


@pytest.fixture
def newer(tmp_path):
    d = copy_shipped(tmp_path / "newer")
    set_version(d, "2099.1.1")
    return d


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buf.getvalue()


def test_without_updates_the_shipped_catalog_is_used(store):
    c = store.open()
    assert c.directory == SHIPPED and store.etag() is None and store.installed_directory() is None


def test_install_makes_the_bundle_current(store, newer):
    shipped_version = store.open().version
    catalog = store.install(make_bundle(newer), etag='"v2"')
    assert catalog.version == "2099.1.1" != shipped_version
    assert store.open().version == "2099.1.1"
    assert store.etag() == '"v2"'
    assert (store.updates / "current").is_symlink()
    assert len(catalog) == len(store.open())


def test_zip_bundles_work_too(store, newer):
    assert store.install(make_bundle(newer, "zip"), etag="z").version == "2099.1.1"


def test_json_bundle_is_one_document_with_references_unresolved(newer):
    doc = json.loads(make_bundle(newer))
    assert doc["version"] == "2099.1.1" and len(doc["item"]) >= 60 and "material" in doc
    assert {"ref": "idcard"} in doc["item"][-1]["materials"]  # the last item (JT-003) lists the library ID card


def test_bad_item_in_json_bundle_names_item_and_field(store, newer):
    doc = json.loads(make_bundle(newer))
    doc["item"][3]["limits"] = {"statutory": 1, "promised": 9}
    with pytest.raises(UpdateRefused, match=rf"items/central.json: item {doc['item'][3]['code']}: limits"):
        store.install(json.dumps(doc).encode())


def test_second_install_replaces_the_first_and_prunes_it(store, newer):
    store.install(make_bundle(newer), etag="a")
    first = store.installed_directory()
    set_version(newer, "2099.1.2")
    store.install(make_bundle(newer), etag="b")
    assert store.open().version == "2099.1.2"
    assert not first.exists()
    assert len(list((store.updates / "versions").iterdir())) == 1


def test_invalid_bundle_is_refused_and_old_catalog_kept(store, newer):
    store.install(make_bundle(newer), etag="good")
    replace_in(newer / "items" / "household.toml", 'handling = "one_trip"', 'handling = "by_pigeon"')
    set_version(newer, "2099.9.9")
    with pytest.raises(UpdateRefused) as e:
        store.install(make_bundle(newer, "zip"), etag="bad")
    assert "items/household.toml: item HJ-001: handling" in str(e.value)
    assert store.open().version == "2099.1.1" and store.etag() == "good"
    assert [p.name for p in (store.updates / "versions").iterdir() if p.name.startswith(".staging")] == []


@pytest.mark.parametrize("payload,reason", [
    (b"not a zip at all", "neither a zip archive nor a JSON document"),
    (b'{"version": 0, "items": []}', "non-empty"),  # what central serves when it was given no catalog
    (_zip({"../../etc/evil.toml": b"x"}), "unexpected file"),
    (_zip({"/abs/catalog.toml": b"x"}), "unexpected file"),
    (_zip({"catalog.toml": b"", "items/run.sh": b"#!/bin/sh"}), "unexpected file"),
    (_zip({"catalog.toml": b"version = 1", "items/a.toml": b"x" * 3_000_000}), "more than"),
    (_zip({"catalog.toml": b"version = ["}), "does not validate"),
])
def test_malformed_bundles_are_refused(store, payload, reason):
    with pytest.raises(UpdateRefused, match=reason):
        store.install(payload)
    assert store.installed_directory() is None and store.open().directory == SHIPPED


def test_oversized_payload_refused_before_unpacking(tmp_path, newer):
    small = CatalogStore(SHIPPED, tmp_path / "u", max_bytes=10_000)
    with pytest.raises(UpdateRefused, match="limit"):
        small.install(make_bundle(newer))


def test_broken_installed_catalog_falls_back_to_shipped(store, newer):
    store.install(make_bundle(newer))
    (store.installed_directory() / "catalog.toml").write_text("garbage = [", encoding="utf-8")
    assert store.open().directory == SHIPPED


def test_leftover_staging_from_a_crash_is_cleaned_up(store, newer):
    (store.updates / "versions" / ".staging-dead").mkdir(parents=True)
    store.install(make_bundle(newer))
    assert not (store.updates / "versions" / ".staging-dead").exists()


def test_check_outcomes(store, newer):
    bundle = make_bundle(newer)
    result, cat = store.check(lambda etag: Fetched(bundle, "e1"))
    assert (result.status, result.version, cat.version) == ("installed", "2099.1.1", "2099.1.1")
    seen = []
    result, cat = store.check(lambda etag: seen.append(etag) or Fetched(None, etag))
    assert seen == ["e1"] and result.status == "unchanged" and cat is None

    def offline(etag):
        raise httpx.ConnectError("network is unreachable")

    result, _ = store.check(offline)
    assert result.status == "failed" and "ConnectError" in result.detail and result.version == "2099.1.1"
    result, _ = store.check(lambda etag: Fetched(b"junk", "e2"))
    assert result.status == "refused" and store.open().version == "2099.1.1"


def test_from_config_resolves_relative_paths(tmp_path):
    cfg = CatalogConfig(directory=str(SHIPPED), updates_directory="var/cat", most_used=["HJ-001"])
    s = CatalogStore.from_config(cfg, tmp_path)
    assert s.updates == tmp_path / "var" / "cat" and s.most_used == ["HJ-001"]
    assert s.open().most_used(1)[0].code == "HJ-001"
