"""Central's keyed ID hash: the key file, refusing to go on without it, and rehashing a database of the unkeyed era."""

from __future__ import annotations

import sqlite3
import stat
from datetime import date

import pytest

from central.cli import cli_main
from central.keys import ID_HASH_FILE, TOKEN_FILE, CentralKeyError
from central.storage import CentralStore
from protocol import tracking
from protocol.idhash import central_id_hash
from tests.helpers.central import TERMINAL, invented_applicant
from tests.helpers.legacy_central import bare_sha256, write_legacy_database


def _submit(store: CentralStore, seq: int, person: dict) -> str:
    number = tracking.issue(TERMINAL, date(2026, 4, 1), seq)
    body = {"tracking": number, "service_code": "JZ-001", "applicant": person, "attachments": []}
    assert store.accept_batch(TERMINAL, [{"id": f"R{seq}", "seq": seq, "kind": "submission", "body": body}])[0][
        "result"] == "accepted"
    return number


def _stored_hashes(db) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT id_hash FROM cases ORDER BY rowid")]
    finally:
        conn.close()


def test_the_stored_hash_is_keyed_and_not_the_bare_sha256(tmp_path):
    person = invented_applicant(71)
    store = CentralStore(tmp_path / "central.sqlite3")
    _submit(store, 1, person)
    key = store.keys.id_hash
    store.close()
    stored = _stored_hashes(tmp_path / "central.sqlite3")
    assert stored == [central_id_hash(key, person["id_number"])]
    assert stored[0] != bare_sha256(person["id_number"])
    assert central_id_hash(bytes(32), person["id_number"]) != stored[0]  # another key, another name
    key_file = tmp_path / ID_HASH_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600 and len(bytes.fromhex(key_file.read_text())) == 32
    assert stat.S_IMODE((tmp_path / TOKEN_FILE).stat().st_mode) == 0o600
    again = CentralStore(tmp_path / "central.sqlite3")  # a restart names the person the same way
    assert [c["tracking"] for c in again.cases_by_id_hash(again.id_hash(person["id_number"]))] == [
        tracking.issue(TERMINAL, date(2026, 4, 1), 1)]
    again.close()


def test_keys_dir_elsewhere(tmp_path):
    store = CentralStore(tmp_path / "db" / "central.sqlite3", keys_dir=tmp_path / "keys")
    store.close()
    assert (tmp_path / "keys" / ID_HASH_FILE).is_file() and not (tmp_path / "db" / ID_HASH_FILE).exists()


def test_a_missing_or_other_key_with_data_is_an_error_never_a_new_key(tmp_path, capsys):
    db = tmp_path / "central.sqlite3"
    store = CentralStore(db)
    _submit(store, 1, invented_applicant(72))
    store.close()
    key_file = tmp_path / ID_HASH_FILE
    original = key_file.read_text()
    key_file.unlink()
    with pytest.raises(CentralKeyError, match="missing"):
        CentralStore(db)
    assert not key_file.exists()  # not silently regenerated
    assert cli_main(["set-status", tracking.issue(TERMINAL, date(2026, 4, 1), 1), "办结", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ID-hash key" in err and "missing" in err
    key_file.write_text(bytes(32).hex() + "\n")
    with pytest.raises(CentralKeyError, match="not the key"):
        CentralStore(db)
    key_file.write_text("not hex\n")
    with pytest.raises(CentralKeyError, match="hex digits"):
        CentralStore(db)
    key_file.write_text(original)
    CentralStore(db).close()
    (tmp_path / TOKEN_FILE).unlink()  # the token key may go: only outstanding proofs die with it
    CentralStore(db).close()
    assert (tmp_path / TOKEN_FILE).is_file()


def test_an_empty_database_gets_a_key_whenever_it_needs_one(tmp_path):
    CentralStore(tmp_path / "central.sqlite3").close()
    (tmp_path / ID_HASH_FILE).unlink()
    CentralStore(tmp_path / "central.sqlite3").close()
    assert (tmp_path / ID_HASH_FILE).is_file()


def test_an_old_database_is_rehashed_under_the_key(tmp_path):
    db = tmp_path / "central.sqlite3"
    people = [invented_applicant(73), invented_applicant(74)]
    numbers = write_legacy_database(db, people)
    store = CentralStore(db)
    key = store.keys.id_hash
    for person, number in zip(people, numbers):
        assert [c["tracking"] for c in store.cases_by_id_hash(store.id_hash(person["id_number"]))] == [number]
        assert store.cases_by_id_hash(bare_sha256(person["id_number"])) == []
    store.close()
    assert _stored_hashes(db) == [central_id_hash(key, p["id_number"]) for p in people] + [None]
    conn = sqlite3.connect(db)
    certs = [r[0] for r in conn.execute("SELECT id_hash FROM certificates ORDER BY number")]
    scheme = conn.execute("SELECT value FROM meta WHERE key='id_hash_scheme'").fetchone()[0]
    conn.close()
    assert certs == [central_id_hash(key, people[0]["id_number"]), ""]  # no unkeyed hash is left behind
    assert scheme == "1"
    CentralStore(db).close()  # opened again: nothing is rehashed twice
    assert _stored_hashes(db) == [central_id_hash(key, p["id_number"]) for p in people] + [None]
