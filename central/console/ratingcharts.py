"""好差评 charts drawn on the server as inline SVG geometry: how ratings spread over the five steps per service, site
or terminal (one stacked bar each), and how the satisfied share moves per day or week (all together, and one small
chart per service, site or terminal)."""

from __future__ import annotations

from dataclasses import dataclass, field

from central.console.charts import nice_ceiling
from protocol.ratings import SCALE

WIDTH = 1160
# best to worst; a colour-blind reader still has the words (legend, tooltips) and the order
COLOURS = {5: "#067647", 4: "#66c61c", 3: "#fdb022", 2: "#f97066", 1: "#b42318"}
_LABEL_W, _TOTAL_W, _BAR_H, _ROW_H, _TOP = 230, 190, 22, 34, 8


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
    """The satisfied share (满意 and 非常满意 among all ratings) per period as a line, broken where a period had no
    ratings, over bars of how many ratings there were, their bad ones in red (right-hand axis)."""

    width: int = WIDTH
    height: int = 300
    plot: tuple[int, int, int, int] = (56, 14, WIDTH - 56 - 64, 300 - 14 - 46)  # x, y, w, h
    segments: list[str] = field(default_factory=list)  # SVG polyline points
    dots: list[dict] = field(default_factory=list)  # x, y, label
    bars: list[dict] = field(default_factory=list)  # x, width, y, height, bad_y, bad_height, label
    y_ticks: list[tuple[float, str]] = field(default_factory=list)  # satisfied share, left
    count_ticks: list[tuple[float, str]] = field(default_factory=list)  # ratings, right
    x_ticks: list[tuple[float, str]] = field(default_factory=list)


def _line(points: list[dict], xs: list[float], y_of) -> tuple[list[str], list[tuple[float, float, dict]]]:
    """Polylines through the periods that had ratings (a period without any breaks the line) and their dots."""
    segments, current, dots = [], [], []
    for x, point in zip(xs, points):
        if point["satisfied_share"] is None:
            segments.append(current)
            current = []
            continue
        y = y_of(point["satisfied_share"])
        current.append(f"{x:.1f},{y:.1f}")
        dots.append((round(x, 1), round(y, 1), point))
    segments.append(current)
    return [" ".join(p) for p in segments if len(p) > 1], dots


def _share(point: dict) -> str:
    return "—" if point["satisfied_share"] is None else f"{100 * point['satisfied_share']:.0f}%"


def trend_chart(trend: dict) -> Trend:
    """`trend` as RatingFigures.trend(by=None) gives it: one series, everything together."""
    chart = Trend()
    x0, y0, w, h = chart.plot
    periods = trend["periods"]
    points = trend["series"][0]["points"] if trend["series"] else []
    n = len(periods)
    step = w / max(n, 1)
    xs = [x0 + step * (k + 0.5) for k in range(n)]
    top = nice_ceiling(max((p["total"] for p in points), default=0))
    chart.y_ticks = [(y0 + h - h * f, f"{100 * f:.0f}%") for f in (0, 0.25, 0.5, 0.75, 1)]
    chart.count_ticks = [(y0 + h - h * f, f"{top * f:g}") for f in (0, 0.5, 1)]
    every = max(1, -(-n // 8))  # at most about eight dates under the axis
    chart.x_ticks = [(xs[k], periods[k][5:] if trend["period"] == "day" else periods[k]) for k in range(0, n, every)]
    bar_w = max(1.0, min(step * 0.6, 40))
    for x, period, point in zip(xs, periods, points):
        if point["total"]:
            height, bad = h * point["total"] / top, h * point["bad"] / top
            chart.bars.append({"x": round(x - bar_w / 2, 1), "width": round(bar_w, 1),
                               "y": round(y0 + h - height, 1), "height": round(height, 1),
                               "bad_y": round(y0 + h - bad, 1), "bad_height": round(bad, 1),
                               "label": f"{period}: {point['total']} 条 ratings, 差评 bad {point['bad']}"})
    chart.segments, dots = _line(points, xs, lambda share: y0 + h - h * share)
    chart.dots = [{"x": x, "y": y, "label": f"{p['period']}: 满意率 satisfied {_share(p)} ({p['total']})"}
                  for x, y, p in dots]
    return chart


SPARK_W, SPARK_H = 640, 40
MAX_SPARKS = 40  # a hall's terminals; a province's are in the table above


def sparklines(trend: dict, label) -> list[dict]:
    """One small chart per service, site or terminal (`trend` from RatingFigures.trend(by=...)), most rated first:
    the satisfied share per period (0-100 %), red marks under the periods that had a bad rating, and totals."""
    periods = trend["periods"]
    n = len(periods)
    step = SPARK_W / max(n, 1)
    xs = [step * (k + 0.5) for k in range(n)]
    rows = []
    for s in trend["series"][:MAX_SPARKS]:
        name = label(s["key"])
        points = s["points"]
        segments, dots = _line(points, xs, lambda share: 4 + (SPARK_H - 12) * (1 - share))
        total = sum(p["total"] for p in points)
        satisfied = sum(round(p["satisfied_share"] * p["total"]) for p in points if p["total"])
        rows.append({"label": name, "segments": segments, "total": total,
                     "share": f"{100 * satisfied / total:.0f}%" if total else "—",
                     "bad": sum(p["bad"] for p in points),
                     "dots": [{"x": x, "y": y, "label": f"{name} {p['period']}: {_share(p)} ({p['total']})"}
                              for x, y, p in dots],
                     "bad_marks": [{"x": round(x - max(step * 0.3, 1), 1), "width": round(max(step * 0.6, 2), 1),
                                    "label": f"{name} {p['period']}: 差评 bad {p['bad']}"}
                                   for x, p in zip(xs, points) if p["bad"]]})
    return rows
