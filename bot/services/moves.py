"""Moving a session to another day of its programme week: the days it may go to, the move
itself (checked against the guide's rules), and a move asked for in words."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict

from bot.services.plans import athlete_plan, schedule_of
from bot.services.unit_of_work import UnitOfWork
from coach.adjustments import Adjustment, AthletePlan, effective_session
from coach.athletes import Athlete
from coach.moves import (
    MoveCheck,
    MoveRequest,
    check_move,
    days_that_work,
    movable_days,
    move,
    resolve,
)
from coach.programme import programme_week, week_dates
from coach.sessions import Session


class MoveOutcome(BaseModel):
    """A move asked for: the check, and when it was allowed the stored move and the two days'
    sessions as they now stand."""

    model_config = ConfigDict(frozen=True)

    check: MoveCheck
    move: Adjustment | None = None
    moved: Session | None = None  # the session on its new day
    swapped: Session | None = None  # the one that took its place


def sessions_to_move(uow: UnitOfWork, athlete: Athlete, today: dt.date) -> list[Session]:
    """This programme week's sessions, today or later, that have a day they may move to."""
    plan = _plan(uow, athlete, today, today)
    return [effective_session(plan, day) for day in movable_days(plan)]


def days_to_move_to(
    uow: UnitOfWork, athlete: Athlete, from_date: dt.date, today: dt.date
) -> tuple[Session, list[dt.date]]:
    """The session on `from_date` and the days of its week it may move to."""
    plan = _plan(uow, athlete, from_date, today)
    return effective_session(plan, from_date), days_that_work(plan, from_date)


def move_session(
    uow: UnitOfWork, athlete: Athlete, from_date: dt.date, to_date: dt.date, today: dt.date
) -> MoveOutcome:
    """Swap the sessions of two days of one programme week, when the guide's rules allow it."""
    plan = _plan(uow, athlete, from_date, today)
    return _made(uow, athlete, plan, check_move(plan, from_date, to_date))


def move_as_asked(
    uow: UnitOfWork, athlete: Athlete, request: MoveRequest, today: dt.date
) -> MoveOutcome:
    """A move asked for in words ("move Tuesday's run to Wednesday"), in this programme week."""
    plan = _plan(uow, athlete, today, today)
    return _made(uow, athlete, plan, resolve(plan, request))


def _made(uow: UnitOfWork, athlete: Athlete, plan: AthletePlan, check: MoveCheck) -> MoveOutcome:
    if not check.allowed or check.from_date is None or check.to_date is None:
        return MoveOutcome(check=check)
    stored = uow.adjustments.add_move(athlete.user_id, move(plan, check.from_date, check.to_date))
    after = plan.with_adjustments((*plan.adjustments, stored))
    return MoveOutcome(
        check=check,
        move=stored,
        moved=effective_session(after, check.to_date),
        swapped=effective_session(after, check.from_date),
    )


def _plan(uow: UnitOfWork, athlete: Athlete, on: dt.date, today: dt.date) -> AthletePlan:
    """The plan around `on`'s programme week: the rules look a week either side of it."""
    schedule = schedule_of(athlete)
    days = week_dates(schedule, programme_week(schedule, on))
    week = dt.timedelta(days=7)
    return athlete_plan(uow, athlete, today, days[0] - week, days[-1] + week)
