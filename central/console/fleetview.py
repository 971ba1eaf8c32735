"""The fleet as the console shows it: every terminal's summary with a severity for its colour, filtered and sorted
on the server from the page's query parameters."""

from __future__ import annotations

from dataclasses import dataclass

from central import fleet

# red: the terminal cannot serve (or nobody knows whether it can); amber: it serves, but needs a visit soon
SEVERE = frozenset({"stale", "paper_out", "device_fault", "crash_loop"})
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

    @classmethod
    def parse(cls, params) -> FleetQuery:
        """From query parameters; anything unknown falls back to the default rather than failing."""
        sort = params.get("sort", "flags")
        flag = params.get("flag", "")
        return cls(site=params.get("site", "")[:64], flag=flag if flag in fleet.FLAGS or flag == "ok" else "",
                   q=params.get("q", "").strip()[:64], sort=sort if sort in SORTS else "flags",
                   order="desc" if params.get("order") == "desc" else "asc")

    def params(self, **changes) -> dict:
        """This query's parameters with `changes`, empty ones left out (for links)."""
        values = {"site": self.site, "flag": self.flag, "q": self.q, "sort": self.sort, "order": self.order,
                  **changes}
        return {k: v for k, v in values.items() if v and not (k == "sort" and v == "flags")
                and not (k == "order" and v == "asc")}


def rows(store, now: float, policy: fleet.FleetPolicy) -> list[dict]:
    out = []
    beats = store.recent_heartbeats()
    for row in store.terminals():
        view = fleet.summary(row, beats.get(row["id"], []), now, policy)
        codes = [f["code"] for f in view["flags"]]
        for f in view["flags"]:
            f["level"] = "bad" if f["code"] in SEVERE else "warn"
        out.append(dict(view, level=level(codes)))
    return out


def select(found: list[dict], query: FleetQuery) -> list[dict]:
    picked = [r for r in found
              if (not query.site or (r["site"] or "") == query.site)
              and (not query.q or query.q.lower() in r["id"].lower())
              and (not query.flag or (not r["flags"] if query.flag == "ok"
                                      else any(f["code"] == query.flag for f in r["flags"])))]
    keys = {
        "flags": lambda r: (_RANK[r["level"]], -len(r["flags"]), r["id"]),
        "id": lambda r: r["id"],
        "site": lambda r: (r["site"] is None, r["site"] or "", r["id"]),
        "age": lambda r: (r["last_heartbeat_age"] is None, r["last_heartbeat_age"] or 0.0, r["id"]),
    }
    return sorted(picked, key=keys[query.sort], reverse=query.order == "desc")
