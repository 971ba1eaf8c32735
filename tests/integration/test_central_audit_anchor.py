"""The audit trail's end held against the anchor file outside the database, over real HTTP on SQLite and
PostgreSQL: newest entries deleted behind the database's back show, entries committed before a crash stopped the
anchor are accepted, a missing anchor is made anew, and the anchor never moves backwards."""

from __future__ import annotations

import json
import re
import stat
import subprocess
import sys

import pytest

from central.console import anchor, audit
from tests.helpers.central import CentralServer
from tests.helpers.console import ConsoleClient, add_staff


@pytest.fixture
def server(central_db):
    server = CentralServer(central_db).start()
    for name, role in (("mgr", "manager"), ("aud", "auditor")):
        add_staff(server.store, name, role)
    clients = []
    server.console = lambda: clients.append(ConsoleClient(server.url)) or clients[-1]
    yield server
    for client in clients:
        client.close()
    server.stop()


def _anchor_file(server):
    return server.store.folder / anchor.FILE


def _anchored(server) -> dict:
    return json.loads(_anchor_file(server).read_text())


def _last(server) -> int:
    return server.store._q("SELECT MAX(id) FROM staff_audit")[0][0]


def _in_and_out(server, times: int) -> None:
    manager = server.console()
    for _ in range(times):
        manager.login("mgr")
        manager.post("/console/logout", {"csrf": manager.csrf()})


def _check(auditor) -> str:
    page = auditor.get("/console/audit?verify=1")
    assert page.status_code == 200
    return re.sub(r"\s+", " ", page.text)


def test_removing_the_newest_entries_shows_even_though_the_chain_still_holds(server, central_db):
    auditor = server.console()
    auditor.login("aud")
    _in_and_out(server, 2)
    last = _last(server)
    assert _anchored(server)["seq"] == last
    assert stat.S_IMODE(_anchor_file(server).stat().st_mode) == 0o600
    assert "no entry was removed" in _check(auditor)
    # someone with the database's owner rights switches the guard off and deletes the newest three entries
    with server.store.engine.begin() as c:
        if central_db.engine == "postgresql":
            c.exec_driver_sql("ALTER TABLE staff_audit DISABLE TRIGGER staff_audit_append_only")
        else:
            c.exec_driver_sql("DROP TRIGGER staff_audit_no_delete")
        c.exec_driver_sql(f"DELETE FROM staff_audit WHERE id > {last - 3}")
    page = _check(auditor)
    assert f"all {last - 3} entries check out" in page  # the chain alone cannot tell
    assert f"the newest 3 entries (from entry {last - 2} on) were removed from the database" in page
    assert f"最新的 3 条记录（从第 {last - 2} 条起）已从数据库中删除" in page
    # new entries written over the gap do not hide it: the anchor stays on the entry that was removed
    _in_and_out(server, 3)
    assert _last(server) > last and _anchored(server)["seq"] == last
    page = _check(auditor)
    assert f"entry {last}, held by the anchor outside the database, is no longer in the trail" in page
    assert "最新记录已被删除" in page


def test_entries_committed_before_the_anchor_was_written_are_accepted_and_the_anchor_catches_up(server):
    auditor = server.console()
    auditor.login("aud")
    _in_and_out(server, 1)
    anchored = _anchored(server)["seq"]
    # what a worker killed between its commit and the anchor write leaves behind: committed entries, old anchor
    with server.store.engine.begin() as c:
        for n in range(2):
            audit.append(c, audit.chain_key(server.store.keys.data), at=server.store.clock(), actor="mgr",
                         role="manager", action="call.ack", target=f"terminal:SIM-{n:04d}")
    assert _anchored(server)["seq"] == anchored
    page = _check(auditor)
    assert f"the trail runs 2 intact entries past the anchor (entry {anchored}" in page and "removed" not in page
    assert _anchored(server)["seq"] == anchored + 2 == _last(server)
    assert "no entry was removed" in _check(auditor)


def test_a_missing_anchor_is_said_and_made_anew(server):
    auditor = server.console()
    auditor.login("aud")
    _in_and_out(server, 1)
    _anchor_file(server).unlink()
    page = _check(auditor)
    assert "no anchor yet" in page and "尚无锚点" in page and "were removed" not in page
    assert _anchored(server)["seq"] == _last(server)
    assert "no entry was removed" in _check(auditor)


_RACER = """
import sys
from pathlib import Path
from central.console.anchor import Anchor, Head
trail = Anchor(Path(sys.argv[1]))
for seq in range(int(sys.argv[2]), 400, 2):
    trail.catch_up(Head(seq, format(seq, "064x")))
"""


def test_the_anchor_never_moves_backwards_with_several_writers(tmp_path, central_engine):
    if central_engine != "sqlite":
        pytest.skip("the anchor file is the same on either database")
    path = tmp_path / anchor.FILE
    trail = anchor.Anchor(path)
    assert trail.catch_up(anchor.Head(5, "a" * 64)) and not trail.catch_up(anchor.Head(4, "b" * 64))
    assert trail.read() == anchor.Head(5, "a" * 64)
    racers = [subprocess.Popen([sys.executable, "-c", _RACER, str(path), str(start)]) for start in (1, 2, 1, 2)]
    assert [p.wait(timeout=600) for p in racers] == [0, 0, 0, 0]
    assert trail.read() == anchor.Head(399, format(399, "064x"))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.write_text("not an anchor")
    with pytest.raises(ValueError):
        trail.read()
