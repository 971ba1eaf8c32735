"""One queue per hall (issue 19): two terminals of one hall must never print the same number on the same day."""

from datetime import datetime

import pytest

from kiosk.catalog.tickets import TicketCounter


# Each terminal keeps its own tickets database (var/tickets.sqlite3 on its own disk), so today both start at A001.
# Strict xfail: this records the defect; the change that numbers a site's tickets centrally removes the mark.
@pytest.mark.xfail(strict=True, reason="issue 19: terminals of one hall number tickets independently")
def test_two_terminals_of_one_hall_never_share_a_number(tmp_path):
    now = datetime(2026, 3, 2, 9, 0, 0)
    first = TicketCounter(tmp_path / "terminal-1" / "tickets.sqlite3", clock=lambda: now)
    second = TicketCounter(tmp_path / "terminal-2" / "tickets.sqlite3", clock=lambda: now)
    numbers = [first.take("A").number, second.take("A").number]
    assert len(set(numbers)) == 2, numbers
