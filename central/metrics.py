"""A small metrics registry in the Prometheus text format: counters, gauges and histograms with labels, and the sum
of several worker processes' figures through snapshot files in one shared folder."""

from __future__ import annotations

import bisect
import json
import math
import os
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
_SNAPSHOT_PREFIX = "worker-"
# a live process whose snapshot stopped changing this long ago is not the worker that wrote it (its pid was reused)
_SNAPSHOT_STALE = 60.0


class Family:
    """One metric name with its help text, kind and label names; its series are keyed by label values."""

    def __init__(self, name: str, help_text: str, kind: str, labels: tuple[str, ...] = (),
                 buckets: tuple[float, ...] = ()) -> None:
        if kind not in ("counter", "gauge", "histogram"):
            raise ValueError(kind)
        self.name, self.help, self.kind, self.labels = name, help_text, kind, labels
        self.buckets = tuple(sorted(buckets))
        self.series: dict[tuple[str, ...], float | list[float]] = {}
        if not labels:  # a series without labels exists from the start, at zero
            self.series[()] = self._zero()

    def _zero(self) -> float | list[float]:
        return [0.0] * (len(self.buckets) + 3) if self.kind == "histogram" else 0.0

    def _key(self, values: tuple[str, ...]) -> tuple[str, ...]:
        if len(values) != len(self.labels):
            raise ValueError(f"{self.name} takes labels {self.labels}, not {values}")
        return tuple(str(v) for v in values)

    def inc(self, *labels: str, by: float = 1.0) -> None:
        key = self._key(labels)
        self.series[key] = self.series.get(key, 0.0) + by

    def set(self, *labels: str, value: float) -> None:
        self.series[self._key(labels)] = float(value)

    def observe(self, *labels: str, value: float) -> None:
        """Histograms: counts per bucket (not cumulative; the text format adds them up), then sum and count."""
        key = self._key(labels)
        row = self.series.get(key)
        if row is None:
            row = self.series[key] = self._zero()
        row[bisect.bisect_left(self.buckets, value)] += 1  # a bucket counts values up to and including its bound
        row[-2] += value
        row[-1] += 1

    def snapshot(self) -> dict:
        return {"help": self.help, "kind": self.kind, "labels": list(self.labels), "buckets": list(self.buckets),
                "series": [[list(k), list(v) if isinstance(v, list) else v] for k, v in self.series.items()]}


class Registry:
    """Families by name. Observations and reads share one lock: requests on the event loop write, the snapshot
    thread and /metrics (in the thread pool) read."""

    def __init__(self) -> None:
        self.families: dict[str, Family] = {}
        self.lock = threading.Lock()

    def add(self, family: Family) -> Family:
        self.families[family.name] = family
        return family

    def snapshot(self) -> dict:
        with self.lock:
            return {name: f.snapshot() for name, f in self.families.items()}


def merge(snapshots: Iterable[dict]) -> dict:
    """Several processes' snapshots as one: counters and histograms add up; gauges carry their own `worker` label,
    so their series stay apart."""
    out: dict[str, dict] = {}
    for snap in snapshots:
        for name, fam in snap.items():
            into = out.setdefault(name, dict(fam, series={}))
            if into["kind"] != fam["kind"] or into["buckets"] != fam["buckets"]:
                continue  # a worker of another version: its figures do not fit these
            for labels, value in fam["series"]:
                key = tuple(labels)
                have = into["series"].get(key)
                if have is None:
                    into["series"][key] = list(value) if isinstance(value, list) else value
                elif fam["kind"] == "gauge":
                    into["series"][key] = value
                elif isinstance(have, list):
                    into["series"][key] = [a + b for a, b in zip(have, value)]
                else:
                    into["series"][key] = have + value
    return out


def exposition(merged: dict) -> str:
    """The Prometheus text format (version 0.0.4) of merged snapshots, series in a stable order."""
    lines: list[str] = []
    for name in sorted(merged):
        fam = merged[name]
        lines.append(f"# HELP {name} {_escape_help(fam['help'])}")
        lines.append(f"# TYPE {name} {fam['kind']}")
        series = fam["series"]
        for key in sorted(series):
            labels = list(zip(fam["labels"], key))
            value = series[key]
            if fam["kind"] != "histogram":
                lines.append(f"{name}{_labels(labels)} {_number(value)}")
                continue
            running = 0.0
            for bound, count in zip([*fam["buckets"], math.inf], value):
                running += count
                lines.append(f"{name}_bucket{_labels(labels + [('le', _number(bound))])} {_number(running)}")
            lines.append(f"{name}_sum{_labels(labels)} {_number(value[-2])}")
            lines.append(f"{name}_count{_labels(labels)} {_number(value[-1])}")
    return "\n".join(lines) + "\n"


def _labels(pairs: list[tuple[str, str]]) -> str:
    if not pairs:
        return ""
    return "{" + ",".join(f'{k}="{_escape_value(v)}"' for k, v in pairs) + "}"


def _escape_value(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _escape_help(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n")


def _number(value: float) -> str:
    if value == math.inf:
        return "+Inf"
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


class SharedFolder:
    """Each worker writes its snapshot to `worker-PID.json` in one folder every `every` seconds (and at scrape
    time); whichever worker answers a scrape adds up every file. Files of workers that are gone still count for
    counters and histograms (totals never go back); their gauges are dropped."""

    def __init__(self, folder: Path | str, snapshot: Callable[[], dict], *, every: float = 2.0) -> None:
        self.folder, self._snapshot, self._every = Path(folder), snapshot, every
        self._pid = os.getpid()
        self._thread = threading.Thread(target=self._run, name="metrics-snapshot", daemon=True)

    @staticmethod
    def clear(folder: Path | str) -> None:
        """Before workers start: a file left by an earlier run would add its old totals to this one's."""
        for path in Path(folder).glob(_SNAPSHOT_PREFIX + "*.json"):
            path.unlink(missing_ok=True)

    def start(self) -> SharedFolder:
        self.write()
        self._thread.start()
        return self

    def _run(self) -> None:
        while True:  # a daemon thread: it ends with its worker
            time.sleep(self._every)
            try:
                self.write()
            except OSError:
                pass  # a full disk costs the other workers' view of this one's figures, never a request

    def write(self) -> dict:
        snap = self._snapshot()
        path = self.folder / f"{_SNAPSHOT_PREFIX}{self._pid}.json"
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text(json.dumps({"pid": self._pid, "written": time.time(), "families": snap}))
        os.replace(tmp, path)  # a reader sees the old file or the new one, never half of one
        return snap

    def gather(self, own: dict) -> list[tuple[int, float, dict]]:
        """(pid, age in seconds, snapshot) of every worker: this one's `own` figures fresh, the others' from
        their files, gauges left out for workers that are gone."""
        now = time.time()
        out = [(self._pid, 0.0, own)]
        for path in self.folder.glob(_SNAPSHOT_PREFIX + "*.json"):
            try:
                doc = json.loads(path.read_text())
                pid, written, families = int(doc["pid"]), float(doc["written"]), dict(doc["families"])
            except (OSError, ValueError, KeyError, TypeError):
                continue  # removed or replaced while we looked
            if pid == self._pid:
                continue
            if not (_alive(pid) and now - written < _SNAPSHOT_STALE):
                families = {name: fam for name, fam in families.items() if fam.get("kind") != "gauge"}
                out.append((pid, -1.0, families))
            else:
                out.append((pid, max(0.0, now - written), families))
        return out


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
