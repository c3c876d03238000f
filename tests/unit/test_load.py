"""Training load: session RPE × minutes, weekly sums, long-hike averages, the longest run."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.checkins import Activity, LoggedCheckin
from coach.load import (
    average_long_hike_load,
    checkin_load,
    longest_run,
    programme_week_load,
    session_load,
    weekly_load,
)

START = dt.date(2026, 12, 7)  # a Monday
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


def test_the_long_hike_average_takes_the_biggest_hike_of_each_weekend() -> None:
    history = [hike(on(1, SAT), 300, 6), hike(on(1, SUN), 60, 3), hike(on(2, SUN), 200, 6)]
    assert average_long_hike_load(history, on(3, SAT)) == (1800 + 1200) / 2


def test_the_long_hike_average_looks_back_four_weekends_only() -> None:
    history = [hike(on(1, SAT), 100, 1), *(hike(on(w, SAT), 300, 5) for w in (2, 3, 4, 5))]
    assert average_long_hike_load(history, on(6, SAT)) == 1500


def test_the_long_hike_average_leaves_out_the_hikes_own_weekend() -> None:
    history = [hike(on(1, SAT), 300, 5), hike(on(2, SAT), 420, 9)]
    assert average_long_hike_load(history, on(2, SUN)) == 1500


def test_the_long_hike_average_on_a_weekday_includes_the_weekend_just_gone() -> None:
    history = [hike(on(1, SAT), 300, 5)]
    assert average_long_hike_load(history, on(2, WED)) == 1500


def test_weekday_hikes_are_not_long_hikes() -> None:
    assert average_long_hike_load([hike(on(1, WED))], on(2, SAT)) is None


def test_the_long_hike_average_is_unknown_without_an_earlier_long_hike() -> None:
    assert average_long_hike_load([], on(2, SAT)) is None


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
