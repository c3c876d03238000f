"""What the athlete can take away from their record: the progress picture's figures, the
calendar of the sessions to come, the whole record as an export, and why the plan changed."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict

from bot.calendar_feed import calendar_ics, feed_token_digest, new_feed_token, remaining_dates
from bot.export import AthleteExport
from bot.services.plans import athlete_plan, schedule_of
from bot.services.unit_of_work import UnitOfWork
from coach.adjustments import Adjustment, effective_session
from coach.athletes import Athlete
from coach.checkins import LoggedCheckin
from coach.progress import ProgressData, progress_data
from coach.safety import Injury

# /why looks this far back for the changes it explains (and at everything still to come).
WHY_DAYS = 14


class PlanChange(BaseModel):
    """One change to the plan, with the check-in that caused it (None for a change made
    without one, such as a moved session)."""

    model_config = ConfigDict(frozen=True)

    adjustment: Adjustment
    cause: LoggedCheckin | None = None


class PlanChanges(BaseModel):
    """Why the plan is what it is: the recent and coming changes, and the injuries open."""

    model_config = ConfigDict(frozen=True)

    changes: tuple[PlanChange, ...] = ()
    injuries: tuple[Injury, ...] = ()


def progress_figures(uow: UnitOfWork, athlete: Athlete, today: dt.date) -> ProgressData:
    """What the progress picture draws, from every check-in of the programme so far."""
    schedule = schedule_of(athlete)
    checkins = uow.checkins.list_since(athlete.user_id, schedule.start)
    return progress_data(schedule, today, checkins)


def calendar_file(uow: UnitOfWork, athlete: Athlete, today: dt.date, now: dt.datetime) -> bytes:
    """Every session still to come, as it stands today (adjusted, moved, walked while an
    injury is open), as an iCalendar file."""
    dates = remaining_dates(schedule_of(athlete).start, today)
    plan = athlete_plan(uow, athlete, today)
    sessions = [effective_session(plan, on) for on in dates]
    return calendar_ics(sessions, feed_id=str(athlete.user_id), now=now)


def new_calendar_link(uow: UnitOfWork, athlete: Athlete) -> str:
    """A new secret token for the athlete's calendar subscription; the old one stops working.
    Only its digest is kept, so the token is shown once."""
    token = new_feed_token()
    uow.feeds.set(athlete.user_id, feed_token_digest(token))
    return token


def revoke_calendar_link(uow: UnitOfWork, athlete: Athlete) -> bool:
    return uow.feeds.revoke(athlete.user_id)


def subscribed_calendar(uow: UnitOfWork, token: str, now: dt.datetime, zone: str) -> bytes | None:
    """The calendar behind a subscription token, or None for a token nobody has."""
    user_id = uow.feeds.owner(feed_token_digest(token))
    athlete = uow.athletes.get(user_id) if user_id is not None else None
    if athlete is None or athlete.start_date is None:
        return None
    today = now.astimezone(ZoneInfo(athlete.zone(zone))).date()
    return calendar_file(uow, athlete, today, now)


def export_record(uow: UnitOfWork, athlete: Athlete, now: dt.datetime) -> AthleteExport:
    """Everything kept about the athlete, with the words of every check-in exactly as sent."""
    user_id = athlete.user_id
    return AthleteExport(
        exported_at=now,
        profile=athlete,
        checkins=uow.checkins.list_since(user_id, dt.date.min),
        adjustments=uow.adjustments.list_between(user_id, dt.date.min, dt.date.max),
        injuries=uow.injuries.history(user_id),
        reminders=uow.reminders.history(user_id),
        unanswered_questions=uow.questions.asked_by(user_id),
    )


def plan_changes(uow: UnitOfWork, athlete: Athlete, today: dt.date) -> PlanChanges:
    """The changes of the last two weeks and all still to come, each with what caused it,
    and the injuries that keep runs off."""
    first = today - dt.timedelta(days=WHY_DAYS)
    adjustments = uow.adjustments.list_between(athlete.user_id, first, dt.date.max)
    causes = {c.id: c for c in uow.checkins.list_since(athlete.user_id, first - dt.timedelta(7))}
    changes = tuple(
        PlanChange(adjustment=a, cause=causes.get(a.checkin_id) if a.checkin_id else None)
        for a in adjustments
    )
    return PlanChanges(changes=changes, injuries=tuple(uow.injuries.open(athlete.user_id)))
