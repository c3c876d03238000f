"""The Thursday rule after a hard weekend hike, and what the athlete is shown for a day."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.adjustments import (
    GUIDE_REFERENCE,
    Adjustment,
    AthletePlan,
    adjustments_after_checkin,
    effective_session,
    effective_week,
    hike_reference,
)
from coach.checkins import Activity, LoggedCheckin, PainSite
from coach.programme import session_on, week_sessions
from coach.safety import BLOCKING_SITES, Injury, offers_a_run
from coach.schedule import Schedule, Weekday
from coach.sessions import SessionKind

START = dt.date(2026, 12, 7)  # a Monday
SCHEDULE = Schedule(start=START)
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def plan(
    today: dt.date,
    history: list[LoggedCheckin] | None = None,
    stored: list[Adjustment] | None = None,
    injuries: list[Injury] | None = None,
    schedule: Schedule = SCHEDULE,
) -> AthletePlan:
    return AthletePlan(
        schedule=schedule,
        history=tuple(history or []),
        adjustments=tuple(stored or []),
        injuries=tuple(injuries or []),
        today=today,
    )


WEEK = dt.timedelta(days=7)


def on(week: int, weekday: int) -> dt.date:
    return START + dt.timedelta(days=(week - 1) * 7 + weekday)


def hike(
    date: dt.date, minutes: int = 300, rpe: int | None = 5, **fields: object
) -> LoggedCheckin:
    return LoggedCheckin(
        date=date, activity=Activity.HIKE, duration_min=minutes, rpe=rpe, **fields
    )


def earlier_hikes(week: int, load: int = 1500) -> list[LoggedCheckin]:
    """Four earlier full Saturday long hikes of `load` each (RPE 5 × load/5 minutes)."""
    return [hike(on(week - n, SAT), load // 5, 5) for n in (1, 2, 3, 4)]


def after(
    checkin: LoggedCheckin,
    history: list[LoggedCheckin] | None = None,
    injuries: list[Injury] | None = None,
    schedule: Schedule = SCHEDULE,
) -> list[Adjustment]:
    return adjustments_after_checkin(checkin, history or [], schedule, injuries=injuries or [])


def only(adjustments: list[Adjustment]) -> Adjustment:
    assert len(adjustments) == 1
    return adjustments[0]


def test_an_rpe_9_saturday_hike_in_week_10_scales_back_thursdays_hill_repeats() -> None:
    adjustment = only(after(hike(on(10, SAT), rpe=9)))
    assert adjustment.session_date == on(11, THU)
    assert adjustment.to_kind is SessionKind.HILL_REPEATS
    assert (adjustment.minutes_min, adjustment.minutes_max) == (30, 30)


def test_the_scaled_hill_repeats_are_short_efforts_with_a_walk_down() -> None:
    details = only(after(hike(on(10, SAT), rpe=8))).details
    assert "20 seconds" in details
    assert "walk back down" in details


def test_an_rpe_7_hike_is_not_particularly_hard() -> None:
    assert after(hike(on(10, SAT), rpe=7)) == []


def test_an_rpe_8_saturday_hike_in_week_3_makes_thursday_a_short_easy_walk() -> None:
    adjustment = only(after(hike(on(3, SAT), rpe=8)))
    assert adjustment.session_date == on(4, THU)
    assert (adjustment.from_kind, adjustment.to_kind) == (
        SessionKind.RUN_WALK,
        SessionKind.EASY_WALK,
    )
    assert adjustment.minutes_max == 30
    assert "no running" in adjustment.details


def test_the_thursdays_own_week_decides_so_a_week_8_hike_scales_week_9_hill_repeats() -> None:
    assert only(after(hike(on(8, SAT), rpe=9))).to_kind is SessionKind.HILL_REPEATS


def test_a_hard_hike_in_week_7_scales_week_8_to_a_walk() -> None:
    assert only(after(hike(on(7, SAT), rpe=9))).to_kind is SessionKind.EASY_WALK


def test_an_rpe_10_hike_in_week_10_makes_thursday_an_easy_zone_2_run() -> None:
    adjustment = only(after(hike(on(10, SAT), rpe=10)))
    assert adjustment.to_kind is SessionKind.EASY_RUN
    assert (adjustment.minutes_min, adjustment.minutes_max) == (30, 40)
    assert "Zone 2" in adjustment.details


def test_an_rpe_10_hike_in_week_3_still_makes_thursday_a_walk() -> None:
    assert only(after(hike(on(3, SAT), rpe=10))).to_kind is SessionKind.EASY_WALK


def test_a_hard_hike_with_pain_counts_as_extreme() -> None:
    checkin = hike(on(10, SAT), rpe=5, hard=True, pain=[PainSite.CALF])
    assert only(after(checkin)).to_kind is SessionKind.EASY_RUN


def test_a_hike_with_pain_counts_as_particularly_hard() -> None:
    adjustment = only(after(hike(on(10, SAT), rpe=5, pain=[PainSite.ANKLE])))
    assert adjustment.to_kind is SessionKind.HILL_REPEATS
    assert "ankle pain" in adjustment.reason


def test_a_hike_the_athlete_called_hard_counts_as_particularly_hard() -> None:
    assert only(after(hike(on(10, SAT), rpe=None, hard=True))).to_kind is SessionKind.HILL_REPEATS


def test_an_effort_more_than_30_percent_above_recent_full_long_hikes_scales_back() -> None:
    checkin = hike(on(10, SAT), minutes=480, rpe=1, load=1951)
    adjustment = only(after(checkin, earlier_hikes(10, load=1500)))
    assert adjustment.to_kind is SessionKind.HILL_REPEATS
    assert "8 h, your longest so far" in adjustment.reason


def test_an_effort_exactly_30_percent_above_changes_nothing() -> None:
    checkin = hike(on(10, SAT), minutes=480, rpe=1, load=1950)
    assert after(checkin, earlier_hikes(10, load=1500)) == []


def test_an_effort_more_than_60_percent_above_counts_as_extreme() -> None:
    checkin = hike(on(10, SAT), minutes=480, rpe=1, load=2401)
    assert only(after(checkin, earlier_hikes(10, load=1500))).to_kind is SessionKind.EASY_RUN


def test_an_effort_exactly_60_percent_above_is_only_hard() -> None:
    checkin = hike(on(10, SAT), minutes=480, rpe=1, load=2400)
    assert only(after(checkin, earlier_hikes(10, load=1500))).to_kind is SessionKind.HILL_REPEATS


def test_a_long_hike_inside_4_to_7_h_at_rpe_7_is_normal_however_small_the_recent_ones() -> None:
    # The reported case: the recent ones were cut short, hiked hurt or a one-hour recovery.
    history = [
        hike(on(9, SAT), minutes=120, rpe=5),
        hike(on(8, SAT), minutes=240, rpe=4, pain=[PainSite.KNEE]),
        hike(on(7, SAT), minutes=200, rpe=4),
        hike(on(7, SUN), minutes=60, rpe=3),
    ]
    knee = Injury(site=PainSite.KNEE, reported_on=on(8, SAT), cleared_on=on(8, FRI) + WEEK)
    for minutes in (240, 300, 360, 420):
        assert after(hike(on(10, SAT), minutes=minutes, rpe=7), history, [knee]) == []


def test_shortened_injury_time_and_recovery_hikes_are_not_compared_with() -> None:
    knee = Injury(site=PainSite.KNEE, reported_on=on(8, MON), cleared_on=on(8, SUN))
    history = [
        hike(on(9, SAT), minutes=150, rpe=5),  # shortened
        hike(on(8, SAT), minutes=300, rpe=4),  # while the knee hurt
        hike(on(7, SUN), minutes=60, rpe=3),  # a recovery hike
        hike(on(6, SAT), minutes=300, rpe=6, pain=[PainSite.CALF]),  # with pain
    ]
    assert hike_reference(history, on(10, SAT), SCHEDULE, [knee]) == GUIDE_REFERENCE


def test_with_too_little_history_the_reference_is_the_guides_4_to_7_h_at_moderate_effort() -> None:
    reference = hike_reference([hike(on(9, SAT), minutes=300)], on(10, SAT), SCHEDULE)
    assert reference.from_guide
    assert reference.minutes == 330 and reference.effort_load == 330 * 6


def test_two_recent_full_long_hikes_make_the_reference() -> None:
    history = [hike(on(9, SAT), minutes=300, rpe=5), hike(on(8, SAT), minutes=360, rpe=5)]
    reference = hike_reference(history, on(10, SAT), SCHEDULE)
    assert not reference.from_guide
    assert (reference.minutes, reference.effort_load) == (330, 1650)


def test_without_history_an_8_hour_day_is_measured_against_the_guide() -> None:
    adjustment = only(after(hike(on(10, SAT), minutes=480, rpe=6)))
    assert "8 h" in adjustment.reason and "guide's 4–7 h" in adjustment.reason


def test_climb_and_pack_weigh_in_the_comparison_and_the_reason_names_them() -> None:
    history = earlier_hikes(10, load=2400)  # 8 h at RPE 5
    plain = hike(on(10, SAT), minutes=450, rpe=6)  # 2700: 12% more, a normal big day
    loaded = plain.model_copy(update={"climb_m": 1500, "pack_kg": 15.0})
    assert after(plain, history) == []
    reason = only(after(loaded, history)).reason
    assert "1,500 m of climb" in reason and "15 kg pack" in reason


@pytest.mark.parametrize("load", [1300, 2000, 5000, 30000])
def test_a_reason_never_gives_a_percentage(load: int) -> None:
    checkin = hike(on(10, SAT), minutes=600, rpe=1, load=load)
    for adjustment in after(checkin, earlier_hikes(10, load=1500)):
        assert "%" not in adjustment.reason


def test_the_load_comparison_needs_a_hike_outside_the_prescription() -> None:
    assert after(hike(on(10, SAT), rpe=7, load=5000), earlier_hikes(10)) == []


def test_a_sunday_hike_counts_too() -> None:
    adjustment = only(after(hike(on(10, SUN), rpe=9)))
    assert adjustment.session_date == on(11, THU)
    assert "Sunday" in adjustment.reason


def test_an_easy_hike_changes_nothing() -> None:
    assert after(hike(on(10, SAT), minutes=240, rpe=5), earlier_hikes(10)) == []


def test_a_weekday_hike_changes_nothing() -> None:
    assert after(hike(on(10, WED), rpe=9)) == []


def test_a_skipped_hike_changes_nothing() -> None:
    assert after(hike(on(10, SAT), rpe=9, skipped=True)) == []


def test_a_thursday_after_week_12_is_scaled_back_like_weeks_9_to_12() -> None:
    adjustment = only(after(hike(on(12, SAT), rpe=9)))
    assert adjustment.session_date == on(13, THU)
    assert adjustment.to_kind is SessionKind.HILL_REPEATS


def test_a_hike_just_before_the_start_scales_back_the_first_thursday() -> None:
    adjustment = only(after(hike(START - dt.timedelta(days=2), rpe=9)))
    assert adjustment.session_date == on(1, THU)


def test_no_thursday_before_the_start_is_adjusted() -> None:
    assert after(hike(START - dt.timedelta(days=9), rpe=9)) == []


def test_no_thursday_already_past_is_adjusted() -> None:
    checkin = hike(on(10, SAT), rpe=9)
    assert adjustments_after_checkin(checkin, [], SCHEDULE, today=on(11, FRI)) == []


def test_the_adjustment_remembers_the_checkin_that_caused_it() -> None:
    assert only(after(hike(on(10, SAT), rpe=9, id=42))).checkin_id == 42


def test_for_a_sunday_long_hike_the_session_after_next_is_friday() -> None:
    sunday_hiker = Schedule(start=START, long_hike_day=Weekday.SUNDAY)
    adjustment = only(after(hike(on(10, SUN), rpe=9), schedule=sunday_hiker))
    assert adjustment.session_date == on(11, FRI)
    assert "Friday's hill repeats" in adjustment.reason


def test_for_a_sunday_long_hike_a_hard_monday_hike_is_the_weekend_too() -> None:
    sunday_hiker = Schedule(start=START, long_hike_day=Weekday.SUNDAY)
    assert only(after(hike(on(11, MON), rpe=9), schedule=sunday_hiker)).session_date == on(11, FRI)
    assert after(hike(on(10, SAT), rpe=9), schedule=sunday_hiker) == []


def test_effective_session_applies_a_stored_adjustment() -> None:
    stored = after(hike(on(10, SAT), rpe=9))
    session = effective_session(plan(on(11, MON), stored=stored), on(11, THU))
    assert (session.kind, session.minutes_max, session.title) == (
        SessionKind.HILL_REPEATS,
        30,
        "Shorter hill repeats",
    )
    assert session.adjusted_reason == stored[0].reason


def test_deleting_the_causing_checkin_restores_the_plan() -> None:
    checkin = hike(on(10, SAT), rpe=9, id=7)
    stored = after(checkin)
    remaining = [a for a in stored if a.checkin_id != checkin.id]
    session = effective_session(plan(on(11, MON), stored=remaining), on(11, THU))
    assert session == session_on(SCHEDULE, on(11, THU))


def test_an_adjustment_made_for_a_different_session_is_ignored() -> None:
    stale = only(after(hike(on(3, SAT), rpe=9))).model_copy(update={"session_date": on(11, THU)})
    session = effective_session(plan(on(11, MON), stored=[stale]), on(11, THU))
    assert session.kind is SessionKind.HILL_REPEATS
    assert session.adjusted_reason is None


def test_the_gentlest_of_two_adjustments_for_one_day_wins() -> None:
    stored = after(hike(on(10, SAT), rpe=9)) + after(hike(on(10, SUN), rpe=10))
    session = effective_session(plan(on(11, MON), stored=stored), on(11, THU))
    assert session.kind is SessionKind.EASY_RUN


def test_a_skipped_run_is_never_made_up_later() -> None:
    skipped = LoggedCheckin(date=on(2, TUE), activity=Activity.RUN, skipped=True, id=3)
    assert after(skipped) == []
    shown = effective_week(plan(on(2, TUE), [skipped]), 2)
    assert shown == week_sessions(SCHEDULE, 2)


def test_effective_week_covers_a_maintenance_week() -> None:
    sessions = effective_week(plan(on(13, MON)), 13)
    assert [s.date for s in sessions] == [on(13, day) for day in range(7)]


# Property: whatever the history and stored adjustments, safety wins.

DAYS = st.dates(min_value=START - dt.timedelta(days=14), max_value=START + dt.timedelta(days=120))
PLAN_DAYS = st.dates(min_value=START, max_value=START + dt.timedelta(days=120))
MINUTES = st.none() | st.integers(min_value=1, max_value=600)

CHECKINS = st.builds(
    LoggedCheckin,
    date=DAYS,
    activity=st.none() | st.sampled_from(Activity),
    duration_min=MINUTES,
    rpe=st.none() | st.integers(min_value=1, max_value=10),
    hard=st.booleans(),
    pain=st.lists(st.sampled_from(PainSite), max_size=2),
    skipped=st.booleans(),
    pain_cleared=st.booleans(),
    id=st.none() | st.integers(min_value=1, max_value=50),
)

# Done runs, so the 10% cap gets exercised often.
RUNS = st.builds(
    LoggedCheckin,
    date=DAYS,
    activity=st.just(Activity.RUN),
    duration_min=st.integers(min_value=1, max_value=120),
    rpe=st.integers(min_value=1, max_value=10),
)


@st.composite
def any_adjustment(draw: st.DrawFn) -> Adjustment:
    low, high = sorted(draw(st.lists(st.integers(1, 600), min_size=2, max_size=2)))
    return Adjustment(
        session_date=draw(PLAN_DAYS),
        from_kind=draw(st.sampled_from(SessionKind)),
        to_kind=draw(st.sampled_from(SessionKind)),
        minutes_min=draw(st.none() | st.just(low)),
        minutes_max=draw(st.none() | st.just(high)),
        title="Anything",
        details="Anything at all.",
        reason="Because.",
    )


def _longest_run_before(history: list[LoggedCheckin], day: dt.date, today: dt.date) -> int | None:
    window = [
        c.duration_min
        for c in history
        if c.activity is Activity.RUN
        and not c.skipped
        and c.duration_min is not None
        and day - dt.timedelta(days=30) <= c.date < day
        and c.date <= today
    ]
    return max(window, default=None)


@settings(max_examples=300, deadline=None)
@given(
    checkins=st.lists(CHECKINS, max_size=12),
    runs=st.lists(RUNS, max_size=4),
    random_stored=st.lists(any_adjustment(), max_size=4),
    day=PLAN_DAYS,
    today=DAYS,
    injury=st.sets(st.sampled_from(sorted(BLOCKING_SITES))),
)
def test_effective_sessions_never_run_on_an_injury_nor_past_the_10_percent_cap(
    checkins: list[LoggedCheckin],
    runs: list[LoggedCheckin],
    random_stored: list[Adjustment],
    day: dt.date,
    today: dt.date,
    injury: set[PainSite],
) -> None:
    history = checkins + runs
    ruled = [a for c in history for a in adjustments_after_checkin(c, history, SCHEDULE)]
    open_since = [Injury(site=site, reported_on=START - WEEK * 3) for site in injury]
    shown = plan(today, history, ruled + random_stored, open_since)
    session = effective_session(shown, day)

    if injury & BLOCKING_SITES:
        assert not offers_a_run(session)
    longest = _longest_run_before(history, day, today)
    if longest is not None and session.kind in {SessionKind.EASY_RUN, SessionKind.RUN_WALK}:
        assert session.minutes_max is not None
        assert session.minutes_max <= longest * 1.1


def test_hard_in_words_with_an_rpe_of_6_inside_4_to_7_h_is_still_normal() -> None:
    assert after(hike(on(10, SAT), minutes=300, rpe=6, hard=True), earlier_hikes(10)) == []


def test_a_big_day_that_is_not_the_longest_is_compared_with_the_usual_long_hike() -> None:
    history = [*earlier_hikes(10, load=1500), hike(on(5, SAT), minutes=600, rpe=3)]
    reason = only(after(hike(on(10, SAT), minutes=480, rpe=5), history)).reason
    assert "8 h, a bigger day than your usual long hike (about 5 h)" in reason
