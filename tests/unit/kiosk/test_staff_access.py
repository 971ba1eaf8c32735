"""Staff PINs: the shipped PIN only forces a change, lockouts escalate and survive restarts, the staff
verification PIN is its own credential with its own counter, and the state file is 0600 and atomic."""

import json
import stat

import pytest

from kiosk.pins import MAX_ITERATIONS, MIN_ITERATIONS, check_pin, hash_pin, parse_pin_hash, weakness
from kiosk.staff_access import LOCKOUTS, MAINTENANCE, MAX_TRIES, STAFF_VERIFY, Outcome, StaffAccess

FAST = MIN_ITERATIONS  # the cheapest hash the configuration accepts
SHIPPED = hash_pin("2468", iterations=FAST)
STAFF = "80264719"
VERIFY = "5938172"


class Clock:
    def __init__(self):
        self.t = 1_700_000_000.0

    def __call__(self):
        return self.t


@pytest.fixture
def clock():
    return Clock()


def access(tmp_path, clock, pin_hash=SHIPPED, verify_hash=""):
    return StaffAccess(pin_hash, verify_hash, tmp_path / "var" / "staff.json", clock=clock)


def _fail(a, which, times):
    for _ in range(times):
        attempt = a.sign_in if which == MAINTENANCE else a.verify_citizen
        assert attempt("0000") in (Outcome.WRONG, Outcome.LOCKED)


def test_shipped_pin_only_forces_a_change(tmp_path, clock):
    a = access(tmp_path, clock)
    assert a.sign_in("2468") is Outcome.MUST_CHANGE
    assert not a.may_maintain
    assert a.set_pin(STAFF_VERIFY, VERIFY, VERIFY) is Outcome.NOT_ALLOWED  # the maintenance PIN comes first
    assert a.set_pin(MAINTENANCE, STAFF, STAFF[::-1]) is Outcome.MISMATCH
    assert a.set_pin(MAINTENANCE, "2468", "2468") is Outcome.WEAK
    assert a.set_pin(MAINTENANCE, "123456", "123456") is Outcome.WEAK
    assert a.set_pin(MAINTENANCE, STAFF, STAFF) is Outcome.OK
    assert a.may_maintain
    # after a restart the new PIN works and the shipped one no longer does anything
    again = access(tmp_path, clock)
    assert again.sign_in("2468") is Outcome.WRONG
    assert again.sign_in(STAFF) is Outcome.OK and again.may_maintain


def test_setting_a_pin_needs_a_sign_in(tmp_path, clock):
    a = access(tmp_path, clock)
    assert a.set_pin(MAINTENANCE, STAFF, STAFF) is Outcome.NOT_ALLOWED
    assert a.sign_in("2468") is Outcome.MUST_CHANGE
    a.sign_out()
    assert a.set_pin(MAINTENANCE, STAFF, STAFF) is Outcome.NOT_ALLOWED


def test_leaving_for_good_asks_the_pin_again_and_counts_wrong_ones(tmp_path, clock):
    a = access(tmp_path, clock, pin_hash=hash_pin(STAFF, iterations=FAST))
    assert a.confirm(STAFF) is Outcome.NOT_ALLOWED  # only after a sign-in
    assert a.sign_in(STAFF) is Outcome.OK
    assert a.confirm(STAFF) is Outcome.OK
    for _ in range(MAX_TRIES):
        assert a.confirm("0000") is Outcome.WRONG
    assert a.confirm(STAFF) is Outcome.LOCKED and a.locked_for(MAINTENANCE) == LOCKOUTS[0]
    shipped = access(tmp_path / "other", clock)
    assert shipped.sign_in("2468") is Outcome.MUST_CHANGE
    assert shipped.confirm("2468") is Outcome.NOT_ALLOWED  # the shipped PIN leads nowhere but the change


def test_state_file_is_private_and_holds_no_pin(tmp_path, clock):
    a = access(tmp_path, clock)
    a.sign_in("2468")
    a.set_pin(MAINTENANCE, STAFF, STAFF)
    path = tmp_path / "var" / "staff.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = path.read_text(encoding="utf-8")
    assert STAFF not in text
    assert check_pin(STAFF, json.loads(text)["pins"][MAINTENANCE])
    assert not [p for p in path.parent.iterdir() if p.name != "staff.json"]  # no temporary file left behind


def test_lockout_escalates(tmp_path, clock):
    a = access(tmp_path, clock, pin_hash=hash_pin(STAFF, iterations=FAST))
    for lockout in LOCKOUTS + (LOCKOUTS[-1],):
        _fail(a, MAINTENANCE, MAX_TRIES)
        assert a.locked_for(MAINTENANCE) == lockout
        assert a.sign_in(STAFF) is Outcome.LOCKED  # even the right PIN waits
        clock.t += lockout - 1
        assert a.locked_for(MAINTENANCE) == 1
        clock.t += 1
        assert a.locked_for(MAINTENANCE) == 0
    assert a.sign_in(STAFF) is Outcome.OK
    _fail(a, MAINTENANCE, MAX_TRIES)
    assert a.locked_for(MAINTENANCE) == LOCKOUTS[0]  # a right PIN starts the ladder again


def test_lockout_and_failures_survive_a_restart(tmp_path, clock):
    pin_hash = hash_pin(STAFF, iterations=FAST)
    a = access(tmp_path, clock, pin_hash=pin_hash)
    _fail(a, MAINTENANCE, MAX_TRIES)
    clock.t += LOCKOUTS[0]
    _fail(a, MAINTENANCE, MAX_TRIES - 1)
    b = access(tmp_path, clock, pin_hash=pin_hash)  # the kiosk restarted: the fifth failure still locks
    assert b.sign_in("1111") is Outcome.WRONG
    assert b.locked_for(MAINTENANCE) == LOCKOUTS[1]
    c = access(tmp_path, clock, pin_hash=pin_hash)
    assert c.locked_for(MAINTENANCE) == LOCKOUTS[1]
    assert c.sign_in(STAFF) is Outcome.LOCKED


def test_clock_set_back_cannot_stretch_a_lockout(tmp_path, clock):
    a = access(tmp_path, clock, pin_hash=hash_pin(STAFF, iterations=FAST))
    _fail(a, MAINTENANCE, MAX_TRIES)
    clock.t -= 10 * 24 * 3600
    assert a.locked_for(MAINTENANCE) == LOCKOUTS[0]


def test_citizen_cannot_lock_maintenance_out(tmp_path, clock):
    a = access(tmp_path, clock, pin_hash=hash_pin(STAFF, iterations=FAST),
               verify_hash=hash_pin(VERIFY, iterations=FAST))
    _fail(a, STAFF_VERIFY, MAX_TRIES * 3)
    assert a.locked_for(STAFF_VERIFY) > 0
    assert a.locked_for(MAINTENANCE) == 0
    assert a.sign_in(STAFF) is Outcome.OK
    assert a.verify_citizen(VERIFY) is Outcome.LOCKED


def test_maintenance_pin_does_not_verify_citizens(tmp_path, clock):
    a = access(tmp_path, clock, pin_hash=hash_pin(STAFF, iterations=FAST))
    assert a.verify_citizen(STAFF) is Outcome.UNAVAILABLE  # none set yet: the maintenance PIN is no stand-in
    assert a.sign_in(STAFF) is Outcome.OK
    assert a.set_pin(STAFF_VERIFY, STAFF, STAFF) is Outcome.REUSED
    assert a.set_pin(STAFF_VERIFY, VERIFY, VERIFY) is Outcome.OK
    assert a.verify_citizen(STAFF) is Outcome.WRONG
    assert a.verify_citizen(VERIFY) is Outcome.OK
    assert a.set_pin(MAINTENANCE, VERIFY, VERIFY) is Outcome.REUSED


def test_corrupt_state_is_set_aside(tmp_path, clock):
    path = tmp_path / "var" / "staff.json"
    path.parent.mkdir()
    path.write_text("{not json", encoding="utf-8")
    a = access(tmp_path, clock, pin_hash=hash_pin(STAFF, iterations=FAST))
    assert a.sign_in(STAFF) is Outcome.OK
    assert (path.parent / "staff.json.corrupt").exists()


def test_unsaved_new_pin_is_not_used(tmp_path, clock):
    a = access(tmp_path, clock)
    assert a.sign_in("2468") is Outcome.MUST_CHANGE
    (tmp_path / "var" / "staff.json").mkdir(parents=True)  # the state file cannot be replaced
    assert a.set_pin(MAINTENANCE, STAFF, STAFF) is Outcome.NOT_SAVED
    assert a.must_change
    assert a.sign_in(STAFF) is Outcome.WRONG


@pytest.mark.parametrize("bad", [f"pbkdf2_sha256$0${'ab' * 16}${'0' * 64}",
                                 f"pbkdf2_sha256$2000000000${'ab' * 16}${'0' * 64}",
                                 f"pbkdf2_sha256$200000${'ab' * 16}a${'0' * 64}",
                                 f"pbkdf2_sha256$200000${'ab' * 8}${'0' * 64}"])
def test_unsafe_hashes_are_never_checked(bad):
    with pytest.raises(ValueError):
        parse_pin_hash(bad)
    with pytest.raises(ValueError):
        check_pin("2468", bad)  # refused before any PBKDF2 runs: 2e9 iterations would stall for half an hour


def test_hash_bounds_and_weak_pins():
    assert parse_pin_hash(hash_pin("806342", iterations=MAX_ITERATIONS)).iterations == MAX_ITERATIONS
    assert [weakness(p) for p in ("806342", "12345", "1234567890123", "111111", "654321", "2468a1")] == \
        [None, "length", "length", "guessable", "guessable", "length"]
