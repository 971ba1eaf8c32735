"""Staff credentials: the maintenance PIN and the staff-verification PIN, each with an escalating lockout, kept
in a state file so that neither a restart nor a power cut resets a lockout or brings back the shipped PIN."""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from enum import Enum
from pathlib import Path
from typing import Callable

from kiosk.pins import SHIPPED_PIN, check_pin, hash_pin, parse_pin_hash, weakness

log = logging.getLogger(__name__)

MAINTENANCE = "maintenance"
STAFF_VERIFY = "staff_verify"
MAX_TRIES = 5
# the n-th lockout since the last right PIN lasts LOCKOUTS[n-1], then the last one again: at 5 tries a day
# the 10,000 four-digit PINs take years instead of the week a fixed five minutes allowed
LOCKOUTS = (5 * 60, 15 * 60, 60 * 60, 4 * 3600, 24 * 3600)


class Outcome(str, Enum):
    OK = "ok"
    MUST_CHANGE = "must_change"  # the shipped PIN: it opens nothing but the forced PIN change
    WRONG = "wrong"
    LOCKED = "locked"
    UNAVAILABLE = "unavailable"  # no staff-verification PIN has been set
    NOT_ALLOWED = "not_allowed"  # setting a PIN without having signed in (or before the forced change)
    MISMATCH = "mismatch"  # the two entries of a new PIN differ
    WEAK = "weak"
    REUSED = "reused"  # the same PIN for both credentials
    NOT_SAVED = "not_saved"


class StateFile:
    """A small JSON document replaced atomically (temporary file, fsync, rename) and readable by its owner only."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self) -> dict:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError as e:
            log.error("staff state %s unreadable (%s); starting without it", self.path, e.strerror)
            return {}
        try:
            data = json.loads(raw)
            if not isinstance(data, dict):
                raise ValueError("not an object")
        except ValueError:
            aside = self.path.with_name(self.path.name + ".corrupt")
            log.error("staff state %s is corrupt; kept as %s, starting without it", self.path, aside.name)
            try:
                os.replace(self.path, aside)
            except OSError:
                pass
            return {}
        return data

    def write(self, data: dict) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.fchmod(fd, 0o600)  # the umask may not take away what O_CREAT's mode did not give
            os.write(fd, json.dumps(data, indent=1, sort_keys=True).encode())
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, self.path)
        dir_fd = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)  # the rename itself survives a power cut
        finally:
            os.close(dir_fd)


class StaffAccess:
    """Both staff credentials. Checks are slow (PBKDF2) and block: call them from a worker thread.

    A PIN set on the screen is stored in the state file and wins over the configuration's hash. Signing in
    with the shipped PIN (2468) only opens the PIN change; nothing else works until a new PIN is set.
    """

    def __init__(self, pin_hash: str, verify_hash: str, state_path: Path,
                 clock: Callable[[], float] = time.time) -> None:
        self._configured = {MAINTENANCE: pin_hash, STAFF_VERIFY: verify_hash}
        self._file = StateFile(state_path)
        self._clock = clock  # wall clock: a lockout must outlast a restart
        self._attempt_lock = threading.Lock()  # one PBKDF2 at a time, so counting cannot be raced
        self._state_lock = threading.Lock()  # short: the GUI reads the countdown while a check runs
        self._state = self._file.read()
        self._signed_in = False
        self._must_change = False

    @classmethod
    def from_config(cls, cfg) -> "StaffAccess":
        m = cfg.maintenance
        return cls(m.pin_hash, m.staff_verify_pin_hash, cfg.path(m.state_file))

    # ---- what the screens show
    def locked_for(self, which: str) -> int:
        with self._state_lock:
            entry = self._entry(which)
            if entry.get("lockouts", 0) <= 0:
                return 0
            longest = LOCKOUTS[min(entry["lockouts"], len(LOCKOUTS)) - 1]  # a clock set back cannot stretch it
            return max(0, min(longest, int(entry.get("locked_until", 0) - self._clock() + 0.999)))

    def available(self, which: str) -> bool:
        return bool(self._hash(which))

    @property
    def may_maintain(self) -> bool:
        return self._signed_in and not self._must_change

    @property
    def must_change(self) -> bool:
        return self._must_change

    # ---- checks (blocking)
    def sign_in(self, pin: str) -> Outcome:
        outcome = self._attempt(MAINTENANCE, pin)
        if outcome is Outcome.OK:
            self._signed_in = True
            self._must_change = pin == SHIPPED_PIN
            if self._must_change:
                log.warning("maintenance: the shipped PIN was used; a new PIN must be set before anything else")
                return Outcome.MUST_CHANGE
        return outcome

    def confirm(self, pin: str) -> Outcome:
        """The maintenance PIN entered a second time, by staff already signed in, before what ends the kiosk
        session for good (leaving to the desktop): a signed-in screen left unattended is not enough for that."""
        if not self.may_maintain:
            return Outcome.NOT_ALLOWED
        return self._attempt(MAINTENANCE, pin)

    def verify_citizen(self, pin: str) -> Outcome:
        if not self.available(STAFF_VERIFY):
            return Outcome.UNAVAILABLE
        return self._attempt(STAFF_VERIFY, pin)

    def set_pin(self, which: str, new: str, confirm: str) -> Outcome:
        """A new PIN for either credential, by staff signed in to maintenance (the forced change comes first)."""
        if not self._signed_in or (which == STAFF_VERIFY and self._must_change):
            return Outcome.NOT_ALLOWED
        if new != confirm:
            return Outcome.MISMATCH
        if weakness(new):
            return Outcome.WEAK
        other = self._hash(STAFF_VERIFY if which == MAINTENANCE else MAINTENANCE)
        with self._attempt_lock:
            if other and check_pin(new, other):  # a citizen watches the verification PIN being typed
                return Outcome.REUSED
            new_hash = hash_pin(new)
            with self._state_lock:
                pins = {**self._state.get("pins", {}), which: new_hash}
                lockout = {**self._state.get("lockout", {}), which: {}}
                if not self._save({**self._state, "pins": pins, "lockout": lockout}, keep_unsaved=False):
                    return Outcome.NOT_SAVED
        if which == MAINTENANCE:
            self._must_change = False
        log.info("staff: new %s PIN set", which)
        return Outcome.OK

    def sign_out(self) -> None:
        self._signed_in = self._must_change = False

    # ---- inside
    def _hash(self, which: str) -> str:
        stored = self._state.get("pins", {}).get(which)
        if isinstance(stored, str):
            try:
                parse_pin_hash(stored)
                return stored
            except ValueError:
                log.error("staff state: the stored %s PIN hash is unusable; the configured one applies", which)
        return self._configured[which]

    def _entry(self, which: str) -> dict:
        entry = self._state.get("lockout", {}).get(which)
        try:
            return {"failures": int(entry.get("failures", 0)), "lockouts": int(entry.get("lockouts", 0)),
                    "locked_until": float(entry.get("locked_until", 0))} if entry else {}
        except (AttributeError, TypeError, ValueError):
            log.error("staff state: the %s lockout entry is unusable; counting starts again", which)
            return {}

    def _attempt(self, which: str, pin: str) -> Outcome:
        with self._attempt_lock:
            if self.locked_for(which) > 0:
                return Outcome.LOCKED
            pin_hash = self._hash(which)
            ok = bool(pin_hash) and pin.isdigit() and check_pin(pin, pin_hash)
            with self._state_lock:
                entry = self._entry(which)
                if ok:
                    if entry:
                        self._put_entry(which, {})
                    return Outcome.OK
                entry["failures"] = entry.get("failures", 0) + 1
                if entry["failures"] >= MAX_TRIES:
                    entry["failures"] = 0
                    entry["lockouts"] = entry.get("lockouts", 0) + 1
                    entry["locked_until"] = self._clock() + LOCKOUTS[min(entry["lockouts"], len(LOCKOUTS)) - 1]
                    log.warning("staff %s PIN: %d wrong in a row, locked (%d. lockout)", which, MAX_TRIES,
                                entry["lockouts"])
                self._put_entry(which, entry)
            return Outcome.WRONG

    def _put_entry(self, which: str, entry: dict) -> None:
        lockout = {**self._state.get("lockout", {}), which: entry}
        self._save({**self._state, "lockout": lockout})

    def _save(self, state: dict, keep_unsaved: bool = True) -> bool:
        """On disk when it can be; a lockout also holds in memory when it cannot (keep_unsaved), a new PIN not:
        one that a restart would forget must not be the one staff believe they set."""
        try:
            self._file.write(state)
        except OSError as e:
            log.error("staff state %s not saved: %s", self._file.path, e.strerror or e)
            if keep_unsaved:
                self._state = state
            return False
        self._state = state
        return True
