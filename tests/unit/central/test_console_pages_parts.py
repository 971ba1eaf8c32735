"""The pure parts of the case, rating, catalog and overlay pages: the rating charts' geometry, a refused overlay
split into keys with the reason for each, and the catalog upload's own body cap."""

from __future__ import annotations

from central import bodies
from central.catalogs import MAX_BYTES
from central.console import overlayview, ratingcharts


def _figures(counts: dict) -> dict:
    total = sum(counts.values())
    share = sum(n for s, n in counts.items() if s >= 4) / total if total else None
    return {"counts": {s: counts.get(s, 0) for s in (5, 4, 3, 2, 1)}, "total": total, "average": None,
            "satisfied_share": share, "bad": counts.get(1, 0) + counts.get(2, 0)}


def test_the_distribution_splits_each_bar_by_step_in_proportion():
    rows = [{"key": "HJ-001", **_figures({5: 3, 4: 1, 1: 4})}, {"key": None, **_figures({})}]
    chart = ratingcharts.distribution_chart(rows, lambda key: key or "none")
    x0, w = chart.bar
    first = chart.rows[0]
    assert [p["score"] for p in first["parts"]] == [5, 4, 1]  # best to worst, steps without ratings left out
    assert [p["width"] for p in first["parts"]] == [round(w * 3 / 8, 1), round(w / 8, 1), round(w / 2, 1)]
    assert first["parts"][0]["x"] == x0 and abs(sum(p["width"] for p in first["parts"]) - w) < 0.5
    assert first["bad"] == 4 and "非常不满意 Very dissatisfied: 4 (50%)" in first["parts"][-1]["label"]
    assert chart.rows[1]["empty"] and chart.rows[1]["parts"] == [] and chart.rows[1]["label"] == "none"
    assert chart.height > chart.rows[1]["y"]


def test_the_trend_breaks_its_line_where_a_period_had_no_ratings():
    periods = ["2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06"]
    points = [dict(_figures(c), period=p) for p, c in zip(periods, ({5: 2}, {1: 1, 5: 1}, {}, {4: 1}, {3: 1, 2: 1}))]
    trend = {"period": "day", "periods": periods, "series": [{"key": None, "points": points}]}
    chart = ratingcharts.trend_chart(trend)
    assert len(chart.segments) == 2 and len(chart.dots) == 4  # 11-04 had none: the line breaks there
    assert len(chart.bars) == 4 and [b["bad_height"] > 0 for b in chart.bars] == [False, True, False, True]
    x0, y0, w, h = chart.plot
    assert chart.dots[0]["y"] == y0 and chart.dots[-1]["y"] == y0 + h  # 100 % at the top, 0 % at the bottom
    assert all(x0 <= d["x"] <= x0 + w for d in chart.dots)
    assert [label for _, label in chart.x_ticks] == ["11-02", "11-03", "11-04", "11-05", "11-06"]
    sparks = ratingcharts.sparklines({**trend, "series": [{"key": "SIM-1", "points": points}]}, str)
    assert sparks[0]["total"] == 7 and sparks[0]["share"] == "57%" and sparks[0]["bad"] == 2
    assert len(sparks[0]["bad_marks"]) == 2 and len(sparks[0]["segments"]) == 2
    empty = ratingcharts.trend_chart({"period": "week", "periods": ["2026-11-02"], "series": []})
    assert empty.bars == [] and empty.dots == []


def test_a_refused_overlay_names_each_key_and_why():
    found = overlayview.problems("central.url may not be set remotely; [face] may not be set remotely; weird.key may "
                                 "not be set remotely; display.idle_timeout_seconds: a value, not a table")
    assert [p["text"] for p in found] == ["central.url may not be set remotely", "[face] may not be set remotely",
                                          "weird.key may not be set remotely",
                                          "display.idle_timeout_seconds: a value, not a table"]
    assert found[0]["why"] == overlayview.WHY["central"] and found[1]["why"] == overlayview.WHY["face"]
    assert found[2]["why"][1] == "not a setting an overlay may change" and found[3]["why"] is None
    assert overlayview.problems("not TOML: Expected '=' (at line 1, column 5)")[0]["why"] is None


def test_only_the_catalog_upload_may_send_a_bundle_sized_body():
    assert bodies.cap_for("POST", "/console/catalog/upload") == bodies.CATALOG_UPLOAD_CAP > MAX_BYTES
    for method, path in (("POST", "/console/catalog/upload/x"), ("POST", "/console/catalog/2099.1.1/publish"),
                         ("GET", "/console/catalog/upload"), ("POST", "/console/cases/X/actions/accept")):
        assert bodies.cap_for(method, path) == bodies.DEFAULT_CAP, (method, path)
