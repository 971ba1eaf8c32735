"""Which queue a database file is: an id kept inside it, and a high-water mark kept beside the key file."""

from __future__ import annotations

import json
import logging
import os
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from offline_queue.errors import QueueMismatchError

log = logging.getLogger(__name__)

# how to start over on purpose; every refusal ends with it
NEW_QUEUE_HINT = ("If the right database file cannot be put back, start a new queue deliberately: stop the kiosk and "
                  "run `kiosk queue new --yes` (it moves the database, its key and its mark aside into a "
                  "retired-<time> folder next to the database and deletes nothing), then start the kiosk again.")


@dataclass(frozen=True)
class Mark:
    """What the key file has been used with: the queue's id and a sequence number already committed in it."""

    queue_id: str
    seq: int


def mark_path(key_file: Path) -> Path:
    """The mark lives beside the key: whoever keeps (or backs up) the key keeps the mark with it."""
    return key_file.with_name(key_file.name + ".mark")


def read_mark(path: Path) -> Mark | None:
    """None when there is no mark (a fresh install, or a queue from before marks existed)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise QueueMismatchError(f"queue mark {path} cannot be read ({exc.strerror})") from None
    try:
        doc = json.loads(raw)
        return Mark(str(doc["queue_id"]), int(doc["seq"]))
    except (ValueError, KeyError, TypeError):
        raise QueueMismatchError(
            f"queue mark {path} is damaged. If the queue database is known to be the right one, move the mark "
            f"aside and start again (it is written anew from the database). {NEW_QUEUE_HINT}") from None


_write_lock = threading.Lock()


def write_mark(path: Path, mark: Mark) -> bool:
    """Atomically (temp file, fsync, rename); False when it could not be written (tried again at the next chance).

    A failure is logged, never raised: the records are committed already, and the mark is a safety net for
    the next start, not a condition of this enqueue."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with _write_lock:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                os.write(fd, json.dumps({"queue_id": mark.queue_id, "seq": mark.seq}).encode() + b"\n")
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(tmp, path)
            _fsync_dir(path.parent)
        return True
    except OSError as exc:
        log.warning("queue mark %s not written: %s", path, exc.strerror)
        tmp.unlink(missing_ok=True)
        return False


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def check(database: Path, key_file: Path, mark: Mark | None, queue_id: str | None, max_seq: int) -> None:
    """Raises QueueMismatchError when the database is not the one the mark (beside the key) says it should be.

    The mark lags: it holds a sequence number that was committed when it was written (open, close, every
    MARK_EVERY records), never one ahead. Sequence numbers never go back (records are never deleted), so a
    genuine database always has MAX(seq) >= mark.seq, and a lagging mark cannot cause a false refusal. It is
    still enough for what matters: an emptied or recreated database has no queue id at all, and another
    terminal's has a different one, so both are refused whatever the mark's number. The number only adds
    the detection of a database put back from an older copy, to within the lag."""
    if mark is None:
        return
    if queue_id is None:
        raise QueueMismatchError(
            f"queue database {database} is missing, empty or new, but key file {key_file} has been used with queue "
            f"{mark.queue_id} up to record {mark.seq}: the applications that queue held are not in this file, so "
            f"the kiosk will not start a new queue over them. Restore the database file. {NEW_QUEUE_HINT}")
    if queue_id != mark.queue_id:
        raise QueueMismatchError(
            f"queue database {database} belongs to queue {queue_id}, but key file {key_file} has been used with "
            f"queue {mark.queue_id}: the file was replaced (another terminal's database, or a copy of another "
            f"install). Put this terminal's own database back. {NEW_QUEUE_HINT}")
    if max_seq < mark.seq:
        raise QueueMismatchError(
            f"queue database {database} ends at record {max_seq}, but queue {queue_id} had already reached record "
            f"{mark.seq}: records are missing (the file was put back from an older copy?). Restore the newest "
            f"copy. {NEW_QUEUE_HINT}")


def retire(database: Path, key_file: Path, now: float | None = None) -> tuple[Path, list[Path]]:
    """Moves the database (with its WAL and shared-memory files), the key and its mark into a new folder
    retired-<local time> beside the database; deletes nothing. Returns the folder and what was moved."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(time.time() if now is None else now))
    folder = database.parent / f"retired-{stamp}"
    n = 1
    while True:
        try:
            folder.mkdir(parents=True)
            break
        except FileExistsError:
            n += 1
            folder = database.parent / f"retired-{stamp}-{n}"
    moved = []
    for path in (database, Path(f"{database}-wal"), Path(f"{database}-shm"), key_file, mark_path(key_file)):
        if path.exists():
            # shutil.move copies and then unlinks when the key sits on another file system: nothing is lost
            moved.append(Path(shutil.move(str(path), str(folder / path.name))))
    for parent in {folder, database.parent, key_file.parent}:
        _fsync_dir(parent)
    return folder, moved
