"""After a visit the attract screen tidies once: JavaScript garbage collected, nothing done while a visitor is on."""

from __future__ import annotations

from ui.tidy import SETTLE_MS


def _js_garbage(ui, tmp_path, destroyed: list) -> None:
    """An object only JavaScript owned and nothing references: what a screen's script leaves behind."""
    qml = tmp_path / "Garbage.qml"
    qml.write_text("import QtQuick\nQtObject {}\n", encoding="utf-8")
    value = ui.engine.evaluate(f"Qt.createComponent({qml.as_uri()!r}).createObject(null)")
    obj = value.toQObject()
    assert obj is not None
    obj.destroyed.connect(lambda *_: destroyed.append(True))


def test_returning_to_attract_tidies_once_and_collects_javascript_garbage(qtbot, make_ui, tmp_path):
    ui = make_ui()
    ui.shell.start()
    destroyed: list = []
    _js_garbage(ui, tmp_path, destroyed)
    ui.shell.endSession()
    qtbot.waitUntil(lambda: ui.tidy.count == 1, timeout=10_000)
    qtbot.waitUntil(lambda: bool(destroyed), timeout=5_000)  # the collection deletes it (later, on the event loop)
    qtbot.wait(SETTLE_MS * 2)
    assert ui.tidy.count == 1  # once per return, not on a timer


def test_no_tidy_while_a_visitor_is_on(qtbot, make_ui):
    ui = make_ui()
    ui.shell.start()
    ui.shell.endSession()
    ui.shell.start()  # the next visitor touched the screen before the tidy's moment came
    qtbot.wait(SETTLE_MS * 3)
    assert ui.tidy.count == 0
    ui.shell.endSession()
    qtbot.waitUntil(lambda: ui.tidy.count == 1, timeout=10_000)
