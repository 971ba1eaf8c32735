"""Startup benchmark: cold start to the first attract frame and peak RSS, beside a bare Qt Quick window; tap latency."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

BARE = r'''
import sys, time
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow, QSGRendererInterface
QQuickWindow.setGraphicsApi(QSGRendererInterface.GraphicsApi.Software)
app = QGuiApplication(sys.argv[:1])
engine = QQmlApplicationEngine()
engine.loadData(b"""
import QtQuick
import QtQuick.Controls
ApplicationWindow { width: 1080; height: 1920; visible: true
  Grid { columns: 4; spacing: 8; anchors.centerIn: parent
    Repeater { model: 20; Button { text: "Button " + index; width: 240; height: 120 } } } }
""")
w = engine.rootObjects()[0]
w.frameSwapped.connect(lambda: (print("first-frame", flush=True), app.quit()), Qt.ConnectionType.SingleShotConnection)
app.exec()
'''


def run_once(argv: list[str], marker: str, env: dict) -> tuple[float, float]:
    """Seconds from spawning the process to its first-frame line, and the process's peak RSS in MiB."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=REPO)
    elapsed = None
    for line in proc.stdout:  # type: ignore[union-attr]
        if marker in line and elapsed is None:
            elapsed = time.perf_counter() - t0
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if elapsed is None or proc.returncode != 0:
        raise RuntimeError(f"{argv[:4]} failed (exit {proc.returncode})")
    return elapsed, usage.ru_maxrss / 1024


def startup(runs: int) -> None:
    from tests.helpers.kiosk import write_config

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_QUICK_CONTROLS_STYLE": "Basic"}
    with tempfile.TemporaryDirectory() as tmp:
        cfg = write_config(Path(tmp))
        kiosk = [sys.executable, "-m", "kiosk.cli", "run", "--windowed", "--smoke", "--config", str(cfg)]
        bare = [sys.executable, "-c", BARE]
        rows = {"bare Qt Quick window (20 buttons)": (bare, "first-frame"),
                "kiosk (simulated devices)": (kiosk, "startup: first frame")}
        results = {}
        for name, (argv, marker) in rows.items():
            run_once(argv, marker, env)  # warm the page cache: every run after is "cold process, warm disk"
            samples = [run_once(argv, marker, env) for _ in range(runs)]
            results[name] = (statistics.median(s[0] for s in samples), max(s[1] for s in samples))
    print(f"startup to first frame, median of {runs} (peak RSS = max over runs)")
    for name, (secs, rss) in results.items():
        print(f"  {name:36s} {secs:6.3f} s   {rss:6.1f} MiB")
    (b_s, b_rss), (k_s, k_rss) = results.values()
    print(f"  ratio kiosk / bare                   {k_s / b_s:6.2f} x   {k_rss / b_rss:6.2f} x")
    print(f"  goals: <= 3x and < 1 s: {'met' if k_s <= 3 * b_s and k_s < 1 else 'NOT met'}; "
          f"RSS < 250 MiB: {'met' if k_rss < 250 else 'NOT met'}")
    print("  (kiosk RSS: until its devices and queue are open right after the first frame)")


def settled_rss(seconds: float) -> None:
    """Peak RSS of a kiosk left at the attract screen long enough to load the catalog and the face models."""
    from tests.helpers.kiosk import write_config

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as tmp:
        cfg = write_config(Path(tmp))
        proc = subprocess.Popen([sys.executable, "-m", "kiosk.cli", "run", "--windowed", "--config", str(cfg)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=REPO)
        time.sleep(seconds)
        proc.terminate()
        _, _, usage = os.wait4(proc.pid, 0)
    print(f"peak RSS of the kiosk after {seconds:.0f} s at the attract screen (devices, queue, catalog, face models):"
          f" {usage.ru_maxrss / 1024:.1f} MiB")


def tap_latency(taps: int) -> None:
    """Time from a tap on a home tile (or back) to the next frame the window presents."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import prepare_environment

    prepare_environment()
    from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest

    from kiosk.app import KioskCore
    from kiosk.config import load
    from tests.helpers.kiosk import write_config
    from tests.helpers.qml import centre, find_visible
    from ui.app import KioskUi

    app = QGuiApplication.instance() or QGuiApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        core = KioskCore(load(write_config(Path(tmp), display={"fullscreen": False})), open_hardware=False)
        ui = KioskUi(core, app, windowed=True)
        loop = QEventLoop()

        def wait(ms: int) -> None:
            QTimer.singleShot(ms, loop.quit)
            loop.exec()

        ui.shell.start()
        wait(500)
        timer = QElapsedTimer()
        samples: list[float] = []
        got: list[int] = []
        armed = [False]

        def frame() -> None:
            if armed[0]:
                armed[0] = False
                got.append(timer.nsecsElapsed())

        # one permanent connection: repeated single-shot lambda connections trip a PySide6 refcount bug
        ui.window.frameSwapped.connect(frame)
        for i in range(taps):
            name = "home_guide" if i % 2 == 0 else "navBack"
            item = find_visible(ui.window, name)
            got.clear()
            armed[0] = True
            timer.start()
            QTest.mouseClick(ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre(item))
            while not got:
                QGuiApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
            samples.append(got[0] / 1e6)
            wait(QGuiApplication.styleHints().mouseDoubleClickInterval() + 50)  # let the transition end
        ui.close()
        core.close()
    samples.sort()
    p50 = statistics.median(samples)
    p95 = samples[int(0.95 * (len(samples) - 1))]
    print(f"tap to next frame over {taps} taps (home <-> guide): p50 {p50:.1f} ms, p95 {p95:.1f} ms "
          f"(goal p95 <= 50 ms: {'met' if p95 <= 50 else 'NOT met'})")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--taps", type=int, default=50)
    p.add_argument("--quick", action="store_true", help="tiny workload, seconds: checks the benchmark runs")
    args = p.parse_args()
    if args.quick:
        args.runs, args.taps = 1, 5
    startup(args.runs)
    settled_rss(2 if args.quick else 8)
    tap_latency(args.taps)


if __name__ == "__main__":
    main()
