"""The fleet as the console shows it: every terminal's summary with a severity for its colour, filtered and sorted
on the server from the page's query parameters."""

from __future__ import annotations

from dataclasses import dataclass

from central import fleet

SEVERE = fleet.SEVERE
PAGE = 100  # terminals per page
SORTS = {"flags": ("状态", "state"), "id": ("终端", "terminal"), "site": ("站点", "site"),
         "age": ("上次心跳", "last heartbeat")}
_RANK = {"bad": 0, "warn": 1, "ok": 2}


def level(codes: list[str]) -> str:
    return "bad" if SEVERE.intersection(codes) else "warn" if codes else "ok"


@dataclass(frozen=True)
class FleetQuery:
    site: str = ""
    flag: str = ""  # a flag code, "ok" (no flag at all) or "" (any)
    q: str = ""  # part of a terminal id
    sort: str = "flags"
    order: str = "asc"
    page: int = 1

    @classmethod
    def parse(cls, params) -> FleetQuery:
        """From query parameters; anything unknown falls back to the default rather than failing."""
        sort = params.get("sort", "flags")
        flag = params.get("flag", "")
        return cls(site=params.get("site", "")[:64], flag=flag if flag in fleet.FLAGS or flag == "ok" else "",
                   q=params.get("q", "").strip()[:64], sort=sort if sort in SORTS else "flags",
                   order="desc" if params.get("order") == "desc" else "asc", page=_page(params.get("page")))

    def params(self, **changes) -> dict:
        """This query's parameters with `changes`, empty ones left out (for links)."""
        values = {"site": self.site, "flag": self.flag, "q": self.q, "sort": self.sort, "order": self.order,
                  "page": self.page, **changes}
        return {k: v for k, v in values.items() if v and not (k == "sort" and v == "flags")
                and not (k == "order" and v == "asc")
                and not (k == "page" and v == 1)}


def _page(value) -> int:
    try:
        return min(max(int(value), 1), 10**6)
    except (TypeError, ValueError):
        return 1


def rows(store, now: float, policy: fleet.FleetPolicy, query: FleetQuery = FleetQuery(),
         size: int = PAGE) -> tuple[list[dict], int]:
    """One page of the fleet (filtered, sorted and paged in SQL) and how many terminals match."""
    found, total = store.fleet(now=now, stale_before=now - policy.stale_after * policy.interval, site=query.site,
                               flag=query.flag, q=query.q, sort=query.sort, desc=query.order == "desc",
                               limit=size, offset=(query.page - 1) * size)
    for row in found:
        for f in row["flags"]:
            zh, en = fleet.FLAGS[f["code"]]
            f.update(zh=zh, en=en, level="bad" if f["code"] in SEVERE else "warn")
        row["level"] = level([f["code"] for f in row["flags"]])
    return found, total
