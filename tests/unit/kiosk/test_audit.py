"""Staff mode's audit log: in the queue database (migrated safely), masked, and at a real central as events."""

import json
import sqlite3

from kiosk.audit import AuditLog
from kiosk.staff_access import MAINTENANCE, STAFF_VERIFY
from offline_queue import schema
from offline_queue.client import CentralClient
from offline_queue.store import AUDIT_EVENT
from offline_queue.worker import SyncWorker
from tests.helpers.central import TERMINAL, central, make_id_number, make_store  # noqa: F401


def test_a_v3_queue_gains_the_audit_table_and_keeps_its_records(tmp_path):
    store = make_store(tmp_path)
    store.enqueue("rating", {"tracking": None, "score": 5, "comment": None})
    store.close()
    with sqlite3.connect(tmp_path / "queue.sqlite3") as c:  # as an older kiosk left it
        c.execute("DROP TABLE audit")
        c.execute("PRAGMA user_version = 3")
    store = make_store(tmp_path)
    assert store._conn.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION
    assert store.stats().depth["pending"] == 1
    schema.MIGRATIONS[3](__import__("sqlite_utils").Database(store._conn))  # re-running the step is harmless
    assert AuditLog(lambda: store).record(MAINTENANCE, "sign_in", outcome="ok")
    store.close()


def test_entries_name_the_slot_and_role_and_mask_what_could_identify(tmp_path):
    store = make_store(tmp_path)
    audit = AuditLog(lambda: store)
    person = make_id_number(7)
    assert audit.record(MAINTENANCE, "queue.reprint", tracking="SIM-0001-20261123-000042-7", note=person, count=3)
    assert audit.record(STAFF_VERIFY, "pin.staff_verify", outcome="wrong")
    newest, first = audit.entries()
    assert newest["actor"] == "staff_verify/hall_staff" and newest["action"] == "pin.staff_verify"
    assert first["actor"] == "maintenance/technician" and first["details"]["count"] == 3
    assert first["details"]["tracking"] == "SIM-0001-********-****42-7"
    raw = (tmp_path / "queue.sqlite3").read_bytes() + (tmp_path / "queue.sqlite3-wal").read_bytes()
    assert person.encode() not in raw and b"20261123-000042" not in raw
    body = store.read_body(1)
    assert body["name"] == AUDIT_EVENT and body["details"]["action"] == "queue.reprint"
    assert person not in json.dumps(body, ensure_ascii=False)
    store.close()


def test_without_a_queue_an_entry_is_logged_not_lost_in_a_crash(tmp_path, caplog):
    audit = AuditLog(lambda: None)
    assert audit.record(MAINTENANCE, "sign_in", outcome="ok") is False
    assert audit.entries() == []
    assert "audit entry sign_in not stored" in caplog.text


def test_entries_reach_central_as_events(central, tmp_path):
    store = make_store(tmp_path)
    client = CentralClient(central.url, TERMINAL, central.secret, timeout=5, allow_plain_http_loopback=True)
    woken = []
    audit = AuditLog(lambda: store, on_recorded=lambda: woken.append(1))
    audit.record(MAINTENANCE, "pin.maintenance", outcome="ok")
    audit.record(MAINTENANCE, "queue.force_sync")
    assert woken == [1, 1]
    assert [e["synced"] for e in audit.entries()] == [False, False]
    SyncWorker(store, client).sync_once()
    assert [e["synced"] for e in audit.entries()] == [True, True]
    with sqlite3.connect(tmp_path / "central.sqlite3") as c:
        bodies = [json.loads(b) for (b,) in c.execute("SELECT body FROM events WHERE terminal=?", (TERMINAL,))]
    actions = sorted(b["details"]["action"] for b in bodies if b["name"] == AUDIT_EVENT)
    assert actions == ["pin.maintenance", "queue.force_sync"]
    assert all(b["details"]["actor"] == "maintenance/technician" for b in bodies)
    client.close()
    store.close()
