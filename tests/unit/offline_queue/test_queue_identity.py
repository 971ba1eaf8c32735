"""A queue database that is not the one its key has been used with is refused, never taken for a new queue."""

import json
import shutil

import pytest

from offline_queue import identity
from offline_queue.errors import KeyMissingError, QueueMismatchError
from offline_queue.store import MARK_EVERY
from tests.helpers.central import invented_applicant, make_store


def _submit(store, i=0):
    return store.enqueue_submission("gjj.withdraw", {"i": i}, invented_applicant(i))


def _files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _mark(folder):
    return json.loads((folder / "queue.key.mark").read_text())


def test_a_fresh_install_makes_a_queue_and_its_mark(tmp_path):
    store = make_store(tmp_path)
    made = _submit(store)
    assert _mark(tmp_path) == {"queue_id": store.queue_id, "seq": 0}
    store.close()
    assert _mark(tmp_path) == {"queue_id": store.queue_id, "seq": made.seq}  # brought up to date on close
    again = make_store(tmp_path)
    assert again.queue_id == store.queue_id and again.lookup(made.tracking) is not None


def test_an_emptied_database_is_refused_and_left_as_it_was(tmp_path):
    store = make_store(tmp_path)
    for i in range(5):
        _submit(store, i)
    store.close()
    db = tmp_path / "queue.sqlite3"
    db.write_bytes(b"")  # what a truncating fault or a careless `> queue.sqlite3` leaves
    before = _files(tmp_path)
    with pytest.raises(QueueMismatchError) as info:
        make_store(tmp_path)
    text = info.value.detail
    assert "empty" in text and "up to record 5" in text and "kiosk queue new" in text
    assert info.value.code == "queue.mismatch"
    assert _files(tmp_path) == before  # still 0 bytes; key and mark untouched


def test_a_deleted_database_is_refused_without_making_a_file(tmp_path):
    store = make_store(tmp_path)
    _submit(store)
    store.close()
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f"queue.sqlite3{suffix}").unlink(missing_ok=True)
    with pytest.raises(QueueMismatchError, match="missing, empty or new"):
        make_store(tmp_path)
    assert not (tmp_path / "queue.sqlite3").exists()


def test_another_terminals_database_is_refused(tmp_path):
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    ours.mkdir(), theirs.mkdir()
    for folder, n in ((ours, 3), (theirs, 0)):  # theirs never held a record: the key check alone would let it in
        store = make_store(folder, terminal="SIM-0002" if folder is theirs else "SIM-0001")
        for i in range(n):
            _submit(store, i)
        store.close()
    shutil.copy(theirs / "queue.sqlite3", ours / "queue.sqlite3")
    with pytest.raises(QueueMismatchError, match="belongs to queue .* replaced"):
        make_store(ours)


def test_another_terminals_database_with_records_is_refused_as_a_mismatch(tmp_path):
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    ours.mkdir(), theirs.mkdir()
    for folder in (ours, theirs):
        store = make_store(folder)
        _submit(store)
        store.close()
    shutil.copy(theirs / "queue.sqlite3", ours / "queue.sqlite3")
    with pytest.raises(QueueMismatchError, match="another terminal's database"):
        make_store(ours)


def test_a_database_put_back_from_an_older_copy_is_refused(tmp_path):
    store = make_store(tmp_path)
    _submit(store)
    store.close()
    old = tmp_path / "old-copy.sqlite3"
    shutil.copy(tmp_path / "queue.sqlite3", old)
    store = make_store(tmp_path)
    for i in range(3):
        _submit(store, i)
    store.close()
    shutil.copy(old, tmp_path / "queue.sqlite3")
    with pytest.raises(QueueMismatchError, match="ends at record 1, but .* reached record 4"):
        make_store(tmp_path)


def test_the_mark_moves_every_mark_every_records_and_never_ahead(tmp_path):
    store = make_store(tmp_path)
    for i in range(MARK_EVERY - 1):
        store.enqueue("event", {"name": "test", "details": {"i": i}})
    assert _mark(tmp_path)["seq"] == 0
    store.enqueue("rating", {"tracking": None, "score": 5})
    assert _mark(tmp_path)["seq"] == MARK_EVERY
    _submit(store)
    assert _mark(tmp_path)["seq"] == MARK_EVERY  # lags until the next step, close or open
    store.close()


def test_a_queue_from_before_marks_is_adopted(tmp_path):
    store = make_store(tmp_path)
    made = _submit(store)
    store.close()
    (tmp_path / "queue.key.mark").unlink()
    again = make_store(tmp_path)
    assert again.lookup(made.tracking) is not None and _mark(tmp_path)["queue_id"] == again.queue_id


def test_a_damaged_mark_is_refused_with_what_to_do(tmp_path):
    make_store(tmp_path).close()
    (tmp_path / "queue.key.mark").write_text("{not json")
    with pytest.raises(QueueMismatchError, match="damaged. If the queue database is known to be the right one"):
        make_store(tmp_path)


def test_a_lost_key_still_is_a_key_problem_not_a_new_queue(tmp_path):
    store = make_store(tmp_path)
    _submit(store)
    store.close()
    (tmp_path / "queue.key").unlink()
    with pytest.raises(KeyMissingError):
        make_store(tmp_path)


def test_retire_moves_everything_aside_and_the_next_start_is_a_new_queue(tmp_path):
    store = make_store(tmp_path)
    made = _submit(store)
    old_id = store.queue_id
    store.close()
    kept = _files(tmp_path)
    folder, moved = identity.retire(tmp_path / "queue.sqlite3", tmp_path / "queue.key")
    assert folder.parent == tmp_path and folder.name.startswith("retired-")
    assert _files(folder) == kept and {p.name for p in moved} == set(kept)  # moved whole, nothing deleted
    assert _files(tmp_path) == {}
    fresh = make_store(tmp_path)
    assert fresh.queue_id != old_id and _submit(fresh).seq == 1
    fresh.close()
    # the retired set is still a queue of its own: its records read back with its own key and mark
    retired = make_store(folder)
    assert retired.queue_id == old_id and retired.claim(1)[0].body["applicant"] == invented_applicant(0)
    retired.close()
    again, _ = identity.retire(tmp_path / "queue.sqlite3", tmp_path / "queue.key")
    assert again != folder and made.seq == 1  # a second retirement in the same second gets its own folder
