"""Central's metrics registry: the Prometheus text it writes, and how several workers' figures add up."""

import json
import os
import subprocess
import time

from central.metrics import Family, Registry, SharedFolder, exposition, merge
from tests.helpers.prometheus import Metrics


def _registry() -> tuple[Registry, Family, Family, Family]:
    r = Registry()
    hits = r.add(Family("hits_total", "Hits", "counter", ("route",)))
    up = r.add(Family("up", "Up\nnow", "gauge", ("worker",)))
    took = r.add(Family("took_seconds", "Took", "histogram", (), (0.1, 1.0)))
    return r, hits, up, took


def test_the_text_format_of_each_kind():
    r, hits, up, took = _registry()
    hits.inc('/a/{x}"\\\n')
    hits.inc('/a/{x}"\\\n', by=2)
    up.set("7", value=1.5)
    for seconds in (0.1, 0.5, 3.0):  # a bound counts values equal to it
        took.observe(value=seconds)
    text = exposition(merge([r.snapshot()]))
    assert text == (
        "# HELP hits_total Hits\n# TYPE hits_total counter\n"
        'hits_total{route="/a/{x}\\"\\\\\\n"} 3\n'
        "# HELP took_seconds Took\n# TYPE took_seconds histogram\n"
        'took_seconds_bucket{le="0.1"} 1\ntook_seconds_bucket{le="1"} 2\ntook_seconds_bucket{le="+Inf"} 3\n'
        "took_seconds_sum 3.6\ntook_seconds_count 3\n"
        "# HELP up Up\\nnow\n# TYPE up gauge\n"
        'up{worker="7"} 1.5\n')
    parsed = Metrics(text)
    assert parsed.value("hits_total", route='/a/{x}\\"\\\\\\n') == 3


def test_counters_and_histograms_add_up_across_workers_gauges_stay_apart():
    snaps = []
    for worker in ("1", "2"):
        r, hits, up, took = _registry()
        hits.inc("/b", by=int(worker))
        up.set(worker, value=int(worker) * 10)
        took.observe(value=0.05)
        snaps.append(r.snapshot())
    m = Metrics(exposition(merge(snaps)))
    assert m.value("hits_total", route="/b") == 3
    assert m.value("took_seconds_count") == 2 and m.value("took_seconds_bucket", le="0.1") == 2
    assert m.value("up", worker="1") == 10 and m.value("up", worker="2") == 20


def test_a_gone_workers_counters_still_count_its_gauges_do_not(tmp_path):
    r, hits, up, took = _registry()
    hits.inc("/c")
    up.set(str(os.getpid()), value=1)
    gone = subprocess.Popen(["true"])
    gone.wait()
    alive = os.getppid()
    for pid in (gone.pid, alive):
        other, o_hits, o_up, _ = _registry()
        o_hits.inc("/c", by=5)
        o_up.set(str(pid), value=2)
        (tmp_path / f"worker-{pid}.json").write_text(json.dumps(
            {"pid": pid, "written": time.time(), "families": other.snapshot()}))
    shared = SharedFolder(tmp_path, r.snapshot)
    gathered = shared.gather(r.snapshot())
    m = Metrics(exposition(merge(snap for _, _, snap in gathered)))
    assert m.value("hits_total", route="/c") == 11  # this process 1 + a gone one 5 + a live one 5
    assert {labels["worker"] for labels, _ in m.matching("up")} == {str(os.getpid()), str(alive)}
    shared.write()
    assert (tmp_path / f"worker-{os.getpid()}.json").is_file()
    SharedFolder.clear(tmp_path)
    assert not list(tmp_path.glob("worker-*.json"))
