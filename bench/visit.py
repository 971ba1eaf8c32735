"""Whole-visit benchmark: card, face, form, submit, receipt, rating, wipe through the real UI offscreen with the
simulators, timed by step (our own pauses excluded); then RSS, open files and threads after many visits.

    .venv/bin/python bench/visit.py                  # 10 visits, then 190 more: medians by step, growth 10 -> 200
                                                     # (about 7 s a visit: half an hour on a quiet machine; exit 3
                                                     # when RSS grew 10 MB or more, or fds or threads grew at all)
    .venv/bin/python bench/visit.py --quick          # 1 + 3 visits: shows it runs, judges nothing
    .venv/bin/python bench/visit.py --visits 40 --tracemalloc   # which Python lines hold the growth 10 -> 40
    .venv/bin/python bench/visit.py --malloc-trim    # growth of memory held, freed memory handed back first

The step times are the kiosk's own: the simulated person's part (waiting for their blink) and the kiosk's designed
pauses (the thank-you after the rating; the 10 s "take your receipt" pause is set to 0 here) are shown apart, as
are the bench's own taps and settles. The simulated printer keeps one receipt picture, not 20 (a simulator's archive,
not the kiosk's memory). The queue runs offline (no central): a village point's weeks without network,
every visit kept on disk. Last line: FIGURES <json> (bench/README.md): each step's time over the visits, and the
growth (judged only on a full run); the step figures leave the warm-up visits out.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import os
import statistics
import sys
import tempfile
import threading
import time
import tracemalloc
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[0] = str(REPO)  # bench/queue.py would shadow the standard library queue module

from bench.support.figures import GOAL_MISSED, emit, figure  # noqa: E402

STEPS = ("card", "face", "form", "submit", "receipt", "rating", "wipe")
# not the kiosk's time: what the simulated person does, and the pauses the kiosk makes on purpose
APART = ("blink wait", "thank-you pause")
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


class Stopwatch:
    """Time while a condition holds, looked at on every change signal of what it depends on."""

    def __init__(self, signal, holds) -> None:
        self._holds = holds
        self._since: float | None = None
        self._total = 0.0
        signal.connect(self._changed)

    def _changed(self) -> None:
        now = time.perf_counter()
        if self._holds():
            if self._since is None:
                self._since = now
        elif self._since is not None:
            self._total += now - self._since
            self._since = None

    def take(self) -> float:
        """The time so far (an interval still open counts up to now), and start again from zero."""
        now = time.perf_counter()
        total = self._total + (now - self._since if self._since is not None else 0.0)
        self._total, self._since = 0.0, (now if self._since is not None else None)
        return total


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
    # the simulated printer keeps its last receipts as pictures in memory (20 by default, ~0.3 MB each): a
    # simulator's archive no terminal has, kept to one so it does not count as the kiosk's growth
    cfg.devices.printer.sim_keep = 1
    core = KioskCore(cfg)
    ui = KioskUi(core, app, windowed=True)
    ui.bridges["apply"].rating_delay_ms = 0
    return app, core, ui


def one_visit(bot: Driver, ui, blink: Stopwatch) -> dict[str, float]:
    from PySide6.QtCore import QObject

    from tests.helpers.qml import find_visible, settle, tap

    apply, rating, tray, shell = ui.bridges["apply"], ui.bridges["rating"], ui.core.tray, ui.shell
    times: dict[str, float] = {}
    mark = [time.perf_counter(), bot.paused]
    blink.take()

    def step(name: str, apart: float = 0.0) -> None:
        now = time.perf_counter()
        times[name] = (now - mark[0]) - (bot.paused - mark[1]) - apart
        times["bench"] = times.get("bench", 0.0) + bot.paused - mark[1]
        mark[:] = [now, bot.paused]

    tidied = ui.tidy.count
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
    # from the kiosk asking for a blink until it saw one: the simulated person blinks when their motion loop
    # (drivers/camera/sim_faces.py) comes to it; the kiosk's frames meanwhile are not what keeps the citizen
    times["blink wait"] = blink.take()
    step("face", times["blink wait"])
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
    bot.waitUntil(lambda: rating.ratingState == "done")
    # the thank-you stays up for the screen's Timer, then the visit ends by itself: a designed pause
    timer = ui.window.findChild(QObject, "ratingEndTimer")
    times["thank-you pause"] = timer.property("interval") / 1000 if timer is not None else 0.0
    bot.waitUntil(lambda: shell.stack == ["Attract", "TakeCard"])
    step("rating", times["thank-you pause"])
    tray.choose("idcard", "card", "none")  # the citizen takes the card
    bot.waitUntil(lambda: shell.stack == ["Attract"] and ui.core.session.empty)
    tray.choose("camera", "person", "")
    step("wipe")
    # the kiosk tidies once the attract screen has stood a moment (ui/tidy.py), before a hall's next visitor
    # comes: that moment is not the kiosk's time, the tidy is shown apart
    bot.waitUntil(lambda: ui.tidy.count > tidied)
    times["tidy"] = ui.tidy.last_ms / 1000
    return times


def usage(window, trim: bool = False) -> dict[str, float]:
    from PySide6.QtCore import QObject

    gc.collect()
    if trim:  # glibc keeps freed memory in its arenas: what malloc_trim hands back was free, not leaked
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    status = Path("/proc/self/status").read_text()
    field = {line.split(":")[0]: line.split(":")[1].strip() for line in status.splitlines()}
    return {"rss_mb": int(field["VmRSS"].split()[0]) / 1024, "fds": len(os.listdir("/proc/self/fd")),
            "threads": int(field["Threads"]), "py_threads": threading.active_count(),
            "qobjects": len(window.findChildren(QObject)), "pyobjects": len(gc.get_objects()), **mapped()}


def mapped() -> dict[str, float]:
    """Resident MB by kind of mapping (/proc/self/smaps): where native growth sits, which RSS alone cannot say."""
    kinds: Counter = Counter()
    kind = "other"
    for line in Path("/proc/self/smaps").read_text().splitlines():
        head = line.split(None, 5)
        if len(head) >= 5 and "-" in head[0] and ":" in head[3]:  # a mapping's header line
            name = head[5].strip() if len(head) > 5 else ""
            kind = ("heap" if name == "[heap]" else "anonymous" if not name or name.startswith("[anon")
                    else "stack" if name.startswith("[stack") else "other" if name.startswith("[")
                    else "file")
        elif line.startswith("Rss:"):
            kinds[kind] += int(line.split()[1]) / 1024
    return {f"rss_{k}_mb": v for k, v in kinds.items()}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true",
                   help="1 warm-up visit and 3 more: shows the bench runs (CI), too few to judge growth")
    p.add_argument("--warm", type=int, help="visits before the first measurement (default 10; 1 with --quick)")
    p.add_argument("--visits", type=int, help="visits in all (default 200; 4 with --quick)")
    p.add_argument("--faces", default=str(REPO.parent / "shared" / "data" / "faces"),
                   help="the photo folder the simulated camera and card draw from (default: %(default)s)")
    p.add_argument("--tracemalloc", type=int, nargs="?", const=1, default=0, metavar="FRAMES",
                   help="trace Python allocations (FRAMES deep, default 1) from the first visit; compare after the "
                        "warm-up visits with the end: the top 15 growing lines, and the object types that grew. "
                        "Slows every step: take no timings from such a run")
    p.add_argument("--malloc-trim", action="store_true",
                   help="hand glibc's freed memory back (malloc_trim) before both measurements: the growth is then "
                        "of memory still held, not of free space kept in malloc's arenas")
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
            face = ui.bridges["faceCheck"]
            blink = Stopwatch(face.changed, lambda: face.phase == "challenge")
            if args.tracemalloc:
                tracemalloc.start(args.tracemalloc)
            timings: list[dict[str, float]] = []
            for n in range(1, total + 1):
                try:
                    timings.append(one_visit(bot, ui, blink))
                except TimeoutError:
                    print(f"visit {n} stuck on {ui.shell.stack}", file=sys.stderr)
                    raise
                if n == warm:
                    first = usage(ui.window, args.malloc_trim)
                    if args.tracemalloc:
                        held = Heap.now()
                if n % 10 == 0:
                    now = usage(ui.window)
                    print(f"  {n} visits, rss {now['rss_mb']:.1f} MB (heap {now.get('rss_heap_mb', 0):.1f}, "
                          f"anonymous {now.get('rss_anonymous_mb', 0):.1f}, files {now.get('rss_file_mb', 0):.1f})",
                          flush=True)
            last = usage(ui.window, args.malloc_trim)
            grown = Heap.now().growth_since(held) if args.tracemalloc else None
        finally:
            ui.close()
            core.close()
    print(f"whole visit through the UI, {total} visits (median / p90 seconds, the kiosk's own time):")
    for name in STEPS:
        print(f"  {name:8s} {spread(t[name] for t in timings)}")
    print(f"  {'total':8s} {spread(sum(t[name] for name in STEPS) for t in timings)}")
    print(f"  face check retries: {sum(t['face_retries'] for t in timings)} in {total} visits")
    print("not the kiosk's time, left out above:")
    print(f"  {'blink wait':16s} {spread(t['blink wait'] for t in timings)}  the simulated person: asked to blink "
          "until the kiosk saw the blink (their motion loop reaching it)")
    print(f"  {'thank-you pause':16s} {spread(t['thank-you pause'] for t in timings)}  designed: the rating's "
          "thank-you stays up this long, then the visit ends by itself")
    print(f"  {'tidy':16s} {spread(t['tidy'] for t in timings)}  after the visit, on the attract screen before "
          "the next visitor: QML garbage, unused scene resources, free heap pages (ui/tidy.py)")
    print(f"  {'receipt pause':16s} {0:7.3f}            designed: Submitted opens the rating after 10 s; 0 here")
    print(f"  {'bench taps':16s} {spread(t['bench'] for t in timings)}  the bench's own settles and tap spacing")
    trimmed = " after malloc_trim" if args.malloc_trim else ""
    for n, u in ((warm, first), (total, last)):
        print(f"after {n} visits: rss{trimmed} {u['rss_mb']:.1f} MB, fds {u['fds']}, threads {u['threads']} "
              f"(python {u['py_threads']}), objects under the window {u['qobjects']}, "
              f"python objects {u['pyobjects']}")
    growth = last["rss_mb"] - first["rss_mb"]
    parts = sorted(k for k in {**first, **last} if k.startswith("rss_") and k != "rss_mb")
    print(f"rss growth by mapping, visit {warm} -> {total}: " + ", ".join(
        f"{k[4:-3]} {last.get(k, 0.0) - first.get(k, 0.0):+.1f} MB (now {last.get(k, 0.0):.0f})" for k in parts))
    print(f"python objects per visit, visit {warm} -> {total}: "
          f"{(last['pyobjects'] - first['pyobjects']) / (total - warm):+.1f}")
    ok = growth < 10 and last["fds"] <= first["fds"] and last["threads"] <= first["threads"]
    verdict = "ok" if ok else "LEAK"
    if args.quick:  # a few visits after one still include warm-up (caches, first receipts): not a leak verdict
        verdict = f"{verdict}? (quick run: too few visits to judge)"
    print(f"growth, visit {warm} -> {total}: rss {growth:+.1f} MB, fds {last['fds'] - first['fds']:+d}, threads "
          f"{last['threads'] - first['threads']:+d}  -> {verdict} (goal: < 10 MB, no fd or thread growth)")
    if grown is not None:
        grown.show(warm, total, last["rss_mb"] - first["rss_mb"])
    warmed = timings[warm:] or timings  # the warm-up visits load what a visit needs once per process
    figures = [figure(f"visit step: {name}", [t[name] * 1000 for t in warmed], "ms") for name in STEPS]
    figures.append(figure("whole visit, the kiosk's own time", [sum(t[n] for n in STEPS) * 1000 for t in warmed],
                          "ms"))
    figures.append(figure("tidy after each visit (attract screen, apart)", [t["tidy"] * 1000 for t in warmed], "ms"))
    figures.append(figure("blink wait (the simulated person, apart)", [t["blink wait"] * 1000 for t in warmed], "ms"))
    judged = None if args.quick else ok
    figures.append(figure(f"RSS growth, visit {warm} -> {total}{trimmed}", [growth], "MB", "< 10 (fds, threads: +0)",
                          judged))
    emit(figures)
    return 0 if ok or args.quick else GOAL_MISSED


def spread(values) -> str:
    values = sorted(values)
    return f"{statistics.median(values):7.3f} / {values[max(0, int(len(values) * 0.9) - 1)]:7.3f}"


class Heap:
    """The traced Python heap and the live objects by type at one moment."""

    TOP = 15

    def __init__(self, snapshot: tracemalloc.Snapshot, types: Counter) -> None:
        self.snapshot, self.types = snapshot, types

    @classmethod
    def now(cls) -> Heap:
        gc.collect()
        ignored = [tracemalloc.Filter(False, tracemalloc.__file__), tracemalloc.Filter(False, "<frozen importlib.*")]
        snapshot = tracemalloc.take_snapshot().filter_traces(ignored)
        return cls(snapshot, Counter(type(o).__qualname__ for o in gc.get_objects()))

    OWN = Counter({"Heap": 1, "Snapshot": 1, "_Traces": 1, "Counter": 1})  # the bench's first Heap, still held

    def growth_since(self, before: Heap) -> Growth:
        # deeper traces are kept whole: the same numpy line reached from two of our modules is two sites
        by = "traceback" if tracemalloc.get_traceback_limit() > 1 else "lineno"
        return Growth(self.snapshot.compare_to(before.snapshot, by), self.types - before.types - Heap.OWN,
                      sum(s.size for s in self.snapshot.statistics("filename"))
                      - sum(s.size for s in before.snapshot.statistics("filename")))


class Growth:
    """What grew between two Heaps: by source line, by object type, and the traced total in bytes."""

    def __init__(self, lines: list[tracemalloc.StatisticDiff], types: Counter, traced: int) -> None:
        self.lines, self.types, self.traced = lines, types, traced

    def show(self, warm: int, total: int, rss_growth_mb: float) -> None:
        print(f"tracemalloc, visit {warm} -> {total}: the traced Python heap grew {self.traced / 1024:+.1f} KB "
              f"of the RSS's {rss_growth_mb:+.1f} MB (the rest is native: Qt, QML, OpenCV, dlib, malloc arenas)")
        print(f"  top {Heap.TOP} growing lines (KB, allocations):")
        for stat in sorted(self.lines, key=lambda s: s.size_diff, reverse=True)[:Heap.TOP]:
            if stat.size_diff <= 0:
                break
            print(f"    {stat.size_diff / 1024:+9.1f} KB {stat.count_diff:+7d}  {_site(stat.traceback)}")
        print("  object types that grew in number (gc-tracked):")
        for name, count in self.types.most_common(Heap.TOP):
            print(f"    {count:+7d}  {name}")


def _site(traceback: tracemalloc.Traceback) -> str:
    """The allocating line, and with deeper traces the nearest line of our own code that led there."""
    where = f"{_short(traceback[-1].filename)}:{traceback[-1].lineno}"
    ours = [f for f in traceback[:-1] if f.filename.startswith(str(REPO)) and "site-packages" not in f.filename]
    return where + (f"  via {_short(ours[-1].filename)}:{ours[-1].lineno}" if ours else "")


def _short(filename: str) -> str:
    for root in (str(REPO) + os.sep, *(p + os.sep for p in sys.path if p and "site-packages" in p)):
        if filename.startswith(root):
            return filename[len(root):]
    return filename


if __name__ == "__main__":
    sys.exit(main())
