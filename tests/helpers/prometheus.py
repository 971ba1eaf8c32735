"""Test helpers for central's operations side: a strict reader of the Prometheus text format and signed requests
as a terminal sends them (httpx, protocol.signing)."""

from __future__ import annotations

import json
import math
import re
import time

import httpx

from protocol import signing

_SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)$')
_LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(,|$)')


class Metrics:
    """Samples of one /metrics answer: value(name, **labels) for one series, total(name, **labels) over every series
    whose labels include the given ones."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.types: dict[str, str] = {}
        self.samples: list[tuple[str, dict[str, str], float]] = []
        for line in text.splitlines():
            if line.startswith("# TYPE "):
                _, _, name, kind = line.split(" ")
                assert kind in ("counter", "gauge", "histogram"), line
                self.types[name] = kind
                continue
            if line.startswith("#") or not line:
                continue
            m = _SAMPLE.match(line)
            assert m, f"not a sample line: {line!r}"
            name, labels = m.group(1), {}
            if m.group(3):
                found = _LABEL.findall(m.group(3))
                assert "".join(f'{k}="{v}"{sep}' for k, v, sep in found) == m.group(3), line
                labels = {k: v for k, v, _ in found}
            family = re.sub(r"_(bucket|sum|count)$", "", name) if name not in self.types else name
            assert family in self.types, f"sample before its # TYPE line: {line!r}"
            self.samples.append((name, labels, float(m.group(4).replace("+Inf", "inf"))))
        self._check_histograms()

    def _check_histograms(self) -> None:
        for family, kind in self.types.items():
            if kind != "histogram":
                continue
            series: dict[tuple, list[tuple[float, float]]] = {}
            for name, labels, value in self.samples:
                if name == family + "_bucket":
                    rest = tuple(sorted((k, v) for k, v in labels.items() if k != "le"))
                    series.setdefault(rest, []).append((float(labels["le"].replace("+Inf", "inf")), value))
            for rest, buckets in series.items():
                counts = [v for _, v in sorted(buckets)]
                assert counts == sorted(counts), f"{family}{rest}: buckets not cumulative"
                assert sorted(buckets)[-1][0] == math.inf
                assert counts[-1] == self.value(family + "_count", **dict(rest))

    def matching(self, name: str, **labels: str) -> list[tuple[dict[str, str], float]]:
        return [(l, v) for n, l, v in self.samples if n == name and all(l.get(k) == w for k, w in labels.items())]

    def value(self, name: str, **labels: str) -> float:
        found = [v for l, v in self.matching(name, **labels) if l == labels]
        assert len(found) == 1, f"{name}{labels}: {len(found)} series"
        return found[0]

    def total(self, name: str, **labels: str) -> float:
        return sum(v for _, v in self.matching(name, **labels))


def signed(http: httpx.Client, method: str, path: str, terminal: str, secret: str, *, body: bytes = b"",
           json_body=None, headers: dict[str, str] | None = None) -> httpx.Response:
    """One request signed as the terminal signs it."""
    if json_body is not None:
        body = json.dumps(json_body, ensure_ascii=False).encode()
    sig = signing.sign(method, path, body, terminal=terminal, secret=secret, now=time.time())
    kind = "application/octet-stream" if method == "PUT" else "application/json"
    return http.request(method, path, content=body, headers={"Content-Type": kind, **sig, **(headers or {})})
