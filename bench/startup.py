"""Startup benchmark: cold start to the first attract frame and peak RSS, beside a bare Qt Quick window; tap latency.
Run: .venv/bin/python bench/startup.py [--runs 5] [--taps 50] [--quick]
Goals (issue 20, on one core): start to first frame <= 2.5x a bare Qt Quick window (paired runs: each kiosk start
beside a bare start of the same moment; our bytecode compiled first, as on a terminal); RSS <= 250 MiB at the first
frame and <= 350 MiB settled; tap to next frame p95 <= 33 ms (Home <-> Guide). Last line: FIGURES <json>
(bench/README.md).
"""

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

from bench.support.figures import emit, figure  # noqa: E402
from bench.support.taps import TapTimer, tap_figures  # noqa: E402

RATIO_GOAL, RSS_FIRST_GOAL, RSS_SETTLED_GOAL, TAP_P95_GOAL = 2.5, 250.0, 350.0, 33.0
PY_PARTS = ("kiosk", "drivers", "ui", "offline_queue", "protocol")  # what the kiosk process imports of ours

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


def compile_bytecode() -> None:
    """Our packages' bytecode, as `install.sh --terminal` leaves a terminal (compiled as root at install: the kiosk
    user cannot write it), so no start measured here compiles the kiosk's own modules, whether or not this
    environment writes bytecode (PYTHONDONTWRITEBYTECODE) or has run the changed modules since."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", *PY_PARTS], cwd=REPO, check=True,
                   stdout=subprocess.DEVNULL)


def startup(runs: int) -> list[dict]:
    from tests.helpers.kiosk import write_config

    compile_bytecode()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_QUICK_CONTROLS_STYLE": "Basic"}
    with tempfile.TemporaryDirectory() as tmp:
        cfg = write_config(Path(tmp))
        kiosk = [sys.executable, "-m", "kiosk.cli", "run", "--windowed", "--smoke", "--config", str(cfg)]
        bare = [sys.executable, "-c", BARE]
        rows = {"bare": (bare, "first-frame"), "kiosk": (kiosk, "startup: first frame")}
        for argv, marker in rows.values():
            run_once(argv, marker, env)  # warm the page cache: every run after is "cold process, warm disk"
        samples: dict[str, list[tuple[float, float]]] = {"bare": [], "kiosk": []}
        for _ in range(runs):  # paired: a busier moment of the shared machine slows both of a pair alike
            for name, (argv, marker) in rows.items():
                samples[name].append(run_once(argv, marker, env))
    secs = {name: [s[0] for s in runs_] for name, runs_ in samples.items()}
    rss = {name: [s[1] for s in runs_] for name, runs_ in samples.items()}
    ratios = [k / b for k, b in zip(secs["kiosk"], secs["bare"])]
    print(f"startup to first frame, median of {runs} paired runs")
    for name, title in (("bare", "bare Qt Quick window (20 buttons)"), ("kiosk", "kiosk (simulated devices)")):
        print(f"  {title:36s} {statistics.median(secs[name]):6.3f} s   "
              f"peak RSS {statistics.median(rss[name]):6.1f} MiB")
    ratio, k_rss = statistics.median(ratios), statistics.median(rss["kiosk"])
    print(f"  ratio kiosk / bare (median of pairs)  {ratio:6.2f} x  (goal <= {RATIO_GOAL:g}x: "
          f"{'met' if ratio <= RATIO_GOAL else 'NOT met'}); RSS goal <= {RSS_FIRST_GOAL:.0f} MiB: "
          f"{'met' if k_rss <= RSS_FIRST_GOAL else 'NOT met'}")
    print("  (kiosk RSS: until its devices and queue are open right after the first frame)")
    return [figure("start to first frame, kiosk / bare Qt Quick window (paired runs)", ratios, "x",
                   f"<= {RATIO_GOAL:g}", ratio <= RATIO_GOAL),
            figure("start to first frame, kiosk (simulated devices)", [v * 1e3 for v in secs["kiosk"]], "ms"),
            figure("start to first frame, bare Qt Quick window (20 buttons)", [v * 1e3 for v in secs["bare"]], "ms"),
            figure("peak RSS at the first frame, kiosk", rss["kiosk"], "MiB", f"<= {RSS_FIRST_GOAL:.0f}",
                   k_rss <= RSS_FIRST_GOAL),
            figure("peak RSS at the first frame, bare Qt Quick window", rss["bare"], "MiB")]


def settled_rss(seconds: float, runs: int) -> dict:
    """Peak RSS of a kiosk left at the attract screen long enough to load the catalog and the face models."""
    from tests.helpers.kiosk import write_config

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    peaks = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            cfg = write_config(Path(tmp))
            proc = subprocess.Popen([sys.executable, "-m", "kiosk.cli", "run", "--windowed", "--config", str(cfg)],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=REPO)
            time.sleep(seconds)
            proc.terminate()
            _, _, usage = os.wait4(proc.pid, 0)
            peaks.append(usage.ru_maxrss / 1024)
    med = statistics.median(peaks)
    print(f"peak RSS of the kiosk after {seconds:.0f} s at the attract screen (devices, queue, catalog, face models):"
          f" median {med:.1f} MiB of {runs} (range {min(peaks):.1f}-{max(peaks):.1f}); goal <= {RSS_SETTLED_GOAL:.0f}"
          f" MiB: {'met' if med <= RSS_SETTLED_GOAL else 'NOT met'}")
    return figure(f"peak RSS settled ({seconds:.0f} s at the attract screen), kiosk", peaks, "MiB",
                  f"<= {RSS_SETTLED_GOAL:.0f}", med <= RSS_SETTLED_GOAL)


def tap_latency(taps: int, runs: int) -> list[dict]:
    """Time from a tap on a home tile (or back) to the next frame the window presents: runs of `taps` taps each."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import prepare_environment

    prepare_environment()
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QGuiApplication

    from kiosk.app import KioskCore
    from kiosk.config import load
    from tests.helpers.kiosk import write_config
    from tests.helpers.qml import find_visible
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
        taps_ = TapTimer(ui.window)
        samples: list[list[float]] = []
        for i in range(taps * runs):
            if i % taps == 0:
                samples.append([])
            name = "home_guide" if i % 2 == 0 else "navBack"
            samples[-1].append(taps_.tap(find_visible(ui.window, name), wait))
        ui.close()
        core.close()
    return tap_figures(samples, "Home <-> Guide", TAP_P95_GOAL)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=5, help="paired starts; settled-RSS starts and tap runs are 3")
    p.add_argument("--taps", type=int, default=40, help="taps per tap run")
    p.add_argument("--quick", action="store_true", help="tiny workload, seconds: checks the benchmark runs")
    args = p.parse_args()
    settle, settled_runs, tap_runs = 8, 3, 3
    if args.quick:
        args.runs, args.taps, settle, settled_runs, tap_runs = 1, 5, 2, 1, 2
    figures = startup(args.runs)
    figures.append(settled_rss(settle, settled_runs))
    figures += tap_latency(args.taps, tap_runs)
    emit(figures)


if __name__ == "__main__":
    main()
