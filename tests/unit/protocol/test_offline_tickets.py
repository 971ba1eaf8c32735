"""An offline ticket's event details: what a terminal sends parses back to the same ticket; every wrong field is named."""

import pytest

from protocol.offline_tickets import NotATicket, OfflineTicket, parse

GOOD = OfflineTicket("2026-11-29", "A", 7, "A", False, "HJ-001", 9, 1_796_000_000.0)


def test_details_parse_back_to_the_ticket():
    assert parse(GOOD.details()) == GOOD
    assert GOOD.number == "A9-007"
    priority = OfflineTicket("2026-11-29", "V", 1, "A", True, "", 12, 0.0)
    assert parse(priority.details()) == priority and priority.number == "V12-001"


@pytest.mark.parametrize("field,value", [
    ("day", "2026-02-31"), ("day", "29.11.2026"), ("day", None),
    ("series", "a"), ("series", "AB"), ("queue", ""), ("queue", 1),
    ("seq", 0), ("seq", 100_000), ("seq", "7"), ("seq", True), ("seq", 7.0),
    ("terminal_index", 0), ("terminal_index", 100), ("priority", "no"), ("priority", 1),
    ("series", "V"),  # a normal number printed under another letter than its queue's
    ("service", "../x"), ("service", "x" * 65),
    ("issued_at", float("nan")), ("issued_at", -1), ("issued_at", True), ("issued_at", "now"),
])
def test_a_wrong_field_is_named(field, value):
    details = dict(GOOD.details(), **{field: value})
    with pytest.raises(NotATicket) as refused:
        parse(details)
    assert refused.value.args[0] == field


def test_a_priority_number_under_its_queues_own_letter_is_refused():
    with pytest.raises(NotATicket, match="series"):
        parse(dict(GOOD.details(), priority=True))


def test_not_a_mapping():
    for details in (None, [], "A9-007"):
        with pytest.raises(NotATicket, match="details"):
            parse(details)
