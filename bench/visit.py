"""Whole-visit benchmark: card, face, form, submit, receipt, rating, wipe through the real UI offscreen with the
simulators, timed by step (our own pauses excluded); then RSS, open files and threads after many visits.

    .venv/bin/python bench/visit.py            # 10 visits, then 190 more: medians by step, growth 10 -> 200
    .venv/bin/python bench/visit.py --quick    # 1 + 3 visits: shows it runs, judges nothing

The queue runs offline (no central): a village point's weeks without network, every visit kept on disk.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[0] = str(REPO)  # bench/queue.py would shadow the standard library queue module

STEPS = ("card", "face", "form", "submit", "receipt", "rating", "wipe")
SERVICE = "ZJ-002"


class Driver:
    """What pytest-qt's qtbot does for the shared UI helpers, and the time spent in our own pauses."""

    def __init__(self) -> None:
        self.paused = 0.0

    def wait(self, ms: int) -> None:
        from PySide6.QtTest import QTest

        t = time.perf_counter()
        QTest.qWait(ms)
        self.paused += time.perf_counter() - t

    def waitUntil(self, check, timeout: int = 60_000) -> None:  # noqa: N802 (qtbot's name)
        from PySide6.QtTest import QTest

        deadline = time.monotonic() + timeout / 1000
        while True:
            try:
                if check() is not False:
                    return
            except AssertionError:
                if time.monotonic() > deadline:
                    raise
            if time.monotonic() > deadline:
                raise TimeoutError("condition not met in time")
            QTest.qWait(5)


def build(folder: Path, faces: Path):
    from PySide6.QtGui import QGuiApplication

    from kiosk.app import KioskCore
    from kiosk.config import load
    from tests.helpers.identify import sim_config
    from ui.app import KioskUi, prepare_environment

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("KIOSK_TTS_ENGINE", "mock")
    prepare_environment()
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    cfg = load(sim_config(folder, faces, central={"url": "http://127.0.0.1:9", "timeout_seconds": 1},
                          queue={"database": "q.sqlite3", "key_file": "q.key"}, logging={"directory": "log"}))
    core = KioskCore(cfg)
    ui = KioskUi(core, app, windowed=True)
    ui.bridges["apply"].rating_delay_ms = 0
    return app, core, ui


def one_visit(bot: Driver, ui) -> dict[str, float]:
    from tests.helpers.qml import find_visible, settle, tap

    apply, tray, shell = ui.bridges["apply"], ui.core.tray, ui.shell
    times: dict[str, float] = {}
    mark = [time.perf_counter(), bot.paused]

    def step(name: str) -> None:
        now = time.perf_counter()
        times[name] = (now - mark[0]) - (bot.paused - mark[1])
        mark[:] = [now, bot.paused]

    shell.start()
    tap(bot, ui.window, "home_apply")
    bot.waitUntil(lambda: shell.currentScreen == "Identify")
    tray.choose("camera", "person", "obama")
    tray.choose("idcard", "card", "zhang_normal")  # the card photo is obama_1
    bot.waitUntil(lambda: ui.core.identity.current is not None)
    step("card")
    retries = 0
    while shell.currentScreen != "Identified":  # a missed blink on a busy machine: the citizen taps 再试一次
        bot.waitUntil(lambda: shell.currentScreen == "Identified" or find_visible(ui.window, "faceRetry") is not None)
        if shell.currentScreen != "Identified":
            retries += 1
            tap(bot, ui.window, "faceRetry")
    step("face")
    times["face_retries"] = retries
    settle(bot)
    tap(bot, ui.window, "identifiedContinue")
    bot.waitUntil(lambda: shell.currentScreen == "ApplyChoose")
    settle(bot)
    tap(bot, ui.window, f"applyChoose_{SERVICE}")
    bot.waitUntil(lambda: shell.currentScreen == "ApplyForm")
    settle(bot)
    apply.setValue("phone", "13800138000")  # the keyboard's own timing is bench/startup.py's tap latency
    tap(bot, ui.window, "choice_delivery_0")
    tap(bot, ui.window, "choice_reason_0")
    tap(bot, ui.window, "applyNext")
    bot.waitUntil(lambda: shell.currentScreen == "Review")
    step("form")
    settle(bot)
    tap(bot, ui.window, "reviewConsent")
    tap(bot, ui.window, "reviewSubmit")
    bot.waitUntil(lambda: shell.currentScreen == "Submitted")
    step("submit")
    bot.waitUntil(lambda: apply.printState == "printed")
    step("receipt")
    bot.waitUntil(lambda: shell.currentScreen == "Rating")
    settle(bot)
    tap(bot, ui.window, "rate_5")
    bot.waitUntil(lambda: shell.stack == ["Attract", "TakeCard"])
    step("rating")
    tray.choose("idcard", "card", "none")  # the citizen takes the card
    bot.waitUntil(lambda: shell.stack == ["Attract"] and ui.core.session.empty)
    tray.choose("camera", "person", "")
    step("wipe")
    return times


def usage() -> dict[str, float]:
    gc.collect()
    status = Path("/proc/self/status").read_text()
    field = {line.split(":")[0]: line.split(":")[1].strip() for line in status.splitlines()}
    return {"rss_mb": int(field["VmRSS"].split()[0]) / 1024, "fds": len(os.listdir("/proc/self/fd")),
            "threads": int(field["Threads"]), "py_threads": threading.active_count()}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true",
                   help="1 warm-up visit and 3 more: shows the bench runs (CI), too few to judge growth")
    p.add_argument("--warm", type=int, help="visits before the first measurement (default 10; 1 with --quick)")
    p.add_argument("--visits", type=int, help="visits in all (default 200; 4 with --quick)")
    p.add_argument("--faces", default=str(REPO.parent / "shared" / "data" / "faces"))
    args = p.parse_args(argv)
    warm = args.warm or (1 if args.quick else 10)
    total = args.visits or (4 if args.quick else 200)
    with tempfile.TemporaryDirectory(prefix="bench-visit-") as tmp:
        app, core, ui = build(Path(tmp), Path(args.faces))
        bot = Driver()
        try:
            ui.window.show()
            bot.waitUntil(lambda: core.submissions is not None)
            from kiosk.face.dlib_engine import shared_engine

            shared_engine()  # the models load once per process, before the first visit
            timings: list[dict[str, float]] = []
            for n in range(1, total + 1):
                try:
                    timings.append(one_visit(bot, ui))
                except TimeoutError:
                    print(f"visit {n} stuck on {ui.shell.stack}", file=sys.stderr)
                    raise
                if n == warm:
                    first = usage()
                if n % 25 == 0:
                    print(f"  {n} visits, rss {usage()['rss_mb']:.1f} MB", flush=True)
            last = usage()
        finally:
            ui.close()
            core.close()
    print(f"whole visit through the UI, {total} visits (median / p90 seconds, our pauses excluded):")
    for name in STEPS:
        values = sorted(t[name] for t in timings)
        print(f"  {name:8s} {statistics.median(values):7.3f} / {values[int(len(values) * 0.9) - 1]:7.3f}")
    whole = sorted(sum(t[name] for name in STEPS) for t in timings)
    print(f"  face check retries: {sum(t['face_retries'] for t in timings)} in {total} visits")
    print(f"  {'total':8s} {statistics.median(whole):7.3f} / {whole[int(len(whole) * 0.9) - 1]:7.3f}")
    print(f"after {warm} visits:  rss {first['rss_mb']:.1f} MB, fds {first['fds']}, threads {first['threads']} "
          f"(python {first['py_threads']})")
    print(f"after {total} visits: rss {last['rss_mb']:.1f} MB, fds {last['fds']}, threads {last['threads']} "
          f"(python {last['py_threads']})")
    growth = last["rss_mb"] - first["rss_mb"]
    ok = growth < 10 and last["fds"] <= first["fds"] and last["threads"] <= first["threads"]
    verdict = "ok" if ok else "LEAK"
    if args.quick:  # a few visits after one still include warm-up (caches, first receipts): not a leak verdict
        verdict = f"{verdict}? (quick run: too few visits to judge)"
    print(f"growth: rss {growth:+.1f} MB, fds {last['fds'] - first['fds']:+d}, threads "
          f"{last['threads'] - first['threads']:+d}  -> {verdict} (goal: < 10 MB, no fd or thread growth)")
    return 0 if ok or args.quick else 1


if __name__ == "__main__":
    sys.exit(main())
