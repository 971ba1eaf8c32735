"""The real `kiosk run` killed with SIGKILL while a receipt prints, then started again: the attract screen, the
queue intact and syncing to a real central, the unfinished receipt offered in staff mode, the crash counted."""

from __future__ import annotations

import json
import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import tomllib

from kiosk.pins import MIN_ITERATIONS, hash_pin
from protocol import signing
from protocol.receipt_link import tracking_of
from tests.helpers.apply import decode_qr
from tests.helpers.identify import sim_config
from tests.helpers.kiosk import REPO, dumps
from tests.helpers.kiosk_driver import STAFF_PIN

DEAD_URL = "http://127.0.0.1:9"  # nothing listens: the first run keeps its application in the queue


def _start(script: str, cfg) -> subprocess.Popen:
    """The driver in a child process; two threads drain its pipes (a full stderr pipe would stall the kiosk, and
    lines are read with a deadline from a queue, never by a readline that can wait forever)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_TTS_ENGINE": "mock"}
    proc = subprocess.Popen([sys.executable, "-m", "tests.helpers.kiosk_driver", script, str(cfg)], cwd=REPO,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc.lines, proc.errors = queue.Queue(), []

    def pump(stream, put) -> None:
        for line in stream:
            put(line)
        put(None)

    threading.Thread(target=pump, args=(proc.stdout, proc.lines.put), daemon=True).start()
    threading.Thread(target=pump, args=(proc.stderr, proc.errors.append), daemon=True).start()
    return proc


def _line(proc: subprocess.Popen, word: str, timeout: float = 120) -> str:
    """The rest of the first stdout line starting with `word` (the driver prints nothing personal)."""
    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        try:
            line = proc.lines.get(timeout=left)
        except queue.Empty:
            break
        if line is None:
            tail = "".join(e for e in proc.errors if e)[-3000:]
            raise AssertionError(f"kiosk ended before {word}: {proc.wait(10)} {tail}")
        if line.startswith(word + " ") or line.strip() == word:
            return line[len(word):].strip()
    raise AssertionError(f"no {word} within {timeout} s")


def _config(tmp_path, shared_faces, central_url: str):
    secret = tmp_path / "var" / "terminal.secret"
    path = sim_config(tmp_path, shared_faces,
                      central={"url": central_url, "credentials_file": str(secret), "sync_interval_seconds": 0.2,
                               "backoff_base_seconds": 0.2, "backoff_cap_seconds": 1, "timeout_seconds": 5},
                      queue={"database": "var/q.sqlite3", "key_file": "var/q.key"}, logging={"directory": "log"},
                      maintenance={"pin_hash": hash_pin(STAFF_PIN, iterations=MIN_ITERATIONS)})
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    # the printer takes 10 s to confirm each job: the kill lands while the receipt is in flight
    data["devices"]["printer"].update(sim_output_dir="receipts", settle_ms=10_000)
    path.write_text(dumps(data), encoding="utf-8")
    return path


def test_sigkill_while_the_receipt_prints_then_restart(tmp_path, shared_faces, central):
    signing.write_secret(tmp_path / "var" / "terminal.secret", central.secret)
    cfg = _config(tmp_path, shared_faces, DEAD_URL)
    first = _start("visit", cfg)
    try:
        tracking = _line(first, "INFLIGHT")
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(30)
    assert tracking and first.returncode == -signal.SIGKILL
    with sqlite3.connect(tmp_path / "var" / "q.sqlite3") as db:  # committed before the receipt began
        assert db.execute("SELECT count(*) FROM records WHERE state='pending'").fetchone()[0] >= 1
    inflight = tmp_path / "var" / "print-inflight.json"
    assert inflight.exists() and b"\\u5f20" not in inflight.read_bytes()
    assert tracking not in inflight.read_text() and "110105" not in inflight.read_text()  # sealed, not in clear
    receipts = tmp_path / "receipts"
    printed_before = len(list(receipts.glob("*.png"))) if receipts.is_dir() else 0

    _config(tmp_path, shared_faces, central.url)  # the network is back for the second run
    second = _start("staff", cfg)
    try:
        assert json.loads(_line(second, "SCREEN"))["stack"] == ["Attract"]  # nobody's data on screen
        assert "回执" in _line(second, "UNFINISHED")
        assert json.loads(_line(second, "REPRINTED", timeout=60))["row"] is False  # the row went away
        deadline = time.monotonic() + 60
        while central.store.case(tracking) is None and time.monotonic() < deadline:
            time.sleep(0.2)
        assert central.store.case(tracking)["service_code"] == "ZJ-002"  # the queue resumed syncing
        # central hears of the crash at once: a beat kept from the first run goes first as it was, then one
        # carrying the crash follows without waiting for the heartbeat interval
        # (read from central's heartbeat history: the next interval beat, with no new crash, replaces the last one)
        deadline = time.monotonic() + 60
        crashes: list = []
        while not crashes and time.monotonic() < deadline:
            crashes = [b["crashes"] for b in central.store.heartbeats("SIM-0001") if b.get("crashes")]
            time.sleep(0.2)
        assert crashes == [1]
    finally:
        second.terminate()
        assert second.wait(30) == 0
    printed = sorted(receipts.glob("*.png"), key=os.path.getmtime)
    assert len(printed) > printed_before and tracking_of(decode_qr(printed[-1])) == tracking
    log = (tmp_path / "log" / "kiosk.log").read_text(encoding="utf-8")
    assert "ended without shutting down" in log and "print job was interrupted" in log
    assert not (tmp_path / "var" / "print-unfinished.json").exists()
    assert not (tmp_path / "var" / "kiosk.running").exists()  # this run ended cleanly
    assert json.loads((tmp_path / "var" / "crashes.json").read_text())["reported"] == 1
