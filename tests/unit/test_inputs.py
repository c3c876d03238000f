"""Typed settings: start dates, time zones and reminder times, and the answers to bad ones."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.dialogue.inputs import (
    InputError,
    next_monday,
    parse_reminder_time,
    parse_start_date,
    parse_timezone,
    parse_weekday,
    read_duration,
)
from coach.schedule import Weekday

WEDNESDAY = dt.date(2026, 11, 25)


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Europe/Berlin", "Europe/Berlin"),
        ("europe/berlin", "Europe/Berlin"),
        ("Berlin", "Europe/Berlin"),
        ("new york", "America/New_York"),
        ("America/New York", "America/New_York"),
        ("Munich", "Europe/Berlin"),
        ("Berlinn", "Europe/Berlin"),
        ("Kolkata", "Asia/Kolkata"),
        ("Auckland", "Pacific/Auckland"),
        ("UTC", "UTC"),
    ],
)
def test_a_zone_name_or_a_city_gives_the_iana_zone(typed: str, zone: str) -> None:
    assert parse_timezone(typed) == zone


@pytest.mark.parametrize("typed", ["Mars/Olympus", "", "   ", "x" * 500, "🏔️"])
def test_an_unknown_time_zone_is_refused_with_an_example(typed: str) -> None:
    with pytest.raises(InputError, match="Europe/Berlin"):
        parse_timezone(typed)


@pytest.mark.parametrize(
    ("typed", "time"),
    [
        ("07:00", dt.time(7, 0)),
        ("7:30", dt.time(7, 30)),
        ("7", dt.time(7, 0)),
        ("7am", dt.time(7, 0)),
        ("6.30 pm", dt.time(18, 30)),
        ("12 am", dt.time(0, 0)),
        ("12pm", dt.time(12, 0)),
        ("19h30", dt.time(19, 30)),
        ("23:59", dt.time(23, 59)),
    ],
)
def test_reminder_times_are_read_in_common_forms(typed: str, time: dt.time) -> None:
    assert parse_reminder_time(typed) == time


@pytest.mark.parametrize("typed", ["off", "OFF", "none", "no reminders"])
def test_off_turns_reminders_off(typed: str) -> None:
    assert parse_reminder_time(typed) is None


@pytest.mark.parametrize("typed", ["25:61", "24:00", "13pm", "7:75", "noonish", "", "0:0:0"])
def test_an_impossible_reminder_time_is_refused_with_the_format(typed: str) -> None:
    with pytest.raises(InputError, match=r"HH:MM|00–23"):
        parse_reminder_time(typed)


@pytest.mark.parametrize(
    ("typed", "date"),
    [
        ("today", WEDNESDAY),
        ("tomorrow", dt.date(2026, 11, 26)),
        ("next monday", dt.date(2026, 11, 30)),
        ("Monday", dt.date(2026, 11, 30)),
        ("wednesday", dt.date(2026, 12, 2)),
        ("2026-12-07", dt.date(2026, 12, 7)),
        ("7 Dec", dt.date(2026, 12, 7)),
        ("Dec 7", dt.date(2026, 12, 7)),
        ("3rd january", dt.date(2027, 1, 3)),
        ("2026-09-02", dt.date(2026, 9, 2)),
    ],
)
def test_start_dates_are_read_in_common_forms(typed: str, date: dt.date) -> None:
    assert parse_start_date(typed, WEDNESDAY) == date


def test_a_start_date_12_weeks_back_is_allowed_for_athletes_under_way() -> None:
    twelve_weeks_ago = WEDNESDAY - dt.timedelta(weeks=12)
    assert parse_start_date(twelve_weeks_ago.isoformat(), WEDNESDAY) == twelve_weeks_ago


def test_a_start_date_more_than_12_weeks_back_is_refused() -> None:
    with pytest.raises(InputError, match="more than 12 weeks ago"):
        parse_start_date("2026-09-01", WEDNESDAY)


def test_a_start_date_more_than_a_year_ahead_is_refused() -> None:
    with pytest.raises(InputError, match="more than a year away"):
        parse_start_date("2028-01-01", WEDNESDAY)


@pytest.mark.parametrize("typed", ["2026-02-30", "2026-13-01", "31 Nov"])
def test_a_date_that_does_not_exist_is_refused(typed: str) -> None:
    with pytest.raises(InputError, match="isn't a real date"):
        parse_start_date(typed, WEDNESDAY)


@pytest.mark.parametrize("typed", ["soon", "", "next month", "🏃"])
def test_an_unreadable_date_is_refused_with_an_example(typed: str) -> None:
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        parse_start_date(typed, WEDNESDAY)


def test_next_monday_on_a_monday_is_a_week_later() -> None:
    assert next_monday(dt.date(2026, 11, 30)) == dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("Sunday", Weekday.SUNDAY),
        ("sun", Weekday.SUNDAY),
        ("sundays", Weekday.SUNDAY),
        ("on Friday", Weekday.FRIDAY),
        ("thurs", Weekday.THURSDAY),
        ("TUE", Weekday.TUESDAY),
    ],
)
def test_a_long_hike_day_is_read_as_people_type_it(typed: str, day: Weekday) -> None:
    assert parse_weekday(typed) == day


@pytest.mark.parametrize("typed", ["someday", "s", "", "weekend", "t"])
def test_a_word_that_is_no_day_is_refused(typed: str) -> None:
    with pytest.raises(InputError, match="Saturday, Sunday"):
        parse_weekday(typed)


@pytest.mark.parametrize(
    ("typed", "minutes"),
    [
        ("45", 45),
        ("45 min", 45),
        ("90 minutes", 90),
        ("1:30", 90),
        ("1 h 30", 90),
        ("1h30m", 90),
        ("2.5 h", 150),
        ("6 hours", 360),
        ("24 h", 1440),
    ],
)
def test_a_corrected_duration_is_read_in_minutes(typed: str, minutes: int) -> None:
    assert read_duration(typed) == minutes


@pytest.mark.parametrize("typed", ["0", "0 min", "25 h", "24 h 1 min", "1441"])
def test_a_duration_outside_1_minute_to_24_hours_is_refused(typed: str) -> None:
    with pytest.raises(InputError, match="1 minute to 24 hours"):
        read_duration(typed)


@pytest.mark.parametrize("typed", ["banana", "long hike", "rpe 7"])
def test_text_that_is_no_duration_reads_as_none(typed: str) -> None:
    assert read_duration(typed) is None


def test_a_clock_duration_with_too_many_minutes_says_what_works() -> None:
    with pytest.raises(InputError, match="1:30"):
        read_duration("1:75")
