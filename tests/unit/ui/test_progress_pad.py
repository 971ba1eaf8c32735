"""A tracking number is typed on the progress screen's own pad: one tap per character, no layer switch, keys from
the theme (>= 64 dp, labels >= 28 dp in elderly mode); the query button says what it waits for."""

from __future__ import annotations

import re

import pytest

from protocol.tracking import grouped

from tests.helpers.apply import DEAD_CENTRAL, attach_queue
from tests.helpers.contrast import samples, table
from tests.helpers.qml import find, find_visible, grab, settle, tap

SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080)}
MINIMUM = {True: (64, 28), False: (48, 20)}  # key, label in dp


def _pad_keys(window) -> list:
    pad = find_visible(window, "trackingPad")
    out, todo = [], [pad]
    while todo:
        item = todo.pop()
        if item.objectName().startswith("pad") and item.isVisible() and item.inherits("QQuickAbstractButton"):
            out.append(item)
            continue
        todo.extend(item.childItems())
    return out


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize("elderly", [False, True], ids=["normal", "elderly"])
def test_a_tracking_number_takes_one_tap_per_character(qtbot, make_ui, artifacts_dir, orientation, elderly):
    w, h = SIZES[orientation]
    ui = make_ui(orientation, display={"width": w, "height": h}, central={"url": DEAD_CENTRAL})
    ui.shell.elderly = elderly
    attach_queue(ui.core)
    tracking = ui.core.submissions.submit("GJ-003", {"phone": "13800138000"}, {"id_number": "110105198503120039"}).tracking
    assert "-" in tracking and any(c.isalpha() for c in tracking)  # letters, digits and dashes
    dp = min(w, h) / 720
    mode = "elderly" if elderly else "normal"
    ui.shell.start()
    settle(qtbot)
    tap(qtbot, ui.window, "home_progress")
    qtbot.waitUntil(lambda: ui.shell.currentScreen == "Progress")
    settle(qtbot, 400)

    # nothing typed: the query button is grey and says why
    query = find_visible(ui.window, "progressQuery")
    assert not query.isEnabled()
    reason = find_visible(ui.window, "progressQueryReason")
    assert reason is not None and reason.property("text") == "请先输入受理编号"
    page = find_visible(ui.window, "screenStack").property("currentItem")
    rows = samples(ui.window, page, dp, elderly)
    print(table(rows, f"progress ({orientation}, {mode})"))
    assert all(s.ok for s in rows), [s for s in rows if not s.ok]
    grab(ui.window, artifacts_dir / "screens" / f"progress_pad_{orientation}_{mode}.png")

    # every key is big enough, with big enough words
    key_min, label_min = MINIMUM[elderly]
    keys = _pad_keys(ui.window)
    characters = {k.property("text") for k in keys if k.objectName().startswith("padKey_")}
    assert set(tracking) <= characters
    small = []
    for key in keys:
        kw, kh = key.width() / dp, key.height() / dp
        label = key.property("contentItem")
        size = label.property("font").pixelSize() / dp
        # the words keep a margin inside the key's border (清空 on a one-character key used to touch it)
        tight = label.property("contentWidth") > key.width() - 6 * dp
        if min(kw, kh) < key_min - 0.5 or size < label_min - 0.5 or tight:
            small.append(f"{key.property('text')!r}: {kw:.0f}x{kh:.0f} dp, label {size:.0f} dp")
    assert not small, small

    # the number from the receipt: one tap per character, a slip corrected with 删除
    field = find_visible(ui.window, "progressField")
    # the example is written the way the receipt and the submitted screen show numbers: in short groups
    assert re.fullmatch(r"例如 \S+ \d{4} \d{4} \d{4} \d{2}[0-9A-Z]", field.property("placeholderText"))
    taps = 0
    for i, character in enumerate(tracking):
        if i == 5:
            tap(qtbot, ui.window, "padKey_Z")
            tap(qtbot, ui.window, "padDelete")
        tap(qtbot, ui.window, f"padKey_{character}")
        taps += 1
    qtbot.waitUntil(lambda: field.property("text") == tracking)
    assert taps == len(tracking)  # no shift, no layer switch
    panel = find(ui.window, "inputPanel")
    assert not panel.property("active")  # the general keyboard never opened
    settle(qtbot)
    grab(ui.window, artifacts_dir / "screens" / f"progress_typed_{orientation}_{mode}.png")
    tap(qtbot, ui.window, "progressQuery")
    progress = ui.bridges["progress"]
    qtbot.waitUntil(lambda: progress.state == "done", timeout=20_000)
    settle(qtbot)
    # shown in the same groups as on the receipt, so the citizen can compare them at a glance
    assert grouped(tracking) in find_visible(ui.window, "progressTracking_0").property("text")
    grab(ui.window, artifacts_dir / "screens" / f"progress_found_{orientation}_{mode}.png")
    tap(qtbot, ui.window, "padClear")
    qtbot.waitUntil(lambda: field.property("text") == "")
