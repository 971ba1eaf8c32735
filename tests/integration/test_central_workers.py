"""Several central worker processes on PostgreSQL: the same 1,000 submissions sent twice, at once, from 20
terminals are each accepted exactly once, and the case numbers run without gaps or doubles."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from datetime import date

import httpx
import pytest

from central.storage import CentralStore
from protocol import signing, tracking
from tests.conftest import REPO
from tests.helpers.central import free_port, invented_applicant, wait_for_port

TERMINALS, PER_TERMINAL, BATCH, WORKERS = 20, 50, 10, 3


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                        out.append(int(entry))
            except OSError:
                pass
    return out


@pytest.mark.slow
def test_the_same_submissions_twice_from_20_terminals_on_several_workers(tmp_path, postgres):
    url = postgres.new_database()
    store = CentralStore(url, keys_dir=tmp_path)
    secrets = {f"SIM-{i:04d}": signing.new_secret() for i in range(1, TERMINALS + 1)}
    for terminal, secret in secrets.items():
        store.add_terminal(terminal, secret)
    store.close()
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "central.cli", "serve", "--port", str(port), "--db", url,
                               "--keys-dir", str(tmp_path), "--workers", str(WORKERS), "--terminal-limit", "off",
                               "--address-limit", "off"], cwd=REPO)
    answers: dict[str, list[dict]] = {}
    failures: list[str] = []
    lock = threading.Lock()

    def send(terminal: str, batches: list[list[dict]]) -> None:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
            for items in batches:
                body = json.dumps({"items": items}).encode()
                headers = signing.sign("POST", "/v1/batch", body, terminal=terminal, secret=secrets[terminal],
                                       now=time.time())
                r = client.post("/v1/batch", content=body, headers={"Content-Type": "application/json", **headers})
                with lock:
                    if r.status_code != 200:
                        failures.append(f"{terminal}: HTTP {r.status_code} {r.text[:200]}")
                        continue
                    for result in r.json()["results"]:
                        answers.setdefault(result["id"], []).append(result)

    try:
        wait_for_port(port, server, timeout=60)
        deadline = time.monotonic() + 60
        while len(_children(server.pid)) < WORKERS and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(_children(server.pid)) >= WORKERS  # several processes really serve
        threads = []
        for t_index, terminal in enumerate(secrets):
            items = [{"id": f"{terminal}-{seq}", "seq": seq, "kind": "submission", "body": {
                "tracking": tracking.issue(terminal, date(2026, 4, 1), seq), "service_code": "JZ-001",
                "applicant": invented_applicant(t_index * PER_TERMINAL + seq), "attachments": []}}
                for seq in range(1, PER_TERMINAL + 1)]
            batches = [items[i:i + BATCH] for i in range(0, len(items), BATCH)]
            # the same batches twice at once, as a kiosk retrying while its first try is still in flight
            threads += [threading.Thread(target=send, args=(terminal, batches)),
                        threading.Thread(target=send, args=(terminal, batches[::-1]))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(600)
        assert not failures, failures[:5]
    finally:
        server.terminate()
        server.wait(30)

    total = TERMINALS * PER_TERMINAL
    assert len(answers) == total
    for rid, pair in answers.items():
        assert sorted(a["result"] for a in pair) == ["accepted", "duplicate"], (rid, pair)
        assert pair[0]["case_number"] == pair[1]["case_number"], rid
    numbers = sorted(int(a[0]["case_number"][9:]) for a in answers.values())
    assert numbers == list(range(1, total + 1))  # no gap, no double
    store = CentralStore(url, keys_dir=tmp_path)
    try:
        assert store.counts()["cases"] == total and store.counts()["items"] == total
    finally:
        store.close()
