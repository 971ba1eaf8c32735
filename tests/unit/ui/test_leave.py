"""The kiosk's own end (SIGTERM, staff mode, nightly restart) is taken up by the Qt loop, not by its caller: SIGTERM's
Python handler runs inside whatever Qt callback Python next gets, mid-frame too (the real process: e2e test)."""

from PySide6.QtCore import QTimer


def test_leave_inside_a_frame_acts_only_once_the_loop_has_control(make_ui, qapp):
    from ui.app import leave

    ui = make_ui()
    seen = {}

    def on_frame():
        # where SIGTERM's handler runs when the signal lands during a frame
        ui.window.frameSwapped.disconnect(on_frame)
        leave()
        seen["leaving right after leave()"] = ui.window.property("leaving")

    ui.window.frameSwapped.connect(on_frame)
    QTimer.singleShot(0, ui.window.update)
    ceiling = QTimer()
    ceiling.setSingleShot(True)
    ceiling.timeout.connect(lambda: qapp.exit(7))  # a ceiling, not a timing: leave() ends the loop long before
    ceiling.start(60_000)
    code = qapp.exec()
    ceiling.stop()
    assert seen == {"leaving right after leave()": False}
    assert code == 0
    assert ui.window.property("leaving") is True
