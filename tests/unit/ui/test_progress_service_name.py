"""The progress answer names the service in the screen's language, as the catalog screens do (English, 繁體)."""

from __future__ import annotations

import pytest

from tests.helpers.apply import ask_progress, attach_queue
from tests.helpers.central import invented_applicant
from tests.helpers.qml import settle
from tests.unit.ui.test_progress_reason import central  # noqa: F401 (the fixture)


@pytest.mark.parametrize(("language", "name"), [("zh_CN", "退休提取住房公积金"), ("zh_TW", "退休提取住房公積金"),
                                                 ("en", "Housing fund withdrawal on retirement")])
def test_the_service_is_named_in_the_screen_language(qtbot, make_ui, central, language, name):
    ui = make_ui(central={"url": central.url, "credentials_file": str(central.secret_file),
                          "allow_plain_http_loopback": True, "sync_interval_seconds": 0.2})
    attach_queue(ui.core)
    submissions = ui.core.submissions
    done = submissions.submit("GJ-003", {"phone": "13800138000"}, invented_applicant(4))
    qtbot.waitUntil(lambda: submissions.store.lookup(done.tracking).state == "acknowledged", timeout=30_000)
    ask_progress(qtbot, ui, done.tracking)
    ui.shell.language = language  # switched with the answer on screen: the card follows
    settle(qtbot, 300)
    assert ui.bridges["progress"].results[0]["service"] == name
