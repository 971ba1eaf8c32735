"""Scan the queue's files (database, WAL, shared memory, journal) for a known invented person in clear."""

from pathlib import Path

from offline_queue.client import CentralClient
from offline_queue.worker import SyncWorker
from tests.helpers.central import TERMINAL, central, make_store  # noqa: F401

NAME = "欧阳测试"  # invented
ID_NUMBER = "990101198803070017"  # invented; region 99 does not exist
ADDRESS = "测试省样例市示范路88号"
PHOTO = b"\xff\xd8\xff\xe0FAKE-FACE-PHOTO-MARKER" * 50


def _needles() -> dict[str, bytes]:
    out = {}
    for label, text in (("name", NAME), ("id", ID_NUMBER), ("address", ADDRESS)):
        for enc in ("utf-8", "utf-16-le", "gb18030"):
            out[f"{label}/{enc}"] = text.encode(enc)
    out["id/masked-prefix"] = ID_NUMBER[:14].encode()
    out["photo"] = b"FAKE-FACE-PHOTO-MARKER"
    return out


def _scan(folder: Path) -> list[str]:
    found = []
    files = [p for p in folder.iterdir() if p.name.startswith("queue.sqlite3")]
    for path in files:
        data = path.read_bytes()
        found += [f"{path.name}: {label}" for label, needle in _needles().items() if needle in data]
    return found


def test_personal_data_never_in_clear_on_disk(tmp_path, central):
    store = make_store(tmp_path, retention_days=0)
    for i in range(30):
        store.enqueue_submission("gjj.withdraw", {"contact_address": ADDRESS, "note": f"{NAME} 申请"},
                                 {"name": NAME, "id_number": ID_NUMBER, "address": ADDRESS},
                                 {"score": 0.9}, [PHOTO + bytes([i])])
        store.enqueue("rating", {"tracking": None, "score": 5, "comment": f"{NAME}很满意"})
    assert (tmp_path / "queue.sqlite3-wal").stat().st_size > 0  # records still in the WAL: it gets scanned too
    assert _scan(tmp_path) == []
    assert len(store.lookup_by_id_number(ID_NUMBER)) == 30  # yet the terminal can still find them

    worker = SyncWorker(store, CentralClient(central.url, TERMINAL, central.secret, timeout=5,
                                             allow_plain_http_loopback=True), batch_size=25)
    for _ in range(10):
        worker.sync_once()
    assert store.stats().depth["acknowledged"] == 0 and store.stats().depth["purged"] == 60
    assert _scan(tmp_path) == []
    # purged means gone: not even ciphertext of the personal data stays
    rows = store._conn.execute("SELECT COUNT(*) FROM records WHERE payload IS NOT NULL").fetchone()[0]
    assert rows == 0 and store._conn.execute("SELECT COUNT(*) FROM blobs").fetchone()[0] == 0
    store.close()
    assert _scan(tmp_path) == []


def test_central_did_receive_the_data_in_full(tmp_path, central):
    """Counter-check that the scan's needles are real: they are what central stores."""
    store = make_store(tmp_path)
    made = store.enqueue_submission("gjj.withdraw", {}, {"name": NAME, "id_number": ID_NUMBER})
    SyncWorker(store, CentralClient(central.url, TERMINAL, central.secret, timeout=5,
                                    allow_plain_http_loopback=True)).sync_once()
    assert central.store.case(made.tracking) is not None
    body = central.store.case_body(made.tracking)
    assert body["applicant"]["name"] == NAME and body["applicant"]["id_number"] == ID_NUMBER
    raw = central.store._q("SELECT body FROM cases")[0][0]  # sealed at rest: not even central's file shows them
    assert NAME not in raw and ID_NUMBER not in raw
