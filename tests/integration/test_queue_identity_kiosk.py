"""The real `kiosk` processes on an emptied queue database: diagnostics show the fault, `kiosk queue new` starts over."""

import json
import subprocess
import sys

from kiosk.config import load
from offline_queue.store import QueueStore
from tests.helpers.central import invented_applicant
from tests.helpers.kiosk import REPO, write_config


def _run(*args):
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, cwd=REPO, timeout=120)


def _diagnose(config):
    r = _run("kiosk.cli", "diagnose", "--config", str(config))
    return json.loads(r.stdout)["queue"]


def _queue(*args):
    # `kiosk queue ...` once kiosk/cli.py delegates "queue" to kiosk.queue_cli; the same entry point meanwhile
    return _run("kiosk.queue_cli", *args)


def _files(folder):
    """The queue's own files (the instance lock and logs live in var/ too)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and p.name.startswith("queue.")}


def test_an_emptied_queue_is_a_fault_in_diagnostics_until_staff_start_a_new_one(tmp_path):
    config = write_config(tmp_path)
    cfg = load(config)
    var = tmp_path / "var"

    fresh = _diagnose(config)  # a genuinely fresh install makes its queue
    assert fresh["depth"]["pending"] == 0 and (var / "queue.key.mark").exists()
    store = QueueStore(cfg.path(cfg.queue.database), cfg.path(cfg.queue.key_file), terminal_id=cfg.terminal.id)
    for i in range(3):
        store.enqueue_submission("gjj.withdraw", {"i": i}, invented_applicant(i))
    store.close()
    depth = _diagnose(config)["depth"]  # its sync worker may be trying to send them: no central here
    assert depth["pending"] + depth["sending"] == 3

    (var / "queue.sqlite3").write_bytes(b"")
    before = _files(var)
    fault = _diagnose(config)
    assert fault["ok"] is False and "up to record 3" in fault["detail"] and "kiosk queue new" in fault["detail"]
    assert "depth" not in fault  # not a new, empty queue
    r = _queue("check", "--config", str(config))
    assert r.returncode == 1 and json.loads(r.stdout)["code"] == "queue.mismatch"
    r = _queue("new", "--config", str(config))  # without --yes it only says what it would do
    assert r.returncode == 2 and "--yes" in r.stdout
    assert _files(var) == before

    r = _queue("new", "--yes", "--config", str(config))
    assert r.returncode == 0, r.stderr
    [retired] = [p for p in var.iterdir() if p.name.startswith("retired-")]
    assert _files(retired) == before  # moved, not deleted
    again = _diagnose(config)
    assert again["depth"]["pending"] == 0 and "ok" not in again

    r = _queue("new", "--yes", "--config", str(config))  # a queue that opens fine is not retired by accident
    assert r.returncode == 1 and "opens fine" in r.stderr
