"""Staff roles and what each may do on the console (the access matrix: docs/console.md)."""

from __future__ import annotations

MANAGER, OFFICER, TECHNICIAN, AUDITOR = "manager", "officer", "technician", "auditor"

# code -> (zh, en); the code is what the database, the CLI and the routes use
ROLES = {
    MANAGER: ("大厅经理", "hall manager"),
    OFFICER: ("受理人员", "case officer"),
    TECHNICIAN: ("运维技术员", "technician"),
    AUDITOR: ("审计员", "auditor"),
}

# who may read the fleet and terminal pages: the auditor too, read-only, to put audit entries in context
FLEET = frozenset({MANAGER, TECHNICIAN, AUDITOR})
# who sees call-staff requests and may acknowledge them: the people on the hall floor
CALLS = frozenset({MANAGER, TECHNICIAN, OFFICER})
# who reads the whole staff audit trail (nobody may change it)
AUDIT = frozenset({AUDITOR})
EVERYONE = frozenset(ROLES)
