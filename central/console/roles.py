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
# who reads the case lists and case pages: the manager watches the work, with the applicant masked
CASES = frozenset({OFFICER, MANAGER})
# who acts on cases and sees the applicant in clear, the photographed materials included
CASEWORK = frozenset({OFFICER})
# who reads the 好差评 figures and bad ratings: the manager answers for them; the auditor checks that every bad
# rating is followed up. Not the case officer: a complaint may be about them
RATINGS = frozenset({MANAGER, AUDITOR})
# who takes a bad rating through verification, rectification and the call back
FOLLOW_UP = frozenset({MANAGER})
# who uploads and publishes service catalogs (text every citizen reads)
CATALOG = frozenset({MANAGER})
# who publishes configuration overlays from a terminal's page
OVERLAYS = frozenset({MANAGER, TECHNICIAN})
EVERYONE = frozenset(ROLES)
