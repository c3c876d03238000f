"""What /week shows happened: done, skipped, still to come, each past day as planned then."""

from __future__ import annotations

import datetime as dt

from coach.adjustments import AthletePlan
from coach.checkins import Activity, LoggedCheckin, PainSite
from coach.safety import Injury
from coach.schedule import Schedule
from coach.sessions import SessionKind
from coach.week import DayOutcome, review_week

START = dt.date(2026, 12, 7)  # a Monday
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def on(week: int, weekday: int) -> dt.date:
    return START + dt.timedelta(days=(week - 1) * 7 + weekday)


def did(day: dt.date, activity: Activity, minutes: int, rpe: int, **fields: object):
    return LoggedCheckin(
        date=day, activity=activity, duration_min=minutes, rpe=rpe, load=minutes * rpe, **fields
    )


def review(today: dt.date, history: list[LoggedCheckin], injuries: list[Injury] | None = None):
    plan = AthletePlan(
        schedule=Schedule(start=START),
        history=tuple(history),
        injuries=tuple(injuries or []),
        today=today,
    )
    return review_week(plan, 10)


def test_the_week_tells_done_skipped_not_logged_today_and_to_come() -> None:
    history = [
        did(on(10, TUE), Activity.RUN, 50, 5),
        LoggedCheckin(date=on(10, WED), activity=Activity.STRENGTH, skipped=True),
    ]
    outcomes = [day.outcome for day in review(on(10, FRI), history).days]
    assert outcomes == [
        DayOutcome.REST,
        DayOutcome.DONE,
        DayOutcome.SKIPPED,
        DayOutcome.NOT_LOGGED,
        DayOutcome.TODAY,
        DayOutcome.TO_COME,
        DayOutcome.TO_COME,
    ]


def test_the_tally_counts_the_sessions_done_of_those_planned_and_the_load() -> None:
    history = [
        did(on(10, TUE), Activity.RUN, 50, 5),
        did(on(10, WED), Activity.STRENGTH, 35, 6),
        did(on(10, THU), Activity.RUN, 45, 8),
        did(on(10, MON), Activity.WALK, 30, 2),  # a walk on the rest day: done, not counted
    ]
    week = review(on(10, FRI), history)
    assert (week.sessions_done, week.sessions, week.to_come) == (3, 5, 2)
    assert week.load == 250 + 210 + 360 + 60


def test_a_pain_report_alone_is_no_skip() -> None:
    history = [LoggedCheckin(date=on(10, TUE), pain=[PainSite.CALF])]
    assert review(on(10, WED), history).days[TUE].outcome is DayOutcome.NOT_LOGGED


def test_a_day_off_ill_on_a_session_day_counts_as_skipped() -> None:
    ill = LoggedCheckin(date=on(10, TUE), activity=Activity.REST, illness=True)
    assert review(on(10, WED), [ill]).days[TUE].outcome is DayOutcome.SKIPPED


def test_past_days_show_what_was_planned_then_not_an_injury_reported_since() -> None:
    knee = Injury(site=PainSite.KNEE, reported_on=on(10, WED))
    days = review(on(10, FRI), [], [knee]).days
    assert days[TUE].session.kind is SessionKind.EASY_RUN  # planned before the knee hurt
    assert days[THU].session.kind is SessionKind.EASY_WALK
    assert days[SAT].session.title == "Shorter, gentler long hike"


def test_the_check_in_that_did_a_day_is_kept_with_it() -> None:
    run = did(on(10, TUE), Activity.RUN, 50, 5)
    assert review(on(10, WED), [run]).days[TUE].done == run
