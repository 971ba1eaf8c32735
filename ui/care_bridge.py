"""Staff mode's care view-model: self-tests, the queue view, the configuration summary and the diagnostic bundle."""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk import bundle, queue_view, selftests
from kiosk.app import KioskCore
from kiosk.staff_access import MAINTENANCE, StaffAccess
from ui.bridge import Bridge, registered
from ui.shell import Shell

log = logging.getLogger(__name__)


@registered
class CareBridge(Bridge):
    changed = Signal()

    def __init__(self, core: KioskCore, shell: Shell, access: StaffAccess, parent: QObject | None = None) -> None:
        super().__init__(core, shell, parent)
        self._access = access  # the maintenance bridge's: signed in there is signed in here
        self._tests: dict[str, dict] = {}
        self._running: set[str] = set()
        self._queue: dict = {}
        self._config: list[dict] = []
        self._audit: list[dict] = []
        self._message = ""
        core.session.register_wipe("ui-care", self._clear)

    # ---- what the screen shows
    @Property("QVariantList", notify=changed)
    def selfTests(self) -> list[dict]:
        rows = []
        for key, title in selftests.TITLES.items():
            row = self._tests.get(key, {"key": key, "title": title, "ok": None, "detail": ""})
            rows.append({**row, "ok": row["ok"] if row["ok"] is not None else False, "done": row["ok"] is not None,
                         "running": key in self._running, "facts": ""})
        return rows

    @Property("QVariantMap", notify=changed)
    def queue(self) -> dict:
        return self._queue

    @Property("QVariantList", notify=changed)
    def config(self) -> list[dict]:
        return self._config

    @Property("QVariantList", notify=changed)
    def audit(self) -> list[dict]:
        return self._audit

    @Property(str, notify=changed)
    def message(self) -> str:
        return self._message

    @Property(str, constant=True)
    def exportDir(self) -> str:
        return str(bundle.export_dir(self._core.cfg))

    # ---- self-tests
    @Slot(str)
    def runTest(self, key: str) -> None:
        tests = selftests.for_core(self._core)
        if not self._access.may_maintain or key not in tests or key in self._running:
            return
        self._running.add(key)
        self._core.audit.record(MAINTENANCE, "selftest.run", test=key)
        self.changed.emit()
        self.run(f"selftest-{key}", tests[key], self._tested, lambda exc: self._tested(
            selftests.SelfTest(key, False, f"{type(exc).__name__}: {exc}")))

    @Slot()
    def runAll(self) -> None:
        for key in selftests.TITLES:
            self.runTest(key)

    def _tested(self, result: selftests.SelfTest) -> None:
        self._running.discard(result.key)
        self._tests[result.key] = result.as_dict()
        self._core.audit.record(MAINTENANCE, "selftest.result", test=result.key, ok=result.ok)
        self.changed.emit()

    # ---- queue
    @Slot()
    def refreshQueue(self) -> None:
        subs = self._core.submissions
        if not self._access.may_maintain:
            return
        if subs is None:
            self._queue = {"available": False, "detail": self._core.queue_fault or "not opened"}
            self.changed.emit()
            return
        self.run("queue-view", lambda: (queue_view.view(subs).as_dict(), self._core.audit.entries(20)),
                 self._queue_seen, self._failed)

    def _queue_seen(self, seen: tuple) -> None:
        view, self._audit = seen
        now = time.time()
        for row in view["quarantined"] + view["recent"]:
            row["when"] = time.strftime("%m-%d %H:%M", time.localtime(row.get("rejected_at") or row["created_at"]))
        self._queue = {"available": True, **view, "pendingAge": _age(view["oldest_pending_age"]),
                       "lastSync": _age(now - view["last_success"]) if view["last_success"] else ""}
        self.changed.emit()

    @Slot(int, str)
    def retry(self, seq: int, record_id: str) -> None:
        subs = self._core.submissions
        if not self._access.may_maintain or subs is None:
            return
        moved = queue_view.retry(subs, seq, record_id)
        self._core.audit.record(MAINTENANCE, "queue.retry", seq=seq, moved=moved)
        self._say("已重新排队，将立即上传。" if moved else "此记录不能重试（已损坏或个人信息已清除）。")
        self.refreshQueue()

    @Slot()
    def syncNow(self) -> None:
        subs = self._core.submissions
        if not self._access.may_maintain or subs is None:
            return
        queue_view.sync_now(subs)
        self._core.audit.record(MAINTENANCE, "queue.sync_now")
        self._say("已请求立即同步。")
        self.refreshQueue()

    @Slot(int, str)
    def reprint(self, seq: int, record_id: str) -> None:
        subs = self._core.submissions
        if not self._access.may_maintain or subs is None:
            return
        self._core.audit.record(MAINTENANCE, "queue.reprint", seq=seq)
        try:
            data = queue_view.receipt_data(subs, self._core.catalog, seq, record_id,
                                           public_url=self._core.cfg.central.public_url)
        except queue_view.NotHeld:
            self._say("无法补打：本机已不保存该申请的内容。")
            return
        self._say("正在补打回执…")
        gen = self._core.session.generation
        self._core.printing.print("submission_receipt", data,
                                  lambda job: self.post(self._say, "回执已补打。", gen),
                                  lambda job, problem: self.post(self._say, f"补打失败：{problem.technician}", gen))

    # ---- configuration and bundle
    @Slot()
    def refreshConfig(self) -> None:
        if self._access.may_maintain:
            overlay = {"key": "overlay (central)", "value": self._core.overlay.describe()}
            self._config = [overlay] + [{"key": k, "value": str(v)}
                                        for k, v in bundle.config_summary(self._core.cfg).items()]
            self.changed.emit()

    @Slot()
    def exportBundle(self) -> None:
        if not self._access.may_maintain:
            return
        self._say("正在生成诊断包…")
        self._core.audit.record(MAINTENANCE, "bundle.export")
        self.run("bundle", lambda: bundle.write_bundle(self._core),
                 lambda path: self._say(f"诊断包已保存：{path}"),
                 lambda exc: self._say(f"诊断包保存失败：{exc}"))

    def _failed(self, exc: Exception) -> None:
        self._say(f"读取失败：{exc}")

    def _say(self, text: str) -> None:
        self._message = text
        self.changed.emit()

    def _clear(self) -> None:
        self._tests, self._running, self._queue, self._config, self._audit = {}, set(), {}, [], []
        self._message = ""
        self.changed.emit()


def _age(seconds: float | None) -> str:
    if seconds is None:
        return ""
    seconds = int(seconds)
    return f"{seconds // 3600} h {seconds % 3600 // 60} min" if seconds >= 3600 else f"{seconds // 60} min {seconds % 60} s"
