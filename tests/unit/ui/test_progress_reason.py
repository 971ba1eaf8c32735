"""The progress screen shows what central's officer wrote with a correction request (补正) or a return (退回), in
plain words with the way forward: read over real HTTP from a real central on 127.0.0.1 (its answer MAC'd and
checked), in both orientations; screenshots in test-artifacts/screens for review."""

from __future__ import annotations

import pytest

from central.casework import Casework
from protocol.signing import write_secret
from tests.helpers.apply import ask_progress, attach_queue
from tests.helpers.central import CentralServer, invented_applicant
from tests.helpers.contrast import samples
from tests.helpers.e2e import text_of
from tests.helpers.qml import find_visible, grab, settle

SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080)}
REASONS = {
    "correct": "请补交近六个月的住房公积金缴存明细（加盖单位公章），并在申请表第二页签名。",
    "return": "经核查，申请人本年度已办理过一次提取，不符合再次提取条件。",
}
SHOWN = {
    "correct": ("待补正", "需要您补正的内容", "请按上面的说明准备好，带上回执到服务窗口办理。"),
    "return": ("已退回", "退回原因", "如有疑问，请带上回执到服务窗口咨询。"),
}


@pytest.fixture
def central(tmp_path):
    server = CentralServer(tmp_path / "central.sqlite3").start()
    secret = tmp_path / "var" / "terminal.secret"
    write_secret(secret, server.add_terminal())
    server.secret_file = secret
    yield server
    server.stop()


@pytest.mark.parametrize("orientation, elderly, action", [
    ("portrait", False, "correct"), ("landscape", False, "correct"),
    ("portrait", False, "return"), ("landscape", False, "return"),
    ("portrait", True, "correct"),
], ids=["portrait-correct", "landscape-correct", "portrait-return", "landscape-return", "portrait-elderly-correct"])
def test_the_officers_reason_reaches_the_progress_screen(qtbot, make_ui, artifacts_dir, central, orientation,
                                                         elderly, action):
    w, h = SIZES[orientation]
    ui = make_ui(orientation, display={"width": w, "height": h},
                 central={"url": central.url, "credentials_file": str(central.secret_file),
                          "allow_plain_http_loopback": True, "sync_interval_seconds": 0.2})
    ui.shell.elderly = elderly
    attach_queue(ui.core)
    submissions = ui.core.submissions
    done = submissions.submit("GJ-003", {"phone": "13800138000"}, invented_applicant(3))
    qtbot.waitUntil(lambda: submissions.store.lookup(done.tracking).state == "acknowledged", timeout=30_000)
    # the officer at central, through the casework API the console calls
    work = Casework(central.store)
    if action == "return":
        work.act(done.tracking, "accept", actor="officer-li")
    work.act(done.tracking, action, actor="officer-li", reason=REASONS[action], note="staff only: never shown")

    ask_progress(qtbot, ui, done.tracking)
    progress = ui.bridges["progress"]
    settle(qtbot, 500)

    status, heading, way_forward = SHOWN[action]
    assert text_of(ui, "progressStatus_0") == status
    assert text_of(ui, "progressReason_0") == REASONS[action]
    assert text_of(ui, "progressReasonNext_0") == way_forward
    assert progress.results[0]["source"] == "central"
    box = find_visible(ui.window, "progressReasonBox_0")
    texts = [c.property("text") for c in box.childItems()[0].childItems()]
    assert heading in texts and "staff only" not in " ".join(map(str, texts))
    # all of the reason is on screen: the box is inside the window, nothing clipped below the fold
    corner = box.mapToScene(box.boundingRect().bottomRight())
    assert corner.y() <= h and corner.x() <= w
    page = find_visible(ui.window, "screenStack").property("currentItem")
    dp = min(w, h) / 720
    rows = samples(ui.window, page, dp, elderly)
    assert all(s.ok for s in rows), [s for s in rows if not s.ok]
    mode = "elderly" if elderly else "normal"
    grab(ui.window, artifacts_dir / "screens" / f"progress_reason_{action}_{orientation}_{mode}.png")

    ui.shell.language = "en"
    settle(qtbot, 300)
    assert text_of(ui, "progressStatus_0") == ("Correction needed" if action == "correct" else "Returned")
    assert text_of(ui, "progressReason_0") == REASONS[action]  # staff's own words are not translated
    assert text_of(ui, "progressReasonNext_0").startswith(("Please get ready", "If you have questions"))
