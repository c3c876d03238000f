"""The /progress figures: sessions planned and done per programme week, load by activity, the
long hike, and where the athlete stands, built from check-ins with no clock."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from coach.checkins import Activity, LoggedCheckin
from coach.programme import DayStatus
from coach.progress import ActivityLoad, ProgressData, progress_data
from coach.schedule import Schedule

START = dt.date(2026, 12, 7)  # a Monday
SCHEDULE = Schedule(start=START)
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def on(week: int, weekday: int) -> dt.date:
    return START + dt.timedelta(days=(week - 1) * 7 + weekday)


def logged(
    date: dt.date,
    activity: Activity | None = Activity.RUN,
    minutes: int | None = 45,
    rpe: int | None = 5,
    **fields: object,
) -> LoggedCheckin:
    return LoggedCheckin(date=date, activity=activity, duration_min=minutes, rpe=rpe, **fields)


def test_every_week_plans_five_sessions_leaving_out_friday_rest_and_monday_optional() -> None:
    data = progress_data(SCHEDULE, on(1, MON), [])
    assert [w.planned for w in data.weeks] == [5] * 12


def test_there_is_one_row_per_programme_week_starting_seven_days_apart() -> None:
    data = progress_data(SCHEDULE, on(1, MON), [])
    assert [w.week for w in data.weeks] == list(range(1, 13))
    assert [w.first_day for w in data.weeks][:2] == [START, START + dt.timedelta(days=7)]


def test_a_day_with_two_check_ins_counts_as_one_session_done() -> None:
    checkins = [logged(on(1, TUE)), logged(on(1, TUE), Activity.STRENGTH, 20)]
    assert progress_data(SCHEDULE, on(1, SUN), checkins).weeks[0].done == 1


def test_check_ins_count_in_the_programme_week_they_fall_in() -> None:
    checkins = [logged(on(1, TUE)), logged(on(2, TUE)), logged(on(2, THU))]
    data = progress_data(SCHEDULE, on(2, SUN), checkins)
    assert [w.done for w in data.weeks[:3]] == [1, 2, 0]


def test_a_skipped_session_counts_as_skipped_not_done() -> None:
    data = progress_data(SCHEDULE, on(1, SUN), [logged(on(1, TUE), skipped=True)])
    assert (data.weeks[0].done, data.weeks[0].skipped) == (0, 1)


def test_a_skip_then_a_session_on_the_same_day_counts_as_done() -> None:
    checkins = [logged(on(1, TUE), skipped=True), logged(on(1, TUE))]
    data = progress_data(SCHEDULE, on(1, SUN), checkins)
    assert (data.weeks[0].done, data.weeks[0].skipped) == (1, 0)


def test_a_rest_day_or_a_note_about_pain_is_no_session_done() -> None:
    checkins = [
        logged(on(1, FRI), Activity.REST, None, None),
        logged(on(1, MON), None, None, None, pain_cleared=True),
    ]
    assert progress_data(SCHEDULE, on(1, SUN), checkins).weeks[0].done == 0


def test_a_session_with_a_length_but_no_activity_counts_as_done() -> None:
    data = progress_data(SCHEDULE, on(1, SUN), [logged(on(1, TUE), None, 40)])
    assert data.weeks[0].done == 1


def test_check_ins_after_today_or_before_the_start_are_left_out() -> None:
    checkins = [logged(START - dt.timedelta(days=1)), logged(on(1, THU))]
    data = progress_data(SCHEDULE, on(1, WED), checkins)
    assert data.weeks[0].done == 0


def test_load_is_summed_per_activity_as_rpe_times_minutes() -> None:
    checkins = [
        logged(on(1, TUE), Activity.RUN, 40, 5),
        logged(on(1, THU), Activity.RUN, 30, 6),
        logged(on(1, WED), Activity.STRENGTH, 30, 5),
        logged(on(1, SAT), Activity.HIKE, 300, 6),
        logged(on(1, SUN), Activity.WALK, 60, 3),
        logged(on(1, MON), Activity.OTHER, 20, 4),
    ]
    load = progress_data(SCHEDULE, on(1, SUN), checkins).weeks[0].load
    assert load == ActivityLoad(hike=1800, run=380, strength=150, walk=180, other=80)


def test_a_stored_load_is_used_as_it_was_kept() -> None:
    data = progress_data(SCHEDULE, on(1, SUN), [logged(on(1, TUE), load=222)])
    assert data.weeks[0].load.run == 222


def test_a_check_in_without_an_activity_adds_its_load_to_other() -> None:
    data = progress_data(SCHEDULE, on(1, SUN), [logged(on(1, TUE), None, 30, 4)])
    assert data.weeks[0].load == ActivityLoad(other=120)


def test_a_skipped_session_adds_no_load() -> None:
    data = progress_data(SCHEDULE, on(1, SUN), [logged(on(1, TUE), skipped=True)])
    assert data.weeks[0].load.total == 0


def test_the_long_hike_is_the_weeks_longest_hike_with_its_climb() -> None:
    checkins = [
        logged(on(1, SAT), Activity.HIKE, 330, 6, climb_m=900),
        logged(on(1, SUN), Activity.HIKE, 80, 3, climb_m=200),
    ]
    week = progress_data(SCHEDULE, on(1, SUN), checkins).weeks[0]
    assert (week.long_hike_min, week.long_hike_climb_m) == (330, 900)


def test_a_long_hike_moved_to_a_weekday_still_counts() -> None:
    week = progress_data(
        Schedule(start=START), on(1, SUN), [logged(on(1, WED), Activity.HIKE, 280)]
    ).weeks[0]
    assert week.long_hike_min == 280


def test_the_climb_is_none_when_the_hike_did_not_say() -> None:
    week = progress_data(
        Schedule(start=START), on(1, SUN), [logged(on(1, SAT), Activity.HIKE, 300)]
    ).weeks[0]
    assert (week.long_hike_min, week.long_hike_climb_m) == (300, None)


def test_a_week_without_a_hike_has_no_long_hike() -> None:
    week = progress_data(SCHEDULE, on(1, SUN), [logged(on(1, TUE))]).weeks[0]
    assert (week.long_hike_min, week.long_hike_climb_m) == (None, None)


def test_a_skipped_hike_is_no_long_hike() -> None:
    skipped = logged(on(1, SAT), Activity.HIKE, 300, skipped=True)
    assert progress_data(SCHEDULE, on(1, SUN), [skipped]).weeks[0].long_hike_min is None


def test_the_current_week_is_the_programme_week_today_falls_in() -> None:
    data = progress_data(SCHEDULE, on(5, WED), [])
    assert (data.status, data.current_week) == (DayStatus.IN_PROGRAMME, 5)


def test_weeks_count_from_the_start_date_whatever_its_weekday() -> None:
    wednesday = dt.date(2026, 12, 9)
    data = progress_data(Schedule(start=wednesday), wednesday + dt.timedelta(days=7), [])
    assert data.current_week == 2 and data.weeks[1].first_day == wednesday + dt.timedelta(7)


def test_before_the_start_there_is_no_current_week_and_a_countdown() -> None:
    data = progress_data(SCHEDULE, START - dt.timedelta(days=3), [])
    assert (data.status, data.current_week, data.days_to_start) == (
        DayStatus.BEFORE_START,
        None,
        3,
    )


def test_after_week_twelve_the_programme_is_complete_and_no_week_is_current() -> None:
    data = progress_data(SCHEDULE, on(13, MON), [logged(on(13, MON))])
    assert (data.status, data.current_week) == (DayStatus.COMPLETE, None)
    assert sum(w.done for w in data.weeks) == 0


def test_the_progress_model_refuses_weeks_out_of_order() -> None:
    data = progress_data(SCHEDULE, on(1, MON), [])
    with pytest.raises(ValidationError):
        ProgressData.model_validate(
            data.model_dump() | {"weeks": [w.model_dump() for w in reversed(data.weeks)]}
        )
