"""Crash test: a kiosk-side process enqueues and syncs while we SIGKILL it at random moments, many times."""

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.conftest import REPO
from tests.helpers.central import central, make_store  # noqa: F401

KILLS = int(os.environ.get("KIOSK_CRASH_KILLS", "50"))


def _child(tmp_path, central, *extra):
    return subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.central", "crash-child", "--dir", str(tmp_path), "--url", central.url,
         "--secret", central.secret, *extra],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_ready(proc):
    line = proc.stdout.readline()
    assert line.strip() == "READY", f"child did not start: {line!r} {proc.stderr.read() if proc.poll() else ''}"


@pytest.mark.slow
def test_sigkill_at_random_loses_nothing_and_duplicates_nothing(tmp_path, central):
    rng = random.Random(int(os.environ.get("KIOSK_CRASH_SEED", time.time())))
    returned: dict[str, str] = {}  # record id -> tracking, for every enqueue that returned
    next_index = 0
    for kill in range(KILLS):
        proc = _child(tmp_path, central, "--start", str(next_index))
        _wait_ready(proc)
        time.sleep(rng.uniform(0.0, 0.25))
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL, err[-2000:]
        complete = out[: out.rfind("\n") + 1]  # a line cut by the kill does not count as returned
        for line in complete.splitlines():
            parts = line.split()
            if len(parts) == 4 and parts[0] == "ENQ":
                returned[parts[2]] = parts[3]
                next_index = max(next_index, int(parts[1]) + 1)
        next_index += 1000  # indexes of a killed enqueue are never reused, so form data tells runs apart

    drain = _child(tmp_path, central, "--drain")
    _wait_ready(drain)
    out, err = drain.communicate(timeout=120)
    assert drain.returncode == 0 and "DRAINED" in out, err[-2000:]

    assert len(returned) > KILLS  # the kills landed among real work
    # local side: intact file, contiguous sequence (no half-written enqueue), every record whole
    with sqlite3.connect(tmp_path / "queue.sqlite3") as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        seqs = [r[0] for r in c.execute("SELECT seq FROM records ORDER BY seq")]
        assert seqs == list(range(1, len(seqs) + 1))
        local = dict(c.execute("SELECT id, tracking FROM records"))
        states = {r[0] for r in c.execute("SELECT DISTINCT state FROM records")}
    assert states == {"acknowledged"}
    store = make_store(tmp_path)
    for claimed_body in _bodies(store):
        assert claimed_body["tracking"] == local[claimed_body["_id"]]
    store.close()

    # central side: every returned enqueue exactly once, and nothing central has that the terminal lacks
    central_items = dict(central.store._q("SELECT item_id, tracking FROM cases"))
    per_tracking = central.store._q("SELECT tracking, COUNT(*) FROM cases GROUP BY tracking HAVING COUNT(*) > 1")
    assert per_tracking == []
    missing = {rid for rid in returned if rid not in central_items}
    assert not missing, f"{len(missing)} returned enqueues never reached central"
    assert central_items == local
    assert all(central_items[rid] == tr for rid, tr in returned.items())
    print(json.dumps({"kills": KILLS, "returned": len(returned), "records": len(local)}))


def _bodies(store):
    """Every record decrypts (none is half-present): read them through the store's own cipher."""
    rows = store._conn.execute("SELECT id, seq FROM records").fetchall()
    for rid, seq in rows:
        body = store.read_body(seq)
        body["_id"] = rid
        yield body
