"""The console's menu: one entry per page area, shown to the roles that may open it (the first entry a role may
open is its home page). A new area adds its line here."""

from __future__ import annotations

from dataclasses import dataclass

from central.console.roles import AUDIT, AUDITOR, CALLS, CASES, CATALOG, EVERYONE, FLEET, OFFICER, RATINGS


@dataclass(frozen=True)
class NavItem:
    path: str
    zh: str
    en: str
    roles: frozenset[str]
    also: tuple[str, ...] = ()  # other paths under which this entry is the current one


NAV = (
    NavItem("/console/calls", "呼叫", "Calls", CALLS),
    NavItem("/console/cases", "办件", "Cases", CASES),
    NavItem("/console/fleet", "终端", "Fleet", FLEET, also=("/console/terminals",)),
    NavItem("/console/ratings", "好差评", "Ratings", RATINGS),
    NavItem("/console/catalog", "办事目录", "Catalog", CATALOG),
    NavItem("/console/audit", "审计", "Audit trail", AUDIT),
    NavItem("/console/account", "账户", "Account", EVERYONE),
)

# where a login lands when it is not the first page of the menu
HOME = {AUDITOR: "/console/audit", OFFICER: "/console/cases"}


def menu(role: str) -> list[NavItem]:
    return [item for item in NAV if role in item.roles]


def home(role: str) -> str:
    return HOME.get(role) or menu(role)[0].path  # every role has at least its account page


def current(item: NavItem, path: str) -> bool:
    return any(path == p or path.startswith(p + "/") for p in (item.path, *item.also))
