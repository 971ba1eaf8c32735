"""Staff mode's care screen with simulated devices: self-tests, queue view, configuration and bundle, audit entries,
screenshots in both orientations (the citizen's call for staff: test_staff_call_screens.py)."""

import pytest

from offline_queue.store import Outcome
from protocol import tracking
from tests.helpers.central import invented_applicant
from tests.helpers.qml import distinct_colours, find_visible, grab, settle, tap
from tests.unit.ui.test_maintenance_screens import STAFF, STAFF_PIN, _type_pin, _ui


def _signed_in_care(qtbot, make_ui, orientation):
    ui = _ui(make_ui, orientation, maintenance=STAFF)
    ui.shell.go("PinPad")
    settle(qtbot)
    _type_pin(qtbot, ui, STAFF_PIN)
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Maintenance", timeout=30_000)
    qtbot.waitUntil(lambda: ui.core.submissions is not None, timeout=30_000)
    settle(qtbot)
    tap(qtbot, ui.window, "maintCare")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "MaintenanceCare", timeout=10_000)
    return ui


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_care_screens(qtbot, make_ui, artifacts_dir, orientation):
    ui = _signed_in_care(qtbot, make_ui, orientation)
    care = ui.bridges["care"]
    ui.core.tray.choose("printer", "paper", "out")  # one self-test must fail on an injected fault
    settle(qtbot)
    tap(qtbot, ui.window, "careRunAll")
    qtbot.waitUntil(lambda: all(t["done"] for t in care.selfTests), timeout=120_000)
    tests = {t["key"]: t for t in care.selfTests}
    assert not tests["printer"]["ok"] and "out" in tests["printer"]["detail"]
    assert tests["disk"]["ok"] and tests["queue_db"]["ok"] and not tests["central"]["ok"]
    settle(qtbot)
    shots = artifacts_dir / "screens"
    assert distinct_colours(grab(ui.window, shots / f"maintenance_care_tests_{orientation}.png")) > 8

    subs = ui.core.submissions
    made = [subs.submit("HJ-001", {}, invented_applicant(i), {"decision": "match"}) for i in range(3)]
    seq = tracking.parse(made[0].tracking).seq
    subs.store.settle([Outcome(seq, made[0].record_id, "rejected", reason="unknown_service_code")])
    tap(qtbot, ui.window, "careTabQueue")
    qtbot.waitUntil(lambda: care.queue.get("available") is True and len(care.queue["recent"]) == 3, timeout=10_000)
    assert made[1].tracking not in repr(care.queue) and len(care.queue["quarantined"]) == 1
    tap(qtbot, ui.window, "careSyncNow")
    qtbot.waitUntil(lambda: care.message == "已请求立即同步。")
    settle(qtbot)
    assert "待上传" in find_visible(ui.window, "careQueueSummary").property("text")
    grab(ui.window, shots / f"maintenance_care_queue_{orientation}.png")
    ui.core.tray.choose("printer", "paper", "ok")
    tap(qtbot, ui.window, f"careReprint_{tracking.parse(made[1].tracking).seq}")
    qtbot.waitUntil(lambda: care.message == "回执已补打。", timeout=30_000)
    settle(qtbot)
    tap(qtbot, ui.window, f"careRetry_{seq}")
    qtbot.waitUntil(lambda: care.message == "已重新排队，将立即上传。", timeout=10_000)

    tap(qtbot, ui.window, "careTabConfig")
    qtbot.waitUntil(lambda: len(care.config) > 20)
    assert {"key": "maintenance.pin_hash", "value": "(set, hidden)"} in care.config
    settle(qtbot)
    tap(qtbot, ui.window, "careExport")
    qtbot.waitUntil(lambda: care.message.startswith("诊断包已保存"), timeout=60_000)
    settle(qtbot)
    grab(ui.window, shots / f"maintenance_care_config_{orientation}.png")

    actions = [e["action"] for e in ui.core.audit.entries(200)]
    for action in ("pin.maintenance", "selftest.run", "selftest.result", "queue.sync_now", "queue.reprint",
                   "queue.retry", "bundle.export"):
        assert action in actions
    assert all(e["actor"] == "maintenance/technician" for e in ui.core.audit.entries(200))


def test_care_needs_the_maintenance_sign_in(qtbot, make_ui):
    ui = _ui(make_ui, maintenance=STAFF)
    qtbot.waitUntil(lambda: ui.core.submissions is not None, timeout=30_000)
    care = ui.bridges["care"]
    care.runAll()
    care.refreshConfig()
    care.exportBundle()
    assert not any(t["running"] or t["done"] for t in care.selfTests) and care.config == [] and care.message == ""
