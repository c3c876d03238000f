"""Reminders as use cases: what a reminder for a day holds, and answering its buttons."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from bot.services.checkins import CheckinOutcome, log_checkin
from bot.services.plans import session_for
from bot.services.unit_of_work import UnitOfWork
from coach.adjustments import HARD_RPE
from coach.athletes import Athlete
from coach.checkins import Activity, CheckinReading, CheckinSource, LoggedCheckin
from coach.programme import programme_day
from coach.schedule import Schedule
from coach.sessions import Session, SessionKind


class ReminderAnswer(StrEnum):
    """The buttons under a reminder."""

    DONE = "done"
    SKIPPED = "skipped"
    HARD = "hard"


class ReminderContent(BaseModel):
    """What a reminder for `on` is about: the athlete's schedule and the session that day
    (None before the start)."""

    model_config = ConfigDict(frozen=True)

    schedule: Schedule
    on: dt.date
    session: Session | None


class AnsweredReminder(BaseModel):
    """A reminder button's answer: the session of that day and what was logged for it, or the
    answer given before when the day was answered already."""

    model_config = ConfigDict(frozen=True)

    on: dt.date
    session: Session
    answer: ReminderAnswer
    logged: CheckinOutcome | None = None  # None: answered before, nothing new logged


ACTIVITY_OF = {
    SessionKind.REST: Activity.REST,
    SessionKind.EASY_WALK: Activity.WALK,
    SessionKind.RUN_WALK: Activity.RUN,
    SessionKind.EASY_RUN: Activity.RUN,
    SessionKind.HILL_REPEATS: Activity.RUN,
    SessionKind.STRENGTH: Activity.STRENGTH,
    SessionKind.LONG_HIKE: Activity.HIKE,
    SessionKind.RECOVERY_HIKE: Activity.HIKE,
}
RAW_TEXT = {
    ReminderAnswer.DONE: "Done",
    ReminderAnswer.SKIPPED: "Skipped",
    ReminderAnswer.HARD: "Too hard",
}


def reminder_content(uow: UnitOfWork, user_id: int, on: dt.date) -> ReminderContent | None:
    """What to remind the athlete of on `on`; None without an athlete or a start date."""
    athlete = uow.athletes.get(user_id)
    schedule = athlete.schedule if athlete else None
    if athlete is None or schedule is None:
        return None
    session = None
    if programme_day(schedule, on) >= 1:
        session = session_for(uow, athlete, on, on)
    return ReminderContent(schedule=schedule, on=on, session=session)


def answer_reminder(
    uow: UnitOfWork,
    athlete: Athlete,
    reminder_id: int,
    answer: ReminderAnswer,
    today: dt.date,
) -> AnsweredReminder | None:
    """Log the reminder's day as done, skipped or too hard, once: a second press (on any
    replica, at the same moment) finds the first answer. None when the reminder is not this
    athlete's or they have no plan."""
    on = uow.reminders.local_date(athlete.user_id, reminder_id)
    schedule = athlete.schedule
    if on is None or schedule is None or programme_day(schedule, on) < 1:
        return None
    session = session_for(uow, athlete, on, today)
    earlier = uow.checkins.for_reminder(athlete.user_id, reminder_id)
    if earlier is not None:
        return AnsweredReminder(on=on, session=session, answer=_answer_of(earlier))
    logged = log_checkin(
        uow,
        athlete,
        _reading(answer, session, on),
        raw_text=RAW_TEXT[answer],
        today=today,
        source=CheckinSource.REMINDER,
        reminder_id=reminder_id,
    )
    return AnsweredReminder(on=on, session=session, answer=answer, logged=logged)


def _reading(answer: ReminderAnswer, session: Session, on: dt.date) -> CheckinReading:
    activity = ACTIVITY_OF[session.kind]
    if answer is ReminderAnswer.SKIPPED:
        return CheckinReading(date=on, activity=activity, skipped=True)
    hard = answer is ReminderAnswer.HARD
    return CheckinReading(
        date=on,
        activity=activity,
        duration_min=session.minutes_max,
        rpe=HARD_RPE if hard else None,
        hard=hard,
    )


def _answer_of(checkin: LoggedCheckin) -> ReminderAnswer:
    if checkin.skipped:
        return ReminderAnswer.SKIPPED
    return ReminderAnswer.HARD if checkin.hard else ReminderAnswer.DONE


def reminded_on(uow: UnitOfWork, user_id: int, on: dt.date) -> bool:
    """Whether the athlete was sent the reminder of that day's session: only then does a bare
    "yes" or "nope" answer it."""
    return uow.reminders.session_reminder_sent(user_id, on)
