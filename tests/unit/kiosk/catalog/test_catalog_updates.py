"""Catalog updates: signed, newer, valid bundles swap in atomically; anything else is refused and the old catalog stays."""

import io
import logging
import zipfile

import httpx
import pytest

from kiosk.catalog.config import CatalogConfig
from kiosk.catalog.updates import HIGHEST, NO_KEYS, CatalogStore, Fetched, UpdateRefused
from protocol.catalog_bundle import SIGNATURE, make_bundle
from tests.helpers.catalog import (SHIPPED, copy_shipped, replace_in, resign, set_version, signed_bundle,
                                   signing_keys, zip_of)


@pytest.fixture(scope="module")
def keys():
    return signing_keys()


@pytest.fixture
def store(tmp_path, keys):
    return CatalogStore(SHIPPED, tmp_path / "updates", public_keys=[keys[1]], max_bytes=2_000_000)


@pytest.fixture
def newer(tmp_path):
    d = copy_shipped(tmp_path / "newer")
    set_version(d, "2099.1.1")
    return d


def _members(payload: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(payload)) as z:
        return {n: z.read(n) for n in z.namelist()}


def _refused(store, payload, reason):
    """check() refuses with `reason` and nothing changes on disk."""
    before = store.installed_directory()
    result, new = store.check(lambda etag: Fetched(payload, "e-bad"))
    assert (result.status, new) == ("refused", None), result
    assert reason in result.detail, result.detail
    assert store.installed_directory() == before
    assert [p.name for p in (store.updates / "versions").glob(".staging-*")] == []
    return result


def test_without_updates_the_shipped_catalog_is_used(store):
    c = store.open()
    assert c.directory == SHIPPED and store.etag() is None and store.installed_directory() is None


def test_install_makes_the_signed_bundle_current(store, newer, keys):
    shipped_version = store.open().version
    catalog = store.install(make_bundle(newer, keys[0]), etag='"v2"')
    assert catalog.version == "2099.1.1" != shipped_version
    assert store.open().version == "2099.1.1"
    assert store.etag() == '"v2"'
    assert (store.updates / "current").is_symlink()
    assert len(catalog) == len(store.open())
    assert (store.updates / HIGHEST).read_text().split()[0] == "2099.1.1"


def test_bundle_is_a_zip_of_the_catalog_files_and_a_signature(newer, keys):
    names = set(_members(make_bundle(newer, keys[0])))
    assert {"catalog.toml", "items/household.toml", SIGNATURE} <= names


def test_second_install_replaces_the_first_and_prunes_it(store, newer, keys):
    store.install(make_bundle(newer, keys[0]), etag="a")
    first = store.installed_directory()
    set_version(newer, "2099.1.2")
    store.install(make_bundle(newer, keys[0]), etag="b")
    assert store.open().version == "2099.1.2"
    assert not first.exists()
    assert len(list((store.updates / "versions").iterdir())) == 1


# ---- who may publish a catalog ----

def test_unsigned_bundle_refused(store, newer, keys):
    members = _members(make_bundle(newer, keys[0]))
    del members[SIGNATURE]
    _refused(store, zip_of(members), "not signed")
    # the old unsigned formats are refused too: a JSON document, and central's placeholder when it has no catalog
    _refused(store, b'{"version": "2099.1.1", "item": [{"code": "X"}]}', "not a signed catalog bundle")
    _refused(store, b'{"version": 0, "items": []}', "not a signed catalog bundle")
    assert store.open().directory == SHIPPED


def test_bundle_signed_by_another_key_refused(store, tmp_path):
    other_private, _ = signing_keys()
    _refused(store, signed_bundle(tmp_path, "2099.1.1", other_private), "does not verify with any trusted")


@pytest.mark.parametrize("tamper", [
    lambda m: m.__setitem__("items/household.toml", m["items/household.toml"].replace(
        "出生登记".encode(), "出生登记（改）".encode(), 1)),
    lambda m: m.__setitem__("items/extra.toml", b'[[item]]\ncode = "XX-001"\n'),  # a member added
    lambda m: m.pop("items/tax.toml"),  # a member removed
    lambda m: m.__setitem__("items/renamed.toml", m.pop("items/tax.toml")),
    lambda m: m.__setitem__(SIGNATURE, m[SIGNATURE].replace(b"version 2099.1.1", b"version 2099.1.9")),
])
def test_tampered_bundle_refused(store, newer, keys, tamper):
    members = _members(make_bundle(newer, keys[0]))
    tamper(members)
    _refused(store, zip_of(members), "does not verify")


def test_no_key_configured_refuses_without_asking_central_and_says_so_once(tmp_path, newer, keys, caplog):
    store = CatalogStore(SHIPPED, tmp_path / "updates")
    asked = []
    with caplog.at_level(logging.WARNING, logger="kiosk.catalog.updates"):
        for _ in range(3):
            result, _ = store.check(lambda etag: asked.append(etag) or Fetched(make_bundle(newer, keys[0]), "x"))
            assert result.status == "refused" and result.detail == NO_KEYS
    assert asked == [] and [r.getMessage() for r in caplog.records] == [NO_KEYS]
    with pytest.raises(UpdateRefused, match="no trusted catalog key"):
        store.install(make_bundle(newer, keys[0]))
    assert store.open().directory == SHIPPED  # the shipped catalog keeps working


def test_installed_catalog_is_used_only_while_a_trusted_key_vouches_for_it(tmp_path, store, newer, keys):
    store.install(make_bundle(newer, keys[0]))
    assert store.open().version == "2099.1.1"
    # the key was withdrawn from kiosk.toml: what it signed is no longer used
    _, other_public = signing_keys()
    assert CatalogStore(SHIPPED, store.updates, public_keys=[other_public]).open().directory == SHIPPED
    # a file changed on disk after the install
    replace_in(store.installed_directory() / "items" / "household.toml", "出生登记", "出生登记（改）")
    assert store.open().directory == SHIPPED


# ---- versions only go up ----

def test_downgrade_refused(store, tmp_path, keys):
    store.install(signed_bundle(tmp_path, "2099.1.2", keys[0]), "a")
    _refused(store, signed_bundle(tmp_path, "2099.1.1", keys[0]), "older than 2099.1.2 (downgrade)")
    _refused(store, signed_bundle(tmp_path, "2099.0.10", keys[0]), "downgrade")
    assert store.open().version == "2099.1.2"
    assert store.check(lambda etag: Fetched(signed_bundle(tmp_path, "2099.1.10", keys[0]), "b"))[0].status \
        == "installed"  # numbers compare as numbers: 10 > 2


def test_replay_and_same_version_with_other_content_refused(store, tmp_path, keys):
    first = signed_bundle(tmp_path, "2099.1.2", keys[0])
    store.install(first, "a")
    _refused(store, first, "already installed")
    other = signed_bundle(tmp_path, "2099.1.2", keys[0],
                          edit=lambda d: replace_in(d / "items" / "household.toml", "出生登记", "出生登记（改）"))
    _refused(store, other, "installed before with different content")


def test_not_newer_than_the_shipped_catalog_refused(store, tmp_path, keys):
    shipped = store.open().version
    _refused(store, signed_bundle(tmp_path, shipped, keys[0]), "not newer than the shipped catalog")
    _refused(store, signed_bundle(tmp_path, "2000.1.1", keys[0]), "not newer than the shipped catalog")


def test_the_floor_survives_losing_the_installed_catalog(store, tmp_path, keys):
    store.install(signed_bundle(tmp_path, "2099.1.2", keys[0]), "a")
    (store.updates / "current").unlink()  # e.g. removed by hand: the shipped catalog is used again
    assert store.open().directory == SHIPPED
    _refused(store, signed_bundle(tmp_path, "2099.1.1", keys[0]), "downgrade")


def test_a_newer_shipped_catalog_wins_over_an_older_installed_one(tmp_path, keys):
    shipped = copy_shipped(tmp_path / "shipped")
    set_version(shipped, "2099.1.1")
    store = CatalogStore(shipped, tmp_path / "updates", public_keys=[keys[1]])
    store.install(signed_bundle(tmp_path, "2099.1.5", keys[0]))
    assert store.open().version == "2099.1.5"
    set_version(shipped, "2099.2.0")  # a software update shipped a newer catalog
    assert store.open().version == "2099.2.0" and store.open().directory == shipped


def test_version_must_be_dotted_numbers_to_be_bundled(newer, keys):
    set_version(newer, "spring-edition")
    with pytest.raises(ValueError, match="dotted numbers"):
        make_bundle(newer, keys[0])


# ---- whatever the bytes, a refusal (and never an exception) ----

def _deep(files):
    files["items/deep.json"] = b'{"item": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"


def _unhashable_material_ref(files):
    files["items/refs.json"] = b'{"item": [{"code": "ZZ-001", "materials": [{"ref": ["idcard"]}]}]}'


def _unhashable_field_ref(files):
    files["items/refs.json"] = b'{"item": [{"code": "ZZ-001", "form": [{"ref": {"key": "name"}}]}]}'


@pytest.mark.parametrize("change,reason", [
    (_unhashable_material_ref, "item ZZ-001: materials.0.ref: must be the name of a material"),
    (_unhashable_field_ref, "item ZZ-001: form.0.ref: must be the key of a field"),
    (_deep, "items/deep.json: nested more than 32 levels deep"),
    (lambda f: f.__setitem__("items/deep.toml", b"a = " + b"[" * 50_000 + b"]" * 50_000), "nested more than"),
    (lambda f: f.__setitem__("items/deep2.toml", b"a = " + b"{b = " * 5_000 + b"}" * 5_000), "nested more than"),
    (lambda f: f.__setitem__("items/latin1.toml", "[[item]]\nname = 'Café'\n".encode("latin-1")), "not UTF-8"),
    (lambda f: f.__setitem__("items/list.json", b'{"item": "not a list"}'), "expected only a list of items"),
    (lambda f: f.__setitem__("items/list.json", b'{"item": [[1, 2]]}'), "an item must be a table"),
    (lambda f: f.__setitem__("items/types.json", b'{"item": [{"code": 7, "name": ["x"]}]}'), "does not validate"),
    (lambda f: f.__setitem__("catalog.toml", b"version = ["), "does not validate"),
    (lambda f: f.__setitem__("catalog.toml", f["catalog.toml"].replace(b'version = "2099.1.1"', b'version = "2099.1.3"')),
     "catalog says version 2099.1.3, its signature 2099.1.1"),
])
def test_signed_but_broken_bundles_are_refused(store, newer, keys, change, reason):
    _refused(store, resign(make_bundle(newer, keys[0]), keys[0], change), reason)
    assert store.open().directory == SHIPPED


def test_catastrophic_form_pattern_refuses_the_whole_catalog(store, newer, keys):
    def evil(files):
        files["items/business.toml"] = files["items/business.toml"].replace(
            b'pattern = "^[0-9A-HJ-NPQRTUWXY]{18}$"', b'pattern = "^([0-9A-Z]+)+$"', 1)
    _refused(store, resign(make_bundle(newer, keys[0]), keys[0], evil), "form.")


@pytest.mark.parametrize("payload,reason", [
    (b"not a zip at all", "not a signed catalog bundle"),
    (b"PK\x03\x04" + b"\x00" * 100, "not a readable zip archive"),
    (zip_of({"../../etc/evil.toml": b"x", SIGNATURE: b"x", "catalog.toml": b""}), "unexpected file"),
    (zip_of({"/abs/catalog.toml": b"x", SIGNATURE: b"x", "catalog.toml": b""}), "unexpected file"),
    (zip_of({"catalog.toml": b"", "items/run.sh": b"#!/bin/sh", SIGNATURE: b"x"}), "unexpected file"),
    (zip_of({"catalog.toml": b"", "catalog.json": b"{}", SIGNATURE: b"x"}), "exactly one of"),
    (zip_of({"catalog.toml": b"version = 1", "items/a.toml": b"x" * 3_000_000, SIGNATURE: b"x"}), "more than"),
    (zip_of({"catalog.toml": b"", SIGNATURE: b"x" * 5000}), "larger than"),
    (zip_of({"catalog.toml": b"", SIGNATURE: b"\xff\xfe"}), "not ASCII"),
    (zip_of({"catalog.toml": b"", SIGNATURE: b"hall-kiosk catalog bundle 1\nversion 1.0\nsignature x:y\n"}),
     "does not verify"),
    (zip_of({"catalog.toml": b"", SIGNATURE: b"hall-kiosk catalog bundle 1\nversion latest\nsignature x\n"}),
     "not dotted numbers"),
])
def test_malformed_bundles_are_refused(store, payload, reason):
    _refused(store, payload, reason)
    assert store.installed_directory() is None and store.open().directory == SHIPPED


def test_duplicate_member_refused(store, newer, keys):
    payload = make_bundle(newer, keys[0])
    buf = io.BytesIO(payload)
    with zipfile.ZipFile(buf, "a") as z, pytest.warns(UserWarning, match="Duplicate"):
        z.writestr("items/tax.toml", b"")
    _refused(store, buf.getvalue(), "same file twice")


def test_oversized_payload_refused_before_unpacking(tmp_path, newer, keys):
    small = CatalogStore(SHIPPED, tmp_path / "u", public_keys=[keys[1]], max_bytes=10_000)
    with pytest.raises(UpdateRefused, match="limit"):
        small.install(make_bundle(newer, keys[0]))


def test_broken_installed_catalog_falls_back_to_shipped(store, newer, keys):
    store.install(make_bundle(newer, keys[0]))
    (store.installed_directory() / "catalog.toml").write_text("garbage = [", encoding="utf-8")
    assert store.open().directory == SHIPPED


def test_leftover_staging_from_a_crash_is_cleaned_up(store, newer, keys):
    (store.updates / "versions" / ".staging-dead").mkdir(parents=True)
    store.install(make_bundle(newer, keys[0]))
    assert not (store.updates / "versions" / ".staging-dead").exists()


def test_check_outcomes(store, newer, keys):
    bundle = make_bundle(newer, keys[0])
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


def test_from_config_resolves_relative_paths_and_takes_the_keys(tmp_path, keys):
    cfg = CatalogConfig(directory=str(SHIPPED), updates_directory="var/cat", most_used=["HJ-001"],
                        update_public_keys=[keys[1]])
    s = CatalogStore.from_config(cfg, tmp_path)
    assert s.updates == tmp_path / "var" / "cat" and s.most_used == ["HJ-001"] and s.public_keys == [keys[1]]
    assert s.open().most_used(1)[0].code == "HJ-001"


@pytest.mark.parametrize("key,reason", [
    ("rsa:AAAA", "supported: ed25519"),
    ("ed25519:not base64!", "not valid base64"),
    ("ed25519:AAAA", "needs 32"),
])
def test_bad_public_key_in_config_is_a_clear_error(key, reason):
    with pytest.raises(ValueError, match=reason):
        CatalogConfig(update_public_keys=[key])
