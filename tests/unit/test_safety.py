"""Safety: a blocking injury stops every run until cleared; runs grow by 10% at most."""

from __future__ import annotations

import datetime as dt

import pytest

from coach.adjustments import effective_session, effective_week
from coach.checkins import Activity, LoggedCheckin, PainSite
from coach.programme import session_on
from coach.safety import active_injury, offers_a_run, pain_advice, run_cap
from coach.sessions import Session, SessionKind

START = dt.date(2026, 12, 7)  # a Monday
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


def shown(date: dt.date, history: list[LoggedCheckin], today: dt.date | None = None) -> Session:
    return effective_session(START, date, history, [], today or date)


@pytest.mark.parametrize("site", BLOCKING)
@pytest.mark.parametrize("week", [2, 6, 10, 14])
def test_blocking_pain_turns_every_run_of_the_week_into_something_else(
    site: PainSite, week: int
) -> None:
    history = [sore(on(week - 1, SUN), site)]
    sessions = effective_week(START, week, history, [], on(week, MON))
    assert not [s for s in sessions if offers_a_run(s)]


@pytest.mark.parametrize("site", BLOCKING)
def test_a_blocked_run_becomes_an_easy_walk_no_longer_than_planned(site: PainSite) -> None:
    history = [sore(on(5, SUN), site)]
    session = shown(on(6, TUE), history)
    assert (session.kind, session.minutes_min, session.minutes_max) == (
        SessionKind.EASY_WALK,
        45,
        60,
    )


def test_the_blocked_run_says_why_and_when_to_see_a_physio_or_doctor() -> None:
    reason = shown(on(6, TUE), [sore(on(5, SUN), PainSite.ACHILLES)]).adjusted_reason or ""
    assert "Achilles" in reason
    assert "no running" in reason
    assert "physio or doctor" in reason


def test_the_week_10_sunday_keeps_the_hike_but_drops_the_trail_run_option() -> None:
    session = shown(on(10, SUN), [sore(on(10, SAT), PainSite.KNEE)])
    assert session.kind is SessionKind.RECOVERY_HIKE
    assert "run" not in session.title.lower()
    assert not offers_a_run(session)


def test_a_blocking_injury_lasts_until_the_athlete_says_it_has_gone() -> None:
    history = [sore(on(2, SAT), PainSite.SHIN)]
    assert active_injury(history, on(9, SAT)) == {PainSite.SHIN}


def test_a_pain_free_run_does_not_clear_an_injury() -> None:
    history = [sore(on(2, SAT), PainSite.KNEE), run(on(3, TUE))]
    assert active_injury(history, on(3, WED)) == {PainSite.KNEE}


def test_a_pain_cleared_checkin_brings_the_runs_back() -> None:
    history = [sore(on(2, SAT), PainSite.KNEE), cleared(on(3, MON))]
    assert active_injury(history, on(3, MON)) == set()
    assert shown(on(3, TUE), history).kind is SessionKind.RUN_WALK


def test_pain_reported_after_clearing_blocks_again() -> None:
    history = [
        sore(on(2, SAT), PainSite.KNEE),
        cleared(on(3, MON)),
        sore(on(3, SAT), PainSite.IT_BAND),
    ]
    assert active_injury(history, on(3, SUN)) == {PainSite.IT_BAND}


def test_a_same_day_clearing_counts_only_after_the_pain_it_follows() -> None:
    day = on(2, SAT)
    history = [cleared(day, id=2), sore(day, PainSite.KNEE, id=1)]
    assert active_injury(history, day) == set()


def test_a_clearing_that_names_a_new_pain_keeps_that_one() -> None:
    history = [sore(on(2, SAT), PainSite.KNEE), cleared(on(3, MON), pain=[PainSite.SHIN])]
    assert active_injury(history, on(3, MON)) == {PainSite.SHIN}


def test_pain_reported_after_today_does_not_count_yet() -> None:
    assert active_injury([sore(on(3, SAT), PainSite.KNEE)], on(3, FRI)) == set()


@pytest.mark.parametrize("site", NOT_BLOCKING)
def test_pain_elsewhere_does_not_block_running(site: PainSite) -> None:
    history = [sore(on(5, SUN), site)]
    assert active_injury(history, on(6, TUE)) == set()
    assert shown(on(6, TUE), history).kind is SessionKind.EASY_RUN


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
    assert session == session_on(START, on(6, TUE))


def test_the_cap_applies_to_run_walk_too() -> None:
    session = shown(on(2, TUE), [run(on(1, THU), minutes=30)])
    assert session.minutes_max == 33


def test_without_a_logged_run_the_programme_prescription_stands() -> None:
    assert shown(on(6, TUE), []) == session_on(START, on(6, TUE))


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
