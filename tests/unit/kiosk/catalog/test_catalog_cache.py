"""The on-disk catalog cache: a hit gives the same catalog and search results, anything else is a rebuild."""

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.catalog.cache import CatalogCache, content_key
from kiosk.catalog.catalog import Catalog

SHIPPED = Path(__file__).resolve().parents[4] / "assets" / "catalog"
QUERIES = ["sfz", "身份证丢了", "shenfenzheng", "gjj 提取", "公积金贷款", "结婚登记", "户口本丢了", "tuixiu", "ydjy",
           "营业执照", "低保", "残疾证", "房子过户", "户藉", "qqqqxz", "身"]


def _results(catalog):
    return {q: catalog.search_hits(q, 20) for q in QUERIES}


@pytest.fixture(scope="module")
def fresh():
    return Catalog.load(SHIPPED)


def test_hit_gives_the_same_catalog_and_search_results(tmp_path, fresh):
    cache = CatalogCache(tmp_path)
    first = cache.load(SHIPPED)  # miss: validated and written
    assert len(list(tmp_path.glob("*.cache"))) == 1
    second = cache.load(SHIPPED)  # hit
    for c in (first, second):
        assert c.version == fresh.version and c.codes() == fresh.codes()
        assert _results(c) == _results(fresh)
        assert [c.item(code) for code in c.codes()] == [fresh.item(code) for code in fresh.codes()]
        assert c.most_used() == fresh.most_used()


@pytest.mark.parametrize("damage", [lambda b: b[: len(b) // 2], lambda b: b"\x00garbage" * 100, lambda b: b""])
def test_damaged_cache_is_rebuilt(tmp_path, fresh, damage):
    cache = CatalogCache(tmp_path)
    cache.load(SHIPPED)
    path = next(tmp_path.glob("*.cache"))
    path.write_bytes(damage(path.read_bytes()))
    again = cache.load(SHIPPED)
    assert _results(again) == _results(fresh)
    assert cache.load(SHIPPED).codes() == fresh.codes()  # written again whole


def test_other_version_or_most_used_is_a_miss(tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    for p in SHIPPED.rglob("*"):
        if p.is_file():
            (other / p.relative_to(SHIPPED)).parent.mkdir(parents=True, exist_ok=True)
            (other / p.relative_to(SHIPPED)).write_bytes(p.read_bytes())
    text = (other / "catalog.toml").read_text(encoding="utf-8")
    (other / "catalog.toml").write_text(text.replace('version = "2026.11.1"', 'version = "2026.11.2"'), "utf-8")
    assert content_key(other) != content_key(SHIPPED)
    assert content_key(SHIPPED, ["HJ-001"]) != content_key(SHIPPED)
    cache = CatalogCache(tmp_path / "cache")
    assert cache.load(SHIPPED).version == "2026.11.1"
    # a cache of another version under this key's name is not trusted either
    old = next((tmp_path / "cache").glob("*.cache"))
    old.rename(old.with_name(content_key(other) + ".cache"))
    assert cache.load(other).version == "2026.11.2"


def _open_in_a_fresh_process(updates: Path, cache: Path) -> list[str]:
    """A new interpreter opens the catalog as the kiosk does (CatalogStore with a cache folder)."""
    code = ("import sys; from pathlib import Path; from kiosk.catalog.updates import CatalogStore;"
            "s = CatalogStore(Path(sys.argv[1]), Path(sys.argv[2]), cache=Path(sys.argv[3]));"
            "c = s.open(); print(s.cache.last, len(c), c.search_hits('sfz', 1)[0].code)")
    done = subprocess.run([sys.executable, "-c", code, str(SHIPPED), str(updates), str(cache)],
                          cwd=SHIPPED.parents[1], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.split()


def test_second_start_of_the_store_loads_from_the_cache(tmp_path, fresh):
    first = _open_in_a_fresh_process(tmp_path / "updates", tmp_path / "cache")
    second = _open_in_a_fresh_process(tmp_path / "updates", tmp_path / "cache")
    assert first[0] == "absent" and second[0] == "hit"
    assert first[1:] == second[1:] == [str(len(fresh)), fresh.search_hits("sfz", 1)[0].code]
    path = next((tmp_path / "cache").glob("*.cache"))
    path.write_bytes(path.read_bytes()[:1000])  # truncated: a logged rebuild, then a hit again
    assert _open_in_a_fresh_process(tmp_path / "updates", tmp_path / "cache")[0] == "damaged"
    assert _open_in_a_fresh_process(tmp_path / "updates", tmp_path / "cache")[0] == "hit"


def test_every_catalog_module_the_index_is_built_by_is_part_of_the_code_version():
    # a change to any of them must make the cached index a miss (kiosk/catalog/starts.py was once left out)
    import ast
    from pathlib import Path

    from kiosk.catalog import cache

    repo = Path(cache.__file__).resolve().parents[2]
    todo, seen = ["kiosk/catalog/search.py", "kiosk/catalog/catalog.py"], set()
    while todo:
        rel = todo.pop()
        if rel in seen:
            continue
        seen.add(rel)
        for node in ast.walk(ast.parse((repo / rel).read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(("kiosk.catalog", "protocol")):
                path = node.module.replace(".", "/") + ".py"
                if (repo / path).is_file():
                    todo.append(path)
    # an exception class and the language names make no cached contents
    assert seen - set(cache._SOURCES) == {"kiosk/catalog/errors.py", "kiosk/catalog/language.py"}
