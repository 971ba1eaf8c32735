"""Staff mode: health rows that say what is wrong, and the log tail."""

from kiosk.maintenance import device_faults, health_rows, recent_log


def test_health_rows_flag_faults():
    health = {"devices": {
        "idcard": {"ok": True, "connected": True, "port": "/dev/pts/3", "last_error": ""},
        "camera": {"ok": False, "detail": "cannot open /dev/video0"},
        "printer": {"ok": True, "state": "out", "url": "sim:"},
    }, "queue": {"link": "offline", "depth": {"pending": 3}, "oldest_pending_age": 120.4, "last_error": "refused"}}
    rows = {r.key: r for r in health_rows(health)}
    assert rows["idcard"].ok and "port=/dev/pts/3" in rows["idcard"].detail
    assert not rows["camera"].ok and "video0" in rows["camera"].detail
    assert not rows["printer"].ok and "state=out" in rows["printer"].detail
    assert not rows["queue"].ok and "pending" in rows["queue"].detail and "120 s" in rows["queue"].detail


def test_device_faults_name_what_cannot_serve():
    devices = {"idcard": {"ok": True, "connected": False, "port": "/dev/ttyUSB9", "last_error": ""},
               "camera": {"ok": True, "connected": True},
               "printer": {"ok": False, "detail": "ValueError: no such printer"}}
    faults = device_faults(devices)
    assert [f.split(":")[0] for f in faults] == ["idcard", "printer"]
    assert "ttyUSB9" in faults[0] and "no such printer" in faults[1]


def test_missing_queue_is_a_fault():
    rows = health_rows({"devices": {}, "queue": None})
    assert rows[-1].key == "queue" and not rows[-1].ok


def test_recent_log(tmp_path):
    (tmp_path / "kiosk.log").write_text("".join(f"line {i}\n" for i in range(100)), encoding="utf-8")
    assert recent_log(tmp_path, 3) == ["line 97", "line 98", "line 99"]
    assert recent_log(tmp_path / "none")[0].startswith("cannot read")


def test_every_device_kind_has_a_name_for_staff():
    from drivers.kinds import KINDS
    from kiosk.maintenance import DEVICE_NAMES

    assert set(DEVICE_NAMES) == {kind.name for kind in KINDS}
