"""Receipt printer numbers: build time per layout and mode, bytes per receipt, transfer and paper time.

Run: .venv/bin/python bench/printer.py [--runs 15] [--quick]
Figures for bench/all.py: the submission receipt (80 mm) built as raster and as text (goal <= 50 ms, the README's
since the first release), and its whole print time on USB: build + transfer + paper. Last line: FIGURES <json>.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.support.figures import emit, figure  # noqa: E402
from drivers.printer.layout import Profile, build  # noqa: E402
from drivers.printer.render import Interpreter  # noqa: E402
from tests.helpers.printer import SAMPLE_DATA  # noqa: E402

SERIAL_BAUD = 115200  # 8N1: 10 bits on the wire per byte
USB_FULL_SPEED_BPS = 64 * 19 * 1000  # bulk: at most 19 64-byte packets per 1 ms frame (~1.2 MB/s)
PAPER_MM_S = 200  # a typical kiosk thermal mechanism; 203 dpi = 8 dots per mm
DOTS_PER_MM = 8
BUILD_GOAL_MS = 50.0


def times_ms(fn, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return times


def median_ms(fn, runs: int) -> float:
    return statistics.median(times_ms(fn, runs))


def paper_length_dots(data: bytes, width: int) -> int:
    sheets = []
    it = Interpreter(width, on_cut=sheets.append)
    it.feed(data)
    return sum(s.height for s in sheets)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--quick", action="store_true", help="tiny workload, seconds: checks the benchmark runs")
    args = ap.parse_args(argv)
    render_runs = 1 if args.quick else max(3, args.runs // 3)
    if args.quick:
        args.runs = 2

    t = time.perf_counter()
    build("submission_receipt", SAMPLE_DATA["submission_receipt"], Profile(80, "raster"))
    print(f"cold first raster build (font loading included): {(time.perf_counter() - t) * 1000:.1f} ms\n")

    head = (f"{'layout':22} {'mm':>3} {'mode':6} {'build ms':>9} {'bytes':>7} {'115200 s':>9} "
            f"{'USB FS ms':>9} {'paper mm':>8} {'paper s':>7} {'render ms':>9}")
    print(head)
    print("-" * len(head))
    for name in sorted(SAMPLE_DATA):
        for mm in (58, 80):
            for mode in ("text", "raster"):
                profile = Profile(mm, mode)
                data = build(name, SAMPLE_DATA[name], profile)
                ms = median_ms(lambda: build(name, SAMPLE_DATA[name], profile), args.runs)
                render_ms = median_ms(lambda: paper_length_dots(data, profile.width_dots), render_runs)
                paper_mm = paper_length_dots(data, profile.width_dots) / DOTS_PER_MM
                print(f"{name:22} {mm:>3} {mode:6} {ms:9.2f} {len(data):7d} {len(data) * 10 / SERIAL_BAUD:9.2f} "
                      f"{len(data) / USB_FULL_SPEED_BPS * 1000:9.1f} {paper_mm:8.0f} {paper_mm / PAPER_MM_S:7.2f} "
                      f"{render_ms:9.1f}")
    print(f"\nmedian of {args.runs} runs; serial = bytes x 10 bits / {SERIAL_BAUD} baud; USB full speed = bulk "
          f"ceiling {USB_FULL_SPEED_BPS / 1e6:.2f} MB/s; paper time at {PAPER_MM_S} mm/s; render = simulator "
          f"interpreting the bytes")
    figures = []
    for mode in ("raster", "text"):
        profile, data = Profile(80, mode), SAMPLE_DATA["submission_receipt"]
        builds = times_ms(lambda: build("submission_receipt", data, profile), args.runs)
        figures.append(figure(f"submission receipt build, 80 mm {mode}", builds, "ms", f"<= {BUILD_GOAL_MS:g}",
                              statistics.median(builds) <= BUILD_GOAL_MS))
        printed = build("submission_receipt", data, profile)
        fixed_ms = (len(printed) / USB_FULL_SPEED_BPS
                    + paper_length_dots(printed, profile.width_dots) / DOTS_PER_MM / PAPER_MM_S) * 1000
        figures.append(figure(f"submission receipt print, 80 mm {mode}: build + USB + paper at {PAPER_MM_S} mm/s",
                              [b + fixed_ms for b in builds], "ms"))
    emit(figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
