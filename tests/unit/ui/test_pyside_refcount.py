"""Guards the pinned PySide6: 6.12.0 drops a reference to None on every void call, which kills a
long-running kiosk on Python 3.11 ("none_dealloc") after a few thousand timer ticks."""

import sys

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer


def test_void_calls_do_not_steal_none(qapp):
    before = sys.getrefcount(None)
    for _ in range(3000):
        t = QElapsedTimer()
        t.start()
        loop = QEventLoop()
        QTimer.singleShot(0, loop.quit)
        loop.exec()
    # a healthy binding leaves None's count where it was (give or take a few live frames)
    assert sys.getrefcount(None) - before > -100
