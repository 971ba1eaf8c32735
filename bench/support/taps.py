"""Tap to next frame in the real kiosk window: a click on an item, timed until the window presents a frame."""

from __future__ import annotations


class TapTimer:
    """One permanent frameSwapped connection per window (repeated single-shot lambda connections trip a PySide6
    refcount bug); tap() clicks an item's centre and returns the milliseconds until the next frame."""

    def __init__(self, window) -> None:
        from PySide6.QtCore import QElapsedTimer

        self._window = window
        self._timer = QElapsedTimer()
        self._got: list[int] = []
        self._armed = False
        window.frameSwapped.connect(self._frame)

    def _frame(self) -> None:
        if self._armed:
            self._armed = False
            self._got.append(self._timer.nsecsElapsed())

    def tap(self, item, settle) -> float:
        """`settle(ms)` runs the event loop afterwards for a double-click interval and a little more, so the next
        tap is a new tap and any transition has ended."""
        from PySide6.QtCore import QEventLoop, Qt
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtTest import QTest

        from tests.helpers.qml import centre

        self._got.clear()
        self._armed = True
        self._timer.start()
        QTest.mouseClick(self._window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre(item))
        while not self._got:
            QGuiApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        settle(QGuiApplication.styleHints().mouseDoubleClickInterval() + 50)
        return self._got[0] / 1e6


def tap_figures(samples: list[list[float]], what: str, goal_ms: float) -> list[dict]:
    """Per-run p95 and p50 of tap-to-frame runs as figures (bench/README.md), printed for people too."""
    import statistics

    from bench.support.figures import figure

    p50s = [statistics.median(run) for run in samples]
    p95s = [sorted(run)[int(0.95 * (len(run) - 1))] for run in samples]
    p95 = statistics.median(p95s)
    met = p95 <= goal_ms
    print(f"tap to next frame, {what}, {len(samples)} runs of {len(samples[0])} taps: median p50 "
          f"{statistics.median(p50s):.1f} ms, median p95 {p95:.1f} ms (range {min(p95s):.1f}-{max(p95s):.1f}); goal "
          f"p95 <= {goal_ms:g} ms: {'met' if met else 'NOT met'}")
    return [figure(f"tap to next frame p95, {what}", p95s, "ms", f"<= {goal_ms:g}", met),
            figure(f"tap to next frame p50, {what}", p50s, "ms")]
