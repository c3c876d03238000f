"""The athlete's plan as their stored data shapes it: a day's session, a week, the plan."""

from __future__ import annotations

import datetime as dt

from bot.services.unit_of_work import UnitOfWork
from coach.adjustments import effective_session, effective_week
from coach.athletes import Athlete
from coach.checkins import LoggedCheckin, PainSite, PlannedKind, planned_by
from coach.sessions import Session

# Enough history for the 30-day longest run and the 4-week long-hike average.
HISTORY_DAYS = 60


def recent_history(uow: UnitOfWork, user_id: int, today: dt.date) -> list[LoggedCheckin]:
    return uow.checkins.list_since(user_id, today - dt.timedelta(days=HISTORY_DAYS))


def open_injury(uow: UnitOfWork, user_id: int) -> set[PainSite]:
    """The blocking pain sites the athlete has reported and not yet cleared."""
    return {injury.site for injury in uow.injuries.open(user_id)}


def session_for(uow: UnitOfWork, athlete: Athlete, on: dt.date, today: dt.date) -> Session:
    """The session to show for `on`: the programme's, with adjustments and safety rules."""
    assert athlete.start_date is not None
    history = recent_history(uow, athlete.user_id, today)
    stored = uow.adjustments.list_between(athlete.user_id, on, on)
    injury = open_injury(uow, athlete.user_id)
    return effective_session(athlete.start_date, on, history, stored, today, injury)


def week_for(
    uow: UnitOfWork,
    athlete: Athlete,
    week: int,
    today: dt.date,
    history: list[LoggedCheckin],
) -> list[Session]:
    """The seven sessions of programme week `week`, as they stand today, given the athlete's
    `recent_history` (the caller has it already for the week's load)."""
    assert athlete.start_date is not None
    first = athlete.start_date + dt.timedelta(days=(week - 1) * 7)
    stored = uow.adjustments.list_between(athlete.user_id, first, first + dt.timedelta(days=6))
    injury = open_injury(uow, athlete.user_id)
    return effective_week(athlete.start_date, week, history, stored, today, injury)


def planned_kinds(athlete: Athlete | None) -> PlannedKind:
    """What the programme plans on any date, for reading a check-in in its context."""
    if athlete is None or athlete.start_date is None:
        return lambda _on: None
    return planned_by(athlete.start_date)
