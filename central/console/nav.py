"""The console's menu: one entry per page area, shown to the roles that may open it (the first entry a role may
open is its home page). A new area adds its line here."""

from __future__ import annotations

from dataclasses import dataclass

from central.console.roles import AUDIT, AUDITOR, CALLS, EVERYONE, FLEET


@dataclass(frozen=True)
class NavItem:
    path: str
    zh: str
    en: str
    roles: frozenset[str]


NAV = (
    NavItem("/console/calls", "呼叫", "Calls", CALLS),
    NavItem("/console/fleet", "终端", "Fleet", FLEET),
    NavItem("/console/audit", "审计", "Audit trail", AUDIT),
    NavItem("/console/account", "账户", "Account", EVERYONE),
)

# where a login lands when it is not the first page of the menu
HOME = {AUDITOR: "/console/audit"}


def menu(role: str) -> list[NavItem]:
    return [item for item in NAV if role in item.roles]


def home(role: str) -> str:
    return HOME.get(role) or menu(role)[0].path  # every role has at least its account page
