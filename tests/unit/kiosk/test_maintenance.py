"""Staff mode: PIN lockout, health rows that say what is wrong, and the log tail."""

from kiosk.config import hash_pin
from kiosk.maintenance import LOCKOUT_SECONDS, MAX_TRIES, PinGate, health_rows, recent_log


class Clock:
    def __init__(self):
        self.t = 0.0

    def __call__(self):
        return self.t


def test_pin_gate_locks_after_repeated_failures():
    c = Clock()
    gate = PinGate(hash_pin("2468", iterations=1000), clock=c)
    assert not gate.check("1111")
    assert gate.check("2468")
    for _ in range(MAX_TRIES):
        assert not gate.check("0000")
    assert gate.locked_for() == LOCKOUT_SECONDS
    assert not gate.check("2468")  # even the right PIN waits out the lockout
    c.t += LOCKOUT_SECONDS
    assert gate.check("2468")
    assert not gate.check("24a8")


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


def test_missing_queue_is_a_fault():
    rows = health_rows({"devices": {}, "queue": None})
    assert rows[-1].key == "queue" and not rows[-1].ok


def test_recent_log(tmp_path):
    (tmp_path / "kiosk.log").write_text("".join(f"line {i}\n" for i in range(100)), encoding="utf-8")
    assert recent_log(tmp_path, 3) == ["line 97", "line 98", "line 99"]
    assert recent_log(tmp_path / "none")[0].startswith("cannot read")
