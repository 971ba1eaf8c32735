"""The audit chain's head kept outside the database: a file with the newest committed entry's (number, MAC), so
entries removed from the end of the trail (which leaves an intact but shorter chain) show when the trail is checked."""

from __future__ import annotations

import fcntl
import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, select

from central.schema import staff_audit

FILE = "audit-anchor.json"
HEAD = "staff_audit_head"  # Connection.info key: the newest entry appended in the open transaction
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Head:
    seq: int
    mac: str


class Anchor:
    """The anchor file (0600, replaced whole and fsynced). It only ever moves forward: several central processes
    write it, each under an exclusive lock on a lock file next to it."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock_path = self.path.with_name(f".{self.path.name}.lock")

    def read(self) -> Head | None:
        """None when there is no anchor yet. Raises ValueError when the file is not an anchor."""
        try:
            raw = json.loads(self.path.read_text("ascii"))
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError(f"audit anchor {self.path} cannot be read: {exc}") from None
        if not (isinstance(raw, dict) and type(raw.get("seq")) is int and raw["seq"] >= 1
                and isinstance(raw.get("mac"), str) and len(raw["mac"]) == 64):
            raise ValueError(f"audit anchor {self.path} does not hold an entry number and MAC")
        return Head(raw["seq"], raw["mac"])

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing releases the lock

    def _write(self, head: Head) -> None:
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, json.dumps({"seq": head.seq, "mac": head.mac}).encode() + b"\n")
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, self.path)
        dir_fd = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)  # the new anchor must survive a power cut too
        finally:
            os.close(dir_fd)

    def advance(self, engine: Engine, head: Head) -> bool:
        """Moves the anchor to `head` (committed) if it is newer than the anchor and the entry the anchor holds is
        still in the trail unchanged. When that entry is gone the anchor stays where it is: it is the evidence
        that entries were removed, and new entries must not paper over it. True when the anchor moved."""
        with self._locked():
            current = self.read()
            if current is not None and head.seq <= current.seq:
                return False
            if current is not None:
                with engine.connect() as c:
                    kept = c.execute(select(staff_audit.c.mac).where(staff_audit.c.id == current.seq)).scalar()
                if kept != current.mac:
                    log.error("audit anchor kept at entry %d: that entry is no longer in the trail as anchored",
                              current.seq)
                    return False
            self._write(head)
            return True

    def catch_up(self, head: Head) -> bool:
        """After a check found the whole trail intact up to `head` and holding the anchor's entry: moves the anchor
        there unless another process has moved it as far meanwhile."""
        with self._locked():
            current = self.read()
            if current is not None and current.seq >= head.seq:
                return False
            self._write(head)
            return True


def appended(c: Connection, seq: int, mac: str) -> None:
    """Notes the entry just appended in `c`'s transaction, for the anchor once it commits (see `writing`)."""
    c.info[HEAD] = Head(seq, mac)


@contextmanager
def writing(engine: Engine, anchor: Anchor) -> Iterator[Connection]:
    """One write transaction; when it commits with audit entries in it, the anchor moves to the newest. A crash
    between the commit and the anchor leaves the trail ahead of the anchor, which the check accepts."""
    with engine.begin() as c:
        c.info.pop(HEAD, None)  # info belongs to the pooled connection: nothing from an earlier transaction
        try:
            yield c
        finally:
            head = c.info.pop(HEAD, None)
    if head is not None:
        try:
            anchor.advance(engine, head)
        except (OSError, ValueError):
            # the action has committed: a page must not fail because of it; the next append or check catches up
            log.exception("audit anchor not written")


@dataclass(frozen=True)
class AnchorCheck:
    """The trail's end against the anchor. state: "none" (no anchor yet), "unreadable", "held" (the trail ends at
    the anchor), "ahead" (intact entries past it: committed just before a crash, say), "removed" (the trail ends
    before the anchor: the newest entries were deleted), "replaced" (the anchored entry is no longer the one
    anchored: entries from there on, or earlier, were deleted and others written in their place)."""

    state: str
    anchored: int | None = None  # the anchor's entry number
    count: int = 0  # "ahead": entries past the anchor; "removed": entries missing
    first: int | None = None  # "removed"/"replaced": the first entry number that is gone

    @property
    def holds(self) -> bool:
        return self.state not in ("removed", "replaced")


def compare(c: Connection, held: Head | None) -> AnchorCheck:
    """`held` is the anchor as read BEFORE `c`'s transaction began: anything it names had committed by then."""
    if held is None:
        return AnchorCheck("none")
    last = c.execute(select(staff_audit.c.id).order_by(staff_audit.c.id.desc()).limit(1)).scalar() or 0
    if last < held.seq:
        return AnchorCheck("removed", held.seq, held.seq - last, last + 1)
    kept = c.execute(select(staff_audit.c.mac).where(staff_audit.c.id == held.seq)).scalar()
    if kept != held.mac:
        return AnchorCheck("replaced", held.seq, 0, held.seq)
    return AnchorCheck("ahead", held.seq, last - held.seq) if last > held.seq else AnchorCheck("held", held.seq)
