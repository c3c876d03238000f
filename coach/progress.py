"""Where an athlete stands in the 12 weeks, week by week: the figures /progress draws.

`progress_data(schedule, today, checkins)` counts, for each programme week, the sessions planned
and those done or skipped, the load by activity and the week's long hike. It reads no clock
and no database: the caller passes `today` and the check-ins.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field, model_validator

from coach.checkins import Activity, LoggedCheckin
from coach.load import checkin_load
from coach.programme import PROGRAMME_WEEKS, DayStatus, programme_day, week_sessions
from coach.schedule import Schedule
from coach.sessions import RESTFUL_KINDS


class ActivityLoad(BaseModel):
    """One week's load (RPE × minutes) split by what was done; REST and unknown go to other."""

    model_config = ConfigDict(frozen=True)

    hike: int = Field(default=0, ge=0)
    run: int = Field(default=0, ge=0)
    strength: int = Field(default=0, ge=0)
    walk: int = Field(default=0, ge=0)
    other: int = Field(default=0, ge=0)

    @property
    def total(self) -> int:
        return self.hike + self.run + self.strength + self.walk + self.other


# The order the load is stacked in, biggest share first so the bars read from the bottom.
LOAD_GROUPS: tuple[str, ...] = tuple(ActivityLoad.model_fields)


class WeekProgress(BaseModel):
    """One programme week: sessions planned, days trained or skipped, load, the long hike."""

    model_config = ConfigDict(frozen=True)

    week: int = Field(ge=1, le=PROGRAMME_WEEKS)
    first_day: dt.date
    planned: int = Field(ge=0, le=7)
    done: int = Field(ge=0, le=7)
    skipped: int = Field(ge=0, le=7)
    load: ActivityLoad = ActivityLoad()
    long_hike_min: int | None = Field(default=None, ge=1)
    long_hike_climb_m: int | None = Field(default=None, ge=0)


class ProgressData(BaseModel):
    """Everything the /progress picture shows, and nothing it does not."""

    model_config = ConfigDict(frozen=True)

    start: dt.date
    today: dt.date
    status: DayStatus
    # The week `today` falls in; None before the start and after the last week.
    current_week: int | None = Field(ge=1, le=PROGRAMME_WEEKS)
    total_weeks: int = PROGRAMME_WEEKS
    weeks: tuple[WeekProgress, ...]

    @model_validator(mode="after")
    def _one_row_per_week(self) -> ProgressData:
        if [w.week for w in self.weeks] != list(range(1, self.total_weeks + 1)):
            raise ValueError(f"weeks must be numbered 1 to {self.total_weeks}, in order")
        return self

    @property
    def days_to_start(self) -> int:
        return max(0, (self.start - self.today).days)


def progress_data(
    schedule: Schedule, today: dt.date, checkins: Iterable[LoggedCheckin]
) -> ProgressData:
    """The 12 weeks as they stand on `today`, from the athlete's check-ins.

    Planned sessions are the programme's days that are neither rest nor Monday's optional
    "rest or easy walk" (5 a week); an adjustment reshapes a session but never adds or removes
    one, so the count does not need the adjusted plan. A day counts once: done when any
    check-in on it reports training, skipped when its only reports are skips. Check-ins
    after `today`, before the start or after week 12 are left out.
    """
    start = schedule.start
    last_day = start + dt.timedelta(days=PROGRAMME_WEEKS * 7 - 1)
    by_week: dict[int, list[LoggedCheckin]] = {}
    for checkin in checkins:
        if start <= checkin.date <= min(today, last_day):
            by_week.setdefault((checkin.date - start).days // 7 + 1, []).append(checkin)
    day = programme_day(schedule, today)
    if day < 1:
        status, current = DayStatus.BEFORE_START, None
    elif day > PROGRAMME_WEEKS * 7:
        status, current = DayStatus.COMPLETE, None
    else:
        status, current = DayStatus.IN_PROGRAMME, (day - 1) // 7 + 1
    weeks = tuple(
        _week(schedule, week, by_week.get(week, [])) for week in range(1, PROGRAMME_WEEKS + 1)
    )
    return ProgressData(start=start, today=today, status=status, current_week=current, weeks=weeks)


def is_training(checkin: LoggedCheckin) -> bool:
    """True when the check-in reports a session done: not a skip, a rest day or a note that
    only says how the knee feels."""
    if checkin.skipped or checkin.activity is Activity.REST:
        return False
    return checkin.activity is not None or checkin.duration_min is not None


def _week(schedule: Schedule, week: int, checkins: list[LoggedCheckin]) -> WeekProgress:
    sessions = week_sessions(schedule, week)
    trained = {c.date for c in checkins if is_training(c)}
    skipped = {c.date for c in checkins if c.skipped} - trained
    hikes = [
        c
        for c in checkins
        if c.activity is Activity.HIKE and is_training(c) and c.duration_min is not None
    ]
    # The week's long hike is its longest, whichever day it moved to; Saturday's wins a tie.
    longest = max(hikes, key=lambda c: (c.duration_min or 0, c.date.weekday() == 5), default=None)
    return WeekProgress(
        week=week,
        first_day=sessions[0].date,
        planned=sum(1 for s in sessions if s.kind not in RESTFUL_KINDS),
        done=len(trained),
        skipped=len(skipped),
        load=_load(checkins),
        long_hike_min=longest.duration_min if longest else None,
        long_hike_climb_m=longest.climb_m if longest else None,
    )


def _load(checkins: list[LoggedCheckin]) -> ActivityLoad:
    totals = dict.fromkeys(LOAD_GROUPS, 0)
    for checkin in checkins:
        load = checkin_load(checkin)
        if load is None:
            continue
        group = checkin.activity.value if checkin.activity else Activity.OTHER.value
        totals[group if group in totals else Activity.OTHER.value] += load
    return ActivityLoad(**totals)
