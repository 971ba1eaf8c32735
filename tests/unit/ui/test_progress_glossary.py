"""The progress answer's official status word (受理, 补正, 办结) is one tap from its plain explanation: the button
opens the glossary at that term, marked and on screen. A real central over HTTP on 127.0.0.1; screenshots of both
screens in both orientations, Chinese and English, elderly mode, in test-artifacts/screens for review."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from central.casework import Casework
from kiosk import glossary
from tests.helpers.apply import ask_progress, attach_queue
from tests.helpers.central import invented_applicant
from tests.helpers.contrast import samples
from tests.helpers.e2e import text_of
from tests.helpers.qml import find_visible, focus_ring, grab, settle
from tests.unit.ui.test_focus_order import _in_view, _tab_to
from tests.unit.ui.test_progress_reason import SIZES, central  # noqa: F401 (the fixture)

WORD = {"zh": ("已受理", "受理", "“受理”是什么意思？"), "en": ("Received", "Received", "What does \"Received\" mean?")}


def test_each_explained_status_names_a_glossary_term():
    terms = glossary.load()
    for status, key in glossary.STATUS_TERMS.items():
        assert glossary.term_for_status(status, terms).term.zh == key
    assert glossary.term_for_status("returned", terms) is None  # no word of its own to explain


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_the_status_word_opens_the_glossary_at_its_term(qtbot, make_ui, artifacts_dir, central, orientation,
                                                         language):
    w, h = SIZES[orientation]
    ui = make_ui(orientation, display={"width": w, "height": h},
                 central={"url": central.url, "credentials_file": str(central.secret_file),
                          "allow_plain_http_loopback": True, "sync_interval_seconds": 0.2})
    ui.window.requestActivate()
    attach_queue(ui.core)
    submissions = ui.core.submissions
    done = submissions.submit("GJ-003", {"phone": "13800138000"}, invented_applicant(4))
    qtbot.waitUntil(lambda: submissions.store.lookup(done.tracking).state == "acknowledged", timeout=30_000)

    ask_progress(qtbot, ui, done.tracking, elderly=True)  # elderly: the largest words and targets
    ui.shell.language = language
    settle(qtbot, 500)
    status, term, label = WORD[language]
    assert text_of(ui, "progressStatus_0") == status
    button = find_visible(ui.window, "progressTerm_0")
    assert button.property("text") == label and _in_view(button, ui.window)
    # a keyboard or switch reaches it too, ringed
    assert focus_ring(ui.window, _tab_to(qtbot, ui, "progressTerm_0")).isVisible()
    page = find_visible(ui.window, "screenStack").property("currentItem")
    dp = min(w, h) / 720
    assert all(s.ok for s in samples(ui.window, page, dp, True))
    grab(ui.window, artifacts_dir / "screens" / f"progress_term_{orientation}_{language}_elderly.png")

    QTest.keyClick(ui.window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Glossary")
    settle(qtbot, 300)
    rows = [find_visible(ui.window, f"glossaryTerm_{i}") for i in range(len(glossary.load()))]
    asked = [r for r in rows if r is not None and r.property("asked")]
    assert len(asked) == 1 and _in_view(asked[0], ui.window)
    assert term in [c.property("text") for c in asked[0].childItems()[0].childItems()]
    page = find_visible(ui.window, "screenStack").property("currentItem")
    assert all(s.ok for s in samples(ui.window, page, dp, True))
    grab(ui.window, artifacts_dir / "screens" / f"glossary_at_term_{orientation}_{language}_elderly.png")
    # back to the answer where the citizen left it
    ui.shell.back()
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Progress")


def test_a_status_without_a_word_to_explain_offers_no_button_and_no_tab_stop(qtbot, make_ui, central):
    ui = make_ui("portrait", central={"url": central.url, "credentials_file": str(central.secret_file),
                                      "allow_plain_http_loopback": True, "sync_interval_seconds": 0.2})
    attach_queue(ui.core)
    submissions = ui.core.submissions
    done = submissions.submit("GJ-003", {"phone": "13800138000"}, invented_applicant(5))
    qtbot.waitUntil(lambda: submissions.store.lookup(done.tracking).state == "acknowledged", timeout=30_000)
    Casework(central.store).act(done.tracking, "accept", actor="officer-li")  # 审核中: no official word
    ask_progress(qtbot, ui, done.tracking)
    settle(qtbot, 300)
    assert text_of(ui, "progressStatus_0") == "审核中"
    assert find_visible(ui.window, "progressTerm_0") is None
    assert not find_visible(ui.window, "progressResults").property("activeFocusOnTab")
