"""The athlete's plan as their stored data shapes it: a day's session, a week, the plan."""

from __future__ import annotations

import datetime as dt

from bot.services.unit_of_work import UnitOfWork
from coach.adjustments import AthletePlan, effective_session, effective_week
from coach.athletes import Athlete
from coach.checkins import LoggedCheckin, PainSite, PlannedKind
from coach.programme import programme_day, programme_week, week_dates
from coach.schedule import Schedule
from coach.sessions import Session, SessionKind
from coach.week import WeekReview, review_week

# Enough history for the 30-day longest run and the 4-week long-hike reference.
HISTORY_DAYS = 60


def recent_history(uow: UnitOfWork, user_id: int, today: dt.date) -> list[LoggedCheckin]:
    return uow.checkins.list_since(user_id, today - dt.timedelta(days=HISTORY_DAYS))


def logged_on(uow: UnitOfWork, user_id: int, on: dt.date) -> list[LoggedCheckin]:
    """The check-ins of one day, oldest first."""
    return uow.checkins.list_between(user_id, on, on)


def open_injury(uow: UnitOfWork, user_id: int) -> set[PainSite]:
    """The blocking pain sites the athlete has reported and not yet cleared."""
    return {injury.site for injury in uow.injuries.open(user_id)}


def schedule_of(athlete: Athlete) -> Schedule:
    schedule = athlete.schedule
    assert schedule is not None, "the athlete has no start date yet"
    return schedule


def athlete_plan(
    uow: UnitOfWork,
    athlete: Athlete,
    today: dt.date,
    first: dt.date | None = None,
    last: dt.date | None = None,
    history: list[LoggedCheckin] | None = None,
) -> AthletePlan:
    """What the athlete's plan is made from, with the adjustments of the days from `first` to
    `last` (every stored one without them) and their `recent_history` unless given."""
    schedule = schedule_of(athlete)
    adjustments = uow.adjustments.list_between(
        athlete.user_id, first or dt.date.min, last or dt.date.max
    )
    return AthletePlan(
        schedule=schedule,
        history=tuple(
            history if history is not None else recent_history(uow, athlete.user_id, today)
        ),
        adjustments=tuple(adjustments),
        injuries=tuple(uow.injuries.history(athlete.user_id)),
        today=today,
    )


def plan_for_week(
    uow: UnitOfWork,
    athlete: Athlete,
    on: dt.date,
    today: dt.date,
    history: list[LoggedCheckin] | None = None,
) -> AthletePlan:
    """The plan with the adjustments of the programme week holding `on`."""
    days = week_dates(schedule_of(athlete), _week_of(athlete, on))
    return athlete_plan(uow, athlete, today, days[0], days[-1], history)


def session_for(uow: UnitOfWork, athlete: Athlete, on: dt.date, today: dt.date) -> Session:
    """The session to show for `on`: the programme's, moved, adjusted, with the safety rules."""
    return effective_session(plan_for_week(uow, athlete, on, today), on)


def week_for(
    uow: UnitOfWork,
    athlete: Athlete,
    week: int,
    today: dt.date,
    history: list[LoggedCheckin],
) -> list[Session]:
    """The seven sessions of programme week `week`, as they stand today, given the athlete's
    `recent_history` (the caller has it already for the week's load)."""
    first = week_dates(schedule_of(athlete), week)[0]
    return effective_week(plan_for_week(uow, athlete, first, today, history), week)


def planned_kinds(uow: UnitOfWork, athlete: Athlete | None) -> PlannedKind:
    """What the plan has on any date (moves and adjustments included), for reading a check-in
    in its context, with a run day walked while an injury is open. The adjustments are read
    only when a date is asked about."""
    injuries = tuple(uow.injuries.history(athlete.user_id)) if athlete is not None else ()

    def planned(on: dt.date) -> SessionKind | None:
        if athlete is None or athlete.schedule is None:
            return None
        if programme_day(athlete.schedule, on) < 1:
            return None
        days = week_dates(athlete.schedule, programme_week(athlete.schedule, on))
        plan = AthletePlan(
            schedule=athlete.schedule,
            adjustments=tuple(uow.adjustments.list_between(athlete.user_id, days[0], days[-1])),
            injuries=injuries,
            today=on,
        )
        # With an injury open the run day is a walk, as the athlete was told: "done" is the walk.
        return effective_session(plan, on).kind

    return planned


def _week_of(athlete: Athlete, on: dt.date) -> int:
    return programme_week(schedule_of(athlete), on)


def review_this_week(
    uow: UnitOfWork,
    athlete: Athlete,
    today: dt.date,
    history: list[LoggedCheckin],
    *,
    weeks_ahead: int = 0,
) -> WeekReview:
    """The programme week holding today (week 1 before the start), or the one `weeks_ahead` of
    it: what was done, skipped and is still to come, each past day as it was planned then."""
    week = programme_week(schedule_of(athlete), today) + weeks_ahead
    first = week_dates(schedule_of(athlete), week)[0]
    return review_week(plan_for_week(uow, athlete, first, today, history), week)
