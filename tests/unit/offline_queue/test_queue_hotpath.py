"""The enqueue hot path's own codecs agree with the reference ones (ULID library, TrackingNumber, json)."""

import hashlib
import random
import time
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ulid import ULID

from protocol import tracking
from offline_queue.ids import is_id, new_id
from offline_queue.store import legacy_local_id_hash, local_id_hash
from tests.helpers.central import make_store


def test_new_id_is_a_valid_ulid_of_now_and_unique():
    ids = [new_id() for _ in range(5000)]
    assert len(set(ids)) == len(ids)
    for rid in ids[::50]:
        parsed = ULID.from_str(rid)
        assert str(parsed) == rid and is_id(rid) and abs(parsed.timestamp - time.time()) < 60


@given(st.sampled_from(["SIM-0001", "A1B2", "Z", "BENCH-01", "T-9-X"]), st.dates(date(2000, 1, 1), date(2099, 12, 31)),
       st.integers(1, 9_999_999_999))
def test_incremental_issue_matches_the_plain_check_character(terminal, day, seq):
    number = tracking.issue(terminal, day, seq)
    assert number == str(tracking.TrackingNumber(terminal, day, seq))
    assert tracking.parse(number) == tracking.TrackingNumber(terminal, day, seq)
    assert tracking.DayIssuer(terminal, day).number(seq) == number




def test_stored_id_hash_is_the_keyed_hash(tmp_path):
    store = make_store(tmp_path)
    id_number = f"99010119900101{random.randrange(1000):03d}x"
    store.enqueue_submission("gjj.withdraw", {}, {"name": "测试人", "id_number": f" {id_number} "})
    stored = store._conn.execute("SELECT id_hash FROM records").fetchone()[0]
    assert stored == local_id_hash(store._key, id_number)
    assert len(store.lookup_by_id_number(id_number.upper())) == 1
    store.close()


def test_randomness_drawn_by_the_caller_is_what_the_id_and_nonce_use(tmp_path):
    fresh = bytes(range(28))
    assert new_id(fresh[:16])[10:] == "0123456789ABCDEF"  # the low five bits of each byte, in Crockford base32
    store = make_store(tmp_path)
    sealed = store._suite.encrypt(b"record", b"aad", fresh[16:])
    assert sealed[:12] == fresh[16:] and store._suite.decrypt(sealed, b"aad") == b"record"
    store.close()


def test_the_id_hashes_are_the_ones_held_records_carry():
    """Known answers: a change of label, key derivation or construction would leave every record on a terminal
    unfindable by card while the other tests, computing both sides alike, still passed."""
    key, number = bytes(range(32)), "990101199001011234"  # an invented number
    assert local_id_hash(key, number).hex() == "d94251dd27d1919ccca62b92af2dbfa1d04daa6b03c979bc83a42a6d34ab67d0"
    # earlier versions' HMAC-SHA256, as they computed it (offline_queue/store.py before 2026-11-29)
    assert legacy_local_id_hash(key, f" {number.lower()} ").hex() == (
        "64c168e6d9a0ff6afe33922e04975d84517247707d80595547d9ff9de0260f76")
    assert local_id_hash(key, number) != hashlib.blake2b(number.encode(), digest_size=32, key=key).digest()


def test_a_record_written_with_the_older_id_hash_is_still_found(tmp_path):
    store = make_store(tmp_path)
    id_number = f"99010119900101{random.randrange(1000):03d}X"
    old = store.enqueue_submission("gjj.withdraw", {}, {"name": "测试人", "id_number": id_number})
    # as a queue written before the keyed BLAKE2b hash holds it (its personal part may be purged: no recompute)
    store._conn.execute("UPDATE records SET id_hash=? WHERE seq=?", (legacy_local_id_hash(store._key, id_number),
                                                                      old.seq))
    new = store.enqueue_submission("gjj.withdraw", {}, {"name": "测试人", "id_number": id_number.lower()})
    other = store.enqueue_submission("gjj.withdraw", {}, {"name": "测试人", "id_number": "990101199001019990"})
    assert [c.tracking for c in store.lookup_by_id_number(id_number)] == [old.tracking, new.tracking]
    assert [c.tracking for c in store.lookup_by_id_number("990101199001019990")] == [other.tracking]
    assert local_id_hash(store._key, id_number) != legacy_local_id_hash(store._key, id_number)
    store.close()


def test_tracking_numbers_take_the_local_date_of_each_enqueue_across_midnight(tmp_path):
    midnight = datetime(2026, 12, 31) + timedelta(days=1)  # local time: the new year's first second
    times = iter([(midnight - timedelta(seconds=1)).timestamp(), midnight.timestamp(),
                  (midnight + timedelta(days=1, seconds=-0.001)).timestamp(), (midnight - timedelta(days=3)).timestamp()])
    store = make_store(tmp_path, clock=lambda: next(times))
    numbers = [tracking.parse(store.enqueue_submission("gjj.withdraw", {}, {}).tracking) for _ in range(4)]
    assert [(n.day, n.seq) for n in numbers] == [(date(2026, 12, 31), 1), (date(2027, 1, 1), 2), (date(2027, 1, 1), 3),
                                                 (date(2026, 12, 29), 4)]  # a clock set back is followed too
    store.close()


def test_a_terminal_id_the_check_character_cannot_weigh_fails_every_enqueue_alike(tmp_path):
    store = make_store(tmp_path, terminal="sim-0001")  # lower case: the configuration refuses it, a direct caller may not
    for _ in range(2):  # the second as the first: the day's issuer was not left half made
        with pytest.raises(KeyError):
            store.enqueue_submission("gjj.withdraw", {}, {})
    assert store._conn.execute("SELECT count(*) FROM records").fetchone()[0] == 0
    store.close()
