"""What happened in one programme week: each day's session (as it was planned then, for days
gone by), what was logged for it, and the tally ("3 of 5 sessions done · load 1,240")."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from coach.adjustments import AthletePlan, effective_week
from coach.checkins import Activity, LoggedCheckin
from coach.load import checkin_load
from coach.sessions import Session


class DayOutcome(StrEnum):
    DONE = "done"  # something was done that day
    SKIPPED = "skipped"  # skipped, or a rest day taken instead (unwell)
    NOT_LOGGED = "not_logged"  # a session day gone by with nothing logged
    TODAY = "today"  # today, nothing logged yet
    TO_COME = "to_come"
    REST = "rest"  # a rest day gone by with nothing logged


class DayReview(BaseModel):
    model_config = ConfigDict(frozen=True)

    session: Session
    outcome: DayOutcome
    logged: tuple[LoggedCheckin, ...] = ()

    @property
    def done(self) -> LoggedCheckin | None:
        """The check-in that did the day, if one did."""
        return next((c for c in self.logged if did_something(c)), None)


class WeekReview(BaseModel):
    model_config = ConfigDict(frozen=True)

    week: int
    days: tuple[DayReview, ...]
    load: int

    @property
    def sessions(self) -> int:
        """The week's planned sessions (rest days do not count)."""
        return sum(not day.session.is_rest_day for day in self.days)

    @property
    def sessions_done(self) -> int:
        return sum(
            not day.session.is_rest_day and day.outcome is DayOutcome.DONE for day in self.days
        )

    @property
    def to_come(self) -> int:
        return sum(
            not day.session.is_rest_day and day.outcome in (DayOutcome.TODAY, DayOutcome.TO_COME)
            for day in self.days
        )


def review_week(plan: AthletePlan, week: int) -> WeekReview:
    """Programme week `week` as it stands today: done, skipped, still to come, with load."""
    days = []
    total = 0
    for session in effective_week(plan, week):
        logged = tuple(c for c in plan.history if c.date == session.date)
        total += sum(load for c in logged if (load := checkin_load(c)) is not None)
        days.append(
            DayReview(session=session, outcome=_outcome(session, logged, plan), logged=logged)
        )
    return WeekReview(week=week, days=tuple(days), load=total)


def _outcome(session: Session, logged: tuple[LoggedCheckin, ...], plan: AthletePlan) -> DayOutcome:
    if any(did_something(c) for c in logged):
        return DayOutcome.DONE
    rested = any(c.skipped or c.activity is Activity.REST for c in logged)
    if rested and not session.is_rest_day:
        return DayOutcome.SKIPPED
    if session.date > plan.today:
        return DayOutcome.TO_COME
    if session.date == plan.today:
        return DayOutcome.TODAY
    return DayOutcome.REST if session.is_rest_day else DayOutcome.NOT_LOGGED


def did_something(checkin: LoggedCheckin) -> bool:
    """Whether a check-in reports a session done (not a skip, a rest or pain news alone)."""
    return not checkin.skipped and checkin.activity not in (None, Activity.REST)
