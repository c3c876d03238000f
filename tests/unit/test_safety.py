"""Safety: a blocking injury stops every run until cleared; runs grow by 10% at most."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.adjustments import AthletePlan, effective_session, effective_week
from coach.checkins import Activity, LoggedCheckin, PainSite
from coach.programme import session_on
from coach.safety import (
    Injury,
    InjuryChange,
    injury_changes,
    offers_a_run,
    pain_advice,
    run_cap,
)
from coach.schedule import Schedule
from coach.sessions import Session, SessionKind

START = dt.date(2026, 12, 7)  # a Monday
SCHEDULE = Schedule(start=START)
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
BLOCKING = [PainSite.KNEE, PainSite.ACHILLES, PainSite.IT_BAND, PainSite.SHIN]
NOT_BLOCKING = [site for site in PainSite if site not in BLOCKING]


def on(week: int, weekday: int) -> dt.date:
    return START + dt.timedelta(days=(week - 1) * 7 + weekday)


def run(date: dt.date, minutes: int | None = 45, **fields: object) -> LoggedCheckin:
    return LoggedCheckin(date=date, activity=Activity.RUN, duration_min=minutes, rpe=5, **fields)


def sore(date: dt.date, *sites: PainSite, **fields: object) -> LoggedCheckin:
    return LoggedCheckin(date=date, activity=Activity.HIKE, pain=list(sites), **fields)


def cleared(date: dt.date, **fields: object) -> LoggedCheckin:
    return LoggedCheckin(date=date, pain_cleared=True, **fields)


def hurting(
    *sites: PainSite, since: dt.date = START, until: dt.date | None = None
) -> list[Injury]:
    return [Injury(site=site, reported_on=since, cleared_on=until) for site in sites]


def plan(
    today: dt.date,
    history: list[LoggedCheckin] | None = None,
    injuries: list[Injury] | None = None,
) -> AthletePlan:
    return AthletePlan(
        schedule=SCHEDULE,
        history=tuple(history or []),
        injuries=tuple(injuries or []),
        today=today,
    )


def shown(
    date: dt.date,
    history: list[LoggedCheckin],
    today: dt.date | None = None,
    injury: set[PainSite] | None = None,
) -> Session:
    return effective_session(plan(today or date, history, hurting(*(injury or set()))), date)


@pytest.mark.parametrize("site", BLOCKING)
@pytest.mark.parametrize("week", [2, 6, 10, 14])
def test_blocking_pain_turns_every_run_of_the_week_into_something_else(
    site: PainSite, week: int
) -> None:
    sessions = effective_week(plan(on(week, MON), injuries=hurting(site)), week)
    assert not [s for s in sessions if offers_a_run(s)]


@pytest.mark.parametrize("site", BLOCKING)
def test_a_blocked_run_becomes_an_easy_walk_no_longer_than_planned(site: PainSite) -> None:
    session = shown(on(6, TUE), [], injury={site})
    assert (session.kind, session.minutes_min, session.minutes_max) == (
        SessionKind.EASY_WALK,
        45,
        60,
    )


def test_the_blocked_run_says_why_and_when_to_see_a_physio_or_doctor() -> None:
    reason = shown(on(6, TUE), [], injury={PainSite.ACHILLES}).adjusted_reason or ""
    assert "Achilles" in reason
    assert "no running" in reason
    assert "physio or doctor" in reason


def test_the_week_10_sunday_keeps_the_hike_but_drops_the_trail_run_option() -> None:
    session = shown(on(10, SUN), [], injury={PainSite.KNEE})
    assert session.kind is SessionKind.RECOVERY_HIKE
    assert "run" not in session.title.lower()
    assert not offers_a_run(session)


def test_with_no_open_injury_the_runs_stand() -> None:
    assert shown(on(3, TUE), []).kind is SessionKind.RUN_WALK


@pytest.mark.parametrize("site", BLOCKING)
def test_blocking_pain_opens_an_injury_at_that_site(site: PainSite) -> None:
    assert injury_changes(sore(on(2, SAT), site), set()) == InjuryChange(opened=(site,))


def test_pain_at_a_site_already_open_opens_nothing_new() -> None:
    change = injury_changes(sore(on(3, SAT), PainSite.KNEE), {PainSite.KNEE})
    assert change == InjuryChange()


def test_a_pain_free_checkin_clears_nothing() -> None:
    assert injury_changes(run(on(3, TUE)), {PainSite.KNEE}) == InjuryChange()


def test_the_pain_gone_with_no_site_named_clears_every_open_injury() -> None:
    change = injury_changes(cleared(on(3, MON)), {PainSite.KNEE, PainSite.ACHILLES})
    assert change.cleared == (PainSite.ACHILLES, PainSite.KNEE)


def test_clearing_the_knee_does_not_clear_the_achilles() -> None:
    reading = LoggedCheckin(date=on(3, MON), cleared=[PainSite.KNEE])
    change = injury_changes(reading, {PainSite.KNEE, PainSite.ACHILLES})
    assert change.cleared == (PainSite.KNEE,)


def test_a_site_said_to_be_fine_that_was_never_open_clears_nothing() -> None:
    reading = LoggedCheckin(date=on(3, MON), cleared=[PainSite.SHIN])
    assert injury_changes(reading, {PainSite.KNEE}) == InjuryChange()


def test_a_clearing_that_names_the_same_pain_again_keeps_it_open() -> None:
    reading = cleared(on(3, MON), pain=[PainSite.KNEE])
    assert injury_changes(reading, {PainSite.KNEE}) == InjuryChange()


def test_a_clearing_that_names_a_new_pain_opens_that_one() -> None:
    change = injury_changes(cleared(on(3, MON), pain=[PainSite.SHIN]), {PainSite.KNEE})
    assert change == InjuryChange(opened=(PainSite.SHIN,), cleared=(PainSite.KNEE,))


@pytest.mark.parametrize("site", NOT_BLOCKING)
def test_pain_elsewhere_opens_no_injury(site: PainSite) -> None:
    assert injury_changes(sore(on(5, SUN), site), set()) == InjuryChange()


@pytest.mark.parametrize("site", NOT_BLOCKING)
def test_pain_elsewhere_gets_advice_to_ease_off_and_not_run_through_it(site: PainSite) -> None:
    advice = pain_advice([site]) or ""
    assert "Ease off" in advice
    assert "never run through pain" in advice


def test_blocking_pain_advice_says_no_running_and_to_see_a_physio() -> None:
    advice = pain_advice([PainSite.IT_BAND, PainSite.CALF]) or ""
    assert "IT band" in advice
    assert "No running" in advice
    assert "physio or doctor" in advice


def test_there_is_no_pain_advice_without_pain() -> None:
    assert pain_advice([]) is None


def test_the_cap_is_10_percent_over_the_longest_run_rounded_down() -> None:
    assert run_cap(45) == 49


def test_the_10_percent_cap_shortens_a_run_longer_than_the_recent_longest() -> None:
    history = [run(on(5, SAT), minutes=40)]
    session = shown(on(6, TUE), history)
    assert (session.minutes_min, session.minutes_max) == (44, 44)
    assert "40 min" in (session.adjusted_reason or "")


def test_the_cap_lowers_only_the_top_when_the_bottom_fits() -> None:
    session = shown(on(6, TUE), [run(on(5, SAT), minutes=50)])
    assert (session.minutes_min, session.minutes_max) == (45, 55)


def test_the_cap_leaves_a_run_that_fits_alone() -> None:
    session = shown(on(6, TUE), [run(on(5, SAT), minutes=60)])
    assert session == session_on(SCHEDULE, on(6, TUE))


def test_the_cap_applies_to_run_walk_too() -> None:
    session = shown(on(2, TUE), [run(on(1, THU), minutes=30)])
    assert session.minutes_max == 33


def test_without_a_logged_run_the_programme_prescription_stands() -> None:
    assert shown(on(6, TUE), []) == session_on(SCHEDULE, on(6, TUE))


def test_a_run_more_than_30_days_before_the_session_sets_no_cap() -> None:
    session = shown(on(6, TUE), [run(on(6, TUE) - dt.timedelta(days=31), minutes=20)])
    assert session.minutes_max == 60


def test_a_run_logged_after_today_sets_no_cap() -> None:
    session = shown(on(6, TUE), [run(on(6, MON), minutes=20)], today=on(5, SUN))
    assert session.minutes_max == 60


def test_skipped_runs_set_no_cap() -> None:
    session = shown(on(6, TUE), [run(on(5, SAT), minutes=20, skipped=True)])
    assert session.minutes_max == 60


def test_hill_repeats_are_not_capped() -> None:
    session = shown(on(10, THU), [run(on(10, TUE), minutes=20)])
    assert session.minutes_max == 45


def test_the_cap_limits_the_trail_run_option_on_a_week_10_sunday() -> None:
    session = shown(on(10, SUN), [run(on(10, TUE), minutes=60)])
    assert "stop at 66 minutes" in session.details
    assert (session.minutes_min, session.minutes_max) == (60, 90)


@pytest.mark.parametrize("site", BLOCKING)
def test_while_running_is_blocked_the_long_hike_is_shorter_and_gentler(site: PainSite) -> None:
    session = shown(on(6, SAT), [], injury={site})
    assert session.kind is SessionKind.LONG_HIKE
    assert (session.minutes_min, session.minutes_max) == (120, 240)
    text = f"{session.details} {' '.join(session.cues)}"
    assert "descent slowly" in text and "poles" in text and "hurts" in text
    assert "4–7 h" not in session.details


@pytest.mark.parametrize("site", BLOCKING)
def test_while_running_is_blocked_strength_leaves_out_step_ups_and_lunges(site: PainSite) -> None:
    session = shown(on(6, WED), [], injury={site})
    assert session.kind is SessionKind.STRENGTH
    assert "No step-ups or lunges" in session.details
    assert "glute bridges" in session.details
    assert session.adjusted_reason and "no running" in session.adjusted_reason


def test_an_achilles_strength_session_also_leaves_out_calf_raises() -> None:
    assert "No calf raises" in shown(on(6, WED), [], injury={PainSite.ACHILLES}).details


def test_the_first_week_back_starts_with_run_walk_before_the_phases_normal_runs() -> None:
    knee = hurting(PainSite.KNEE, since=on(9, MON), until=on(10, MON))
    back = effective_session(plan(on(10, MON), injuries=knee), on(10, TUE))
    assert back.kind is SessionKind.RUN_WALK
    assert "5 minutes of easy running with 3 minutes of walking" in back.details
    assert "First week back after the knee pain" in (back.adjusted_reason or "")
    hills = effective_session(plan(on(10, MON), injuries=knee), on(10, THU))
    assert hills.kind is SessionKind.RUN_WALK


def test_a_week_after_the_pain_cleared_the_normal_runs_are_back() -> None:
    knee = hurting(PainSite.KNEE, since=on(9, MON), until=on(10, MON))
    later = plan(on(11, MON), injuries=knee)
    assert effective_session(later, on(11, TUE)).kind is SessionKind.EASY_RUN
    assert effective_session(later, on(11, THU)).kind is SessionKind.HILL_REPEATS


def test_a_day_gone_by_shows_the_injuries_open_then_not_those_of_today() -> None:
    knee = hurting(PainSite.KNEE, since=on(10, WED))
    week = plan(on(10, FRI), injuries=knee)
    assert effective_session(week, on(10, TUE)).kind is SessionKind.EASY_RUN  # before the pain
    assert effective_session(week, on(10, THU)).kind is SessionKind.EASY_WALK  # with the pain
    assert effective_session(week, on(10, SAT)).title == "Shorter, gentler long hike"


def test_a_day_gone_by_during_a_pain_since_cleared_still_shows_the_walk_it_had() -> None:
    knee = hurting(PainSite.KNEE, since=on(10, MON), until=on(10, FRI))
    assert effective_session(plan(on(10, SAT), injuries=knee), on(10, TUE)).kind is (
        SessionKind.EASY_WALK
    )
