"""The weekly review: how the programme week that ends today went, and what the next one holds."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict

from bot.services.plans import recent_history, week_for
from bot.services.unit_of_work import UnitOfWork
from coach.adjustments import Adjustment
from coach.programme import PROGRAMME_WEEKS, complete_note, programme_day
from coach.progress import progress_data
from coach.schedule import Schedule
from coach.sessions import RUNNING_KINDS, Session, SessionKind

# The loads the week is set against.
EARLIER_WEEKS = 4
KEY_KINDS = RUNNING_KINDS | {SessionKind.LONG_HIKE}


class WeeklyReview(BaseModel):
    """One finished programme week: sessions, load against the weeks before, what changed and
    why, and next week's key sessions (none after week 12: the programme is complete)."""

    model_config = ConfigDict(frozen=True)

    start: dt.date
    week: int
    first_day: dt.date
    last_day: dt.date
    planned: int
    done: int
    skipped: int
    load: int  # RPE × minutes over the week
    earlier_weeks: int  # how many weeks before it the average covers (0 in week 1)
    earlier_average: float | None
    adjustments: tuple[Adjustment, ...]  # changes to this week's sessions, with their reasons
    next_sessions: tuple[Session, ...]  # the long hike, the runs, the hill repeats, as adjusted
    complete_note: str | None  # after week 12: what comes next, naming the long-hike day

    @property
    def complete(self) -> bool:
        return self.week == PROGRAMME_WEEKS


def week_ending_on(schedule: Schedule, on: dt.date) -> int | None:
    """The programme week (1–12) whose last day is `on`, or None when `on` ends none."""
    day = programme_day(schedule, on)
    if day < 1 or day % 7 != 0 or day > PROGRAMME_WEEKS * 7:
        return None
    return day // 7


def weekly_review(uow: UnitOfWork, user_id: int, on: dt.date) -> WeeklyReview | None:
    """The review of the week ending on `on`; None without an athlete, a start date, or when
    `on` is not the last day of one of the 12 weeks."""
    athlete = uow.athletes.get(user_id)
    schedule = athlete.schedule if athlete is not None else None
    if athlete is None or schedule is None:
        return None
    start = schedule.start
    week = week_ending_on(schedule, on)
    if week is None:
        return None
    progress = progress_data(schedule, on, uow.checkins.list_between(user_id, start, on))
    this = progress.weeks[week - 1]
    earlier = progress.weeks[max(0, week - 1 - EARLIER_WEEKS) : week - 1]
    average = sum(w.load.total for w in earlier) / len(earlier) if earlier else None
    next_sessions: tuple[Session, ...] = ()
    if week < PROGRAMME_WEEKS:
        history = recent_history(uow, user_id, on)
        following = week_for(uow, athlete, week + 1, on, history)
        # A key session scaled back (to a walk, say) stays in, with its reason.
        next_sessions = tuple(s for s in following if s.kind in KEY_KINDS or s.adjusted_reason)
    return WeeklyReview(
        start=start,
        week=week,
        first_day=this.first_day,
        last_day=on,
        planned=this.planned,
        done=this.done,
        skipped=this.skipped,
        load=this.load.total,
        earlier_weeks=len(earlier),
        earlier_average=average,
        adjustments=tuple(uow.adjustments.list_between(user_id, this.first_day, on)),
        next_sessions=next_sessions,
        complete_note=complete_note(schedule, on) if week == PROGRAMME_WEEKS else None,
    )
