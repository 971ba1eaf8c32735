"""Configuration overlays end to end, every part a real process: `kiosk central serve` on 127.0.0.1, overlays
published with `kiosk central publish-config`, and the real `kiosk run`, started again by the test whenever it ends
(as kiosk.service's Restart=always does). An overlay is applied; a bad one is refused with its reason seen at central
(one central refuses to publish, one the kiosk refuses by its schema, one a rogue central hands out); one that
breaks start-up is rolled back by the kiosk's own next start.

What breaks start-up is a test hook (KIOSK_DEBUG_START_FAILS_IF, ui/app.py): a start whose configuration has that
value dies before its first frame, as one the schema accepts but the kiosk cannot start with would."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from tests.helpers.central import TERMINAL, free_port, wait_for_port
from tests.helpers.kiosk import REPO, write_config

SITE = "HALL-01"
GOOD = "[display]\nidle_timeout_seconds = 120\n[locale]\nvoice_rate = -0.4\n"
# each value in range, but the countdown longer than the timeout: kiosk.toml's schema says no
SCHEMA_BAD = "[display]\nidle_timeout_seconds = 60\nidle_warning_seconds = 75\n"
BREAKS = "[display]\nidle_timeout_seconds = 333\n"
HOOK = "display.idle_timeout_seconds=333"
CEILING = 300.0  # seconds; generous: each kiosk start renders and opens simulated devices on a shared machine


def _central_cli(central_db, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "central.cli", *args, *central_db.cli()], cwd=REPO,
                          capture_output=True, text=True, timeout=120)


class Supervised:
    """`kiosk run` started again each time it ends; each run's exit status kept, its output in a file of its own."""

    def __init__(self, cfg, folder, env) -> None:
        self.exits: list[int] = []
        self._cfg, self._folder, self._env = cfg, folder, env
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self.proc: subprocess.Popen | None = None
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        run = 0
        while not self._stopping.is_set():
            run += 1
            with open(self._folder / f"run{run}.out", "w") as out, self._lock:
                if self._stopping.is_set():
                    return
                self.proc = subprocess.Popen([sys.executable, "-m", "kiosk.cli", "run", "--windowed", "--config",
                                              str(self._cfg)], cwd=REPO, env=self._env, stdout=out,
                                             stderr=subprocess.STDOUT)
            code = self.proc.wait()
            with self._lock:
                self.exits.append(code)
            time.sleep(0.5)  # kiosk.service's RestartSec, shortened

    def stop(self) -> int | None:
        with self._lock:
            self._stopping.set()
            proc = self.proc
        if proc is None:
            return None
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        code = proc.wait(60)
        self._thread.join(30)
        return code

    def output(self) -> str:
        return "".join(p.read_text(errors="replace") for p in sorted(self._folder.glob("run*.out")))


def _config_beat(central_db) -> dict:
    [(last,)] = central_db.rows("SELECT last_heartbeat FROM terminals WHERE id = :t", t=TERMINAL)
    return (json.loads(last) if last else {}).get("config") or {}


def _wait_beat(central_db, kiosk: Supervised, **wanted) -> dict:
    deadline = time.monotonic() + CEILING
    while time.monotonic() < deadline:
        config = _config_beat(central_db)
        if all(config.get(k) == v for k, v in wanted.items()):
            return config
        time.sleep(0.5)
    raise AssertionError(f"central never heard {wanted}; last {_config_beat(central_db)}; exits {kiosk.exits}\n"
                         f"{kiosk.output()[-4000:]}")


def _terminal_view(central_db) -> dict:
    done = _central_cli(central_db, "terminal", TERMINAL, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _publish(central_db, tmp_path, name: str, text: str, *target: str) -> subprocess.CompletedProcess:
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return _central_cli(central_db, "publish-config", *target, str(path), "--actor", "ops:test")


@pytest.fixture
def central_process(tmp_path, central_db):
    secret = tmp_path / "var" / "terminal.secret"
    done = _central_cli(central_db, "add-terminal", TERMINAL, "--site", SITE, "--secret-file", str(secret))
    assert done.returncode == 0, done.stderr
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "central.cli", "serve", "--port", str(port), *central_db.cli()],
                              cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port, server)
        yield f"http://127.0.0.1:{port}", secret
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(30)


def test_applied_refused_and_rolled_back(tmp_path, central_db, central_process):
    url, secret = central_process
    cfg = write_config(tmp_path, queue={"database": "q.sqlite3", "key_file": "q.key"}, logging={"directory": "log"},
                       locale={"voice_prompts": False}, **{"devices.printer": {"sim_output_dir": "receipts"}},
                       central={"url": url, "credentials_file": str(secret), "sync_interval_seconds": 0.5,
                                "heartbeat_seconds": 1, "backoff_base_seconds": 0.2, "backoff_cap_seconds": 1,
                                "timeout_seconds": 5})
    done = _publish(central_db, tmp_path, "good", GOOD, "--site", SITE)
    assert done.returncode == 0 and "version 1 published for site:HALL-01" in done.stdout, done.stderr
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_TTS_ENGINE": "mock", "KIOSK_DEBUG_START_FAILS_IF": HOOK}
    kiosk = Supervised(cfg, tmp_path, env)
    try:
        # applied: fetched, checked, applied by a restart at a quiet moment, proven by the next start's first frame
        _wait_beat(central_db, kiosk, version=1, state="applied")
        assert kiosk.exits == [0]  # the one restart that applied it
        log = (tmp_path / "log" / "kiosk.log").read_text(encoding="utf-8")
        assert ("configuration overlay version 1 from site:HALL-01 in use: display.idle_timeout_seconds, "
                "locale.voice_rate") in log
        view = _terminal_view(central_db)
        assert view["config"] | {"reported_at": None} == {
            "terminal": TERMINAL, "site": SITE, "offered": 1, "running": 1, "state": "applied", "offered_seen": 1,
            "reason": None, "reported_at": None}

        # refused at publish: central never stores a key an overlay may not set
        done = _publish(central_db, tmp_path, "url", '[central]\nurl = "https://elsewhere.example"\n',
                        "--terminal", TERMINAL)
        assert done.returncode == 2 and "central.url may not be set remotely" in done.stderr

        # refused by the kiosk: allowed keys, but kiosk.toml's schema does not hold with them; nothing restarts
        assert _publish(central_db, tmp_path, "bad", SCHEMA_BAD, "--terminal", TERMINAL).returncode == 0
        config = _wait_beat(central_db, kiosk, state="refused", offered=2)
        assert config["version"] == 1
        assert "display.idle_warning_seconds: must be shorter than idle_timeout_seconds" in config["reason"]
        view = _terminal_view(central_db)
        assert view["config"]["state"] == "refused" and "idle_warning_seconds" in view["config"]["reason"]
        assert "config_refused" in [f["code"] for f in view["flags"]]
        text = _central_cli(central_db, "terminal", TERMINAL).stdout
        assert "configuration overlay: offered v2, runs v1 (refused); v2 refused: display.idle_warning" in text

        # a central that hands out what it must not (an older or a compromised one): the kiosk refuses it too
        with sqlite3.connect(central_db.target, timeout=30) as db:
            db.execute("INSERT INTO overlays (version, scope, target, body, actor, published_at) VALUES "
                       "(3, 'terminal', ?, ?, 'rogue', ?)", (TERMINAL, '[central]\nurl = "https://x.example"\n',
                                                            time.time()))
            db.execute("UPDATE counters SET value = 3 WHERE name = 'overlay'")
        config = _wait_beat(central_db, kiosk, state="refused", offered=3)
        assert "central.url may not be set remotely" in config["reason"] and config["version"] == 1
        assert kiosk.exits == [0]

        # breaks start-up: applied by a restart, the start with it dies, the start after that rolls it back
        assert _publish(central_db, tmp_path, "breaks", BREAKS, "--terminal", TERMINAL).returncode == 0
        config = _wait_beat(central_db, kiosk, state="rolled_back", offered=4)
        assert config["version"] == 1
        assert "did not reach its first frame with version 4" in config["reason"]
        assert kiosk.exits == [0, 0, 1]  # applied (restart), died before its first frame, then rolled back
        view = _terminal_view(central_db)
        assert view["config"]["running"] == 1 and view["config"]["state"] == "rolled_back"
        assert any(b.get("crashes") for b in view["heartbeats"])  # the failed start counts as a crash
        log = (tmp_path / "log" / "kiosk.log").read_text(encoding="utf-8")
        assert "configuration overlay version 4 ROLLED BACK" in log
        assert not (tmp_path / "var" / "overlay" / "applying.json").exists()
    finally:
        code = kiosk.stop()
    assert code == 0, kiosk.output()[-4000:]
