"""Catalog benchmark: load + validation time, and search latency per keystroke (shipped and 5,000 items).

Run: taskset -c 0 .venv/bin/python bench/catalog.py [--runs 5] [--county 5000] [--quick]
Targets (issue 6): load + validate the shipped catalog <= 200 ms; search p95 per keystroke <= 20 ms.
Targets (issue 20, a generated county catalog): fresh-process load from the cache <= 300 ms; keystroke p95
<= 10 ms and max <= 25 ms. The county catalog is loaded without and with the cache, side by side.
Last line: FIGURES <json> (bench/README.md).
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.support.figures import emit, figure  # noqa: E402
from kiosk.catalog.cache import CatalogCache  # noqa: E402
from kiosk.catalog.catalog import Catalog  # noqa: E402
from kiosk.catalog.generate import generate  # noqa: E402
from kiosk.catalog.search import Searchable, SearchIndex, SearchSession  # noqa: E402

SHIPPED = REPO / "assets" / "catalog"
QUERIES = [
    "sfz", "身份证丢了", "shenfenzheng", "gjj 提取", "公积金贷款", "结婚登记", "我想办理结婚登记", "孩子上户口",
    "户口本丢了", "退休", "tuixiu", "社保卡", "异地就医", "ydjy", "住院报销", "个税退税", "营业执照", "开公司",
    "低保", "dibao", "残疾证", "驾照到期", "huzhao", "小学报名", "灵活就业交社保", "房子过户", "无房证明",
]

SUBJECTS = ["居民", "企业", "个体工商户", "老年人", "残疾人", "外籍人员", "农村", "城镇职工", "退役军人", "学生",
            "灵活就业人员", "新生儿", "困难家庭", "律师", "医师", "教师", "社会组织", "合作社", "渔民", "驾驶人"]
OBJECTS = ["身份证", "户口", "住房公积金", "社会保障卡", "医疗保险", "营业执照", "驾驶证", "不动产", "发票",
           "养老金", "低保", "护照", "居住证", "结婚证", "出生医学证明", "教师资格", "建筑施工许可", "食品经营许可",
           "药品经营许可", "烟草专卖许可", "渔业捕捞许可", "林木采伐许可", "失业保险金", "工伤保险", "生育津贴",
           "高龄津贴", "残疾人证", "机动车", "道路运输证", "排污许可", "消防验收", "公共场所卫生许可", "印章",
           "税务登记", "商标", "专利", "档案", "学历证明", "职业资格", "技能等级"]
ACTIONS = ["申领", "换领", "补领", "变更", "注销", "查询", "提取", "备案", "认定", "登记", "核发", "年检", "延续",
           "转移", "打印", "撤销"]
THEMES = ["婚育收养", "教育培训", "纳税缴费", "证件办理", "社会保障", "医疗保障", "户籍", "住房公积金", "不动产",
          "就业创业", "养老服务", "残疾人服务", "企业开办", "交通出行", "社会救助"]


def synthetic_items(n: int, seed: int = 6) -> list[Searchable]:
    """n distinct plausible item names with aliases and groups, like a provincial catalog."""
    rnd = random.Random(seed)
    combos = [(s, o, a) for s in SUBJECTS for o in OBJECTS for a in ACTIONS]
    rnd.shuffle(combos)
    items = []
    for k, (s, o, a) in enumerate(combos[:n]):
        name = f"{s}{o}{a}"
        aliases = [f"{o}{rnd.choice(ACTIONS)}", f"办{o}", f"{s}{rnd.choice(OBJECTS)}"][: rnd.randint(1, 3)]
        groups = rnd.sample(THEMES, 2)
        items.append(Searchable(f"SY-{k:05d}", name, f"{o}{a}"[:12], aliases, (), groups, f"{s}事务中心"))
    return items


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def keystroke_latencies(search_session_factory, queries: list[str]) -> list[float]:
    """Type every query one character at a time in a fresh session; time each keystroke (ms)."""
    out = []
    for q in queries:
        session = search_session_factory()
        for n in range(1, len(q) + 1):
            t = time.perf_counter()
            session.update(q[:n], 20)
            out.append((time.perf_counter() - t) * 1000)
    return out


def cold_load_ms() -> tuple[float, float]:
    """Load in a fresh interpreter: (importing the catalog package with pydantic and pypinyin, loading)."""
    code = ("import time; t0=time.perf_counter(); from pathlib import Path; import kiosk.catalog.catalog as c;"
            "t=time.perf_counter(); c.Catalog.load(Path(%r)); t2=time.perf_counter();"
            "print((t-t0)*1000, (t2-t)*1000)" % str(SHIPPED))
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    imports, load = out.stdout.split()
    return float(imports), float(load)


def county_load_ms(catalog_dir: Path, cache_dir: Path | None) -> float:
    """Load a catalog in a fresh interpreter, imports excluded: through the on-disk cache, or without it."""
    load = (f"CatalogCache(Path({str(cache_dir)!r})).load(Path({str(catalog_dir)!r}))" if cache_dir
            else f"Catalog.load(Path({str(catalog_dir)!r}))")
    code = ("import time; from pathlib import Path; from kiosk.catalog.cache import CatalogCache;"
            "from kiosk.catalog.catalog import Catalog; t=time.perf_counter(); " + load +
            "; print((time.perf_counter()-t)*1000)")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    return float(out.stdout.split()[-1])


def _spread(values: list[float]) -> str:
    return f"median {statistics.median(values):8.1f} ms (min {min(values):.1f}, max {max(values):.1f})"


def _verdict(value: float, goal: float) -> str:
    return f"goal <= {goal:g} ms: {'met' if value <= goal else 'NOT met'}"


def county(items: int, runs: int) -> list[dict]:
    """Issue 20's figures on a generated catalog of `items` matters, each a median over `runs` fresh runs."""
    with tempfile.TemporaryDirectory() as tmp:
        catalog_dir = generate(Path(tmp) / "catalog", items, seed=1)
        cache_dir = Path(tmp) / "cache"
        cold = [county_load_ms(catalog_dir, None) for _ in range(runs)]
        CatalogCache(cache_dir).load(catalog_dir)  # writes the cache the warm loads read
        warm = [county_load_ms(catalog_dir, cache_dir) for _ in range(runs)]
        size = sum(p.stat().st_size for p in cache_dir.iterdir()) / 1e6
        catalog = CatalogCache(cache_dir).load(catalog_dir)
        p50s, p95s, worst = [], [], []
        for _ in range(runs):
            lat = keystroke_latencies(lambda: SearchSession(catalog._index), QUERIES)
            p50s.append(percentile(lat, 50))
            p95s.append(percentile(lat, 95))
            worst.append(max(lat))
    print(f"generated county catalog: {len(catalog)} items, {runs} runs, cache file {size:.1f} MB")
    print(f"  fresh-process load, no cache:   {_spread(cold)}")
    print(f"  fresh-process load, from cache: {_spread(warm)}   {_verdict(statistics.median(warm), 300)}")
    print(f"  keystroke p50 ({len(lat)} keystrokes): {_spread(p50s)}")
    print(f"  keystroke p95:                  {_spread(p95s)}   {_verdict(statistics.median(p95s), 10)}")
    print(f"  keystroke max:                  {_spread(worst)}   {_verdict(statistics.median(worst), 25)}")
    name = f"{len(catalog)}-item catalog"
    return [figure(f"{name}: fresh-process load from the cache", warm, "ms", "<= 300", statistics.median(warm) <= 300),
            figure(f"{name}: fresh-process load without the cache", cold, "ms"),
            figure(f"{name}: keystroke p50 (per run)", p50s, "ms"),
            figure(f"{name}: keystroke p95 (per run)", p95s, "ms", "<= 10", statistics.median(p95s) <= 10),
            figure(f"{name}: keystroke max (per run)", worst, "ms", "<= 25", statistics.median(worst) <= 25)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="repetitions; medians are printed (default 5)")
    ap.add_argument("--synthetic", type=int, default=5000, help="size of the synthetic catalog (default 5000)")
    ap.add_argument("--county", type=int, default=5000, help="size of the generated catalog (default 5000)")
    ap.add_argument("--quick", action="store_true", help="tiny workload, seconds: checks the benchmark runs")
    args = ap.parse_args(argv)
    if args.quick:
        args.runs, args.synthetic, args.county = 2, 200, 100

    fresh = [cold_load_ms() for _ in range(args.runs)]
    imports = [f[0] for f in fresh]
    cold = [f[1] for f in fresh]
    warm = []
    for _ in range(args.runs):
        t = time.perf_counter()
        catalog = Catalog.load(SHIPPED)
        warm.append((time.perf_counter() - t) * 1000)
    print(f"shipped catalog: {len(catalog)} items, version {catalog.version}")
    print(f"  load + validate + index, fresh process: median {statistics.median(cold):7.1f} ms "
          f"(min {min(cold):.1f}, max {max(cold):.1f})   target <= 200 ms")
    print(f"  load + validate + index, warm:          median {statistics.median(warm):7.1f} ms")
    print(f"  (imports before that, once per process: median {statistics.median(imports):.0f} ms)")

    p95s, p50s, worst = [], [], []
    for _ in range(args.runs):
        lat = keystroke_latencies(lambda: SearchSession(catalog._index), QUERIES)
        p95s.append(percentile(lat, 95))
        p50s.append(percentile(lat, 50))
        worst.append(max(lat))
    print(f"  search per keystroke ({len(lat)} keystrokes): median p50 {statistics.median(p50s):.2f} ms, "
          f"median p95 {statistics.median(p95s):.2f} ms, max {max(worst):.2f} ms   target p95 <= 20 ms")
    with tempfile.TemporaryDirectory() as cache:
        CatalogCache(Path(cache)).load(SHIPPED)
        cached = [county_load_ms(SHIPPED, Path(cache)) for _ in range(args.runs)]
    print(f"  fresh-process load from the on-disk cache: {_spread(cached)}")
    shipped = f"shipped {len(catalog)}-item catalog"
    figures = [figure(f"{shipped}: load + validate + index, fresh process", cold, "ms", "<= 200",
                      statistics.median(cold) <= 200),
               figure(f"{shipped}: fresh-process load from the cache", cached, "ms"),
               figure(f"{shipped}: keystroke p95 (per run)", p95s, "ms", "<= 20", statistics.median(p95s) <= 20)]

    items = synthetic_items(args.synthetic)
    builds, p95s, p50s, worst = [], [], [], []
    for _ in range(args.runs):
        t = time.perf_counter()
        index = SearchIndex(items)
        builds.append((time.perf_counter() - t) * 1000)
        lat = keystroke_latencies(lambda: SearchSession(index), QUERIES)
        p95s.append(percentile(lat, 95))
        p50s.append(percentile(lat, 50))
        worst.append(max(lat))
    print(f"synthetic catalog: {len(items)} items")
    print(f"  index build: median {statistics.median(builds):.0f} ms")
    print(f"  search per keystroke ({len(lat)} keystrokes): median p50 {statistics.median(p50s):.2f} ms, "
          f"median p95 {statistics.median(p95s):.2f} ms, max {max(worst):.2f} ms   target p95 <= 20 ms")
    figures.append(figure(f"synthetic {len(items)}-item index build", builds, "ms"))
    figures += county(args.county, args.runs)
    emit(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
