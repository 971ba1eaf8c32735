"""Self-tests a technician runs per device from staff mode: each says pass or fail with the facts to act on."""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

TITLES = {
    "card_read": "身份证读卡", "camera": "摄像头抓拍", "printer": "打印测试页", "smartcard": "社保卡读卡器列表",
    "a4printer": "A4打印机状态", "central": "连接中心平台", "disk": "磁盘空间", "queue_db": "队列数据库校验",
}
MIN_FREE_BYTES = 256 * 1024 * 1024  # below this the queue may soon refuse applications (disk full)


@dataclass(frozen=True)
class SelfTest:
    """One result: no personal data in detail or facts (card fields arrive masked)."""

    key: str
    ok: bool
    detail: str
    facts: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def title(self) -> str:
        return TITLES.get(self.key, self.key)

    def as_dict(self) -> dict[str, Any]:
        return {"key": self.key, "title": self.title, "ok": self.ok, "detail": self.detail, "facts": self.facts,
                "seconds": round(self.seconds, 2)}


def _timed(key: str, work: Callable[[], tuple[bool, str, dict]]) -> SelfTest:
    start = time.monotonic()
    try:
        ok, detail, facts = work()
    except Exception as exc:  # a self-test reports a broken device, it never breaks staff mode
        ok, detail, facts = False, f"{type(exc).__name__}: {exc}"[:300], {}
    return SelfTest(key, ok, detail, facts, time.monotonic() - start)


def card_read(identity, reader_health: dict | None, wait: float = 5.0) -> SelfTest:
    """The card on the reader read back, masked; waits up to `wait` seconds for one to be placed or re-read."""
    from kiosk.identity import IdentityPresented, IdentityProblem

    def work() -> tuple[bool, str, dict]:
        if reader_health is None:
            return False, "no ID card reader configured or opened", {}
        if not reader_health.get("connected", False):
            return False, f"reader not connected: {reader_health.get('last_error') or 'no answer'}", {}
        got: list = []
        arrived = threading.Event()

        def listen(event) -> None:
            if isinstance(event, (IdentityPresented, IdentityProblem)) and event.source == "idcard":
                got.append(event)
                arrived.set()

        identity.subscribe(listen)
        current = identity.current
        if current is None or current.source != "idcard":
            arrived.wait(wait)
        event = got[-1] if got else current
        if isinstance(event, IdentityProblem):
            return False, f"read failed: {event.problem.code}: {event.problem.technician}", {"code": event.problem.code}
        if event is None:
            return False, "no card read: place a test card on the reader", {"sam_ok": reader_health.get("sam_ok")}
        fields = event.display()
        return True, " · ".join(v for v in fields.values() if v), {"fields": fields, "photo": event.photo is not None}

    return _timed("card_read", work)


def camera_snapshot(camera, detect: Callable[[Any], list] | None, wait: float = 5.0) -> SelfTest:
    """A fresh frame from the camera and the face boxes found in it (a picture problem fails the test)."""
    def work() -> tuple[bool, str, dict]:
        if camera is None:
            return False, "no camera configured or opened", {}
        status = camera.status
        if status.fault is not None:
            return False, f"{status.fault.code}: {status.fault.detail}", {"code": status.fault.code}
        latest = camera.latest()
        frame = camera.next_frame(latest.seq if latest is not None else 0, wait)
        if frame is None:
            return False, f"no frame within {wait:g} s", {}
        if camera.status.fault is not None:  # black or frozen is only noticed once frames flow
            fault = camera.status.fault
            return False, f"{fault.code}: {fault.detail}", {"code": fault.code}
        height, width = frame.image.shape[:2]
        facts: dict[str, Any] = {"size": f"{width}x{height}"}
        if detect is None:
            return True, f"frame {width}x{height} (face models not loaded)", facts
        boxes = detect(frame.image)
        facts["faces"] = [[b.left, b.top, b.right, b.bottom] for b in boxes]
        if not boxes:
            return True, f"frame {width}x{height}, no face in front of the camera", facts
        b = boxes[0]
        return True, f"frame {width}x{height}, face at ({b.left},{b.top})-({b.right},{b.bottom})", facts

    return _timed("camera", work)


def printer_test_page(printing, wait: float = 30.0) -> SelfTest:
    """The paper state read, a test page printed, the state read again: both states are in the result."""
    def work() -> tuple[bool, str, dict]:
        before = printing.readiness()
        facts: dict[str, Any] = {"before": before.state.value}
        if not before.ready:
            problem = before.problem.technician if before.problem is not None else before.state.value
            return False, f"not printed: paper {before.state.value} ({problem})", facts
        done = threading.Event()
        outcome: list = []
        printing.print_test_page(lambda job: (outcome.append(None), done.set()),
                                 lambda job, problem: (outcome.append(problem), done.set()))
        if not done.wait(wait):
            return False, f"the test page did not finish within {wait:g} s", facts
        after = printing.readiness()
        facts["after"] = after.state.value
        if outcome[0] is not None:
            return False, f"test page failed: {outcome[0].technician}; paper {before.state.value} -> " \
                          f"{after.state.value}", facts
        return True, f"test page printed; paper {before.state.value} -> {after.state.value}", facts

    return _timed("printer", work)


def a4_printer_state(a4printing) -> SelfTest:
    """CUPS asked for the A4 queue's state (no page printed: A4 sheets are the hall's, not the test's)."""
    def work() -> tuple[bool, str, dict]:
        if not a4printing.available:
            return False, "no A4 printer configured ([devices.a4printer] driver = \"none\"): certificates go to " \
                          "the receipt printer", {}
        r = a4printing.readiness()
        facts = {"state": r.state, **({"code": r.problem.code} if r.problem else {})}
        if not r.ready:
            return False, f"{r.problem.code}: {r.problem.technician}", facts
        return True, f"CUPS queue {a4printing.printer.uri}: {r.state}, accepting jobs", facts

    return _timed("a4printer", work)


def smartcard_readers(list_readers: Callable[[], list[str]] | None, configured: str = "") -> SelfTest:
    """The PC/SC readers pcscd offers, and whether the configured one is among them."""
    def work() -> tuple[bool, str, dict]:
        if list_readers is None:
            return False, "smart card reader disabled in the configuration", {}
        names = list_readers()
        matching = [n for n in names if configured in n]
        facts = {"readers": names, "configured": configured}
        if not matching:
            return False, f"no reader matching {configured!r}; pcscd lists {names or 'none'}", facts
        return True, f"{len(names)} reader(s): {', '.join(names)}", facts

    return _timed("smartcard", work)


def central_reachable(ping: Callable[[], dict] | None) -> SelfTest:
    """ping() -> {latency, clock_offset}: a signed round trip to central and how far our clock is from its clock."""
    def work() -> tuple[bool, str, dict]:
        if ping is None:
            return False, "the offline queue is not open, so there is no link to central", {}
        answer = ping()
        latency, offset = answer["latency"], answer.get("clock_offset")
        detail = f"answered in {latency * 1000:.0f} ms"
        if offset is not None:
            detail += f", our clock is {offset:+.0f} s from central's"
        # signed requests outside the replay window are refused: an off clock breaks the link by itself
        if offset is not None and abs(offset) > 60:
            return False, detail + " (more than 60 s: signed requests will be refused)", answer
        return True, detail, answer

    return _timed("central", work)


def free_disk(folder: Path, minimum: int = MIN_FREE_BYTES) -> SelfTest:
    def work() -> tuple[bool, str, dict]:
        usage = shutil.disk_usage(folder)
        facts = {"free_bytes": usage.free, "total_bytes": usage.total, "path": str(folder)}
        detail = f"{usage.free / 2**30:.1f} GiB free of {usage.total / 2**30:.1f} GiB"
        if usage.free < minimum:
            return False, detail + f" (below {minimum / 2**20:.0f} MiB)", facts
        return True, detail, facts

    return _timed("disk", work)


def queue_integrity(database: Path) -> SelfTest:
    """PRAGMA integrity_check on a read-only connection of its own (the queue's connection caches pages)."""
    def work() -> tuple[bool, str, dict]:
        if not database.exists():
            return False, f"{database} does not exist", {}
        conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30)
        try:
            lines = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
        except sqlite3.DatabaseError as exc:
            return False, f"unreadable: {exc}", {}
        finally:
            conn.close()
        if lines == ["ok"]:
            return True, "integrity_check: ok", {}
        return False, "; ".join(lines)[:300], {"problems": lines}

    return _timed("queue_db", work)


def for_core(core) -> dict[str, Callable[[], SelfTest]]:
    """Each self-test bound to the running kiosk's devices and queue (key -> run it now; blocking)."""
    cfg = core.cfg
    database = cfg.path(cfg.queue.database)
    smart = cfg.devices.smartcard

    def reader_health() -> dict | None:
        dev = core.devices.get("idcard")
        return dev.health() if dev is not None else None

    def detect() -> Callable[[Any], list] | None:
        try:
            from kiosk.face.dlib_engine import shared_engine

            return shared_engine().detect
        except Exception:  # models missing: the snapshot alone still says whether the camera works
            return None

    def readers() -> Callable[[], list[str]] | None:
        if not smart.enabled:
            return None
        from drivers.pcsc.readers import reader_names

        return reader_names

    def ping() -> Callable[[], dict] | None:
        if core.submissions is None:
            return None

        def measured() -> dict:
            answer = core.submissions.client.ping()
            if core.beats is not None:
                core.beats.measured(answer.get("clock_offset"))
            return answer

        return measured

    return {
        "card_read": lambda: card_read(core.identity, reader_health()),
        "camera": lambda: camera_snapshot(core.devices.get("camera"), detect()),
        "printer": lambda: printer_test_page(core.printing),
        "smartcard": lambda: smartcard_readers(readers(), smart.reader),
        "a4printer": lambda: a4_printer_state(core.a4printing),
        "central": lambda: central_reachable(ping()),
        "disk": lambda: free_disk(database.parent if database.parent.exists() else cfg.base_dir),
        "queue_db": lambda: queue_integrity(database),
    }
