"""The athlete's plan as stored data shapes it: the session to show for a day or a week."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session as DbSession

from bot.storage.repositories import AdjustmentRepository, CheckinRepository
from coach.adjustments import effective_session, effective_week
from coach.athletes import Athlete
from coach.checkins import LoggedCheckin
from coach.sessions import Session

# Enough history for the 30-day longest run, the 4-week hike average and any open injury.
HISTORY_DAYS = 60


def recent_history(db: DbSession, user_id: int, today: dt.date) -> list[LoggedCheckin]:
    return CheckinRepository(db).list_since(user_id, today - dt.timedelta(days=HISTORY_DAYS))


def session_for(db: DbSession, athlete: Athlete, on: dt.date, today: dt.date) -> Session:
    """The session to show for `on`: the programme's, with adjustments and safety rules."""
    assert athlete.start_date is not None
    history = recent_history(db, athlete.user_id, today)
    stored = AdjustmentRepository(db).list_between(athlete.user_id, on, on)
    return effective_session(athlete.start_date, on, history, stored, today)


def week_for(
    db: DbSession,
    athlete: Athlete,
    week: int,
    today: dt.date,
    history: list[LoggedCheckin],
) -> list[Session]:
    """The seven sessions of programme week `week`, as they stand today, given the athlete's
    `recent_history` (the caller has it already for the week's load)."""
    assert athlete.start_date is not None
    first = athlete.start_date + dt.timedelta(days=(week - 1) * 7)
    stored = AdjustmentRepository(db).list_between(
        athlete.user_id, first, first + dt.timedelta(days=6)
    )
    return effective_week(athlete.start_date, week, history, stored, today)
