"""好差评 charts drawn on the server as inline SVG geometry: how ratings spread over the five steps per service, site
or terminal (one stacked bar each), and how the satisfied share moves per day or week (one line each)."""

from __future__ import annotations

from dataclasses import dataclass, field

from central.console.charts import nice_ceiling
from protocol.ratings import SCALE

WIDTH = 1160
# best to worst; a colour-blind reader still has the words (legend, tooltips) and the order
COLOURS = {5: "#067647", 4: "#66c61c", 3: "#fdb022", 2: "#f97066", 1: "#b42318"}
SERIES_COLOURS = ("#1d4ed8", "#c11574", "#0e9384", "#dc6803", "#6938ef", "#475467")
MAX_SERIES = len(SERIES_COLOURS)  # more lines than this are unreadable: the rest are in the table
_LABEL_W, _TOTAL_W, _BAR_H, _ROW_H, _TOP = 230, 150, 22, 34, 8


@dataclass
class Distribution:
    """One row per group: its label, a bar split into the five steps (x, width, colour, count, words) and its
    total."""

    width: int = WIDTH
    height: int = 0
    bar: tuple[int, int] = (_LABEL_W, WIDTH - _LABEL_W - _TOTAL_W)  # x, width of the bars
    rows: list[dict] = field(default_factory=list)


def distribution_chart(rows: list[dict], label) -> Distribution:
    """`rows` as RatingFigures.distribution() gives them; label(key) -> the text naming the group."""
    chart = Distribution()
    x0, w = chart.bar
    for i, row in enumerate(rows):
        y = _TOP + i * _ROW_H
        parts, x = [], float(x0)
        total = row["total"]
        for score in SCALE:
            n = row["counts"].get(score, 0)
            if not n:
                continue
            width = w * n / total
            zh, en = SCALE[score]
            parts.append({"x": round(x, 1), "width": round(width, 1), "colour": COLOURS[score], "count": n,
                          "score": score, "dark": score in (5, 1),
                          "label": f"{zh} {en}: {n} ({100 * n / total:.0f}%)", "show": width >= 24})
            x += width
        chart.rows.append({"y": y, "text_y": y + _BAR_H / 2 + 5, "label": label(row["key"]), "parts": parts,
                           "total": total, "bad": row["bad"], "empty": not total})
    chart.height = _TOP * 2 + max(1, len(rows)) * _ROW_H
    return chart


@dataclass
class Trend:
    """Lines of the satisfied share (满意 and 非常满意 among all ratings) per period, broken where a period had no
    ratings; grey bars of how many ratings there were (all groups together), against the right-hand axis."""

    width: int = WIDTH
    height: int = 300
    plot: tuple[int, int, int, int] = (56, 14, WIDTH - 56 - 64, 300 - 14 - 46)  # x, y, w, h
    series: list[dict] = field(default_factory=list)  # key, label, colour, segments [points text], dots
    bars: list[dict] = field(default_factory=list)  # x, y, width, height, label
    y_ticks: list[tuple[float, str]] = field(default_factory=list)  # satisfied share, left
    count_ticks: list[tuple[float, str]] = field(default_factory=list)  # ratings, right
    x_ticks: list[tuple[float, str]] = field(default_factory=list)
    hidden: int = 0  # series left out of the chart (there are too many lines)


def trend_chart(trend: dict, label) -> Trend:
    """`trend` as RatingFigures.trend() gives it; label(key) -> the text naming the group."""
    chart = Trend()
    x0, y0, w, h = chart.plot
    periods = trend["periods"]
    n = len(periods)
    step = w / max(n, 1)
    xs = [x0 + step * (k + 0.5) for k in range(n)]
    totals = [sum(s["points"][k]["total"] for s in trend["series"]) for k in range(n)]
    top = nice_ceiling(max(totals, default=0))
    chart.y_ticks = [(y0 + h - h * f, f"{100 * f:.0f}%") for f in (0, 0.25, 0.5, 0.75, 1)]
    chart.count_ticks = [(y0 + h - h * f, f"{top * f:g}") for f in (0, 0.5, 1)]
    every = max(1, -(-n // 8))  # at most about eight dates under the axis
    chart.x_ticks = [(xs[k], periods[k][5:] if trend["period"] == "day" else periods[k]) for k in range(0, n, every)]
    bar_w = max(1.0, min(step * 0.6, 40))
    for k, total in enumerate(totals):
        if total:
            height = h * total / top
            chart.bars.append({"x": round(xs[k] - bar_w / 2, 1), "y": round(y0 + h - height, 1),
                               "width": round(bar_w, 1), "height": round(height, 1),
                               "label": f"{periods[k]}: {total}"})
    shown = trend["series"][:MAX_SERIES]
    chart.hidden = len(trend["series"]) - len(shown)
    for colour, s in zip(SERIES_COLOURS, shown):
        segments, current, dots = [], [], []
        name = label(s["key"])
        for k, point in enumerate(s["points"]):
            share = point["satisfied_share"]
            if share is None:  # no ratings that period: the line breaks rather than dropping to zero
                if current:
                    segments.append(current)
                current = []
                continue
            y = y0 + h - h * share
            current.append(f"{xs[k]:.1f},{y:.1f}")
            dots.append({"x": round(xs[k], 1), "y": round(y, 1),
                         "label": f"{name} {periods[k]}: {100 * share:.0f}% ({point['total']})"})
        if current:
            segments.append(current)
        chart.series.append({"key": s["key"], "label": name, "colour": colour,
                             "segments": [" ".join(p) for p in segments if len(p) > 1], "dots": dots})
    return chart
