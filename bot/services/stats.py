"""`trailcoach stats`: where the athletes are in the programme and what the bot did today."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict

from bot.services.unit_of_work import UnitOfWork
from bot.storage.tables import ReminderKind, ReminderStatus
from coach.phases import phase_for_week
from coach.programme import PROGRAMME_WEEKS, programme_day, programme_week
from coach.schedule import Schedule


class ReminderCounts(BaseModel):
    model_config = ConfigDict(frozen=True)

    sent: int = 0
    late: int = 0  # of those sent
    failed: int = 0
    skipped: int = 0
    pending: int = 0  # claimed, not confirmed yet


class Stats(BaseModel):
    """The figures, for `today` in the operator's time zone. Athletes who blocked the bot are
    counted apart and nowhere else; the paused keep their place in the programme."""

    model_config = ConfigDict(frozen=True)

    today: dt.date
    zone: str
    athletes: int
    active: int
    paused: int
    blocked: int
    no_start_date: int
    not_started: int
    by_week: dict[int, int]  # programme week 1–12: athletes in it
    by_phase: dict[int, int]
    finished: int  # past week 12
    week_start: dt.date  # the Monday "this week" counts from
    checkins_this_week: int
    reminders: ReminderCounts  # the day's session reminders due today
    reviews: ReminderCounts  # weekly reviews due today
    unanswered_questions: int


def stats(uow: UnitOfWork, today: dt.date, zone: str) -> Stats:
    """The figures for `today` (a date in `zone`): athletes by programme week and phase, active
    and paused, check-ins since Monday, reminders and reviews due today, questions kept."""
    active = paused = blocked = no_start = not_started = finished = 0
    by_week = dict.fromkeys(range(1, PROGRAMME_WEEKS + 1), 0)
    for start, is_paused, is_active, count in uow.athletes.count_by_start():
        if not is_active:
            blocked += count
            continue
        paused, active = (paused + count, active) if is_paused else (paused, active + count)
        if start is None:
            no_start += count
            continue
        # Only the start date counts here; the long-hike day does not move the weeks.
        schedule = Schedule(start=start)
        if programme_day(schedule, today) < 1:
            not_started += count
        elif programme_day(schedule, today) > PROGRAMME_WEEKS * 7:
            finished += count
        else:
            by_week[programme_week(schedule, today)] += count
    by_phase: dict[int, int] = {}
    for week, count in by_week.items():
        phase = phase_for_week(week).number
        by_phase[phase] = by_phase.get(phase, 0) + count
    monday = today - dt.timedelta(days=today.weekday())
    tz = ZoneInfo(zone)
    first = dt.datetime.combine(today, dt.time(), tz)
    last = dt.datetime.combine(today + dt.timedelta(days=1), dt.time(), tz)
    counts = uow.reminders.counts_due_between(first, last)
    return Stats(
        today=today,
        zone=zone,
        athletes=active + paused + blocked,
        active=active,
        paused=paused,
        blocked=blocked,
        no_start_date=no_start,
        not_started=not_started,
        by_week=by_week,
        by_phase=by_phase,
        finished=finished,
        week_start=monday,
        checkins_this_week=uow.checkins.count_between(monday, today),
        reminders=_counts(counts, ReminderKind.SESSION),
        reviews=_counts(counts, ReminderKind.WEEKLY_REVIEW),
        unanswered_questions=uow.questions.count(),
    )


def _counts(
    rows: list[tuple[ReminderKind, ReminderStatus, bool, int]], kind: ReminderKind
) -> ReminderCounts:
    totals = dict.fromkeys(ReminderStatus, 0)
    late = 0
    for row_kind, status, is_late, count in rows:
        if row_kind is kind:
            totals[status] += count
            if status is ReminderStatus.SENT and is_late:
                late += count
    return ReminderCounts(
        sent=totals[ReminderStatus.SENT],
        late=late,
        failed=totals[ReminderStatus.FAILED],
        skipped=totals[ReminderStatus.SKIPPED],
        pending=totals[ReminderStatus.PENDING],
    )
