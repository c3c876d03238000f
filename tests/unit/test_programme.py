"""The 12-week plan, cell by cell, as the guide prescribes it."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.athletes import Athlete, pause, resume
from coach.programme import (
    PROGRAMME_DAYS,
    DayStatus,
    current_phase,
    day_plan,
    preparation_tip,
    programme_day,
    programme_sessions,
    session_on,
    week_sessions,
)
from coach.schedule import Schedule, Weekday
from coach.sessions import RUNNING_KINDS, SessionKind

MONDAY = dt.date(2026, 12, 7)
WEDNESDAY = dt.date(2026, 12, 9)
MONDAY_START = Schedule(start=MONDAY)
WEDNESDAY_START = Schedule(start=WEDNESDAY)

K = SessionKind
# (kind, minutes_min, minutes_max) by weekday name, for each phase.
EXPECTED = {
    1: {
        "monday": (K.EASY_WALK, None, None),
        "tuesday": (K.RUN_WALK, 40, 50),
        "wednesday": (K.STRENGTH, 30, 40),
        "thursday": (K.RUN_WALK, 45, 45),
        "friday": (K.REST, None, None),
        "saturday": (K.LONG_HIKE, 240, 420),
        "sunday": (K.RECOVERY_HIKE, 60, 90),
    },
    2: {
        "monday": (K.EASY_WALK, None, None),
        "tuesday": (K.EASY_RUN, 45, 60),
        "wednesday": (K.STRENGTH, 30, 40),
        "thursday": (K.RUN_WALK, 45, 45),
        "friday": (K.REST, None, None),
        "saturday": (K.LONG_HIKE, 240, 420),
        "sunday": (K.RECOVERY_HIKE, 60, 90),
    },
    3: {
        "monday": (K.EASY_WALK, None, None),
        "tuesday": (K.EASY_RUN, 45, 60),
        "wednesday": (K.STRENGTH, 30, 40),
        "thursday": (K.HILL_REPEATS, 45, 45),
        "friday": (K.REST, None, None),
        "saturday": (K.LONG_HIKE, 240, 420),
        "sunday": (K.RECOVERY_HIKE, 60, 90),
    },
}
PHASE_OF_WEEK = {week: 1 if week <= 4 else 2 if week <= 8 else 3 for week in range(1, 13)}


@pytest.mark.parametrize("week", range(1, 13))
def test_every_cell_of_the_weekly_table_matches_its_phase(week: int) -> None:
    phase = PHASE_OF_WEEK[week]
    for session in week_sessions(MONDAY_START, week):
        assert session.phase == phase
        assert session.week == week
        expected = EXPECTED[phase][session.weekday]
        assert (session.kind, session.minutes_min, session.minutes_max) == expected


def test_the_programme_has_84_sessions_on_consecutive_days() -> None:
    sessions = programme_sessions(MONDAY_START)
    assert len(sessions) == PROGRAMME_DAYS == 84
    assert [s.date for s in sessions] == [MONDAY + dt.timedelta(days=i) for i in range(84)]


def test_the_first_eight_weeks_have_exactly_two_running_sessions_a_week() -> None:
    for week in range(1, 9):
        running = [s for s in week_sessions(MONDAY_START, week) if s.kind in RUNNING_KINDS]
        assert [s.weekday for s in running] == ["tuesday", "thursday"]


def test_one_of_the_two_early_runs_is_mostly_walking() -> None:
    thursday = week_sessions(MONDAY_START, 1)[3]
    assert "mostly walking" in thursday.details


def test_hill_repeats_appear_only_from_week_9() -> None:
    weeks = {s.week for s in programme_sessions(MONDAY_START) if s.kind == K.HILL_REPEATS}
    assert weeks == set(range(9, 13))


def test_hill_repeats_prescribe_20_to_40_second_efforts_walking_back_down() -> None:
    hills = week_sessions(MONDAY_START, 9)[3]
    assert "20–40 second" in hills.details
    assert "walk back down" in hills.details


def test_run_walk_prescribes_5_minutes_running_and_3_walking() -> None:
    tuesday = week_sessions(MONDAY_START, 1)[1]
    assert "5 minutes of easy running with 3 minutes of walking" in tuesday.details


def test_weeks_5_to_8_walk_the_climbs() -> None:
    tuesday = week_sessions(MONDAY_START, 5)[1]
    assert "power-hike" in tuesday.details


def test_weeks_9_to_12_run_at_conversational_zone_2_pace() -> None:
    tuesday = week_sessions(MONDAY_START, 9)[1]
    assert "Zone 2" in tuesday.details and "conversational" in tuesday.details


def test_the_sunday_run_option_appears_only_from_week_9() -> None:
    sundays = [s for s in programme_sessions(MONDAY_START) if s.weekday == "sunday"]
    with_run = {s.week for s in sundays if "run" in s.title.lower()}
    assert with_run == set(range(9, 13))


def test_saturday_is_the_long_hike_with_full_pack_and_says_it_comes_first() -> None:
    saturday = week_sessions(MONDAY_START, 3)[5]
    assert saturday.kind == K.LONG_HIKE
    assert "full pack" in saturday.title
    assert "main" in saturday.why


def test_running_sessions_carry_the_descent_and_pain_cues() -> None:
    for session in programme_sessions(MONDAY_START):
        if session.kind in RUNNING_KINDS:
            cues = " ".join(session.cues)
            assert "shorten your stride" in cues
            assert "Never run through" in cues


def test_the_first_run_explains_that_tendons_adapt_slower_than_lungs() -> None:
    tuesday = week_sessions(MONDAY_START, 1)[1]
    assert "Tendons and ligaments adapt more slowly than your heart and lungs" in tuesday.why


def test_a_wednesday_start_begins_week_1_on_wednesday() -> None:
    first_week = week_sessions(WEDNESDAY_START, 1)
    assert [s.weekday for s in first_week] == [
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "monday",
        "tuesday",
    ]
    assert first_week[0].kind == K.STRENGTH


def test_a_wednesday_start_still_puts_the_long_hike_on_saturday() -> None:
    for session in programme_sessions(WEDNESDAY_START):
        assert (session.kind == K.LONG_HIKE) == (session.weekday == "saturday")


def test_a_wednesday_start_changes_phase_after_28_days() -> None:
    assert session_on(WEDNESDAY_START, WEDNESDAY + dt.timedelta(days=27)).phase == 1
    assert session_on(WEDNESDAY_START, WEDNESDAY + dt.timedelta(days=28)).phase == 2
    assert session_on(WEDNESDAY_START, WEDNESDAY + dt.timedelta(days=56)).phase == 3


def test_the_day_before_the_start_is_a_countdown_with_a_tip() -> None:
    plan = day_plan(MONDAY_START, MONDAY - dt.timedelta(days=1))
    assert plan.status == DayStatus.BEFORE_START
    assert plan.session is None
    assert plan.days_to_start == 1
    assert "Tomorrow we begin" in plan.note


def test_a_week_before_the_start_counts_the_days_down() -> None:
    plan = day_plan(MONDAY_START, MONDAY - dt.timedelta(days=7))
    assert plan.days_to_start == 7
    assert plan.note.startswith("7 days to go.")


def test_asking_for_a_session_before_the_start_is_an_error() -> None:
    with pytest.raises(ValueError, match="before the programme starts"):
        session_on(MONDAY_START, MONDAY - dt.timedelta(days=1))


def test_day_84_is_the_last_programme_day() -> None:
    last = MONDAY + dt.timedelta(days=83)
    assert programme_day(MONDAY_START, last) == 84
    plan = day_plan(MONDAY_START, last)
    assert plan.status == DayStatus.IN_PROGRAMME
    assert plan.session is not None and plan.session.week == 12


def test_day_85_is_maintenance_on_the_weeks_9_to_12_template() -> None:
    day_85 = MONDAY + dt.timedelta(days=84)
    plan = day_plan(MONDAY_START, day_85)
    assert plan.status == DayStatus.COMPLETE
    assert "finished all 12 weeks" in plan.note
    maintenance_week = [session_on(MONDAY_START, day_85 + dt.timedelta(days=i)) for i in range(7)]
    assert [s.kind for s in maintenance_week] == [
        EXPECTED[3][s.weekday][0] for s in maintenance_week
    ]


def test_a_leap_day_is_an_ordinary_programme_day() -> None:
    start = dt.date(2028, 2, 21)
    sessions = week_sessions(Schedule(start=start), 2)
    assert dt.date(2028, 2, 29) in [s.date for s in sessions]
    assert sessions[-1].date == dt.date(2028, 3, 5)
    assert session_on(Schedule(start=start), dt.date(2028, 2, 29)).weekday == "tuesday"


def test_a_start_across_the_new_year_counts_days_through_it() -> None:
    start = dt.date(2026, 12, 28)
    assert programme_day(Schedule(start=start), dt.date(2027, 1, 3)) == 7
    assert session_on(Schedule(start=start), dt.date(2027, 1, 4)).week == 2


@pytest.mark.parametrize(
    ("start", "transition"),
    [
        (dt.date(2027, 3, 22), dt.date(2027, 3, 28)),  # Europe spring forward
        (dt.date(2027, 10, 25), dt.date(2027, 10, 31)),  # Europe fall back
        (dt.date(2027, 3, 8), dt.date(2027, 3, 14)),  # United States spring forward
    ],
)
def test_dst_changes_do_not_shift_dates(start: dt.date, transition: dt.date) -> None:
    sessions = week_sessions(Schedule(start=start), 1)
    assert [s.date for s in sessions] == [start + dt.timedelta(days=i) for i in range(7)]
    assert session_on(Schedule(start=start), transition).weekday == "sunday"
    assert session_on(Schedule(start=start), transition + dt.timedelta(days=1)).week == 2


def test_current_phase_is_none_before_the_start_and_3_after_week_12() -> None:
    assert current_phase(MONDAY_START, MONDAY - dt.timedelta(days=1)) is None
    after = current_phase(MONDAY_START, MONDAY + dt.timedelta(days=200))
    assert after is not None and after.number == 3


@pytest.mark.parametrize("week", [0, 13, -1])
def test_a_week_outside_1_to_12_is_refused(week: int) -> None:
    with pytest.raises(ValueError, match="between 1 and 12"):
        week_sessions(MONDAY_START, week)


def test_duration_text_reads_as_a_person_would() -> None:
    week = week_sessions(MONDAY_START, 1)
    assert [s.duration_text for s in week] == [
        "",
        "40–50 min",
        "30–40 min",
        "45 min",
        "",
        "4–7 h",
        "60–90 min",
    ]


SUNDAY_HIKER = Schedule(start=MONDAY, long_hike_day=Weekday.SUNDAY)
# The guide's order around the long hike, whatever day it falls on.
ORDER_FROM_THE_LONG_HIKE = [
    K.LONG_HIKE,
    K.RECOVERY_HIKE,
    K.EASY_WALK,
    K.RUN_WALK,
    K.STRENGTH,
    K.RUN_WALK,
    K.REST,
]


@pytest.mark.parametrize("day", list(Weekday))
def test_the_week_turns_around_the_long_hike_day_keeping_the_guides_order(day: Weekday) -> None:
    schedule = Schedule(start=MONDAY, long_hike_day=day)
    sessions = week_sessions(schedule, 2) + week_sessions(schedule, 3)
    first_hike = next(i for i, s in enumerate(sessions) if s.kind == K.LONG_HIKE)
    kinds = [s.kind for s in sessions[first_hike : first_hike + 7]]
    assert kinds == ORDER_FROM_THE_LONG_HIKE
    assert sessions[first_hike].weekday == day.value


def test_a_sunday_long_hike_puts_the_run_on_wednesday_and_rest_on_saturday() -> None:
    week = {s.weekday: s.kind for s in week_sessions(SUNDAY_HIKER, 10)}
    assert week == {
        "sunday": K.LONG_HIKE,
        "monday": K.RECOVERY_HIKE,
        "tuesday": K.EASY_WALK,
        "wednesday": K.EASY_RUN,
        "thursday": K.STRENGTH,
        "friday": K.HILL_REPEATS,
        "saturday": K.REST,
    }


def test_texts_name_the_real_weekdays_of_a_rotated_week() -> None:
    week = {s.weekday: s for s in week_sessions(SUNDAY_HIKER, 10)}
    assert "Sunday" in week["saturday"].why  # fresh legs for Sunday
    assert "Sunday's long hike" in week["sunday"].why
    assert "Saturday" not in " ".join(s.why + s.details for s in week.values())


def test_the_countdown_tips_name_the_athletes_days() -> None:
    tips = " ".join(preparation_tip(days, SUNDAY_HIKER) for days in range(2, 10))
    assert "this Sunday's long hike" in tips
    assert "Strength work on Thursdays" in tips
    assert "Saturday" not in tips


def test_the_long_hike_gets_the_hiking_descent_cue_and_runs_the_running_one() -> None:
    week = week_sessions(MONDAY_START, 9)
    hike = next(s for s in week if s.kind == K.LONG_HIKE)
    runs = [s for s in week if s.kind in RUNNING_KINDS]
    assert "slow and controlled" in " ".join(hike.cues)
    assert "lean forward" not in " ".join(hike.cues)
    assert all("lean forward" in " ".join(run.cues) for run in runs)


def test_a_long_hike_day_changed_mid_programme_takes_effect_from_the_next_week() -> None:
    changed = MONDAY_START.with_long_hike_day(Weekday.SUNDAY, MONDAY + dt.timedelta(days=16))
    assert changed.changed_on == MONDAY + dt.timedelta(days=21)  # week 4 begins
    week_3 = {s.weekday: s.kind for s in week_sessions(changed, 3)}
    week_4 = {s.weekday: s.kind for s in week_sessions(changed, 4)}
    assert week_3["saturday"] == K.LONG_HIKE
    assert week_4["sunday"] == K.LONG_HIKE


def test_a_long_hike_day_changed_before_the_start_holds_at_once() -> None:
    changed = MONDAY_START.with_long_hike_day(Weekday.FRIDAY, MONDAY - dt.timedelta(days=3))
    assert (changed.long_hike_day, changed.changed_on) == (Weekday.FRIDAY, None)


def test_changing_back_before_the_change_takes_effect_cancels_it() -> None:
    today = MONDAY + dt.timedelta(days=16)
    changed = MONDAY_START.with_long_hike_day(Weekday.SUNDAY, today)
    back = changed.with_long_hike_day(Weekday.SATURDAY, today)
    assert back == MONDAY_START


def test_the_first_long_hike_day_chosen_holds_at_once_even_with_the_programme_under_way() -> None:
    athlete = Athlete(user_id=1, chat_id=1, start_date=MONDAY)
    chosen = athlete.with_long_hike_day(Weekday.SUNDAY, MONDAY + dt.timedelta(days=16))
    assert chosen.schedule == Schedule(start=MONDAY, long_hike_day=Weekday.SUNDAY)


def test_a_pause_moves_a_waiting_long_hike_day_change_on_with_the_start() -> None:
    today = MONDAY + dt.timedelta(days=16)
    athlete = Athlete(user_id=1, chat_id=1, start_date=MONDAY, long_hike_day=Weekday.SATURDAY)
    changed = pause(athlete.with_long_hike_day(Weekday.SUNDAY, today), today)
    back = resume(changed, today + dt.timedelta(days=3))
    assert back.start_date == MONDAY + dt.timedelta(days=3)
    assert back.long_hike_day_changed_on == MONDAY + dt.timedelta(days=24)  # week 4 again
