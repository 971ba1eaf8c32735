"""Working-day counting for 好差评 deadlines: weekends off, holidays off, make-up weekend days on."""

from datetime import date, timedelta

import pytest

from central.workdays import WorkCalendar

# an invented Golden Week: 1-7 October off, the Sunday before and the Saturday after worked instead
HOLIDAYS = frozenset(date(2026, 10, d) for d in range(1, 8))
MAKE_UP = frozenset({date(2026, 9, 27), date(2026, 10, 10)})


def test_plain_weeks_count_monday_to_friday():
    cal = WorkCalendar()
    monday = date(2026, 4, 6)
    assert cal.add(monday, 1) == date(2026, 4, 7)
    assert cal.add(date(2026, 4, 10), 1) == date(2026, 4, 13)  # Friday -> next Monday
    assert cal.add(monday, 15) == date(2026, 4, 27)  # three weeks
    assert cal.add(date(2026, 4, 11), 1) == date(2026, 4, 13)  # rated on a Saturday: Monday is day one
    assert cal.add(monday, 0) == monday


def test_holidays_and_make_up_days_move_the_deadline():
    cal = WorkCalendar(HOLIDAYS, MAKE_UP)
    assert not cal.is_working(date(2026, 10, 1)) and cal.is_working(date(2026, 9, 27))
    # rated Friday 25 Sep: 27 Sep (Sun, worked) 1, 28-30 Sep 2-4, 1-7 Oct off, 8-9 Oct 5-6, 10 Oct (Sat, worked) 7,
    # 12-16 Oct 8-12, 19-21 Oct 13-15
    assert cal.add(date(2026, 9, 25), 15) == date(2026, 10, 21)
    assert WorkCalendar().add(date(2026, 9, 25), 15) == date(2026, 10, 16)  # without the holiday list


@pytest.mark.parametrize("today, left", [
    (date(2026, 10, 20), 1),  # Tuesday, the deadline Wednesday 21st
    (date(2026, 10, 17), 3),  # Saturday: Monday, Tuesday and the Wednesday itself
    (date(2026, 10, 21), 0),  # the day itself
    (date(2026, 10, 22), -1),  # a working day late
    (date(2026, 10, 26), -3),  # Thursday, Friday, Monday late; the weekend does not count
])
def test_days_left_count_working_days_and_go_negative_when_late(today, left):
    cal = WorkCalendar(HOLIDAYS, MAKE_UP)
    assert cal.between(today, date(2026, 10, 21)) == left


def test_a_runaway_count_is_refused_not_looped():
    everything_off = WorkCalendar(frozenset(date(2026, 1, 1) + timedelta(days=k) for k in range(4000)))
    with pytest.raises(ValueError):
        everything_off.add(date(2026, 1, 1), 1)
    with pytest.raises(ValueError):
        WorkCalendar().between(date(2000, 1, 1), date(2099, 1, 1))
