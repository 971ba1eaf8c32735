"""Service hours and the nightly care time, over a fake clock (plain datetimes)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kiosk.hours import HoursConfig, NightlyCare, ServiceHours, parse_ranges

HALL = HoursConfig(open="08:30-12:00,14:00-17:30", days=["mon", "tue", "wed", "thu", "fri"],
                   closed_dates=["2025-10-01"])
MON = date(2025, 9, 29)  # a Monday


def at(day: date, hm: str) -> datetime:
    h, m = map(int, hm.split(":"))
    return datetime(day.year, day.month, day.day, h, m)


@pytest.mark.parametrize(("day", "hm", "open_"), [
    (MON, "08:29", False), (MON, "08:30", True), (MON, "11:59", True), (MON, "12:00", False),
    (MON, "13:00", False), (MON, "14:00", True), (MON, "17:29", True), (MON, "17:30", False),
    (date(2025, 10, 1), "09:00", False),  # a closed date (a Wednesday)
    (date(2025, 10, 4), "09:00", False),  # Saturday
])
def test_open_or_closed(day, hm, open_):
    assert ServiceHours.from_config(HALL).is_open(at(day, hm)) is open_


def test_always_open_without_hours():
    hours = ServiceHours.from_config(HoursConfig())
    assert hours.always_open and hours.is_open(at(date(2025, 10, 5), "03:00")) and hours.next_opening(at(MON, "1:00")) is None


def test_next_opening_skips_lunch_weekends_and_holidays():
    hours = ServiceHours.from_config(HALL)
    assert hours.next_opening(at(MON, "12:30")) == at(MON, "14:00")
    assert hours.next_opening(at(date(2025, 9, 30), "18:00")) == at(date(2025, 10, 2), "08:30")  # 1 Oct closed
    assert hours.next_opening(at(date(2025, 10, 3), "18:00")) == at(date(2025, 10, 6), "08:30")  # the weekend


def test_described_in_both_languages():
    text = ServiceHours.from_config(HALL).describe()
    assert text.zh == "周一至周五 08:30-12:00、14:00-17:30"
    assert text.en == "Mon-Fri 08:30-12:00, 14:00-17:30"
    odd = ServiceHours.from_config(HoursConfig(open="09:00-24:00", days=["mon", "wed", "thu", "sun"]))
    assert odd.describe().zh == "周一、周三至周四、周日 09:00-24:00"


@pytest.mark.parametrize("bad", ["9-17", "08:30-08:30", "12:00-08:00", "08:00-12:00,11:59-13:00", "07:60-08:00"])
def test_bad_ranges_refused(bad):
    with pytest.raises(ValueError):
        parse_ranges(bad)


def test_nightly_restart_waits_for_the_visit_to_end():
    care = NightlyCare("03:30", started=at(MON, "10:00"))
    assert care.due_at == at(date(2025, 9, 30), "03:30")
    assert not care.due(at(date(2025, 9, 30), "03:29"), visit_active=False)
    assert not care.due(at(date(2025, 9, 30), "03:31"), visit_active=True)  # someone is at the terminal
    assert care.due(at(date(2025, 9, 30), "03:45"), visit_active=False)  # the visit ended: now


def test_started_after_the_hour_waits_for_tomorrow_and_never_loops():
    care = NightlyCare("03:30", started=at(MON, "03:30"))  # the restart itself starts at 03:30
    assert care.due_at == at(date(2025, 9, 30), "03:30")
    assert not care.due(at(MON, "03:31"), visit_active=False)


def test_no_nightly_restart_configured():
    care = NightlyCare("", started=at(MON, "10:00"))
    assert care.due_at is None and not care.due(at(date(2030, 1, 1), "03:30"), visit_active=False)
