"""The console's case page of a proxy application (亲友代办) over real HTTP: who applied for whom, the applicant in
clear for case officers and masked for managers, the helper only as central keeps them (masked name, hash)."""

from __future__ import annotations

from datetime import date

import pytest

from protocol import tracking
from tests.helpers.central import CentralServer
from tests.helpers.console import ConsoleClient, add_staff
from tests.helpers.proxy import HELPER, PRINCIPAL, PRINCIPAL_NAME, PRINCIPAL_NUMBER

TERMINAL = "SIM-0903"


@pytest.fixture
def hall(central_db):
    server = CentralServer(central_db).start()
    server.store.add_terminal(TERMINAL, "s" * 43)
    for name, role in (("mgr", "manager"), ("off", "officer")):
        add_staff(server.store, name, role)
    server.case = tracking.issue(TERMINAL, date(2026, 4, 1), 1)
    body = {"tracking": server.case, "service_code": "YL-002", "applicant": PRINCIPAL, "agent": HELPER,
            "form": {"name": PRINCIPAL_NAME}, "attachments": []}
    [result] = server.store.accept_batch(TERMINAL, [{"id": "proxy-1", "seq": 1, "kind": "submission", "body": body}])
    assert result["result"] == "accepted", result
    yield server
    server.stop()


def _page(server, name: str) -> str:
    client = ConsoleClient(server.url)
    try:
        assert client.login(name).status_code == 303
        answer = client.get(f"/console/cases/{server.case}")
        assert answer.status_code == 200
        return answer.text
    finally:
        client.close()


def test_officers_see_who_applied_for_whom_managers_see_it_masked(hall):
    officer, manager = _page(hall, "off"), _page(hall, "mgr")
    assert "亲友代办" in officer and "亲友代办" in manager
    assert PRINCIPAL_NUMBER in officer and PRINCIPAL_NAME in officer
    assert PRINCIPAL_NUMBER not in manager and PRINCIPAL_NAME not in manager and "110105********0029" in manager
    for page in (officer, manager):
        assert 'data-field="agent_name">孙**<' in page and 'data-field="agent_relation">子女<' in page
        assert HELPER["id_number"] not in page and HELPER["name"] not in page
    assert hall.store.id_hash(HELPER["id_number"])[:16] in officer
    assert hall.store.id_hash(HELPER["id_number"])[:16] not in manager
