"""Training load: session RPE × minutes, weekly sums, long-hike averages, the longest run."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.adjustments import hike_reference
from coach.checkins import Activity, LoggedCheckin
from coach.load import (
    checkin_load,
    effort_load,
    is_weekend_hike,
    longest_run,
    programme_week_load,
    session_load,
    weekend_of,
    weekly_load,
)
from coach.schedule import Schedule, Weekday

START = dt.date(2026, 12, 7)  # a Monday
SCHEDULE = Schedule(start=START)
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def on(week: int, weekday: int) -> dt.date:
    return START + dt.timedelta(days=(week - 1) * 7 + weekday)


def logged(
    date: dt.date,
    activity: Activity = Activity.RUN,
    minutes: int | None = 45,
    rpe: int | None = 5,
    **fields: object,
) -> LoggedCheckin:
    return LoggedCheckin(date=date, activity=activity, duration_min=minutes, rpe=rpe, **fields)


def hike(date: dt.date, minutes: int = 300, rpe: int = 5) -> LoggedCheckin:
    return logged(date, Activity.HIKE, minutes, rpe)


def test_session_load_is_rpe_times_minutes() -> None:
    assert session_load(6, 45) == 270


def test_session_load_is_unknown_without_an_rpe() -> None:
    assert session_load(None, 45) is None


def test_session_load_is_unknown_without_a_duration() -> None:
    assert session_load(6, None) is None


def test_session_load_refuses_an_rpe_above_10() -> None:
    with pytest.raises(ValueError):
        session_load(11, 45)


def test_a_checkin_load_is_rpe_times_minutes() -> None:
    assert checkin_load(logged(on(1, TUE), minutes=40, rpe=4)) == 160


def test_a_stored_load_is_used_as_it_is() -> None:
    assert checkin_load(logged(on(1, TUE), minutes=40, rpe=4, load=999)) == 999


def test_a_skipped_checkin_carries_no_load() -> None:
    assert checkin_load(logged(on(1, TUE), skipped=True)) is None


def test_the_weekly_load_sums_the_seven_days_ending_on_the_date() -> None:
    ending = on(2, SUN)
    history = [
        logged(ending, minutes=10, rpe=1),
        logged(ending - dt.timedelta(days=6), minutes=20, rpe=1),
        logged(ending - dt.timedelta(days=7), minutes=400, rpe=1),
        logged(ending + dt.timedelta(days=1), minutes=800, rpe=1),
    ]
    assert weekly_load(history, ending) == 30


def test_the_weekly_load_leaves_out_skips_and_checkins_without_a_load() -> None:
    day = on(2, TUE)
    history = [logged(day, minutes=10, rpe=2), logged(day, skipped=True), logged(day, rpe=None)]
    assert weekly_load(history, day) == 20


def test_the_programme_week_load_sums_only_that_programme_week() -> None:
    history = [logged(on(2, MON), minutes=10, rpe=1), logged(on(2, SUN), minutes=20, rpe=1)]
    history += [logged(on(1, SUN), minutes=400, rpe=1), logged(on(3, MON), minutes=800, rpe=1)]
    assert programme_week_load(history, START, 2) == 30


def reference(history: list[LoggedCheckin], day: dt.date) -> int | None:
    found = hike_reference(history, day, SCHEDULE)
    return None if found.from_guide else found.effort_load


def test_the_reference_takes_the_biggest_full_hike_of_each_weekend() -> None:
    history = [hike(on(1, SAT), 300, 6), hike(on(1, SUN), 60, 3), hike(on(2, SUN), 250, 6)]
    assert reference(history, on(3, SAT)) == (1800 + 1500) / 2


def test_the_reference_looks_back_four_weekends_only() -> None:
    history = [hike(on(1, SAT), 400, 9), *(hike(on(w, SAT), 300, 5) for w in (2, 3, 4, 5))]
    assert reference(history, on(6, SAT)) == 1500


def test_the_reference_leaves_out_the_hikes_own_weekend() -> None:
    history = [hike(on(1, SAT), 300, 5), hike(on(2, SAT), 300, 5), hike(on(3, SAT), 420, 9)]
    assert reference(history, on(3, SUN)) == 1500


def test_the_reference_on_a_weekday_includes_the_weekend_just_gone() -> None:
    history = [hike(on(1, SAT), 300, 5), hike(on(2, SAT), 300, 7)]
    assert reference(history, on(3, WED)) == 1800


def test_weekday_hikes_are_not_long_hikes() -> None:
    assert not is_weekend_hike(hike(on(1, WED)), SCHEDULE)
    assert is_weekend_hike(hike(on(1, SUN)), SCHEDULE)


def test_for_a_sunday_long_hike_the_weekend_is_sunday_and_monday() -> None:
    sunday_hiker = Schedule(start=START, long_hike_day=Weekday.SUNDAY)
    assert is_weekend_hike(hike(on(2, MON)), sunday_hiker)
    assert not is_weekend_hike(hike(on(1, SAT)), sunday_hiker)
    assert weekend_of(on(2, MON), sunday_hiker) == on(1, SUN)
    assert weekend_of(on(2, WED), sunday_hiker) == on(2, SUN)


def test_the_effort_load_is_the_headline_load_without_route_or_pack() -> None:
    assert effort_load(hike(on(1, SAT), 300, 6)) == 1800


def test_a_pack_adds_to_the_effort_load() -> None:
    loaded = hike(on(1, SAT), 300, 6).model_copy(update={"pack_kg": 14.0})
    assert effort_load(loaded) == round(1800 * 1.2)


def test_a_skipped_hike_has_no_effort_load() -> None:
    assert effort_load(logged(on(1, SAT), Activity.HIKE, skipped=True)) is None


def test_the_longest_run_covers_the_30_days_ending_today() -> None:
    today = on(6, WED)
    history = [
        logged(today - dt.timedelta(days=29), minutes=50),
        logged(today - dt.timedelta(days=30), minutes=70),
        logged(today, minutes=30),
    ]
    assert longest_run(history, today) == 50


def test_skipped_runs_and_runs_without_a_duration_are_not_the_longest() -> None:
    today = on(3, WED)
    history = [
        logged(today, minutes=90, skipped=True),
        logged(today, minutes=None),
        logged(today, minutes=20),
    ]
    assert longest_run(history, today) == 20


def test_a_long_hike_is_not_a_run() -> None:
    assert longest_run([hike(on(3, SAT))], on(3, SUN)) is None
