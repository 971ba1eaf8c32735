"""Self-tests against a kiosk core with real simulated devices and a real central: each passes, and each fails on
the fault the simulator tray injects."""

import time

import pytest

from kiosk import selftests
from kiosk.app import KioskCore
from kiosk.config import load
from protocol import signing
from tests.helpers.central import CentralServer, make_store
from tests.helpers.identify import sim_config

ZHANG_ID = "110105198503120039"  # the invented person on the simulator's zhang_normal card


@pytest.fixture
def core(tmp_path, shared_faces):
    server = CentralServer(tmp_path / "central.sqlite3").start()
    secret = tmp_path / "var" / "terminal.secret"
    secret.parent.mkdir(parents=True, exist_ok=True)
    signing.write_secret(secret, server.add_terminal())
    made = KioskCore(load(sim_config(tmp_path, shared_faces, central={
        "url": server.url, "credentials_file": str(secret), "allow_plain_http_loopback": True,
        "timeout_seconds": 5}, queue={"database": "var/q.sqlite3", "key_file": "var/q.key"})))
    made.central = server
    _until(lambda: made.devices.get("idcard").health()["connected"], 60)
    yield made
    made.close()
    if not getattr(server, "stopped", False):
        server.stop()


def _until(condition, timeout=30.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.05)


def _run(core, key):
    return selftests.for_core(core)[key]()


def test_card_read_shows_masked_fields_and_fails_on_a_reader_fault(core):
    missing = _run(core, "card_read")
    assert not missing.ok and "place a test card" in missing.detail
    core.tray.choose("idcard", "card", "zhang_normal")
    read = _run(core, "card_read")
    assert read.ok, read.detail
    assert ZHANG_ID not in repr(read.as_dict()) and "张晓明" not in repr(read.as_dict())
    assert "110105********0039" in read.detail and "张**" in read.detail
    core.tray.choose("idcard", "card", "none")
    _until(lambda: core.identity.current is None)
    core.tray.choose("idcard", "fault", "checksum")
    core.tray.choose("idcard", "card", "zhang_normal")
    bad = _run(core, "card_read")
    assert not bad.ok and "read failed" in bad.detail, bad.detail
    core.tray.choose("idcard", "fault", "unplugged")
    _until(lambda: not core.devices.get("idcard").health()["connected"])
    gone = _run(core, "card_read")
    assert not gone.ok and "not connected" in gone.detail


def test_camera_snapshot_finds_the_face_and_fails_on_a_black_picture(core):
    core.tray.choose("camera", "person", "obama")
    # the frame after the choice may still be the empty room, and the demo turns the head (a profile is no face)
    deadline = time.monotonic() + 30
    snap = _run(core, "camera")
    while snap.ok and not snap.facts["faces"] and time.monotonic() < deadline:
        snap = _run(core, "camera")
    assert snap.ok and snap.facts["faces"], snap.detail
    left, top, right, bottom = snap.facts["faces"][0]
    assert right > left and bottom > top and "face at" in snap.detail
    core.tray.choose("camera", "fault", "black")
    deadline = time.monotonic() + 30
    result = _run(core, "camera")
    while result.ok and time.monotonic() < deadline:  # the camera notices a black picture after a few frames
        result = _run(core, "camera")
    assert not result.ok and "black" in result.detail.lower(), result.detail
    core.tray.choose("camera", "fault", "no_camera")
    _until(lambda: not _run(core, "camera").ok)


def test_printer_test_page_reads_paper_before_and_after(core):
    good = _run(core, "printer")
    assert good.ok and good.facts == {"before": "ok", "after": "ok"}, good.detail
    core.tray.choose("printer", "paper", "out")
    out = _run(core, "printer")
    assert not out.ok and out.facts == {"before": "out"} and "not printed" in out.detail
    core.tray.choose("printer", "paper", "mid_job")  # paper runs out during the page
    mid = _run(core, "printer")
    assert not mid.ok and mid.facts["before"] == "ok" and mid.facts["after"] == "out", mid.detail


def test_central_reachable_then_not(core):
    up = _run(core, "central")
    assert up.ok and up.facts["latency"] > 0 and abs(up.facts["clock_offset"]) <= 2, up.detail
    core.central.stop()
    core.central.stopped = True
    down = _run(core, "central")
    assert not down.ok and down.detail


def test_disk_and_queue_database(core, tmp_path):
    assert _run(core, "disk").ok
    assert not selftests.free_disk(tmp_path, minimum=1 << 62).ok
    assert _run(core, "queue_db").ok
    store = make_store(tmp_path / "other")
    for i in range(300):
        store.enqueue("rating", {"tracking": None, "score": 5, "comment": "x" * 200})
    store.close()  # checkpointed: every page is in the main file
    damaged = tmp_path / "other" / "queue.sqlite3"
    data = bytearray(damaged.read_bytes())
    page = damaged.stat().st_size // 4096 // 2 * 4096  # a leaf page in the middle of the records table
    data[page:page + 64] = b"\xa5" * 64
    damaged.write_bytes(bytes(data))
    result = selftests.queue_integrity(damaged)
    assert not result.ok and result.detail != "integrity_check: ok", result.detail


def test_smartcard_list_disabled_missing_and_present():
    assert not selftests.smartcard_readers(None).ok

    def no_pcscd():
        raise OSError("pcscd not reachable")

    assert "pcscd not reachable" in selftests.smartcard_readers(no_pcscd).detail
    assert not selftests.smartcard_readers(lambda: ["Other Reader 00"], "Virtual PCD").ok
    found = selftests.smartcard_readers(lambda: ["Virtual PCD 00 00"], "Virtual PCD")
    assert found.ok and found.facts["readers"] == ["Virtual PCD 00 00"]
