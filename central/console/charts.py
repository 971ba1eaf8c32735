"""Charts drawn on the server as inline SVG geometry (no JavaScript library): a terminal's heartbeat history."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime

from central import fleet

WIDTH, HEIGHT = 1160, 260
LEFT, RIGHT, TOP, BOTTOM = 52, 16, 14, 44
_SAID_BY_ONE_BEAT = frozenset({"paper_out", "device_fault", "clock_off"})


@dataclass
class Chart:
    """Pixel geometry the template draws: line segments (broken where beats went missing), one dot per beat, and
    labelled ticks."""

    width: int = WIDTH
    height: int = HEIGHT
    plot: tuple[int, int, int, int] = (LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM)  # x, y, w, h
    segments: list[str] = field(default_factory=list)  # SVG polyline points
    dots: list[dict] = field(default_factory=list)  # x, y, bad, label
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    x_ticks: list[tuple[float, str]] = field(default_factory=list)


def nice_ceiling(value: float) -> float:
    """1, 2, 5, 10, 20, 50, ... at or above value (at least 5, so a quiet queue does not look busy)."""
    value = max(value, 5.0)
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= value)


def heartbeat_chart(beats: list[dict], interval: float) -> Chart:
    """Records waiting to be sent (depth.pending) at each beat; red dots where a beat reported a crash, a device
    fault, no paper or a clock far off; the line breaks where more than two intervals passed without a beat."""
    chart = Chart()
    x0, y0, w, h = chart.plot
    points = [(b["received_at"], float((b.get("depth") or {}).get("pending") or 0), b) for b in beats
              if isinstance(b.get("received_at"), (int, float))]
    if not points:
        return chart
    first, last = points[0][0], points[-1][0]
    span = max(last - first, 1.0)
    top = nice_ceiling(max(p[1] for p in points))
    chart.y_ticks = [(y0 + h - h * f, f"{top * f:g}") for f in (0, 0.5, 1)]
    chart.x_ticks = [(x0 + w * f, datetime.fromtimestamp(first + span * f).strftime("%H:%M:%S")) for f in (0, 0.5, 1)]
    segment: list[str] = []
    previous = None
    for at, pending, beat in points:
        x = x0 + w * ((at - first) / span if len(points) > 1 else 0.5)
        y = y0 + h - h * min(pending, top) / top
        if previous is not None and at - previous > 2 * interval:
            chart.segments.append(" ".join(segment))
            segment = []
        segment.append(f"{x:.1f},{y:.1f}")
        previous = at
        # the beat on its own: what it said of devices and paper (silence and trends need the others)
        said = [f for f in fleet.flags(beat, [], at) if f.code in _SAID_BY_ONE_BEAT]
        crashes = beat.get("crashes") or 0
        label = f"{datetime.fromtimestamp(at):%H:%M:%S}  pending {pending:g}"
        label += "".join(f"  {f.view()['en']}" + (f" ({f.detail})" if f.detail else "") for f in said)
        if crashes:
            label += f"  crashes {crashes}"
        chart.dots.append({"x": round(x, 1), "y": round(y, 1), "bad": bool(said or crashes), "label": label})
    chart.segments.append(" ".join(segment))
    return chart
