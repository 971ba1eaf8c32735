"""Catalog versions at central on both engines: uploads checked with the kiosks' own loader (faults name file, item
and field), signatures checked against trusted keys, publishing to every site or some, and what each terminal is
offered."""

import json

import pytest

from central.catalogs import CatalogRejected, Catalogs
from central.cli import cli_main
from central.storage import CentralStore
from tests.helpers.catalog import replace_in, resign, signed_bundle, signing_keys, zip_of


@pytest.fixture
def store(central_db):
    s = CentralStore(central_db.target, keys_dir=central_db.keys_dir)
    yield s
    s.close()


@pytest.fixture(scope="module")
def keys():
    return signing_keys()


@pytest.fixture(scope="module")
def bundles(tmp_path_factory, keys):
    """Signed bundles of the shipped catalog at a few versions (made once: each validates the whole catalog)."""
    folder = tmp_path_factory.mktemp("bundles")
    made = {v: signed_bundle(folder, v, keys[0]) for v in ("2099.1.1", "2099.2.1", "2099.3.1")}
    made["2099.2.1-renamed"] = signed_bundle(folder, "2099.2.1", keys[0], edit=lambda d: replace_in(
        d / "items" / "household.toml", 'name = "出生登记"', 'name = "出生登记（新生儿落户）"'))
    return made


def test_upload_checks_stores_and_lists_a_version(store, bundles):
    shelf = Catalogs(store)
    done = shelf.upload(bundles["2099.1.1"], actor="manager-sun")
    assert done["new"] and "not checked" in done["warnings"][0]  # no key trusted yet: said, not hidden
    view = done["catalog"]
    assert (view["version"], view["uploaded_by"], view["signature_checked"], view["publications"]) == (
        "2099.1.1", "manager-sun", False, [])
    assert view["items"] >= 60 and view["title"] and view["size"] == len(bundles["2099.1.1"])
    again = shelf.upload(bundles["2099.1.1"], actor="manager-sun")
    assert not again["new"] and again["catalog"]["id"] == view["id"]
    shelf.upload(bundles["2099.3.1"], actor="manager-sun")
    shelf.upload(bundles["2099.2.1"], actor="manager-sun")
    assert [v["version"] for v in shelf.versions()] == ["2099.3.1", "2099.2.1", "2099.1.1"]  # highest first
    with pytest.raises(CatalogRejected) as e:
        shelf.upload(bundles["2099.2.1-renamed"], actor="manager-sun")
    assert e.value.faults == [{"file": "catalog.toml", "item": "", "field": "version", "message": e.value.faults[0][
        "message"]}] and "higher version" in e.value.faults[0]["message"]


def test_a_catalog_the_kiosks_would_refuse_is_refused_naming_file_item_and_field(store, bundles, keys):
    def broken(files):
        files["catalog.toml"] = files["catalog.toml"].replace(b"title = ", b"titel = ", 1)

    with pytest.raises(CatalogRejected) as e:
        Catalogs(store).upload(resign(bundles["2099.1.1"], keys[0], broken), actor="manager-sun")
    found = {(f["file"], f["item"], f["field"]): f["message"] for f in e.value.faults}
    assert found[("catalog.toml", "", "title")] == "required key is missing"
    assert "unknown key" in found[("catalog.toml", "", "titel")]
    assert "titel" in str(e.value) and Catalogs(store).versions() == []


@pytest.mark.parametrize("change, words", [
    (lambda files: files["items/household.toml"].__len__(), None),  # control: re-signed unchanged is fine
    (lambda files: files.update({"items/household.toml": files["items/household.toml"].replace(
        b'handling = "one_trip"', b'handling = "by_post"', 1)}), ("items/household.toml", "HJ-001", "handling")),
    (lambda files: files.update({"items/extra.toml": b"[[item]]\ncode = 'HJ-001'\n"}), ("items/extra.toml",
                                                                                        "HJ-001", "name")),
    (lambda files: files.update({"items/household.toml": b"\xff\xfe"}), ("items/household.toml", "", "")),
])
def test_item_faults_name_the_file_item_and_field(store, bundles, keys, change, words):
    payload = resign(bundles["2099.1.1"], keys[0], change)
    if words is None:
        assert Catalogs(store).upload(payload, actor="a")["new"]
        return
    with pytest.raises(CatalogRejected) as e:
        Catalogs(store).upload(payload, actor="a")
    assert words in [(f["file"], f["item"], f["field"]) for f in e.value.faults], e.value.faults


def test_signatures_are_checked_once_central_trusts_a_key(store, bundles, keys, tmp_path):
    shelf = Catalogs(store)
    shelf.trust(keys[1])
    intruder, _ = signing_keys()
    with pytest.raises(CatalogRejected) as e:
        shelf.upload(signed_bundle(tmp_path, "2099.9.9", intruder), actor="a")
    assert "does not verify" in e.value.faults[0]["message"]
    done = shelf.upload(bundles["2099.1.1"], actor="a")
    assert done["warnings"] == [] and done["catalog"]["signature_checked"]
    for payload, words in ((b"not a zip", "not a signed catalog bundle"),
                           (zip_of({"catalog.toml": b"x"}), "not signed")):
        with pytest.raises(CatalogRejected) as e:
            shelf.upload(payload, actor="a")
        assert words in e.value.faults[0]["message"]
    with pytest.raises(ValueError):
        shelf.trust("ed25519:short")
    assert shelf.trusted_keys() == [keys[1]]
    assert shelf.distrust(keys[1]) == []


def test_each_site_is_offered_the_highest_version_published_to_it_or_to_all(store, bundles):
    shelf = Catalogs(store)
    for v in ("2099.1.1", "2099.2.1", "2099.3.1"):
        shelf.upload(bundles[v], actor="a")
    assert shelf.offered("hall-east") is None  # uploaded is not published
    shelf.publish("2099.1.1", sites=None, actor="manager-sun")
    shelf.publish("2099.2.1", sites=["hall-east", "hall-east"], actor="manager-sun")
    assert shelf.offered("hall-east")["version"] == "2099.2.1"
    assert shelf.offered("village-3")["version"] == shelf.offered(None)["version"] == "2099.1.1"
    shelf.publish("2099.3.1", sites=["village-3"], actor="manager-sun")
    assert shelf.offered("village-3")["version"] == "2099.3.1" and shelf.offered("hall-east")["version"] == "2099.2.1"
    view = shelf.version("2099.2.1")
    assert [(p["site"], p["actor"]) for p in view["publications"]] == [("hall-east", "manager-sun")]
    shelf.withdraw("2099.3.1", sites=["village-3"], actor="manager-sun")
    assert shelf.offered("village-3")["version"] == "2099.1.1"
    with pytest.raises(LookupError):
        shelf.publish("2099.7.7", sites=None, actor="a")
    with pytest.raises(ValueError):
        shelf.publish("2099.1.1", sites=[""], actor="a")
    with pytest.raises(ValueError):
        shelf.publish("2099.1.1", sites=[], actor="a")


def test_rollout_compares_what_each_terminal_runs(store, bundles):
    shelf = Catalogs(store)
    store.add_terminal("SIM-0001", "s" * 64, site="hall-east")
    store.add_terminal("SIM-0002", "t" * 64, site="village-3")
    shelf.upload(bundles["2099.2.1"], actor="a")
    shelf.publish("2099.2.1", sites=["hall-east"], actor="a")
    store.heartbeat("SIM-0001", {"at": 1.0, "catalog": "2099.2.1"})
    store.heartbeat("SIM-0002", {"at": 1.0, "catalog": "2026.1"})
    assert shelf.rollout() == [
        {"terminal": "SIM-0001", "site": "hall-east", "offered": "2099.2.1", "running": "2099.2.1", "current": True},
        {"terminal": "SIM-0002", "site": "village-3", "offered": None, "running": "2026.1", "current": True}]


def test_catalog_commands(store, bundles, keys, tmp_path, central_db, capsys):
    db = central_db.cli()
    bundle = tmp_path / "catalog-2099.1.1.zip"
    bundle.write_bytes(bundles["2099.1.1"])
    pub = tmp_path / "catalog-signing.pub"
    pub.write_text(keys[1] + "\n")
    assert cli_main(["catalog", "trust", str(pub), *db]) == 0
    assert cli_main(["catalog", "upload", str(bundle), "--publish", "--site", "hall-east", *db]) == 0
    assert "uploaded 2099.1.1" in capsys.readouterr().out
    assert cli_main(["catalog", "publish", "2099.1.1", *db]) == 0
    assert cli_main(["catalog", "list", *db]) == 0
    assert "published to: hall-east, every site  uploaded" in capsys.readouterr().out
    broken = tmp_path / "broken.zip"
    broken.write_bytes(resign(bundles["2099.1.1"], keys[0], lambda f: f.update(
        {"items/household.toml": f["items/household.toml"].replace(b'handling = "one_trip"', b'handling = "x"', 1)})))
    assert cli_main(["catalog", "upload", str(broken), *db]) == 1
    assert "items/household.toml: item HJ-001: handling:" in capsys.readouterr().err
    assert cli_main(["catalog", "publish", "2099.8.8", *db]) == 1
    assert cli_main(["catalog", "upload", str(tmp_path / "missing.zip"), *db]) == 2
    assert json.loads(json.dumps(Catalogs(store).versions()))[0]["version"] == "2099.1.1"
